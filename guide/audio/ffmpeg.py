"""ffmpeg: loudness measured by ITU-R BS.1770, limiting, MP3 encoding and joining.

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

from guide.errors import AudioError, FileError, MissingTool


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


DISK_FULL = ("No space left on device", "Disk quota exceeded")
"What ffmpeg prints when a write fails for want of space; it may still exit 0."


def run_ffmpeg(args: list[str], stdin: bytes | None = None, cwd: Path | str | None = None,
               output: Path | None = None) -> str:
    """Run ffmpeg quietly and return what it wrote on stderr.

    A failure raises :class:`AudioError` with ffmpeg's last line; a full disk
    raises :class:`FileError` naming ``output``, even when ffmpeg exits 0.
    """
    cmd = ["ffmpeg", "-hide_banner", "-nostdin", "-nostats", "-y", *args]
    try:
        done = subprocess.run(cmd, input=stdin, capture_output=True, cwd=cwd)
    except FileNotFoundError as exc:
        raise MissingTool("ffmpeg") from exc
    err = done.stderr.decode("utf-8", "replace")
    if any(sign in err for sign in DISK_FULL):
        raise FileError(output or Path(cwd or "."), "the disk is full. Free some space and try again.")
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


ENCODE_LOSS_DB = 0.45
"""How much quieter LAME's MP3 of a 22,050 Hz mono chapter is than its input: about 0.45 dB
(measured here on espeak-ng speech, on the natural voice and on a 1 kHz tone, at 64 and 128
kbps). The gain aims that much higher, so that the file a listener gets is at the target."""


def measure_pcm(pcm: bytes, sample_rate: int) -> Loudness:
    """Integrated loudness of raw PCM (no true peak: this pass only sets the gain)."""
    err = run_ffmpeg([*_pcm_input(sample_rate), "-af", "ebur128=framelog=verbose", "-f", "null", "-"],
                     pcm)
    return _parse_ebur128(err)


def gain_for(measured: Loudness, target: LoudnessTarget) -> float:
    """The gain in dB that brings ``measured`` to the target loudness once encoded."""
    if measured.integrated_lufs == float("-inf"):
        return 0.0
    return round(target.integrated_lufs + ENCODE_LOSS_DB - measured.integrated_lufs, 2)


def limited_loudness(pcm: bytes, sample_rate: int, gain_db: float, target: LoudnessTarget) -> float:
    """Integrated loudness after ``gain_db`` and the limiter: a measuring pass, nothing written."""
    err = run_ffmpeg([*_pcm_input(sample_rate), "-af", f"{_limited(gain_db, target)},"
                      "ebur128=framelog=verbose", "-f", "null", "-"], pcm)
    return _parse_ebur128(err).integrated_lufs


def settle_gain(pcm: bytes, sample_rate: int, gain_db: float, target: LoudnessTarget,
                passes: int = 2, within_lu: float = 0.3, most_db: float = 8.0) -> float:
    """The gain that meets the target *after* the limiter.

    A voice whose peaks are high for its loudness (the natural voice's are)
    loses loudness in the limiter, so the gain is raised by what the limited
    result falls short, in at most ``passes`` measuring passes; a voice the
    limiter barely touches (espeak-ng's) keeps its first gain, and one pass.
    """
    for _ in range(passes):
        aim = target.integrated_lufs + ENCODE_LOSS_DB
        shortfall = aim - limited_loudness(pcm, sample_rate, gain_db, target)
        if abs(shortfall) <= within_lu or shortfall == float("inf"):
            break
        gain_db = round(min(gain_db + shortfall, gain_db + most_db), 2)
    return gain_db


def _limited(gain_db: float, target: LoudnessTarget) -> str:
    ceiling = 10 ** (target.limiter_db / 20)
    return (f"volume={gain_db}dB,alimiter=limit={ceiling:.4f}:level=false:latency=true"
            ":attack=5:release=50")


def encode_chapter(pcm: bytes, sample_rate: int, gain_db: float, target: LoudnessTarget,
                   mp3: Path, bitrate: int) -> Loudness:
    """Apply gain and a look-ahead limiter; write the MP3; measure the result.

    The limiter compensates its own delay, so every sample stays where it was
    and the sentence timings hold. Its ceiling is a sample peak a dB below the
    true-peak limit; the result's loudness and sample peak are measured here,
    and the tests measure the true peak of the files independently.
    """
    graph = (f"[0:a]{_limited(gain_db, target)},asplit=2[m][e];"
             "[e]ebur128=peak=sample:framelog=verbose[eo]")
    err = run_ffmpeg([*_pcm_input(sample_rate), "-filter_complex", graph,
                "-map", "[m]", *_mp3(bitrate), "-f", "mp3", str(mp3),
                "-map", "[eo]", "-f", "null", "-"], pcm, output=mp3)
    measured = _parse_ebur128(err)  # before the encoder: the file is ENCODE_LOSS_DB quieter
    peak = measured.sample_peak_dbfs
    return Loudness(round(measured.integrated_lufs - ENCODE_LOSS_DB, 1), None,
                    None if peak is None else round(peak - ENCODE_LOSS_DB, 1))


LAME_DELAY_SAMPLES = 1105
"Samples of silence at the start of every LAME-encoded MP3: the encoder's 576 and the decoder's 529."


def samples_per_frame(sample_rate: int) -> int:
    """Samples in one MP3 frame: 1152 for MPEG-1 rates, 576 below 32 kHz (MPEG-2 and 2.5)."""
    return 1152 if sample_rate >= 32000 else 576


def mp3_frames(path: Path) -> int:
    """How many audio frames an MP3 holds (its Xing/Info frame not counted), as ffprobe counts."""
    done = subprocess.run(["ffprobe", "-v", "error", "-count_packets", "-select_streams", "a:0",
                           "-show_entries", "stream=nb_read_packets", "-of", "csv=p=0", str(path)],
                          capture_output=True, text=True)
    if done.returncode != 0 or not done.stdout.strip().isdigit():
        raise AudioError(f"ffprobe could not count the frames of {path}.")
    return int(done.stdout.strip())


def concat_mp3(mp3s: list[Path], out: Path, list_file: Path) -> None:
    """Join chapter MP3s frame by frame, without encoding again.

    Each chapter keeps its own encoder delay and padding (about 50 to 80 ms
    of silence at each join, inside the pause that ends every chapter), and
    the joined file has no Xing header, so every decoder plays every frame:
    chapter k's first sample is at ``frames_before_k * samples_per_frame +
    LAME_DELAY_SAMPLES``.
    """
    list_file.write_text("".join(f"file '{_quote(p)}'\n" for p in mp3s), encoding="utf-8")
    run_ffmpeg(["-f", "concat", "-safe", "0", "-i", str(list_file), "-map", "0:a", "-c", "copy",
          "-map_metadata", "-1", "-id3v2_version", "0", "-write_xing", "0", "-f", "mp3", str(out)],
         output=out)


def _quote(path: Path) -> str:
    return str(Path(path).resolve()).replace("'", "'\\''")
