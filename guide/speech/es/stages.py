"""Written Spanish to spoken Spanish: what the speech engine is given.

:func:`normalise_es` runs the stages of :mod:`guide.speech.normalise` with
Spanish tables (:mod:`guide.speech.es.rules`, where the judgement calls are
written down):

1. characters: NFC, HTML entities, tags and citation marks, folded quotes
   and dashes (the same as English);
2. web and e-mail addresses (:mod:`guide.speech.es.web`);
3. service and phone numbers digit by digit, dates and times
   (:mod:`guide.speech.es.numbers`, :mod:`guide.speech.es.dates`);
4. the pronunciation lexicon (``guide/data/lexicon.es.toml`` by default);
5. abbreviations ("Dra." → "doctora", "EE. UU." → "Estados Unidos");
6. numbers for the region: decimals, units, percentages, fractions,
   ordinals, blood pressure, gender;
7. letters on their own by their names in the region ("W." → "doble u"
   outside Spain);
8. symbols left over, then a filter that keeps letters, digits and plain
   punctuation, with "¿" and "¡".
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import cache
from typing import TYPE_CHECKING

from guide.speech import common as C
from guide.speech.common import LazyPattern
from guide.speech.es import rules as R
from guide.speech.es.dates import speak_dates, speak_times
from guide.speech.es.numbers import (
    speak_numbers,
    speak_phones,
    speak_service_numbers,
)
from guide.speech.es.sentences import CLOSERS, ends_before
from guide.speech.es.web import speak_addresses

if TYPE_CHECKING:
    from guide.speech.lexicon import Lexicon


def normalise_es(text: str, region: str = R.DEFAULT_REGION, lexicon: Lexicon | None = None) -> str:
    """Return the spoken form of Spanish ``text`` for ``region`` (a tag such as 'es-US').

    ``region`` decides the decimal mark ("1.5" in es-US, "1,5" in es-ES) and
    how the first of the month is said.  ``lexicon`` defaults to the built-in
    Spanish one; pass ``Lexicon()`` for none.
    """
    if lexicon is None:
        from guide.speech.es.lexicon import builtin_lexicon

        lexicon = builtin_lexicon()
    text = clean_characters(text)
    text = speak_addresses(text)
    text = speak_service_numbers(text)
    text = speak_phones(text)
    text = speak_times(text)
    text = speak_dates(text, region)
    text = lexicon.respell(text)
    text = expand_abbreviations(text)
    text = speak_numbers(text, region)
    text = speak_letters(text, region)
    text = speak_symbols(text)
    return tidy(text)


# ------------------------------------------------------------------ characters

_TAG = LazyPattern(C.TAG, re.S)
_CITATION = LazyPattern(C.CITATION)


def clean_characters(text: str) -> str:
    """NFC, entities decoded, tags and citation marks removed, characters folded."""
    text = unicodedata.normalize("NFC", text)
    for _ in range(3):  # "&amp;amp;" is "&amp;" is "&"
        decoded = html.unescape(text)
        if decoded == text:
            break
        text = decoded
    text = _CITATION.sub("", _TAG.sub(" ", text))
    return unicodedata.normalize("NFC", "".join(_fold(c) for c in text))


def _fold(char: str) -> str:
    if char in C.CHAR_MAP:
        return C.CHAR_MAP[char]
    category = unicodedata.category(char)
    if char in "\u00a0\u202f\u2009":  # spaces inside numbers ("12 500") stay one space
        return " "
    if category[0] == "Z" or category == "Cc":
        return " "
    if category[0] == "C":
        return ""
    if category == "Nd" and not char.isascii():
        return str(unicodedata.decimal(char))
    return char


# -------------------------------------------------------------- abbreviations


@cache
def _abbreviations() -> tuple[re.Pattern[str], dict[str, R.Abbreviation]]:
    """The pattern of every abbreviation (longest first), and each by its key; built once."""
    table: dict[str, R.Abbreviation] = {}
    parts = []
    for abbr in sorted(R.ABBREVIATIONS, key=lambda a: -len(a.written)):
        body = r"\s?".join(re.escape(p) for p in abbr.written.split(" "))
        parts.append(f"(?i:{body})" if abbr.any_case else body)
        table[_key(abbr.written, abbr.any_case)] = abbr
    return re.compile(rf"(?<![\w.])(?:{'|'.join(parts)})(?!\w)"), table


def _key(written: str, any_case: bool) -> str:
    key = written.replace(" ", "")
    return key.casefold() if any_case else key


def expand_abbreviations(text: str) -> str:
    """'Dra.' → 'doctora', 'p. ej.' → 'por ejemplo', 'EE. UU.' → 'Estados Unidos'.

    An abbreviation's full stop is kept when it also ends the sentence.
    """
    pattern, table = _abbreviations()

    def expand(match: re.Match[str]) -> str:
        written = match.group()
        abbr = table.get(_key(written, False)) or table[_key(written, True)]
        spoken = abbr.spoken
        if written[0].isupper() and spoken[0].islower() and _starts_sentence(match):
            spoken = spoken[0].upper() + spoken[1:]
        if abbr.written.endswith(".") and _period_stays(abbr.ends, match.string[match.end() :]):
            spoken += "."
        return spoken

    return pattern.sub(expand, text)


def _starts_sentence(match: re.Match[str]) -> bool:
    """Whether a match opens its sentence: only then is "Ud." said "Usted", "Dra." "Doctora"."""
    before = match.string[: match.start()].rstrip().rstrip("\"'([{\u201c\u2018\u00ab\u00bf\u00a1")
    return not before or before.endswith((".", "?", "!", ":"))


def _period_stays(ends: str, after: str) -> bool:
    """Whether an abbreviation's full stop, followed by ``after``, also ends the sentence."""
    rest = after.lstrip(CLOSERS)
    if not rest.strip():
        return True
    return rest[0].isspace() and ends_before(ends, rest.split()[0])


