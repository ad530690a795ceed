"""What the speech rules of every language share: characters, markup, abbreviations.

The tables here are data, as in :mod:`guide.speech.en.rules` (which
re-exports them, so ``R.CHAR_MAP`` and ``R.Abbreviation`` still work): the
characters folded before any rule runs, the markup dropped, the punctuation
that may open or close a word, and the :class:`Abbreviation` record with its
``ends`` modes, which a language module's ``ABBREVIATIONS`` table is made of
(see :mod:`guide.speech`).  :class:`LazyPattern` is a regular expression
compiled on first use, so that importing the rules compiles nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

# ------------------------------------------------------------------ characters

CHAR_MAP: dict[str, str] = {
    # quotes and apostrophes: never spoken, and straight ones are dropped later
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u02bc": "'",
    "\u2032": "'", "`": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"',
    "\u201f": '"', "\u00ab": '"', "\u00bb": '"', "\u2033": '"',
    # dashes: hyphen-like ones become "-", range dashes "–", long dashes "—"
    "\u2010": "-", "\u2011": "-", "\u2012": "\u2013", "\u2015": "\u2014",
    "\u2043": "-", "\ufe63": "-", "\uff0d": "-",
    "\u2212": "-",  # minus sign
    "\u2026": "...",
    # micro and friends, so the unit table sees one spelling
    "\u00b5": "\u03bc",
    "\u2044": "/", "\u2215": "/",
}
"Characters folded to one spelling before any rule runs."

OPENERS = "\"'([{\u201c\u2018\u00ab\u00bf\u00a1"
"Characters that may open a word before its first letter."
CLOSERS = "\"')]}\u201d\u2019\u00bb"
"Characters that may close a sentence after its full stop."

KEEP_PUNCTUATION = frozenset(".,;:!?'()-")
"""The only punctuation the engine is given; it uses it for pauses and tune.
Double quotes are dropped (espeak-ng pauses at them mid-sentence), and
brackets become parentheses."""

TAG = r"<!--.*?-->|</?[A-Za-z!?][^<>]*>|\[\[.*?\]\]"
"SSML or HTML tags, comments, and espeak-ng phoneme input [[...]]: all dropped."
CITATION = r"\[\s*[0-9]+(?:\s*[,–-]\s*[0-9]+)*\s*\]"
"Reference marks such as [1] or [2, 3]: dropped."

TIDY_RULES: tuple[tuple[str, str], ...] = (
    (r"(?<!\S)[-']+(?!\S)", " "),  # a hyphen or apostrophe on its own
    (r"\s+", " "),
    (r"\(\s*(?:[,;:]\s*)*\)", " "),  # empty brackets
    (r"\((?:\s*\()*\s*", "("),  # (( → (
    (r"\s*\)(?:\s*\))*", ")"),
    (r"(?<!\S)-(?=\w)", ""),  # a hyphen left at the start of a word
    (r"(?<!\s)\s+([,.;:!?)])", r"\1"),  # no space before punctuation
    (r"([,;:])(?:\s*[,;:])+", r"\1"),  # one pause, not several
    (r"[,;:]\s*([.!?])", r"\1"),  # the full stop wins over a comma
    (r"\.{4,}", "..."),
    (r"^[\s,;:.)]+", ""),  # nothing before the first word
)
"(pattern, replacement) for whitespace and punctuation left over at the end."

# ------------------------------------------------------------- abbreviations

NEVER = "never"
"Never ends a sentence: a title or a joining word (Dr., e.g., vs.)."
STARTER = "starter"
"Ends one only before a word that often starts a sentence (U.S., St.)."
CAPITAL = "capital"
"Ends one before any capitalised word (etc., a.m.)."
NUMBER = "number"
"""An abbreviation only before a number ('No. 5' is 'number 5'); before
anything else it is the word itself, which may end a sentence ('No. Then')."""


@dataclass(frozen=True)
class Abbreviation:
    """A written abbreviation, how it is said, and whether it can end a sentence."""

    written: str
    "As written, with its full stops: 'e.g.'."
    spoken: str
    "What the engine is given: 'for example'."
    ends: str = NEVER
    "When its final '.' is also the end of a sentence: one of NEVER, STARTER, CAPITAL, NUMBER."
    any_case: bool = True
    "Whether 'E.g.' and 'E.G.' match too; initialisms such as 'U.S.' match only as written."


# ------------------------------------------------------------------ patterns


class LazyPattern:
    """A regular expression compiled the first time it is used, not when its module is imported.

    It answers what a compiled pattern does (``sub``, ``search``, ``finditer`` …)::

        _TIME = LazyPattern(r"[0-9]{1,2} ?[AaPp][Mm]")
        _TIME.sub(say, text)            # compiled here, once
    """

    __slots__ = ("pattern", "flags", "_compiled")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        "The pattern's source."
        self.flags = flags
        "Its flags (``re.I`` …)."
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern."""
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self.flags)
        return self._compiled

    def __getattr__(self, name: str) -> Any:
        return getattr(self.compiled, name)

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r})"
