"""Captions: WebVTT and SRT files made from the manifest's sentence timings.

One cue per sentence. A sentence too long for two lines of 42 characters is
split, at spaces, into as few cues as fit, as even in length as possible; its
time span is shared among them in proportion to their characters (spaces
included, so each word also counts for the gap that follows it). Captions sit
beside the MP3s with the same names (``chapters/01-welcome.vtt`` beside
``chapters/01-welcome.mp3``), so players such as VLC pick them up by themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from guide.export.common import chosen, is_whole, target
from guide.files import atomic_write_text, make_dirs
from guide.manifest import Manifest, ManifestChapter

LINE_WIDTH = 42
"Most characters on one caption line (the BBC and Netflix limit)."
MAX_LINES = 2
"Most lines in one cue."


@dataclass(frozen=True)
class Cue:
    """One caption on screen."""

    start_s: float
    "When it appears, in seconds from the start of the file."
    end_s: float
    "When it goes."
    lines: tuple[str, ...]
    "One or two lines of at most :data:`LINE_WIDTH` characters."


def _pieces(text: str, width: int) -> list[str]:
    """The words of ``text``, with any word longer than a line cut into line-sized pieces."""
    out: list[str] = []
    for word in text.split():
        out += [word[i:i + width] for i in range(0, len(word), width)]
    return out


def wrap(words: list[str], width: int = LINE_WIDTH, max_lines: int = MAX_LINES) -> list[str] | None:
    """The words as at most ``max_lines`` lines of at most ``width``, balanced; ``None`` if they
    do not fit."""
    text = " ".join(words)
    if len(text) <= width:
        return [text]
    if max_lines < 2:
        return None
    best: list[str] | None = None
    for k in range(1, len(words)):
        first = " ".join(words[:k])
        if len(first) > width:
            break
        rest = wrap(words[k:], width, max_lines - 1)
        if rest is not None and (best is None or max(map(len, [first, *rest])) < max(map(len, best))):
            best = [first, *rest]
    return best


def _group(words: list[str], limit: int) -> list[list[str]]:
    """Words filled greedily into cues of at most ``limit`` characters that wrap."""
    groups: list[list[str]] = [[]]
    for word in words:
        trial = groups[-1] + [word]
        if groups[-1] and (len(" ".join(trial)) > limit or wrap(trial) is None):
            groups.append([word])
        else:
            groups[-1] = trial
    return groups


def split_text(text: str) -> list[list[str]]:
    """The lines of each cue for one sentence: as few cues as fit, as even as possible."""
    words = _pieces(text, LINE_WIDTH)
    if not words:
        return []
    fewest = len(_group(words, LINE_WIDTH * MAX_LINES + 1))
    total = len(" ".join(words))
    for limit in range(-(-total // fewest), LINE_WIDTH * MAX_LINES + 2):
        groups = _group(words, limit)
        if len(groups) <= fewest:
            return [wrap(g) or [" ".join(g)] for g in groups]
    raise AssertionError("unreachable: the widest limit gives the fewest cues")


def sentence_cues(text: str, start_s: float, end_s: float) -> list[Cue]:
    """The cues of one sentence, sharing its time span in proportion to their characters."""
    parts = split_text(text)
    weights = [len(" ".join(lines)) + 1 for lines in parts]
    cues, done, total = [], 0, sum(weights)
    for lines, weight in zip(parts, weights, strict=True):
        begin = start_s + (end_s - start_s) * done / total
        done += weight
        cues.append(Cue(begin, start_s + (end_s - start_s) * done / total, tuple(lines)))
    return cues


def chapter_cues(chapter: ManifestChapter, offset_s: float = 0.0) -> list[Cue]:
    """Every cue of a chapter, shifted by ``offset_s`` (its start in the whole guide)."""
    return [cue for s in chapter.sentences
            for cue in sentence_cues(s.text, offset_s + s.start_s, offset_s + s.end_s)]


def _clock(seconds: float, separator: str) -> str:
    ms = max(0, round(seconds * 1000))
    hours, ms = divmod(ms, 3_600_000)
    minutes, ms = divmod(ms, 60_000)
    secs, ms = divmod(ms, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}{separator}{ms:03d}"


def _vtt_text(line: str) -> str:
    return line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def to_vtt(cues: list[Cue]) -> str:
    """A WebVTT file."""
    out = ["WEBVTT", ""]
    for n, cue in enumerate(cues, 1):
        out += [str(n), f"{_clock(cue.start_s, '.')} --> {_clock(cue.end_s, '.')}",
                *map(_vtt_text, cue.lines), ""]
    return "\n".join(out)


def to_srt(cues: list[Cue]) -> str:
    """An SRT file."""
    out: list[str] = []
    for n, cue in enumerate(cues, 1):
        out += [str(n), f"{_clock(cue.start_s, ',')} --> {_clock(cue.end_s, ',')}", *cue.lines, ""]
    return "\n".join(out)


RENDER = {"vtt": to_vtt, "srt": to_srt}
"Caption format name → function that renders cues."


def write_captions(manifest: Manifest, out_dir: Path, chapters: list[int],
                   kinds: tuple[str, ...] = ("vtt", "srt")) -> list[Path]:
    """Caption files for each chosen chapter, and the whole guide when all are chosen."""
    jobs: list[tuple[str, list[Cue]]] = [(ch.file, chapter_cues(ch)) for ch in chosen(manifest, chapters)]
    if is_whole(manifest, chapters):
        jobs.append((manifest.file, [c for ch in manifest.chapters for c in chapter_cues(ch, ch.start_s)]))
    written: list[Path] = []
    for rel, cues in jobs:
        for kind in kinds:
            path = target(out_dir, Path(rel).with_suffix(f".{kind}"))
            make_dirs(path.parent)
            atomic_write_text(path, RENDER[kind](cues))
            written.append(path)
    return written


def write_vtt(manifest: Manifest, built_dir: Path, out_dir: Path, chapters: list[int]) -> list[Path]:
    """``--format vtt``: WebVTT captions for each chapter and the whole guide."""
    return write_captions(manifest, out_dir, chapters, ("vtt",))


def write_srt(manifest: Manifest, built_dir: Path, out_dir: Path, chapters: list[int]) -> list[Path]:
    """``--format srt``: SRT captions for each chapter and the whole guide."""
    return write_captions(manifest, out_dir, chapters, ("srt",))
