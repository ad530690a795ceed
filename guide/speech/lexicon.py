"""The pronunciation lexicon: how medical words are said, and what they mean.

A language's built-in lexicon is its module's ``LEXICON_PATH``: for English
``guide/data/lexicon.toml``, whose header describes the format.  A guide's
own ``lexicon.toml``, read in the guide's language, adds to that language's
or overrides it field by field.  An entry may name the English term it
translates (``en = "cerclage"``): the term map of a translated guide.

The script keeps the written word; :meth:`Lexicon.respell` gives the engine
the spoken form, and :meth:`Lexicon.terms_in` finds where terms are used so
``guide check`` can tell a term used before it is explained.

Terms match whole words.  An entry with ``inside_codes = true`` also matches
where a letter meets a digit, so that ``FAQ`` is found in ``FAQ006``; its
spoken form is then set apart from the code by spaces ("F eigh Q 006").
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from guide.config import shown
from guide.errors import ScriptError
from guide.safe_read import read_editor_text
from guide.speech import languages
from guide.speech.common import LazyPattern

BUILTIN_PATH = Path(__file__).parent.parent / "data" / "lexicon.toml"
"The English lexicon; another language's is its module's ``LEXICON_PATH`` (see :mod:`guide.speech`)."
FILE_NAME = "lexicon.toml"
"The name of a guide's own lexicon, in the guide folder."
KEYS = ("say", "define", "forms", "match_case", "inside_codes", "en")
"The keys an entry may have."
SAY_PATTERN = LazyPattern(r"[A-Za-zÀ-ÖØ-öø-ÿ]+(?:(?:'|-| )[A-Za-zÀ-ÖØ-öø-ÿ]+)*")
"A spoken form: letters (accented ones too: 'ilinói') in words, joined by spaces, hyphens or apostrophes."


@dataclass(frozen=True)
class Entry:
    """One term: its written forms, how it is said, and what it means."""

    term: str
    "The word as an article writes it, e.g. ``cerclage`` or ``D&C``."
    say: str | None = None
    "What the engine is given instead, in plain letters; ``None`` if it already says it well."
    define: str | None = None
    "A short plain-language definition for the glossary, or ``None``."
    forms: tuple[str, ...] = ()
    "Other written forms (plurals, spellings) that count as this term."
    form_say: tuple[tuple[str, str], ...] = ()
    "(form, spoken form) for the forms said differently from ``say``, e.g. plurals."
    match_case: bool = False
    "Match only as written (``DES``, not ``des``); otherwise case is ignored."
    inside_codes: bool = False
    "Also match at a letter-digit boundary: ``FAQ`` in ``FAQ006``, ``HPV`` in ``16HPV``."
    en: str | None = None
    "The English term it translates (``cerclage`` for ``cerclaje``), or ``None``; nothing said changes."

    @property
    def written_forms(self) -> tuple[str, ...]:
        """The term and its forms."""
        return (self.term, *self.forms)

    def spoken_for(self, written: str) -> str | None:
        """How one written form of this term is said, or ``None`` to leave it as written."""
        wanted = " ".join(written.split()).casefold()
        for form, spoken in self.form_say:
            if form.casefold() == wanted:
                return spoken
        return self.say

    @classmethod
    def from_dict(cls, term: str, table: dict[str, Any], where: str = "") -> Entry:
        """Build an entry from its TOML table, every field checked.

        A bad field is a ValueError whose one sentence names the entry, and
        ``where`` after it (`` (line 4)``): "in the entry 'cerclage' (line 4),
        say must be plain letters and spaces, not "[[s'3:klA:Z]]"."
        """
        try:
            return cls._checked(term, table)
        except ValueError as error:
            raise ValueError(f"in the entry {term!r}{where}, {error}.") from None

    @classmethod
    def _checked(cls, term: str, table: dict[str, Any]) -> Entry:
        unknown = [key for key in table if key not in KEYS]
        if unknown:
            known = ", ".join(KEYS[:-1]) + " and " + KEYS[-1]
            raise ValueError(f"{unknown[0]} is not a field an entry may have (they are {known})")
        say = _optional_text(table, "say") or None
        if say is not None and not SAY_PATTERN.fullmatch(say):
            raise ValueError(f"say must be plain letters and spaces, not {shown(say)}")
        define = _optional_text(table, "define") or None
        forms, form_say = _forms(table.get("forms", []))
        match_case, inside_codes = (_flag(table, key) for key in ("match_case", "inside_codes"))
        english = _optional_text(table, "en") or None
        return cls(term, say, define, forms, form_say, match_case, inside_codes, english)

    def to_dict(self) -> dict[str, Any]:
        """The entry's TOML table (without the term, which is the table's name)."""
        table: dict[str, Any] = {}
        if self.say:
            table["say"] = self.say
        if self.define:
            table["define"] = self.define
        if self.form_say:
            own = dict(self.form_say)
            table["forms"] = {form: own.get(form, "") for form in self.forms}
        elif self.forms:
            table["forms"] = list(self.forms)
        if self.match_case:
            table["match_case"] = True
        if self.inside_codes:
            table["inside_codes"] = True
        if self.en:
            table["en"] = self.en
        return table


class TermUse(NamedTuple):
    """Where a lexicon term is used in a text."""

    entry: Entry
    "The term found."
    position: int
    "Index of its first character in the text."


class Lexicon:
    """A set of :class:`Entry`, looked up by any written form."""

    def __init__(self, entries: Iterable[Entry] = ()):
        self._entries: dict[str, Entry] = {}
        for entry in entries:
            self._entries[entry.term.casefold()] = entry
        self._index: tuple[re.Pattern[str] | None, dict[str, Entry], dict[str, Entry]] | None = None

    # ------------------------------------------------------------- loading

    @classmethod
    def builtin(cls, language: str = languages.DEFAULT) -> Lexicon:
        """The lexicon shipped with the package for ``language`` (read once): its language
        module's ``builtin_lexicon()`` when it has one, else its ``LEXICON_PATH`` read here."""
        module = languages.speech(language)
        own = getattr(module, "builtin_lexicon", None)
        return own() if own is not None else _builtin(Path(module.LEXICON_PATH))

    @classmethod
    def load(cls, guide_folder: Path | str | None = None,
             language: str = languages.DEFAULT) -> Lexicon:
        """The built-in lexicon for ``language``, with the guide folder's ``lexicon.toml``
        added over it."""
        base = cls.builtin(language)
        if guide_folder is None:
            return base
        path = Path(guide_folder) / FILE_NAME
        if not os.path.lexists(path):
            return base
        return base.overridden_by(read_editor_text(path, "a lexicon", inside=Path(guide_folder)), path)

    @classmethod
    def from_file(cls, path: Path | str) -> Lexicon:
        """Read one lexicon file, on its own."""
        return cls().overridden_by(read_editor_text(Path(path), "a lexicon"), Path(path))

    @classmethod
    def from_toml(cls, text: str, path: Path | str = FILE_NAME) -> Lexicon:
        """Read lexicon text; ``path`` names it in error messages."""
        return cls().overridden_by(text, Path(path))

    def overridden_by(self, text: str, path: Path | str = FILE_NAME) -> Lexicon:
        """A new lexicon with the entries of TOML ``text`` added; a known term keeps
        the fields the new entry does not give.  ``path`` names the text in errors."""
        path = Path(path)
        entries = dict(self._entries)
        tables = _parse_tables(text, path)
        lines = _header_lines(text)
        for term, table in tables.items():
            where = f" (line {lines[term]})" if term in lines else ""
            if not isinstance(table, dict):
                raise ScriptError(path, f"{term!r} must be an entry of its own, a table "
                                        f"that starts with [{term}], not {shown(table)}.")
            if not term.strip():
                raise ScriptError(path, f"the entry{where} has an empty name.")
            old = entries.get(term.casefold())
            merged = {**(old.to_dict() if old else {}), **table}
            try:
                entries[term.casefold()] = Entry.from_dict(term.strip(), merged, where)
            except ValueError as error:
                raise ScriptError(path, str(error)) from None
        return Lexicon(entries.values())

    # ------------------------------------------------------------- reading

    def __iter__(self) -> Iterator[Entry]:
        return iter(self._entries.values())

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.lookup(word) is not None

    def lookup(self, word: str) -> Entry | None:
        """The entry whose term or one of whose forms is ``word``, or ``None``."""
        _, exact, folded = self._compiled()
        key = " ".join(word.split())
        return exact.get(key) or folded.get(key.casefold())

    def glossary(self) -> list[Entry]:
        """The entries that have a definition, in alphabetical order."""
        return sorted((e for e in self if e.define), key=lambda e: e.term.casefold())

    def terms_in(self, text: str) -> list[TermUse]:
        """Every use of a term in ``text``, in order: whole words, longest match first."""
        pattern, exact, folded = self._compiled()
        if pattern is None:
            return []
        uses = []
        for match in pattern.finditer(text):
            key = " ".join(match.group().split())
            uses.append(TermUse(exact.get(key) or folded[key.casefold()], match.start()))
        return uses

    def respell(self, text: str) -> str:
        """``text`` with every term that has a spoken form replaced by it."""
        pattern, exact, folded = self._compiled()
        if pattern is None:
            return text

        def spoken(match: re.Match[str]) -> str:
            written = " ".join(match.group().split())
            say = (exact.get(written) or folded[written.casefold()]).spoken_for(written)
            if say is None:
                return match.group()
            if written[0].isupper() and not written.isupper() and say[0].islower():
                say = say[0].upper() + say[1:]
            before = " " if match.start() and text[match.start() - 1].isalnum() else ""
            after = " " if text[match.end():match.end() + 1].isalnum() else ""
            return f"{before}{say}{after}"

        return pattern.sub(spoken, text)

    def to_dict(self) -> dict[str, dict[str, Any]]:
        """The lexicon as TOML tables, ready for ``tomli_w.dumps``."""
        return {entry.term: entry.to_dict() for entry in self}

    # ------------------------------------------------------------- matching

    def _compiled(self) -> tuple[re.Pattern[str] | None, dict[str, Entry], dict[str, Entry]]:
        if self._index is None:
            exact: dict[str, Entry] = {}
            folded: dict[str, Entry] = {}
            parts: list[tuple[int, tuple[str, str], str]] = []
            for entry in self:
                for form in entry.written_forms:
                    words = form.split()
                    if not words:
                        continue
                    key = " ".join(words)
                    body = r"\s+".join(re.escape(w) for w in words)
                    if entry.match_case:
                        exact[key] = entry
                    else:
                        folded[key.casefold()] = entry
                        body = f"(?i:{body})"
                    parts.append((len(key), _bounds(key, entry.inside_codes), body))
            parts.sort(key=lambda p: -p[0])
            pattern = re.compile(_alternation(parts)) if parts else None
            self._index = (pattern, exact, folded)
        return self._index


