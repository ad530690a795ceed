"""Walking an HTML element tree into pieces, in document order.

The walk is iterative (an explicit stack), so deeply nested pages cannot
exhaust Python's recursion limit. Rules (see :mod:`.html` for the whole
reader): ``h1``–``h6`` are heading pieces with their level; ``li`` is an
item, numbered inside an ``<ol>`` (its ``start``, ``reversed`` and an item's
``value`` are kept); ``p``, ``div`` and other block elements end a paragraph;
each table row is one item (see :mod:`.tables`); ``<br>`` folds to a space;
``<pre>`` is read as paragraphs unless it holds ``<code>``; footnote markers
(``<sup><a href="#ref1">1</a></sup>``, ``<sup>[2]</sup>``, ``<sup>3,4</sup>``)
are not read, while ``kg/m<sup>2</sup>`` keeps its 2; a wholly italic paragraph holding, or right
under, a picture is its caption and is not read. Only text nodes are read:
attributes (URLs, ``alt``, ``title``) and comments never are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bs4 import CData, NavigableString, PageElement, Tag

from guide.article import furniture
from guide.article.assemble import Piece
from guide.article.tables import Table, cells_of, row_text
from guide.article.text import clean_text

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd",
        "details", "dialog", "div", "dl", "dt", "fieldset", "footer", "form", "header",
        "hgroup", "hr", "html", "legend", "main", "nav", "ol", "p", "section", "summary",
        "table", "tbody", "tfoot", "thead", "ul", "menu", "td", "th", "search",
    }
)
_ITALIC = frozenset({"em", "i"})
_FOOTNOTE = re.compile(r"[\[(]?\d{1,3}(?:\s*[,\-–]\s*\d{1,3})*[\])]?")
_READ = (NavigableString, CData)
_MARKER_NODES = 20
"A footnote marker is a few nodes (``<sup><a>1</a></sup>``); a bigger ``<sup>`` is not one."
NESTED_WALKS = 40
"""Headings and table rows are read whole, each by a walk of its own; those nested deeper
than this are read as plain text, so deeply nested tables never exhaust Python's stack."""


@dataclass
class Marks:
    """What earlier steps decided about elements, by ``id()``; the tree is not changed."""

    roles: dict[int, str] = field(default_factory=dict)
    "``title`` or ``subtitle`` for the elements that are those."
    removed: set[int] = field(default_factory=set)
    "Elements that are not read, with everything inside them."
    lifted: dict[int, list[Tag]] = field(default_factory=dict)
    "For a removed element, the marked elements inside it that are still read."
    language: str | None = None
    "The article's language: its furniture words, and how its table cells are said."