# --------------------------------------------------------------------- letters

_LONE_LETTER = LazyPattern(r"(?<![\w.'&-])([A-Z])(?:\.(?=\s+[A-ZÁÉÍÓÚÑ]))?(?![\w'&-]|\.\w)")


def speak_letters(text: str, region: str | None) -> str:
    """A letter on its own said by its name in the region: "Genevieve W. Ressel" →
    "Genevieve doble u Ressel" outside Spain; an initial's full stop goes with it."""
    if R.in_spain(region) or not any(letter in text for letter in R.LETTERS_IN_THE_AMERICAS):
        return text

    def name(match: re.Match[str]) -> str:
        return R.LETTERS_IN_THE_AMERICAS.get(match[1], match.group())

    return _LONE_LETTER.sub(name, text)


# --------------------------------------------------------------------- symbols

_SYMBOL_RULES = [(LazyPattern(pattern), say) for pattern, say in R.SLASH_AND_DASH_RULES]


def speak_symbols(text: str) -> str:
    """'&' → 'y', 'madre/bebé' → 'madre o bebé', dashes → pauses, other symbols said or dropped."""
    for pattern, say in _SYMBOL_RULES:
        text = pattern.sub(say, text)
    return "".join(R.SYMBOL_WORDS.get(c, c) for c in text)


# ----------------------------------------------------------------------- tidy

_TIDY_RULES = [(LazyPattern(pattern), say) for pattern, say in C.TIDY_RULES]
_OPENING = LazyPattern(r"([¿¡])\s+")


def tidy(text: str) -> str:
    """Keep only what the voice can say, then fold spaces and stray punctuation."""
    text = "".join(_sayable(c) for c in text)
    for pattern, say in _TIDY_RULES:
        text = pattern.sub(say, text)
    return " ".join(_OPENING.sub(r"\1", text).split())


def _sayable(char: str) -> str:
    if char.isascii() or char in "¿¡":
        return char if char.isalnum() or char == " " or char in R.KEEP_PUNCTUATION else " "
    if char in R.GREEK:
        return f" {R.GREEK[char]} "
    category = unicodedata.category(char)
    if category == "Mn":
        return ""
    if category[0] == "L" and unicodedata.name(char, "").startswith("LATIN"):
        return char
    compatible = unicodedata.normalize("NFKC", char)
    if compatible.isascii() and compatible.isalnum():
        return compatible
    return " "