# ------------------------------------------------------------------- helpers


def _bounds(key: str, inside_codes: bool) -> tuple[str, str]:
    """The assertions before and after a form: whole words only, or, ``inside_codes``,
    also where a letter meets a digit ("FAQ" in "FAQ006", "HPV" in "16HPV")."""
    if not inside_codes:
        return r"(?<!\w)", r"(?!\w)"
    before = r"(?<![^\W\d])" if key[0].isalpha() else r"(?<![\d_])" if key[0].isdigit() else r"(?<!\w)"
    after = r"(?![^\W\d])" if key[-1].isalpha() else r"(?![\d_])" if key[-1].isdigit() else r"(?!\w)"
    return before, after


def _alternation(parts: list[tuple[int, tuple[str, str], str]]) -> str:
    """One pattern for every form, longest first, each inside its bounds.

    Forms in a row with the same bounds share them, ``B(?:x|y)A`` rather than
    ``B(?:x)A|B(?:y)A``: the same matches in the same order (the bounds take
    no characters), but the engine tests the bounds once at each place instead
    of once for each of hundreds of forms, which makes respelling several
    times faster.
    """
    runs: list[tuple[tuple[str, str], list[str]]] = []
    for _, bounds, body in parts:
        if runs and runs[-1][0] == bounds:
            runs[-1][1].append(body)
        else:
            runs.append((bounds, [body]))
    return "|".join(f"{before}(?:{'|'.join(bodies)}){after}" for (before, after), bodies in runs)


