"""Say one line the way a guide would say it (``guide say``).

The line goes through the same normalisation and lexicon as a build, in the
guide's language (:func:`guide.speech.normalise.normalise`), then through the
same engine. The clip
is played with mpv, or written as a WAV or MP3 file through a temporary name
and a rename (:func:`guide.files.atomic_write_bytes`), so that a file already
there is never left half-written. The MP3 is made by
:func:`guide.audio.ffmpeg.run_ffmpeg`, like every other MP3.
"""

from __future__ import annotations

import io
import subprocess
import wave
from dataclasses import dataclass
from pathlib import Path

from guide.engines.base import Clip
from guide.errors import AudioError, GuideError

FORMATS = (".wav", ".mp3")
"The file types a clip can be written as."
MP3_BITRATE = 64
"kbps of an MP3 clip: the same as a built guide."
MAX_WORDS = 1000
"The longest text said at once: this is for trying a word or a few sentences, not a chapter."

__all__ = ["FORMATS", "Said", "TooLong", "phonemes", "play_clip", "prepare", "synthesize",
           "write_clip"]


class TooLong(GuideError):
    "The text has more words than are said at once"

    def __init__(self, words: int, limit: int = MAX_WORDS):
        self.words = words
        "How many words the text has."
        self.limit = limit
        "The most that are said at once."
        super().__init__(f"That text has {words:,} words; at most {limit:,} are said at once. "
                         "Put a longer text in a chapter script and build it.")


@dataclass(frozen=True)
class Said:
    """A line and what the engine is given for it."""

    text: str
    "The line as written."
    spoken: str
    "After normalisation and the lexicon: what the engine says."


def prepare(text: str, lexicon=None, language: str = "en-US") -> Said:
    """The spoken form of ``text`` by the rules of ``language`` (a tag such as ``es-US``), through
    a :class:`~guide.speech.lexicon.Lexicon` if given (else that language's built-in one);
    :class:`TooLong`, or :class:`GuideError` when nothing is left to say."""
    from guide.speech.normalise import normalise

    words = len(text.split())
    if words > MAX_WORDS:
        raise TooLong(words)
    spoken = normalise(text, lexicon, language)
    if not any(c.isalnum() for c in spoken):
        raise GuideError("There is nothing to say in that text. Give a word or a sentence.")
    return Said(text, spoken)


def phonemes(text: str, voice: str = "en-us") -> str:
    """espeak-ng's phonemes for ``text``, or "" without espeak-ng (see :func:`guide.check.words.phonemes`)."""
    from guide.check.words import phonemes as espeak_phonemes

    return espeak_phonemes(text, voice)


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


def mp3_bytes(clip: Clip, named: Path) -> bytes:
    """The clip as the bytes of an MP3 file, made by ffmpeg in a private folder; a full disk
    names ``named``, the file they are for."""
    from guide.audio.ffmpeg import run_ffmpeg
    from guide.tempdirs import private

    with private("say") as folder:
        made = Path(folder) / "clip.mp3"
        run_ffmpeg(["-f", "s16le", "-ar", str(clip.sample_rate), "-ac", "1", "-i", "pipe:0",
                    "-c:a", "libmp3lame", "-b:a", f"{MP3_BITRATE}k", "-f", "mp3", str(made)],
                   clip.pcm, output=named)
        return made.read_bytes()


def check_out_path(path: Path) -> None:
    """Raise :class:`GuideError` unless ``path`` ends in .wav or .mp3."""
    if Path(path).suffix.lower() not in FORMATS:
        raise GuideError(f"A clip is written as a .wav or .mp3 file, and {Path(path).name} is neither.")


def write_clip(clip: Clip, path: Path) -> Path:
    """Write the clip to ``path`` (.wav, or .mp3 through ffmpeg), atomically."""
    from guide.files import atomic_write_bytes, make_dirs

    path = Path(path)
    check_out_path(path)
    make_dirs(path.parent)
    atomic_write_bytes(path, wav_bytes(clip) if path.suffix.lower() == ".wav" else mp3_bytes(clip, path))
    return path


def play_clip(clip: Clip, audio_output: str | None = None) -> None:
    """Play the clip through mpv and wait until it ends; ``audio_output`` is mpv's ``--ao``."""
    from guide.player.mpv import find_mpv
    from guide.tempdirs import private

    mpv = find_mpv()
    with private("say") as folder:
        wav = Path(folder) / "say.wav"
        wav.write_bytes(wav_bytes(clip))
        args = [mpv, "--no-video", "--really-quiet", "--no-config"]
        if audio_output:
            args.append(f"--ao={audio_output}")
        done = subprocess.run([*args, str(wav)], stdin=subprocess.DEVNULL,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if done.returncode != 0:
        raise AudioError("mpv could not play the clip, so nothing was heard.", hint="say-out")
