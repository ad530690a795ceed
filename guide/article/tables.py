"""Table rows read by ear: one item per row, each cell named by its column.

A listener cannot look up at a table's header, so every row is said as one
sentence that names its cells:

* the **header row** is a row in ``<thead>`` (Markdown's pipe tables have
  one), or a first row of two or more ``<th>`` cells. It is never an item of
  its own; a later row of two or more ``<th>`` cells starts new headers;
* a row under a header is "row name: header, cell; header, cell." — the first
  cell names the row, and every other cell is said after its column's header
  ("Ibuprofen: dose, 600 milligrams; when to take it, every 6 hours."). A
  header's first word is lower-cased when it is an ordinary capitalised word
  ("Dose" is said "dose", "mg/dL" and "HIV" are kept), and so is a cell's
  first word when it is a common English word that is never a name ("Every 6
  hours" is said "every 6 hours", "You can" is "you can"; "Tylenol" and
  "Monday" are kept);
* a table without a header row is read row by row, the cells joined by "; ",
  and its first row is flagged so that the editor is told;
* empty cells are left out; ``colspan`` is followed (up to :data:`MAX_SPAN`).

In a table of an article in Spanish, capitalised words with accents are
lower-cased as well ("Cuándo tomarlo" is said "cuándo tomarlo"), and a cell's
first word is lower-cased when it is a common Spanish word ("Cada 6 horas" is
"cada 6 horas", "Antes del desayuno" is "antes del desayuno").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bs4 import Tag

MAX_SPAN = 50
"The widest ``colspan`` followed; a wider one counts as this."
_END = ".!?…"
_CLOSERS = "\"'”’»)]}"
_ORDINARY = re.compile(r"[A-Z][a-z]+(?=[\s,(]|$)")
_COMMON = frozenset("""
a about after all an and any as ask at before between by call daily do during each every for
from if in it its keep less more most no none not of on once one only or take that the then
there these they this those three to twice two under until up upon wait we when while with
within without yes you your
""".split())
"First words of a cell that are lower-cased mid-sentence: never a name."
_ORDINARY_ES = re.compile(r"[A-ZÁÉÍÓÚÑ][a-záéíóúñü]+(?=[\s,(]|$)")
_COMMON_ES = frozenset("""
a al antes beba cada coma como con cuando de del desde después debe dos durante el en entre
es espere está están evite guarde haga hable hasta hay la las lleve llame lo los más menos
mientras no o para pida pregunte por puede sin si sí siga solo son su sus tiene tienen tome tres
un una uno unos use vaya y
""".split())
"First words of a cell in Spanish that are lower-cased mid-sentence."


def _words(language: str | None) -> tuple[re.Pattern[str], frozenset[str]]:
    """The pattern of an ordinary capitalised word, and the common first words, of ``language``."""
    if (language or "").lower().startswith("es"):
        return _ORDINARY_ES, _COMMON_ES
    return _ORDINARY, _COMMON


@dataclass
class Table:
    """What is known about a table while its rows are read."""

    headers: list[str] | None = None
    "The label of each column, from the header row; ``None`` until there is one."
    rows: int = 0
    "Rows read as items so far."
    flagged: bool = False
    "Whether a row was flagged as having no header to label it."
    language: str | None = None
    "The article's language, which decides which words are lower-cased."

    def takes_header(self, cells: list[tuple[str, bool, int]], in_head: bool) -> bool:
        """Whether a row of (text, is ``<th>``, span) cells is a header row, kept as the labels."""
        if not in_head and (len(cells) < 2 or not all(th for _, th, _ in cells)):
            return False
        labels = [label(text, self.language) for text, _, span in cells for _ in range(span)]
        if any(labels):
            self.headers = labels
        return in_head or any(labels)


def label(text: str, language: str | None = None) -> str:
    """A column header as it is said in the middle of a sentence: "Dose" is "dose" (and in
    Spanish, "¿Es normal?" is "¿es normal?")."""
    text = text.strip().rstrip(":").strip()
    opening = len(text) - len(text.lstrip("¿¡")) if _words(language)[0] is _ORDINARY_ES else 0
    rest = text[opening:]
    return text[:opening] + rest[0].lower() + rest[1:] if _words(language)[0].match(rest) else text


def cells_of(row: Tag, removed: set[int]) -> list[tuple[Tag, int]]:
    """The cells of a row that are read, each with how many columns it spans."""
    cells = row.find_all(["td", "th"], recursive=False)
    return [(cell, _span(cell)) for cell in cells if id(cell) not in removed]


def _span(cell: Tag) -> int:
    value = str(cell.get("colspan") or "1").strip()
    return min(int(value), MAX_SPAN) if value.isdigit() and int(value) > 0 else 1


def row_text(table: Table, texts: list[str], spans: list[int]) -> tuple[str, bool]:
    """What one row says, and whether it is the row of a table without a header to flag."""
    table.rows += 1
    if table.headers is None:
        parts = [_inner(t) for t in texts if t]
        flag = len(parts) >= 2 and not table.flagged
        table.flagged = table.flagged or flag
        return _sentence(parts, "; ".join(parts)), flag
    columns = [sum(spans[:i]) for i in range(len(texts))]
    name, pairs = _inner(texts[0]) if texts else "", []
    for text, column in zip(texts[1:], columns[1:], strict=True):
        header = table.headers[column] if column < len(table.headers) else ""
        if text:
            said = _cell(text, table.language)
            pairs.append(f"{header}, {said}" if header and header != text else _inner(text))
    said = "; ".join(pairs)
    if name:
        said = f"{name}: {said}" if said else name
    return _sentence(pairs + [name], said), False


def _cell(text: str, language: str | None = None) -> str:
    """A labelled cell: its first word lower-cased when it is a common word ("Every")."""
    text = _inner(text)
    ordinary, common = _words(language)
    first = ordinary.match(text)
    return text[0].lower() + text[1:] if first and first[0].lower() in common else text


def _inner(text: str) -> str:
    """A cell's text without the closing ".", ";" or "," that would clash with the joins."""
    text = text.strip().rstrip(";,").rstrip()
    last = text.split()[-1] if text else ""
    if last.endswith(".") and not last.endswith("..") and "." not in last[:-1]:
        text = text[:-1]
    return text


def _sentence(parts: list[str], said: str) -> str:
    """A row of two or more cells ends as a sentence does."""
    if len([p for p in parts if p]) < 2 or not said:
        return said
    return said if said.rstrip(_CLOSERS)[-1:] in _END else said + "."