def _flag(table: dict[str, Any], key: str) -> bool:
    value = table.get(key, False)
    if not isinstance(value, bool):
        raise ValueError(f"{key} must be true or false, not {shown(value)}")
    return value


def _optional_text(table: dict[str, Any], key: str) -> str:
    value = table.get(key, "")
    if not isinstance(value, str):
        raise ValueError(f"{key} must be text in quotes, not {shown(value)}")
    return " ".join(value.split())


def _forms(value: Any) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """Read ``forms``: a list of written forms, or a table of form = spoken form."""
    if isinstance(value, list):
        pairs = [(item, "") for item in value]
    elif isinstance(value, dict):
        pairs = list(value.items())
    else:
        raise ValueError(f"forms must be a list or a table, not {shown(value)}")
    forms, form_say = [], []
    for form, say in pairs:
        if not isinstance(form, str) or not form.split() or not isinstance(say, str):
            bad = form if not isinstance(form, str) or not form.split() else say
            raise ValueError(f"every form must be text in quotes, not {shown(bad)}")
        form, say = " ".join(form.split()), " ".join(say.split())
        if say and not SAY_PATTERN.fullmatch(say):
            raise ValueError(f"the form {form!r} must be said in plain letters, not {shown(say)}")
        forms.append(form)
        if say:
            form_say.append((form, say))
    return tuple(forms), tuple(form_say)


