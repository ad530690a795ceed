"""The data that every stage passes around.

Two families live here:

* the *article* as it was read: :class:`Article` → :class:`Section` →
  :class:`Block` (a paragraph or one list item);
* the *guide* as an editor shaped it: :class:`Guide` → :class:`Chapter` →
  :class:`Block`, and the :class:`Sentence` list a chapter is spoken as.

Nothing in this module does I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path


class BlockKind(str, Enum):  # noqa: UP042 -- str() must stay "BlockKind.ITEM", as StrEnum would change it
    """What a block of text is, which decides how it is read aloud."""

    PARAGRAPH = "paragraph"
    "Running prose; sentences are read one after another."
    ITEM = "item"
    "One item of a bulleted or numbered list; read with a pause after it."


@dataclass
class Block:
    """A paragraph or one list item: the unit a pause is placed after."""

    text: str
    "The written text, whitespace folded to single spaces."
    kind: BlockKind = BlockKind.PARAGRAPH
    "Whether this is a paragraph or a list item."
    number: int | None = None
    "An item's number in a numbered list of the article (``<ol>``, ``1.``); ``None`` otherwise."


# --------------------------------------------------------------------- article


@dataclass
class Section:
    """A part of an article under one heading (or before the first heading)."""

    heading: str | None
    "The heading as written, or ``None`` for the lead paragraphs."
    blocks: list[Block] = field(default_factory=list)
    "The paragraphs and list items, in order."

    @property
    def text(self) -> str:
        """All the section's words, one block per line."""
        return "\n".join(b.text for b in self.blocks)


@dataclass
class Article:
    """A source article, with everything that is never spoken already removed."""

    title: str
    "The article's title (its first line, ``# heading`` or ``<h1>``)."
    subtitle: str | None = None
    "The dek under the title, when there is one."
    sections: list[Section] = field(default_factory=list)
    "Lead section first (heading ``None``), then one per heading."
    sources: list[str] = field(default_factory=list)
    "The entries of an 'Article Sources' or 'References' list."
    format: str = "text"
    "How it was read: ``text``, ``markdown`` or ``html``."
    path: Path | None = None
    "Where it was read from, when it came from a file."
    bylines: list[str] = field(default_factory=list)
    "Byline and date lines ('Reviewed by ...', 'Last updated ...'), kept for the editor, never spoken."
    notes: list[str] = field(default_factory=list)
    "Sentences for the editor about how the article was read (a table without a header row ...)."

    @property
    def headings(self) -> list[str]:
        """The headings of the sections that have one."""
        return [s.heading for s in self.sections if s.heading]


# ----------------------------------------------------------------------- guide


class SentenceKind(str, Enum):  # noqa: UP042 -- as BlockKind
    """Why a sentence is there, which decides the pause after it."""

    ANNOUNCEMENT = "announcement"
    "The 'Chapter N of M: Title' line that opens every chapter."
    SENTENCE = "sentence"
    "A sentence inside a paragraph."
    ITEM = "item"
    "A sentence inside a list item."


@dataclass
class Sentence:
    """One clip of speech: the unit of synthesis, caching, captions and replay."""

    text: str
    "The sentence as written in the script."
    spoken: str = ""
    "What the engine is given, after normalisation and the lexicon."
    kind: SentenceKind = SentenceKind.SENTENCE
    "Announcement, prose sentence or list item."
    pause_after_s: float = 0.4
    "Silence after the clip, in seconds."
    start_s: float | None = None
    "Start of the clip in the chapter file, once built."
    end_s: float | None = None
    "End of the clip (before the pause) in the chapter file, once built."
    paragraph: int = -1
    """0-based index of the block (paragraph or list item) of its chapter the sentence comes from;
    -1 for the announcement."""


@dataclass
class Chapter:
    """One chapter of a guide: one script file, one MP3."""

    number: int
    "1-based position in the guide."
    title: str
    "The title read in the announcement and shown in players."
    blocks: list[Block] = field(default_factory=list)
    "Paragraphs and list items as the editor wrote them."
    sources: list[str] = field(default_factory=list)
    "The article sections this chapter comes from (``Introduction`` for the lead)."
    stem: str = ""
    "The file name without extension, ``NN-chapter-slug``."
    notes: list[str] = field(default_factory=list)
    "Notes for the editor, written as ``# `` lines at the top of the script; never spoken."

    @property
    def text(self) -> str:
        """The chapter's words, one block per line."""
        return "\n".join(b.text for b in self.blocks)


