"""Positions in a built guide: which chapter and sentence a time falls in.

The player plays the whole-guide MP3, so a position is one number, seconds
from the start of that file. The manifest says where each chapter starts in
it (``start_s``) and where each sentence starts in its chapter, which is
all this module needs.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from guide.model import find_chapter, matching_chapters  # noqa: F401 (re-exported)

if TYPE_CHECKING:
    from guide.manifest import Manifest, ManifestChapter


@dataclass(frozen=True)
class Spot:
    """A position as the listener thinks of it."""

    index: int
    "0-based index of the chapter."
    offset_s: float
    "Seconds from the start of that chapter."


class Timeline:
    """The chapters and sentences of a built guide, on the whole-guide MP3's clock."""

    def __init__(self, manifest: Manifest):
        self.manifest = manifest
        "The built guide."
        self.chapters: list[ManifestChapter] = list(manifest.chapters)
        "Its chapters in order."
        self._starts = [ch.start_s for ch in self.chapters]

    @property
    def language(self) -> str:
        """The guide's language (a BCP 47 tag): every line the player says is in it."""
        return self.manifest.language or "en"

    @property
    def total(self) -> int:
        return len(self.chapters)

    @property
    def duration_s(self) -> float:
        return self.manifest.duration_s

    def spot(self, t: float) -> Spot:
        """The chapter and offset of ``t`` seconds into the guide."""
        index = max(0, bisect_right(self._starts, t) - 1)
        return Spot(index, max(0.0, t - self.chapters[index].start_s))

    def time_of(self, index: int, offset_s: float = 0.0) -> float:
        """Seconds into the guide of ``offset_s`` into chapter ``index``."""
        return self.chapters[index].start_s + offset_s

    def sentence_at(self, spot: Spot) -> int | None:
        """The sentence playing, or just played, at ``spot``; ``None`` before the first."""
        starts = [s.start_s for s in self.chapters[spot.index].sentences]
        found = bisect_right(starts, spot.offset_s + 1e-6) - 1
        return found if found >= 0 else None

    def resume_spot(self, index: int, offset_s: float) -> Spot | None:
        """Where to go on from a saved place: the start of the sentence that was playing.

        A place after the last sentence of a chapter goes on at the next
        chapter; after the last chapter, ``None`` (the guide was finished).
        """
        if not 0 <= index < self.total:
            return None
        chapter = self.chapters[index]
        offset_s = min(max(0.0, offset_s), chapter.duration_s)
        if chapter.sentences and offset_s >= chapter.sentences[-1].end_s:
            return Spot(index + 1, 0.0) if index + 1 < self.total else None
        sentence = self.sentence_at(Spot(index, offset_s))
        if sentence is None or sentence == 0:
            return Spot(index, 0.0)
        return Spot(index, chapter.sentences[sentence].start_s)

    def find_chapter(self, wanted: str) -> int:
        """The index of the chapter given by number or by title (see :func:`find_chapter`)."""
        return find_chapter([(ch.number, ch.title) for ch in self.chapters], wanted)
