"""The English normaliser: the stages, in order, and the abbreviation, number and symbol rules.

:func:`normalise` is what :func:`guide.speech.normalise.normalise` runs for
every ``en`` tag; the stages are listed in that module's docstring, and the
tables they read are in :mod:`guide.speech.en.rules`.  Each rule group is
compiled the first time a text needs it; the number rules and the digit
stages are skipped for a text without digits, which none of them can match
(they add none either).
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from guide.speech.common import LazyPattern
from guide.speech.en import rules as R
from guide.speech.en.numbers import (
    period_stays,
    say_date,
    speak_local_phones,
    speak_service_numbers,
    speak_thousands,
    speak_times,
)
from guide.speech.en.web import speak_addresses
from guide.speech.normalise import Say, clean_characters, compiled, substitute, tidy
from guide.speech.sentences import ends_before

if TYPE_CHECKING:
    from guide.speech.lexicon import Lexicon

_DIGIT = LazyPattern(r"[0-9]")


def normalise(text: str, lexicon: Lexicon, region: str | None = None) -> str:
    """The spoken form of English ``text``, with ``lexicon``'s respellings."""
    text = clean_characters(text)
    text = speak_addresses(text, known=lambda word: lexicon.lookup(word) is not None)
    if _DIGIT.search(text):
        text = speak_service_numbers(text, "en")
        text = speak_local_phones(text)
        text = speak_times(text)
    text = lexicon.respell(text)
    text = expand_abbreviations(text)
    text = speak_numbers(text)
    text = speak_symbols(text)
    return tidy(text, R.GREEK)


# -------------------------------------------------------------- abbreviations


@cache
def _abbreviations() -> tuple[re.Pattern[str], dict[str, R.Abbreviation]]:
    table: dict[str, R.Abbreviation] = {}
    parts = []
    for abbr in sorted(R.ABBREVIATIONS, key=lambda a: -len(a.written)):
        body = re.escape(abbr.written)
        parts.append(f"(?i:{body})" if abbr.any_case else body)
        table[abbr.written.casefold() if abbr.any_case else abbr.written] = abbr
    return re.compile(rf"(?<![\w.])(?:{'|'.join(parts)})(?!\w)"), table


def expand_abbreviations(text: str) -> str:
    """'e.g.' → 'for example', 'Dr.' → 'Doctor', 'St.' → 'Saint' or 'Street'.

    An abbreviation's full stop is kept when it also ends the sentence.
    """
    pattern, abbreviations = _abbreviations()

    def expand(match: re.Match[str]) -> str:
        written = match.group()
        abbr = abbreviations.get(written) or abbreviations[written.casefold()]
        after = text[match.end() :]
        spoken = abbr.spoken
        if abbr.ends == R.NUMBER and not re.match(r"\s?[0-9]", after):
            return written
        if abbr.written == "St.":
            spoken = _saint_or_street(after)
        if written[0].isupper() and spoken[0].islower():
            spoken = spoken[0].upper() + spoken[1:]
        if abbr.written.endswith(".") and period_stays(abbr.ends, after):
            spoken += "."
        return spoken

    return pattern.sub(expand, text)


def _saint_or_street(after: str) -> str:
    """'St. Louis' is Saint Louis; 'Main St.' and 'Main St. The …' are Street."""
    words = after.split() if after[:1].isspace() else []
    name = words[0].lstrip(R.OPENERS) if words else ""
    if name[:1].isupper() and not ends_before(R.STARTER, name):
        return "Saint"
    return "Street"


# --------------------------------------------------------------------- numbers

_WITHOUT_DIGITS = frozenset({"comparison", "vulgar fraction", "unit alone"})
"""The number rules that can match a text with no digit ('<.', '½', 'mg/dL');
every other one needs a digit, and none of the three writes one."""


def speak_numbers(text: str) -> str:
    """Numbers as a person says them; plain whole numbers stay as digits."""
    digits = _DIGIT.search(text) is not None
    for pattern, say, needs_digit in _number_rules():
        if digits or not needs_digit:
            text = pattern.sub(say, text)
    return speak_thousands(text) if digits else text


@cache
def _number_rules() -> list[tuple[re.Pattern[str], Say, bool]]:
    """:data:`guide.speech.en.rules.NUMBER_PATTERNS`, compiled, with how each is said."""
    return [(re.compile(pattern), _SAY_NUMBER[name], name not in _WITHOUT_DIGITS)
            for name, pattern in R.NUMBER_PATTERNS]