class Walker:
    """Turns an element tree into pieces, in document order, without recursion."""

    def __init__(self, marks: Marks | None = None, nesting: int = 0) -> None:
        self.marks = marks or Marks()
        self.nesting = nesting
        "How many elements read whole (headings, table rows) this walk is inside."
        self.pieces: list[Piece] = []
        self.buffer: list[str] = []
        self.kinds = ["paragraph"]
        self.numbers: list[int | None] = [None]
        "The number of the item being read, for the first piece it gives (``None``: none)."
        self.lists: list[_Counter | None] = []
        "For each list the walk is in, its counter (``None`` for a list that is not numbered)."
        self.tables: list[Table] = [Table(language=self.marks.language)]
        "The tables the walk is in, innermost last (the first holds rows found outside a table)."
        self.italic_depth = 0
        self.chars = self.italic_chars = 0
        self.has_image = self.after_image = False

    def walk(self, root: Tag) -> list[Piece]:
        """Walk the children of ``root``; return all pieces."""
        return self.walk_nodes(root.contents)

    def walk_nodes(self, nodes: list[PageElement]) -> list[Piece]:
        """Walk some sibling nodes and everything inside them; return all pieces."""
        stack: list[tuple[PageElement, bool]] = [(n, False) for n in reversed(nodes)]
        while stack:
            node, leaving = stack.pop()
            if leaving:
                self._leave(node)  # type: ignore[arg-type]
            elif id(node) in self.marks.removed:
                for tag in self.marks.lifted.get(id(node), []):
                    self._enter(tag)
            elif type(node) in _READ:
                self._add(str(node))
            elif isinstance(node, Tag) and self._enter(node):
                stack.append((node, True))
                stack.extend((c, False) for c in reversed(node.contents))
        self.flush()
        return self.pieces

    def _add(self, text: str) -> None:
        """Add inline text to the current paragraph or item."""
        self.buffer.append(text)
        count = len("".join(text.split()))
        self.chars += count
        if self.italic_depth:
            self.italic_chars += count

    def flush(self) -> None:
        """End the current paragraph or item."""
        text = clean_text("".join(self.buffer))
        italic = self.chars > 0 and self.italic_chars == self.chars
        image, after_image = self.has_image, self.after_image
        self.buffer, self.chars, self.italic_chars, self.has_image = [], 0, 0, False
        if not text:
            self.after_image = after_image or image
            return
        self.after_image = False
        if italic and (image or after_image):
            return  # the caption of a picture
        number, self.numbers[-1] = self.numbers[-1], None
        self.pieces.append(Piece(self.kinds[-1], text, italic=italic, number=number))

    def _whole(self, tag: Tag, kind: str, level: int = 2) -> None:
        """Emit one element as a single piece."""
        self.flush()
        self.after_image = False
        text = self._text(tag)
        if text:
            role = self.marks.roles.get(id(tag), "")
            self.pieces.append(Piece(kind, text, level=level, role=role))

    def _enter(self, tag: Tag) -> bool:
        """Handle an opening element; return whether to walk its children."""
        name = tag.name
        if id(tag) in self.marks.roles:
            kind = "heading" if name in HEADINGS else "paragraph"
            self._whole(tag, kind, heading_level(tag))
        elif name in HEADINGS:
            self._whole(tag, "heading", heading_level(tag))
        elif name == "tr":
            self._row(tag)
        elif name == "pre":
            self._pre(tag)
        elif name == "img":
            self.has_image = True
        elif name == "br":
            self._add(" ")
        elif name == "sup" and _is_note_marker(tag):
            pass
        else:
            if name == "li":
                self.flush()
                self.kinds.append("item")
                counter = self.lists[-1] if self.lists else None
                self.numbers.append(counter.next(tag) if counter else None)
            elif name in ("ol", "ul", "menu"):
                self.flush()
                self.lists.append(_Counter(tag) if name == "ol" else None)
            elif name == "table":
                self.flush()
                self.tables.append(Table(language=self.marks.language))
            elif name in _ITALIC:
                self.italic_depth += 1
            elif name in BLOCK_TAGS:
                self.flush()
            return True
        return False

    def _leave(self, tag: Tag) -> None:
        """Handle a closing element."""
        if tag.name == "li":
            self.flush()
            self.kinds.pop()
            self.numbers.pop()
        elif tag.name in ("ol", "ul", "menu"):
            self.flush()
            self.lists.pop()
        elif tag.name == "table":
            self.flush()
            self.tables.pop()
        elif tag.name in _ITALIC:
            self.italic_depth -= 1
        elif tag.name in BLOCK_TAGS:
            self.flush()

    def _row(self, row: Tag) -> None:
        """A table row: a header row is kept for the rows under it; any other row is one item."""
        self.flush()
        cells = [(self._text(cell), cell.name == "th", span)
                 for cell, span in cells_of(row, self.marks.removed)]
        table = self.tables[-1]
        in_head = row.parent is not None and row.parent.name == "thead"
        if table.takes_header(cells, in_head):
            return
        text, no_header = row_text(table, [text for text, _, _ in cells], [s for _, _, s in cells])
        if text:
            self.pieces.append(Piece("item", text, no_header=no_header))

    def _text(self, tag: Tag) -> str:
        """The text of an element read whole, by a walk of its own."""
        if self.nesting >= NESTED_WALKS:
            return _plain_text(tag, self.marks.removed)
        return element_text(tag, self.marks, self.nesting + 1)

    def _pre(self, pre: Tag) -> None:
        """Preformatted text: read as paragraphs, unless it is code."""
        self.flush()
        if pre.find("code") is None:
            for chunk in re.split(r"\n[ \t]*\n", pre.get_text()):
                if clean_text(chunk):
                    self.pieces.append(Piece("paragraph", clean_text(chunk)))