@dataclass
class Guide:
    """A guide as an editor made it: its settings and its chapters."""

    slug: str
    "Short name used for folders and files, e.g. ``cervical-insufficiency``."
    title: str
    "The guide's title, used as the album tag."
    chapters: list[Chapter] = field(default_factory=list)
    "The chapters in order."
    subtitle: str | None = None
    "A line under the title, optional."
    language: str = "en-US"
    "BCP 47 language tag of the narration."
    engine: str = "pyttsx3"
    "Speech engine: ``pyttsx3`` (espeak-ng), or ``piper`` for the natural voice."
    voice: str = ""
    "Engine voice name; empty means the engine's own voice for ``language``."
    rate: int = 150
    "Speaking rate in words per minute."
    source: str = ""
    "The source article: a file name inside the guide folder, or a citation."
    source_title: str = ""
    "The source article's own title."
    publisher: str = ""
    "Who publishes the guide (artist/publisher tag)."
    target_grade: float = 8.0
    "Highest reading grade ``guide check`` accepts."
    target_inflesz: float = 65.0
    "Lowest INFLESZ score ``guide check`` accepts in a Spanish guide."
    translation_of: str = ""
    "The slug of the guide this one is translated from; empty when it is not a translation."
    source_reviewed: str | None = None
    "When the source article was last reviewed or updated, ``YYYY-MM-DD``, when known."
    review_every_months: int = 24
    "How often the guide's approval must be renewed, in months."
    source_age_years: int = 5
    "How many years old the newest source may be before ``guide check`` warns."
    clinic: dict[str, str] | None = None
    "The clinic that hands the guide out: ``name`` and ``phone``, from ``[clinic]``; None when not given."
    notes: list[str] = field(default_factory=list)
    "What making a draft found for the editor to know (``guide new`` says them); never saved."
    folder: Path | None = None
    "The guide folder it was read from."

    def chapter(self, key: str | int) -> Chapter:
        """The chapter given by number or by title (see :func:`find_chapter`)."""
        return self.chapters[find_chapter([(ch.number, ch.title) for ch in self.chapters], str(key))]


# ------------------------------------------------------------- finding a chapter
# One rule for every command that takes a chapter by number or title (the player, guide play).


def _unknown_chapter(message: str, hint: str | None = None) -> Exception:
    from guide.errors import UnknownChapter

    return UnknownChapter(message, hint=hint)


def matching_chapters(chapters: Sequence[tuple[int, str]], wanted: str) -> list[int]:
    """The indexes of the chapters (``(number, title)`` pairs) that ``wanted`` may mean: the one
    with that number; else the one with that title, or every one whose title holds it (any case)."""
    text = wanted.strip()
    if text.isdigit():
        return [i for i, (number, _) in enumerate(chapters) if number == int(text)]
    lowered = text.casefold()
    exact = [i for i, (_, title) in enumerate(chapters) if title.casefold() == lowered]
    return exact or [i for i, (_, title) in enumerate(chapters) if lowered in title.casefold()]


def find_chapter(chapters: Sequence[tuple[int, str]], wanted: str) -> int:
    """The index of the one chapter (``(number, title)`` pairs) that ``wanted`` means, by number or
    by title (a unique part of it); :class:`UnknownChapter` for none, or more than one."""
    text = wanted.strip()
    matches = matching_chapters(chapters, text)
    if len(matches) == 1:
        return matches[0]
    if text.isdigit():
        raise _unknown_chapter(f"There is no chapter {int(text)}. "
                               f"This guide has chapters 1 to {len(chapters)}.")
    if not matches:
        raise _unknown_chapter(f"No chapter is called {text!r}.", hint="list")
    numbers = ", ".join(str(chapters[i][0]) for i in matches)
    raise _unknown_chapter(f"{text!r} matches chapters {numbers}. Give the chapter's number instead.")
