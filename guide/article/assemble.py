"""From a flat list of pieces (headings, paragraphs, items) to an :class:`Article`.

Every reader turns its input into :class:`Piece` objects in reading order and
hands them here, so the rules about titles, subtitles, sections, sources and
furniture are the same for plain text, Markdown and HTML:

* the **title** is the piece marked ``role="title"``; failing that the first
  piece when it is a heading or a short heading-like line; failing that the
  file name; failing that :data:`UNTITLED`;
* the **subtitle** is a piece marked ``role="subtitle"``, or (when the reader
  allows it) the paragraph right under the title if it is wholly italic or
  short and without closing punctuation;
* headings of level 1–3 start **sections**; deeper headings (HTML ``h4``–``h6``,
  Markdown ``####``) are kept as a short paragraph of their own inside the
  current section;
* a sources heading ("Article Sources", "References" ...) sends what follows,
  up to the next heading of the same or a higher level, to
  :attr:`Article.sources` — its list items, or its paragraphs when it has no
  list; a furniture heading ("Related Articles") drops its section;
* furniture text and photo credits are dropped; **bylines** before the first
  heading, and review or date lines anywhere ("Last updated ...", "Reviewed by
  Name"), are never spoken but kept in :attr:`Article.bylines` for the editor;
* an item keeps its **number** in a numbered list; the first row of a **table
  without a header row** adds a note for the editor to :attr:`Article.notes`;
* sections left with no blocks are dropped; an article with no block left
  raises :class:`~guide.errors.ArticleError`.

The furniture, byline and sources rules are those of the article's
``language`` (see :mod:`.furniture`), and so are the notes for the editor
(the ``draft`` messages of :mod:`guide.i18n`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from guide.article import furniture
from guide.article.text import clean_text, ends_a_sentence, starts_capitalised, word_count
from guide.errors import ArticleError
from guide.i18n import message
from guide.model import Article, Block, BlockKind, Section

UNTITLED = "Untitled article"
"The title of an article that has no title line, heading or file name."

NO_TEXT = (
    "has no text to read once captions, credits and page furniture are removed. "
    "Check that the file holds the article itself."
)
SECTION_LEVELS = 3
"Headings of this level or higher (1 is highest) start a section."


@dataclass
class Piece:
    """One heading, paragraph or list item as a reader found it."""

    kind: str
    "``heading``, ``paragraph`` or ``item``."
    text: str
    "The text, already cleaned with :func:`~.text.clean_text`."
    level: int = 2
    "Heading level, 1 (highest) to 6; plain-text headings are level 2."
    italic: bool = False
    "The whole paragraph is emphasised (a likely subtitle or caption)."
    role: str = ""
    "``title`` or ``subtitle`` when the reader knows; empty otherwise."
    number: int | None = None
    "An item's number in a numbered list."
    no_header: bool = False
    "The first row of a table that has no header row, so its cells are not labelled."


def heading_like(text: str, max_words: int = 12) -> bool:
    """A short line that starts with a capital and has no closing punctuation."""
    words = word_count(text)
    return (
        0 < words <= max_words
        and len(text) <= 10 * max_words
        and any(c.isalpha() for c in text)
        and starts_capitalised(text)
        and not ends_a_sentence(text)
    )


def _subtitle_like(piece: Piece) -> bool:
    """Whether the piece under the title reads as a dek."""
    if piece.kind != "paragraph" or piece.role:
        return False
    if piece.italic and word_count(piece.text) <= 40:
        return True
    return heading_like(piece.text, max_words=20)


def _drop_furniture(pieces: list[Piece], language: str | None) -> tuple[list[Piece], list[str]]:
    """Remove widgets and credits; take out bylines (before the first heading) and
    review or date lines (anywhere), which are returned."""
    kept: list[Piece] = []
    bylines: list[str] = []
    in_front = True
    for piece in pieces:
        if piece.kind == "heading" and not piece.role:
            in_front = False
        if piece.role == "title" or not piece.text:
            kept.append(piece)
            continue
        if furniture.is_furniture_text(piece.text, language) or furniture.is_credit(piece.text, language):
            continue
        if (in_front and furniture.holds_byline(piece.text, language)
                or piece.kind == "paragraph" and furniture.is_review_line(piece.text, language)):
            bylines.append(piece.text)
            continue
        kept.append(piece)
    return [p for p in kept if p.text], bylines


def _take_title(pieces: list[Piece], path: Path | None, language: str | None = None
                ) -> tuple[str, list[Piece], int | None]:
    """Find the title; return it, the other pieces, and where the title stood.

    The position is ``None`` when the title is not a piece of the text (it came
    from the file name), so no dek can be looked for under it.
    """
    for index, piece in enumerate(pieces):
        if piece.role == "title":
            return piece.text, pieces[:index] + pieces[index + 1 :], index
    if pieces and pieces[0].kind != "item":
        if pieces[0].kind == "heading" or heading_like(pieces[0].text):
            return pieces[0].text, pieces[1:], 0
    stem = clean_text(path.stem.replace("-", " ").replace("_", " ")) if path else ""
    return stem or message(language or "en", "draft.untitled"), pieces, None


def _take_subtitle(
    pieces: list[Piece], after: int | None, infer: bool
) -> tuple[str | None, list[Piece]]:
    """Find the subtitle: a marked piece, or the dek-like piece at ``after``."""
    for index, piece in enumerate(pieces):
        if piece.role == "subtitle":
            return piece.text, pieces[:index] + pieces[index + 1 :]
    if infer and after is not None and after < len(pieces) and _subtitle_like(pieces[after]):
        return pieces[after].text, pieces[:after] + pieces[after + 1 :]
    return None, pieces


class _Sections:
    """Builds sections and sources from pieces, one piece at a time."""

    def __init__(self, language: str | None = None) -> None:
        self.language = language
        self.sections = [Section(heading=None)]
        self.sources: list[str] = []
        self.mode = "body"
        self.mode_level = 0
        self.source_items: list[str] = []
        self.source_paragraphs: list[str] = []
        self.notes: list[str] = []

    def add(self, piece: Piece) -> None:
        """Take one piece in reading order."""
        if piece.kind == "heading" and self._heading(piece):
            return
        if self.mode == "skip":
            return
        if self.mode == "sources":
            target = self.source_items if piece.kind == "item" else self.source_paragraphs
            target.append(piece.text)
            return
        kind = BlockKind.ITEM if piece.kind == "item" else BlockKind.PARAGRAPH
        section = self.sections[-1]
        if piece.no_header:
            language = self.language or "en"
            where = (message(language, "draft.table_under", heading=section.heading)
                     if section.heading else message(language, "draft.table_first"))
            self.notes.append(message(language, "draft.table_no_header", where=where))
        section.blocks.append(Block(text=piece.text, kind=kind, number=piece.number))

    def _heading(self, piece: Piece) -> bool:
        """Handle a heading; return False when it is to be kept as a paragraph."""
        if self.mode != "body" and piece.level > self.mode_level:
            return True
        self._end_sources()
        if furniture.is_sources_heading(piece.text, self.language):
            self.mode, self.mode_level = "sources", piece.level
        elif furniture.is_furniture_heading(piece.text, self.language):
            self.mode, self.mode_level = "skip", piece.level
        elif piece.level <= SECTION_LEVELS:
            self.mode = "body"
            self.sections.append(Section(heading=piece.text))
        else:
            self.mode = "body"
            return False
        return True

    def _end_sources(self) -> None:
        """Close a sources section: its items, or its paragraphs when it has none."""
        self.sources.extend(self.source_items or self.source_paragraphs)
        self.source_items, self.source_paragraphs = [], []

    def finish(self) -> tuple[list[Section], list[str]]:
        """The non-empty sections and all sources."""
        self._end_sources()
        return [s for s in self.sections if s.blocks], self.sources


def assemble(
    pieces: list[Piece],
    format: str,
    path: Path | None = None,
    sources: list[str] | None = None,
    infer_subtitle: bool = True,
    bylines: list[str] | None = None,
    language: str | None = None,
) -> Article:
    """Build the article; ``sources`` and ``bylines`` are what a reader already found, and
    ``language`` is the article's (English when not given)."""
    pieces, found_bylines = _drop_furniture(pieces, language)
    title, pieces, after = _take_title(pieces, path, language)
    subtitle, pieces = _take_subtitle(pieces, after, infer_subtitle)
    builder = _Sections(language)
    for piece in pieces:
        builder.add(piece)
    sections, found = builder.finish()
    if not sections:
        raise ArticleError(path or Path("<text>"), NO_TEXT)
    all_sources = [s for s in (sources or []) + found if s]
    all_bylines = list(dict.fromkeys(b for b in (bylines or []) + found_bylines if b))
    return Article(
        title=title, subtitle=subtitle, sections=sections, sources=all_sources,
        format=format, path=path, bylines=all_bylines, notes=builder.notes,
    )
