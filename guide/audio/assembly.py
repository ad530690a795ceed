"""Clips and silences joined into one chapter, with every sentence's timing.

pydub does one thing here: it finds where each clip's sound ends
(:func:`pydub.silence.detect_leading_silence` on the reversed clip), so the
trailing silence an engine leaves can be trimmed. The pauses are runs of zero
samples made here, exactly ``round(seconds × rate)`` long
(:meth:`AudioSegment.silent` takes whole milliseconds and truncates, which
would move every later sentence by a sample now and then). The pieces are
joined once, as bytes, because repeated ``segment + segment`` copies the
whole chapter each time and grows with the square of its length.
"""

from __future__ import annotations

import warnings

with warnings.catch_warnings():
    # pydub warns on import when ffmpeg is missing; the build says so in one sentence instead.
    warnings.filterwarnings("ignore", "Couldn't find ffmpeg", RuntimeWarning)
    from pydub import AudioSegment
    from pydub.silence import detect_leading_silence

from guide.engines.base import Clip
from guide.model import BlockKind, Chapter, Sentence
from guide.speech import languages
from guide.speech.narration import announcement


def _segment(clip: Clip) -> AudioSegment:
    return AudioSegment(data=clip.pcm, sample_width=2, frame_rate=clip.sample_rate, channels=1)


TAIL_KEEP_MS = 50
"Silence kept after the last sound of a clip; espeak-ng adds about 0.4 s, which is trimmed."
SILENCE_DBFS = -50.0
"Below this level a clip's tail counts as silence."


def trim_tail(segment: AudioSegment) -> AudioSegment:
    """The clip without its trailing silence, so that a sentence ends where its sound ends."""
    tail = detect_leading_silence(segment.reverse(), silence_threshold=SILENCE_DBFS, chunk_size=5)
    cut = max(0, tail - TAIL_KEEP_MS)
    return segment[: len(segment) - cut] if cut else segment


def _silence(seconds: float, sample_rate: int) -> bytes:
    """``seconds`` of 16-bit mono silence, to the nearest sample."""
    return b"\0\0" * round(seconds * sample_rate)


def assemble(clips: list[Clip], sentences: list[Sentence], lead_in_s: float) -> bytes:
    """The chapter's PCM; sets ``start_s`` and ``end_s`` of every sentence.

    Each clip's trailing silence is trimmed first, so ``end_s`` is where the
    sound stops and the pause after it is the one asked for. Times are
    computed from sample counts, so they are exact in the file.
    """
    if len(clips) != len(sentences):
        raise ValueError("one clip per sentence is needed")
    rate = clips[0].sample_rate
    pieces = [_silence(lead_in_s, rate)]
    frames = len(pieces[0]) // 2
    for clip, sentence in zip(clips, sentences, strict=True):
        sound = trim_tail(_segment(clip)).raw_data
        pause = _silence(sentence.pause_after_s, rate)
        sentence.start_s = round(frames / rate, 4)
        frames += len(sound) // 2
        sentence.end_s = round(frames / rate, 4)
        frames += len(pause) // 2
        pieces += [sound, pause]
    return b"".join(pieces)


def transcript_text(chapter: Chapter, total: int, language: str = languages.DEFAULT) -> str:
    """The text alternative that sits beside each chapter MP3 (WCAG 1.2.1), opened by the
    announcement in the guide's ``language``."""
    lines = [announcement(chapter, total, language), ""]
    previous = None
    for block in chapter.blocks:
        if previous is not None and not (previous == block.kind == BlockKind.ITEM):
            lines.append("")
        lines.append(f"- {block.text}" if block.kind == BlockKind.ITEM else block.text)
        previous = block.kind
    return "\n".join(lines) + "\n"
