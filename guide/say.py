"""``guide say``: try one line the way a guide would say it.

The line goes through the same normalisation and lexicon as a build
(:func:`guide.speech.normalise.normalise`), then through the same engine. The clip
is played with mpv, or written as a WAV or MP3 file through a temporary name
and a rename, so that a file already there is never left half-written.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tempfile
import wave
from dataclasses import dataclass
from pathlib import Path

from guide.check.words import phonemes
from guide.engines.base import Clip
from guide.errors import AudioError, GuideError, MissingTool
from guide.files import UMASK, atomic_write_bytes, make_dirs
from guide.speech.lexicon import Lexicon
from guide.speech.normalise import normalise

FORMATS = (".wav", ".mp3")
"The file types ``--out`` can write."
MP3_BITRATE = 64
"kbps of an MP3 clip: the same as a built guide."
MAX_WORDS = 1000
"The longest text ``say`` takes: it is for trying a word or a few sentences, not a chapter."

__all__ = ["FORMATS", "Said", "phonemes", "play_clip", "prepare", "require_mpv", "synthesize", "write_clip"]


@dataclass(frozen=True)
class Said:
    """A line and what the engine is given for it."""

    text: str
    "The line as written."
    spoken: str
    "After normalisation and the lexicon: what the engine says."


def prepare(text: str, lexicon: Lexicon | None = None) -> Said:
    """The spoken form of ``text``; :class:`GuideError` when nothing is left to say."""
    words = len(text.split())
    if words > MAX_WORDS:
        raise GuideError(f"That text has {words:,} words; guide say takes at most {MAX_WORDS:,}. "
                         "Put a longer text in a chapter script and build it.")
    spoken = normalise(text, lexicon)
    if not any(c.isalnum() for c in spoken):
        raise GuideError("There is nothing to say in that text. Give a word or a sentence.")
    return Said(text, spoken)


def synthesize(said: Said, engine, voice: str, rate: int) -> Clip:
    """One verified clip of the spoken form, from ``engine``."""
    return next(iter(engine.synthesize([said.spoken], voice, rate)))


def wav_bytes(clip: Clip) -> bytes:
    """The clip as the bytes of a WAV file."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as f:
        f.setnchannels(1)
        f.setsampwidth(2)
        f.setframerate(clip.sample_rate)
        f.writeframes(clip.pcm)
    return buffer.getvalue()


def check_out_path(path: Path) -> None:
    """Raise :class:`GuideError` unless ``path`` ends in .wav or .mp3."""
    if Path(path).suffix.lower() not in FORMATS:
        raise GuideError(f"--out must name a .wav or .mp3 file, not {Path(path).name}.")


def write_clip(clip: Clip, path: Path) -> Path:
    """Write the clip to ``path`` (.wav, or .mp3 through ffmpeg), atomically."""
    path = Path(path)
    check_out_path(path)
    make_dirs(path.parent)
    if path.suffix.lower() == ".wav":
        atomic_write_bytes(path, wav_bytes(clip))
        return path
    ffmpeg = shutil.which("ffmpeg")
    if ffmpeg is None:
        raise MissingTool("ffmpeg")
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    os.close(fd)
    try:
        os.chmod(tmp, 0o666 & ~UMASK)
        done = subprocess.run(
            [ffmpeg, "-hide_banner", "-nostdin", "-nostats", "-y", "-f", "s16le",
             "-ar", str(clip.sample_rate), "-ac", "1", "-i", "pipe:0", "-c:a", "libmp3lame",
             "-b:a", f"{MP3_BITRATE}k", "-f", "mp3", tmp],
            input=clip.pcm, capture_output=True)
        if done.returncode != 0:
            last = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no message"]
            raise AudioError(f"ffmpeg could not make the MP3: {last[0].strip()}")
        os.replace(tmp, path)
    finally:
        Path(tmp).unlink(missing_ok=True)
    return path


def require_mpv() -> str:
    """The path of mpv, or :class:`MissingTool` saying how to install it."""
    mpv = shutil.which("mpv")
    if mpv is None:
        raise MissingTool("mpv")
    return mpv


def play_clip(clip: Clip, audio_output: str | None = None) -> None:
    """Play the clip through mpv and wait until it ends; ``audio_output`` is mpv's ``--ao``."""
    mpv = require_mpv()
    from guide.tempdirs import private

    with private("say") as folder:
        wav = Path(folder) / "say.wav"
        wav.write_bytes(wav_bytes(clip))
        args = [mpv, "--no-video", "--really-quiet", "--no-config"]
        if audio_output:
            args.append(f"--ao={audio_output}")
        done = subprocess.run([*args, str(wav)], stdin=subprocess.DEVNULL,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if done.returncode != 0:
        raise AudioError("mpv could not play the clip, so nothing was heard. Connect speakers "
                         "or headphones, or write it to a file with --out clip.wav.")