_LOCATION = LazyPattern(r"\s*\(at line (\d+), column (\d+)\)")


def _parse_tables(text: str, path: Path) -> dict[str, Any]:
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        # Python 3.14 has error.lineno/colno/msg; before that they are in the message.
        message = str(error)
        found = _LOCATION.search(message)
        line = getattr(error, "lineno", None) or (int(found[1]) if found else None)
        column = getattr(error, "colno", None) or (int(found[2]) if found else None)
        reason = getattr(error, "msg", None) or _LOCATION.sub("", message)
        reason = reason.replace(" (at end of document)", "")
        if line is None or column is None:  # the error is at the end of the text
            lines = text.splitlines() or [""]
            line, column = len(lines), len(lines[-1]) + 1
        where = f"line {line}, column {column}"
        raise ScriptError(path, f"is not valid TOML at {where}: {reason}") from None


_HEADER = LazyPattern(r"""\s*\[\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*\]""")


def _header_lines(text: str) -> dict[str, int]:
    """The line of each table header ``[term]`` in ``text``, found in one pass.

    A quoted name with escapes is decoded by TOML itself, so it matches the
    name the entry has. A term whose header cannot be found (a dotted one)
    is named without a line.
    """
    import tomllib

    lines: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), 1):
        match = _HEADER.match(line)
        if not match:
            continue
        name = match[3] or match[2]
        if name is None:
            try:
                name = tomllib.loads(f'x = "{match[1]}"')["x"]
            except tomllib.TOMLDecodeError:
                continue
        lines.setdefault(name, number)
    return lines


@cache
def _builtin(path: Path = BUILTIN_PATH) -> Lexicon:
    return Lexicon.from_file(path)
