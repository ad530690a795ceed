"""Reading a plain-text article.

The layout it expects (the layout of text copied from a health website):

* the **title** is the first line — unless that line is prose (more than six
  words ending with closing punctuation, or more than 25 words), in which case
  it is read as the first paragraph and the title comes from the file name;
* a **subtitle** (dek) is the next line, when it stands alone, has 3–25 words,
  no closing punctuation, and is not a short Title Case line (which reads as a
  first section heading instead);
* **image captions and photo credits** are dropped: a credit line ("Hero
  Images/Getty Images", "Photo: ...", "© ...") and the caption line right above
  it — in the same block, or alone in the block before;
* bylines and date lines before the first paragraph of prose are never read,
  but kept in :attr:`~guide.model.Article.bylines` for the editor;
* blocks are separated by blank lines (runs of two or more blank lines, which
  separate topics in the lead of some articles, count as one);
* a **heading** is a block of one short line (at most 12 words) that starts
  with a capital and has no closing punctuation (``?`` is allowed); a short
  first line followed by a much longer line in the same block is a heading too.
  A heading-like line at the very end of the text is kept as a paragraph;
* lines starting with ``•``, ``-``, ``*``, ``+`` (and similar bullets) or
  ``1.`` / ``2)`` are **list items** (a numbered one keeps its number); an
  indented line continues the item above it; other lines of a block are
  joined into one paragraph (hard-wrapped text is unwrapped);
* everything after a sources heading ("Article Sources", "References" ...) is
  the **sources** list: its list items, or its lines when it has no list;
* furniture lines ("Was this page helpful?", "Advertisement", "Share" ...) are
  dropped wherever they are.
"""

from __future__ import annotations

import re
from pathlib import Path

from guide.article import furniture
from guide.article.assemble import Piece, assemble, heading_like
from guide.article.text import clean_text, ends_a_sentence, is_title_case, word_count
from guide.model import Article

_BULLETS = "•‣◦▪●○■□*+\\-"
_MARKER = re.compile(rf"^\s*(?:[{_BULLETS}]|(?P<number>\d{{1,3}})[.)])\s+(?=\S)")
_SOURCE_MARKER = re.compile(rf"^\s*(?:[{_BULLETS}]|\d{{1,3}}[.)]|\[\d{{1,3}}\])\s+(?=\S)")