class _Counter:
    """The numbers of an ``<ol>``'s items: from ``start``, counting down when ``reversed``."""

    def __init__(self, ol: Tag) -> None:
        self.step = -1 if ol.has_attr("reversed") else 1
        start = _whole_number(ol.get("start"))
        if start is None:
            start = len(ol.find_all("li", recursive=False)) if self.step < 0 else 1
        self.next_number = start

    def next(self, li: Tag) -> int:
        """The number of the item ``li`` (its ``value``, or the next one)."""
        value = _whole_number(li.get("value"))
        number = self.next_number if value is None else value
        self.next_number = number + self.step
        return number


def _whole_number(value: object) -> int | None:
    """An attribute's whole number (``start="3"``), or ``None``."""
    text = str(value).strip() if isinstance(value, str) else ""
    return int(text) if re.fullmatch(r"-?\d{1,6}", text) else None


def _is_note_marker(sup: Tag) -> bool:
    """Whether a ``<sup>`` is a footnote reference ("[1]", a link to a note) or, say, m²."""
    text = (_short_text(sup) or "").strip()
    if not _FOOTNOTE.fullmatch(text):
        return False
    if sup.find("a") is not None or text[0] in "[(" or any(c in text for c in ",-–"):
        return True
    tokens = furniture.element_tokens(sup)
    return any(t.startswith(("footnote", "ref", "cite", "citation", "note")) for t in tokens)


def _short_text(tag: Tag) -> str | None:
    """The text of a small element, or ``None`` when it holds more than a few nodes."""
    parts: list[str] = []
    stack: list[PageElement] = list(reversed(tag.contents))
    for _ in range(_MARKER_NODES):  # not tag.descendants, which first walks the whole inside
        if not stack:
            return "".join(parts)
        node = stack.pop()
        if type(node) in _READ:
            parts.append(str(node))
        elif isinstance(node, Tag):
            stack.extend(reversed(node.contents))
    return None if stack else "".join(parts)


def _plain_text(tag: Tag, removed: set[int]) -> str:
    """All the text inside ``tag`` that is not removed, without the walk's rules."""
    parts: list[str] = []
    stack: list[PageElement] = list(reversed(tag.contents))
    while stack:
        node = stack.pop()
        if id(node) in removed:
            continue
        if type(node) in _READ:
            parts.append(str(node))
        elif isinstance(node, Tag):
            parts.append(" ")
            stack.extend(reversed(node.contents))
    return clean_text("".join(parts))


def heading_level(tag: Tag) -> int:
    """Heading level of an element (2 for anything that is not ``h1``–``h6``)."""
    return int(tag.name[1]) if tag.name in HEADINGS else 2


def element_text(tag: Tag, marks: Marks | None = None, nesting: int = 0) -> str:
    """The text of one element, its inner blocks separated by spaces."""
    inner = Marks(removed=marks.removed, language=marks.language) if marks else Marks()
    return " ".join(p.text for p in Walker(inner, nesting).walk(tag))


def source_entries(nodes: list[PageElement], marks: Marks | None = None) -> list[str]:
    """A sources list's entries: its items, or its paragraphs when it has none."""
    inner = Marks(removed=marks.removed, language=marks.language) if marks else Marks()
    pieces = Walker(inner).walk_nodes(nodes)
    pieces = [p for p in pieces if p.kind != "heading"]
    pieces = [p for p in pieces if not furniture.is_furniture_text(p.text, inner.language)]
    items = [p.text for p in pieces if p.kind == "item"]
    return items or [p.text for p in pieces]