def _digits(group: str) -> str:
    return " ".join(group)


def _phone(m: re.Match[str]) -> str:
    groups = [g for g in m.groups() if g]
    return ", ".join(_digits(g) for g in groups)


def _money(m: re.Match[str]) -> str:
    whole, cents, scale = m.group(1), m.group(2), m.group(3)
    if scale:
        return f"{whole}{' point ' + _digits(cents) if cents else ''}{scale} dollars"
    spoken = f"{whole} {'dollar' if whole == '1' else 'dollars'}"
    if cents and int(cents):
        spoken += f" and {int(cents)} {'cent' if int(cents) == 1 else 'cents'}"
    return spoken


def _vulgar(m: re.Match[str]) -> str:
    spoken = R.fraction(*R.VULGAR_FRACTIONS[m.group(2)])
    return f"{m.group(1)} and {spoken}" if m.group(1) else spoken


def _mixed(m: re.Match[str]) -> str:
    whole, top, bottom = m.group(1), int(m.group(2)), int(m.group(3))
    if 0 < top < bottom and bottom in R.FRACTION_DENOMINATORS:
        return f"{whole} and {R.fraction(top, bottom)}"
    return m.group()


def _range(m: re.Match[str]) -> str:
    return f"{m.group(1)}{' percent' if m.group(2) else ''} to {m.group(3)}"


def _slash(m: re.Match[str]) -> str:
    top, bottom = int(m.group(1)), int(m.group(2))
    if (top, bottom) == (24, 7):
        return "24 7"
    if 0 < top < bottom and bottom in R.FRACTION_DENOMINATORS:
        return R.fraction(top, bottom)
    return f"{m.group(1)} over {m.group(2)}"


def _decimal(m: re.Match[str]) -> str:
    whole = m.group(1)
    spoken = f"point {_digits(m.group(2))}"
    return f"{whole} {spoken}" if whole else spoken


_UNITS_COMPACT = {name.replace(" ", ""): unit for name, unit in R.UNITS.items()}
"Units by their spelling without spaces: 'mm Hg' and 'mmHg' are one."


def _unit_name(written: str, one: bool) -> str:
    unit = _UNITS_COMPACT[re.sub(r"\s", "", written)]
    return unit.one if one else unit.many


def _per(written: str | None) -> str:
    if not written:
        return ""
    if written in R.PER_WORDS:
        return " per " + R.PER_WORDS[written]
    return " per " + _unit_name(written, True)


def _unit_sentence_end(m: re.Match[str], group: int) -> str:
    if not m.group(group):
        return ""
    return "." if period_stays(R.CAPITAL, m.string[m.end() :]) else ""


def _unit_after_number(m: re.Match[str]) -> str:
    number, unit, per = m.group(1), m.group(2), m.group(3)
    name = _unit_name(unit, number == "1")
    return f"{number} {name}{_per(per)}{_unit_sentence_end(m, 4)}"


def _unit_alone(m: re.Match[str]) -> str:
    return f"{_unit_name(m.group(1), False)}{_per(m.group(2))}{_unit_sentence_end(m, 3)}"


_SAY_NUMBER: dict[str, Say] = {
    "phone": _phone,
    "money": _money,
    "comparison": lambda m: f" {R.COMPARISONS[m.group(1)]} ",
    "date": say_date,
    "vulgar fraction": _vulgar,
    "mixed fraction": _mixed,
    "range": _range,
    "ordinal": lambda m: R.ordinal(int(m.group(1).replace(",", ""))),
    "decade": lambda m: R.decade(m.group(1)),
    "percent": r"\1 percent",
    "unit after number": _unit_after_number,
    "unit alone": _unit_alone,
    "by": r"\1 by ",
    "times": r"\1 times",
    "number/number": _slash,
    "decimal": _decimal,
    "number sign": "number ",
    "minus": "minus ",
    "hyphen by a number": " ",
}
"How each of :data:`guide.speech.en.rules.NUMBER_PATTERNS` is said."


# --------------------------------------------------------------------- symbols


def speak_symbols(text: str) -> str:
    """'&' → 'and', 'he/she' → 'he or she', dashes → pauses, other symbols said or dropped."""
    text = substitute(text, compiled(R.SLASH_AND_DASH_RULES))
    return "".join(R.SYMBOL_WORDS.get(c, c) for c in text)