def _blocks(text: str) -> list[list[str]]:
    """Split text into blocks of non-blank lines."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in text.split("\n"):
        if line.strip():
            current.append(line.rstrip())
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _is_prose(block: list[str]) -> bool:
    """Whether a block holds a line of running prose."""
    return any(ends_a_sentence(line) and word_count(line) > 12 for line in block)


def _is_sentence(line: str) -> bool:
    """Whether a line reads as a sentence of prose rather than a title."""
    return ends_a_sentence(line) and word_count(line) > 6


def _drop_credits(blocks: list[list[str]], bylines: list[str], language: str | None
                  ) -> list[list[str]]:
    """Drop furniture lines and photo credits with their captions; move early bylines
    to ``bylines``."""
    out: list[list[str]] = []
    seen_prose = False
    for block in blocks:
        kept: list[str] = []
        for line in block:
            if furniture.is_furniture_text(line, language):
                continue
            if not seen_prose and furniture.holds_byline(line, language):
                bylines.append(clean_text(line))
                continue
            if furniture.is_credit(line, language):
                _drop_caption(kept, out)
                continue
            kept.append(line)
        if kept:
            out.append(kept)
            seen_prose = seen_prose or _is_prose(kept)
    return out


def _drop_caption(kept: list[str], out: list[list[str]]) -> None:
    """Remove the caption line above a credit line (never the title line)."""
    if kept:
        if out and word_count(kept[-1]) <= 40:
            kept.pop()
        elif not out and len(kept) > 1 and word_count(kept[-1]) <= 40:
            kept.pop()
    elif len(out) > 1 and len(out[-1]) == 1 and word_count(out[-1][0]) <= 40:
        out.pop()


def _subtitle(block: list[str], has_more: bool) -> str | None:
    """The dek under the title, when this block is one."""
    if len(block) != 1 or not has_more or _MARKER.match(block[0]):
        return None
    text = clean_text(block[0])
    words = word_count(text)
    if words < 3 or not heading_like(text, max_words=25):
        return None
    if is_title_case(text) and words <= 8:
        return None
    return text


def _lines_to_pieces(lines: list[str]) -> list[Piece]:
    """Paragraphs and list items of one block."""
    pieces: list[Piece] = []
    kind, number = "", None
    parts: list[str] = []
    for line in lines:
        marker = _MARKER.match(line)
        if marker:
            pieces.append(Piece(kind, clean_text(" ".join(parts)), number=number))
            kind, parts = "item", [line[marker.end() :]]
            number = int(marker["number"]) if marker["number"] else None
        elif kind == "paragraph" or (kind == "item" and line[:1].isspace()):
            parts.append(line)
        else:
            pieces.append(Piece(kind, clean_text(" ".join(parts)), number=number))
            kind, parts, number = "paragraph", [line], None
    pieces.append(Piece(kind, clean_text(" ".join(parts)), number=number))
    return [p for p in pieces if p.text]


def _is_heading(line: str) -> bool:
    """Whether one line is a heading (when it stands where a heading can)."""
    return not _MARKER.match(line) and heading_like(clean_text(line))


def _block_pieces(block: list[str], is_last: bool) -> list[Piece]:
    """The pieces of one body block: a heading, and/or paragraphs and items."""
    first = block[0]
    if len(block) == 1 and not is_last and _is_heading(first):
        return [Piece("heading", clean_text(first))]
    if len(block) > 1 and _is_heading(first):
        second = block[1]
        if _MARKER.match(second) or len(second.strip()) > 1.5 * len(first.strip()):
            return [Piece("heading", clean_text(first))] + _lines_to_pieces(block[1:])
    return _lines_to_pieces(block)


def _sources(lines: list[str], language: str | None) -> list[str]:
    """Entries of the sources list: its items, or its lines when it has none."""
    items: list[str] = []
    others: list[str] = []
    in_item = False
    for line in lines:
        if furniture.is_furniture_text(line, language):
            continue
        marker = _SOURCE_MARKER.match(line)
        if marker:
            items.append(line[marker.end() :])
            in_item = True
        elif in_item and line[:1].isspace():
            items[-1] += " " + line
        else:
            others.append(line)
            in_item = False
    entries = [clean_text(entry) for entry in (items or others)]
    return [entry for entry in entries if entry]


def _sources_start(block: list[str], language: str | None) -> bool:
    """Whether a block opens with the sources heading."""
    return furniture.is_sources_heading(block[0], language) and not _MARKER.match(block[0])


def parse_plain(text: str, path: Path | None = None, language: str | None = None) -> Article:
    """Read a plain-text article (already decoded and :func:`pre_clean`-ed) in ``language``."""
    bylines: list[str] = []
    blocks = _drop_credits(_blocks(text), bylines, language)
    if not blocks or _is_sentence(blocks[0][0]) or word_count(blocks[0][0]) > 25:
        return _body(blocks, [], path, bylines, language)  # no title line: the assembler names it
    pieces = [Piece("heading", clean_text(blocks[0][0]), level=1, role="title")]
    blocks = ([blocks[0][1:]] if len(blocks[0]) > 1 else []) + blocks[1:]
    if blocks:
        subtitle = _subtitle(blocks[0], len(blocks) > 1)
        if subtitle:
            pieces.append(Piece("paragraph", subtitle, role="subtitle"))
            blocks = blocks[1:]
    return _body(blocks, pieces, path, bylines, language)


def _body(blocks: list[list[str]], pieces: list[Piece], path: Path | None,
          bylines: list[str], language: str | None) -> Article:
    """Add the body blocks and sources to the pieces found so far, and assemble."""
    sources: list[str] = []
    for index, block in enumerate(blocks):
        if _sources_start(block, language):
            rest = block[1:] + [line for later in blocks[index + 1 :] for line in later]
            sources = _sources(rest, language)
            break
        pieces.extend(_block_pieces(block, is_last=index == len(blocks) - 1))
    return assemble(pieces, "text", path, sources=sources, infer_subtitle=False, bylines=bylines,
                    language=language)
