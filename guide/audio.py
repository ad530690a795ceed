"""ffmpeg: loudness measured by ITU-R BS.1770, limiting, and MP3 encoding.

Every function here runs one ffmpeg process and raises :class:`AudioError`
with ffmpeg's last line when it fails. Audio goes in as 16-bit mono PCM on
stdin or as files, so nothing here holds more than one chapter in memory.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import wave
from dataclasses import dataclass
from pathlib import Path

from .errors import AudioError, MissingTool


@dataclass(frozen=True)
class LoudnessTarget:
    """What every chapter and the whole guide are normalised to."""

    integrated_lufs: float = -19.0
    "Integrated loudness (mono speech: the mono equivalent of the -16 LUFS podcast norm)."
    true_peak_dbtp: float = -1.5
    "Highest true peak allowed."
    limiter_db: float = -2.5
    "Sample-peak ceiling of the limiter, below the true-peak limit to leave room."


@dataclass(frozen=True)
class Loudness:
    """A BS.1770 measurement."""

    integrated_lufs: float
    "Integrated loudness."
    true_peak_dbtp: float | None = None
    "True peak, when it was measured (it costs a 4x oversampled pass)."
    sample_peak_dbfs: float | None = None
    "Sample peak, when it was measured."

    def to_dict(self) -> dict:
        out = {"integrated_lufs": self.integrated_lufs}
        if self.true_peak_dbtp is not None:
            out["true_peak_dbtp"] = self.true_peak_dbtp
        if self.sample_peak_dbfs is not None:
            out["sample_peak_dbfs"] = self.sample_peak_dbfs
        return out


def require_ffmpeg() -> None:
    """Raise :class:`MissingTool` unless ffmpeg and ffprobe are installed."""
    for program in ("ffmpeg", "ffprobe"):
        if shutil.which(program) is None:
            raise MissingTool(program, "ffmpeg")


def _run(args: list[str], stdin: bytes | None = None) -> str:
    """Run ffmpeg quietly and return what it wrote on stderr."""
    cmd = ["ffmpeg", "-hide_banner", "-nostdin", "-nostats", "-y", *args]
    try:
        done = subprocess.run(cmd, input=stdin, capture_output=True)
    except FileNotFoundError:
        raise MissingTool("ffmpeg") from None
    err = done.stderr.decode("utf-8", "replace")
    if done.returncode != 0:
        last = [line for line in err.splitlines() if line.strip()][-1:] or ["no message"]
        raise AudioError(f"ffmpeg failed: {last[0].strip()}")
    return err


def _parse_ebur128(stderr: str) -> Loudness:
    summary = stderr[stderr.rfind("Summary:"):]
    integrated = re.search(r"I:\s+(-?[\d.]+|-inf) LUFS", summary)
    true_peak = re.search(r"True peak:\s+Peak:\s+(-?[\d.]+|-inf) dBFS", summary)
    sample_peak = re.search(r"Sample peak:\s+Peak:\s+(-?[\d.]+|-inf) dBFS", summary)
    if not integrated:
        raise AudioError("ffmpeg gave no loudness measurement.")
    return Loudness(float(integrated[1]), float(true_peak[1]) if true_peak else None,
                    float(sample_peak[1]) if sample_peak else None)


def _pcm_input(sample_rate: int) -> list[str]:
    return ["-f", "s16le", "-ar", str(sample_rate), "-ac", "1", "-i", "pipe:0"]


def _mp3(bitrate: int) -> list[str]:
    return ["-c:a", "libmp3lame", "-b:a", f"{bitrate}k", "-map_metadata", "-1",
            "-id3v2_version", "0", "-write_xing", "1"]


def measure_pcm(pcm: bytes, sample_rate: int) -> Loudness:
    """Integrated loudness of raw PCM (no true peak: this pass only sets the gain)."""
    err = _run([*_pcm_input(sample_rate), "-af", "ebur128=framelog=verbose", "-f", "null", "-"], pcm)
    return _parse_ebur128(err)


def measure_file(path: Path) -> Loudness:
    """Loudness of any audio file ffmpeg can decode."""
    return _parse_ebur128(_run(["-i", str(path), "-af", "ebur128=peak=true:framelog=verbose", "-f", "null", "-"]))


def gain_for(measured: Loudness, target: LoudnessTarget) -> float:
    """The gain in dB that brings ``measured`` to the target loudness."""
    if measured.integrated_lufs == float("-inf"):
        return 0.0
    return round(target.integrated_lufs - measured.integrated_lufs, 2)


def encode_chapter(pcm: bytes, sample_rate: int, gain_db: float, target: LoudnessTarget,
                   mp3: Path, wav: Path, bitrate: int) -> Loudness:
    """Apply gain and a look-ahead limiter; write the MP3 and a WAV; measure the result.

    The limiter compensates its own delay, so every sample stays where it was
    and the sentence timings hold. Its ceiling is a sample peak a dB below the
    true-peak limit; the result's loudness and sample peak are measured here,
    and the tests measure the true peak of the files independently.
    """
    ceiling = 10 ** (target.limiter_db / 20)
    graph = (f"[0:a]volume={gain_db}dB,alimiter=limit={ceiling:.4f}:level=false:latency=true"
             ":attack=5:release=50,asplit=3[m][w][e];[e]ebur128=peak=sample:framelog=verbose[eo]")
    err = _run([*_pcm_input(sample_rate), "-filter_complex", graph,
                "-map", "[m]", *_mp3(bitrate), "-f", "mp3", str(mp3),
                "-map", "[w]", "-c:a", "pcm_s16le", "-f", "wav", str(wav),
                "-map", "[eo]", "-f", "null", "-"], pcm)
    return _parse_ebur128(err)


class StreamEncoder:
    """One ffmpeg that encodes 16-bit mono PCM, written to it piece by piece, to MP3.

    The whole-guide MP3 is made this way, a chapter at a time as each one is
    ready, so it is encoded while later chapters are still being made and
    the guide is never held in memory.
    """

    def __init__(self, mp3: Path, sample_rate: int, bitrate: int) -> None:
        self._log = tempfile.TemporaryFile()
        cmd = ["ffmpeg", "-hide_banner", "-nostdin", "-nostats", "-y", *_pcm_input(sample_rate),
               *_mp3(bitrate), "-f", "mp3", str(mp3)]
        try:
            self._proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stderr=self._log,
                                          stdout=subprocess.DEVNULL)
        except FileNotFoundError:
            raise MissingTool("ffmpeg") from None

    def write_wav(self, wav: Path, chunk_frames: int = 1 << 16) -> None:
        """Stream the samples of a WAV file into the encoder."""
        with wave.open(str(wav), "rb") as f:
            while data := f.readframes(chunk_frames):
                try:
                    self._proc.stdin.write(data)  # type: ignore[union-attr]
                except BrokenPipeError:
                    self.close()

    def close(self) -> None:
        """Finish the file."""
        try:
            self._proc.stdin.close()  # type: ignore[union-attr]
        except BrokenPipeError:
            pass
        code = self._proc.wait()
        self._log.seek(0)
        err = self._log.read().decode("utf-8", "replace")
        self._log.close()
        if code != 0:
            last = [line for line in err.splitlines() if line.strip()][-1:] or ["no message"]
            raise AudioError(f"ffmpeg failed: {last[0].strip()}")

    def kill(self) -> None:
        """Stop without finishing (the build failed elsewhere)."""
        if self._proc.poll() is None:
            self._proc.kill()
        self._proc.wait()
        self._log.close()


def _quote(path: Path) -> str:
    return str(Path(path).resolve()).replace("'", "'\\''")


def probe_duration(path: Path) -> float:
    """The duration ffprobe reports, in seconds."""
    done = subprocess.run(
        ["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", str(path)],
        capture_output=True, text=True,
    )
    if done.returncode != 0:
        raise AudioError(f"ffprobe could not read {path}.")
    return float(done.stdout.strip())
