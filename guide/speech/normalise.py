"""Written text to spoken text: what the speech engine is given.

The script keeps the written form; :func:`normalise` makes the spoken form,
with the rules of the text's language (its language module, see
:mod:`guide.speech`).  For English (:mod:`guide.speech.en.stages`), it runs
in stages, each reading its tables from :mod:`guide.speech.en.rules` (where
the judgement calls are written down):

1. characters: NFC, HTML entities, markup-looking tags, control and
   zero-width characters, curly quotes and dashes folded
   (:func:`clean_characters`, here: every language starts with it);
2. web and e-mail addresses, said as a site name and path
   (:mod:`guide.speech.en.web`);
3. service numbers when dialled ("Call 9 1 1"), local phone numbers and
   times ("12 noon"), from :mod:`guide.speech.en.numbers`;
4. the pronunciation lexicon (:meth:`guide.speech.lexicon.Lexicon.respell`);
5. abbreviations (``e.g.``, ``Dr.``, ``St.`` by context);
6. numbers: phone numbers, money, dates, fractions, ranges, ordinals,
   decades, percentages, units, decimals, then thousands in words;
7. symbols left over (``&``, ``/``, ``±``, dashes);
8. a final filter that keeps only letters the voice can say, digits and
   plain punctuation, so nothing the engine could take as markup survives
   (:func:`tidy`, here: every language ends with it).

Sentence-final punctuation is kept: espeak-ng uses it for intonation.

Every regular expression is compiled the first time a text needs it, not
when the module is imported, so that commands that never speak start fast.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from typing import TYPE_CHECKING

from guide.speech import languages
from guide.speech.common import CHAR_MAP, CITATION, KEEP_PUNCTUATION, TAG, TIDY_RULES, LazyPattern

if TYPE_CHECKING:
    from guide.speech.lexicon import Lexicon

Say = str | Callable[[re.Match[str]], str]
"A rule's replacement: a template (``\\1 percent``) or a function of the match."
Rules = Iterable[tuple[re.Pattern[str], Say]]
"Compiled (pattern, replacement) pairs, run in order with ``pattern.sub``."


def normalise(text: str, lexicon: Lexicon | None = None, language: str = languages.DEFAULT) -> str:
    """Return the form of ``text`` that the speech engine is given.

    ``lexicon`` defaults to the built-in one of ``language``; pass
    ``Lexicon()`` for none.  ``language`` is a tag such as ``en-US`` or
    ``es-MX``: it chooses the rules (and the service numbers said digit by
    digit); a language the guide cannot speak is
    :class:`~guide.speech.languages.UnknownLanguage`.
    """
    spoken = languages.find(language)
    module = spoken.module
    if lexicon is None:
        from guide.speech.lexicon import Lexicon

        lexicon = Lexicon.builtin(language)
    return module.normalise(text, lexicon, spoken.region)


def substitute(text: str, rules: Rules) -> str:
    """``text`` with each (pattern, replacement) of ``rules`` applied in turn."""
    for pattern, say in rules:
        text = pattern.sub(say, text)
    return text


@cache
def compiled(rules: tuple[tuple[str, Say], ...], flags: int = 0) -> list[tuple[re.Pattern[str], Say]]:
    """A table of (pattern, replacement) with its patterns compiled, once."""
    return [(re.compile(pattern, flags), say) for pattern, say in rules]


# ------------------------------------------------------------------ characters

_PLAIN = LazyPattern(r"[ -_a-~]*")
"Printable ASCII but the backquote: characters :func:`clean_characters` keeps as they are."


_TAG = LazyPattern(TAG, re.S)
_CITATION = LazyPattern(CITATION)


def clean_characters(text: str) -> str:
    """NFC, entities decoded, tags and citation marks removed, characters folded."""
    text = unicodedata.normalize("NFC", text)
    for _ in range(3):  # "&amp;amp;" is "&amp;" is "&"
        decoded = html.unescape(text)
        if decoded == text:
            break
        text = decoded
    if "<" in text or "[" in text:  # every tag and citation mark has one
        text = _CITATION.sub("", _TAG.sub(" ", text))
    if _PLAIN.fullmatch(text):  # nothing to fold, and NFC leaves ASCII as it is
        return text
    return unicodedata.normalize("NFC", "".join(_fold(c) for c in text))


def _fold(char: str) -> str:
    if char in CHAR_MAP:
        return CHAR_MAP[char]
    category = unicodedata.category(char)
    if category[0] == "Z" or category == "Cc":  # spaces, line breaks, tabs, control codes
        return " "
    if category[0] == "C":  # format (zero-width, bidi), surrogate, private use, unassigned
        return ""
    if category == "Nd" and not char.isascii():
        return str(unicodedata.decimal(char))
    return char


# ----------------------------------------------------------------------- tidy

def tidy(text: str, letter_names: Mapping[str, str] | None = None,
         keep: frozenset[str] = KEEP_PUNCTUATION) -> str:
    """Keep only what the voice can say, then fold spaces and stray punctuation.

    ``letter_names`` says letters of other scripts by name (English says
    'β' as 'beta'); others are dropped.  ``keep`` is the punctuation kept.
    """
    if text.isascii():
        text = text.translate(_ascii_table(keep))
    else:
        text = "".join(_sayable(c, letter_names or {}, keep) for c in text)
    text = substitute(text, compiled(TIDY_RULES))
    return " ".join(text.split())


@cache
def _ascii_table(keep: frozenset[str]) -> dict[int, str]:
    """What :func:`_sayable` does to each ASCII character, as a ``str.translate`` table."""
    return {code: " " for code in range(128)
            if not (chr(code).isalnum() or chr(code) == " " or chr(code) in keep)}


def _sayable(char: str, letter_names: Mapping[str, str], keep: frozenset[str]) -> str:
    if char.isascii():
        return char if char.isalnum() or char == " " or char in keep else " "
    if char in letter_names:
        return f" {letter_names[char]} "
    category = unicodedata.category(char)
    if category == "Mn":
        return ""
    if category[0] == "L" and unicodedata.name(char, "").startswith("LATIN"):
        return char
    compatible = unicodedata.normalize("NFKC", char)
    if compatible.isascii() and compatible.isalnum():
        return compatible
    return " "
