"""ffmpeg: loudness measured by ITU-R BS.1770, limiting, and MP3 encoding.

Every function here runs one ffmpeg process and raises :class:`AudioError`
with ffmpeg's last line when it fails. Audio goes in as 16-bit mono PCM on
stdin or as files, so nothing here holds more than one chapter in memory.
"""

from __future__ import annotations

import re
import shutil
import subprocess
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

    def to_dict(self) -> dict:
        out = {"integrated_lufs": self.integrated_lufs}
        if self.true_peak_dbtp is not None:
            out["true_peak_dbtp"] = self.true_peak_dbtp
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
    peak = re.search(r"Peak:\s+(-?[\d.]+|-inf) dBFS", summary)
    if not integrated:
        raise AudioError("ffmpeg gave no loudness measurement.")
    return Loudness(float(integrated[1]), float(peak[1]) if peak else None)


def _pcm_input(sample_rate: int) -> list[str]:
    return ["-f", "s16le", "-ar", str(sample_rate), "-ac", "1", "-i", "pipe:0"]


def _mp3(bitrate: int) -> list[str]:
    return ["-c:a", "libmp3lame", "-b:a", f"{bitrate}k", "-map_metadata", "-1",
            "-id3v2_version", "0", "-write_xing", "1"]


def measure_pcm(pcm: bytes, sample_rate: int) -> Loudness:
    """Integrated loudness of raw PCM (no true peak: this pass only sets the gain)."""
    err = _run([*_pcm_input(sample_rate), "-af", "ebur128", "-f", "null", "-"], pcm)
    return _parse_ebur128(err)


def measure_file(path: Path) -> Loudness:
    """Loudness of any audio file ffmpeg can decode."""
    return _parse_ebur128(_run(["-i", str(path), "-af", "ebur128=peak=true", "-f", "null", "-"]))


def gain_for(measured: Loudness, target: LoudnessTarget) -> float:
    """The gain in dB that brings ``measured`` to the target loudness."""
    if measured.integrated_lufs == float("-inf"):
        return 0.0
    return round(target.integrated_lufs - measured.integrated_lufs, 2)


def encode_chapter(pcm: bytes, sample_rate: int, gain_db: float, target: LoudnessTarget,
                   mp3: Path, wav: Path, bitrate: int) -> Loudness:
    """Apply gain and a look-ahead limiter; write the MP3 and a WAV; measure the result.

    The limiter compensates its own delay, so every sample stays where it was
    and the sentence timings hold.
    """
    ceiling = 10 ** (target.limiter_db / 20)
    graph = (f"[0:a]volume={gain_db}dB,alimiter=limit={ceiling:.4f}:level=false:latency=true"
             ":attack=5:release=50,asplit=3[m][w][e];[e]ebur128=peak=true[eo]")
    err = _run([*_pcm_input(sample_rate), "-filter_complex", graph,
                "-map", "[m]", *_mp3(bitrate), "-f", "mp3", str(mp3),
                "-map", "[w]", "-c:a", "pcm_s16le", "-f", "wav", str(wav),
                "-map", "[eo]", "-f", "null", "-"], pcm)
    return _parse_ebur128(err)


def concat_to_mp3(wavs: list[Path], mp3: Path, bitrate: int, list_file: Path) -> Loudness:
    """Join chapter WAVs, streaming, into one MP3, and measure its integrated loudness."""
    list_file.write_text("".join(f"file '{_quote(w)}'\n" for w in wavs), encoding="utf-8")
    err = _run(["-f", "concat", "-safe", "0", "-i", str(list_file),
                "-filter_complex", "[0:a]asplit=2[m][e];[e]ebur128[eo]",
                "-map", "[m]", *_mp3(bitrate), "-f", "mp3", str(mp3),
                "-map", "[eo]", "-f", "null", "-"])
    return _parse_ebur128(err)


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
