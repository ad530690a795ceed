"""Written text to spoken text: what the speech engine is given.

The script keeps the written form; :func:`normalise` makes the spoken form.
It runs in stages, each reading its tables from :mod:`guide.speech.en.rules`
(where the judgement calls are written down):

1. characters: NFC, HTML entities, markup-looking tags, control and
   zero-width characters, curly quotes and dashes folded;
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
   plain punctuation, so nothing the engine could take as markup survives.

Sentence-final punctuation is kept: espeak-ng uses it for intonation.
"""

from __future__ import annotations

import html
import re
import unicodedata

from guide.speech.en import rules as R
from guide.speech.lexicon import Lexicon
from guide.speech.en.numbers import (
    period_stays,
    say_date,
    speak_local_phones,
    speak_service_numbers,
    speak_thousands,
    speak_times,
)
from guide.speech.en.web import speak_addresses
from guide.speech.sentences import ends_before


def normalise(text: str, lexicon: Lexicon | None = None, language: str = "en") -> str:
    """Return the form of ``text`` that the speech engine is given.

    ``lexicon`` defaults to the built-in one; pass ``Lexicon()`` for none.
    ``language`` chooses the service numbers said digit by digit.
    """
    lexicon = Lexicon.builtin() if lexicon is None else lexicon
    text = clean_characters(text)
    text = speak_addresses(text, known=lambda word: lexicon.lookup(word) is not None)
    text = speak_service_numbers(text, language)
    text = speak_local_phones(text)
    text = speak_times(text)
    text = lexicon.respell(text)
    text = expand_abbreviations(text)
    text = speak_numbers(text)
    text = speak_symbols(text)
    return tidy(text)


# ------------------------------------------------------------------ characters

_TAG = re.compile(R.TAG, re.S)
_CITATION = re.compile(R.CITATION)


def clean_characters(text: str) -> str:
    """NFC, entities decoded, tags and citation marks removed, characters folded."""
    text = unicodedata.normalize("NFC", text)
    for _ in range(3):  # "&amp;amp;" is "&amp;" is "&"
        decoded = html.unescape(text)
        if decoded == text:
            break
        text = decoded
    text = _TAG.sub(" ", text)
    text = _CITATION.sub("", text)
    return unicodedata.normalize("NFC", "".join(_fold(c) for c in text))


def _fold(char: str) -> str:
    if char in R.CHAR_MAP:
        return R.CHAR_MAP[char]
    category = unicodedata.category(char)
    if category[0] == "Z" or category == "Cc":  # spaces, line breaks, tabs, control codes
        return " "
    if category[0] == "C":  # format (zero-width, bidi), surrogate, private use, unassigned
        return ""
    if category == "Nd" and not char.isascii():
        return str(unicodedata.decimal(char))
    return char


# -------------------------------------------------------------- abbreviations


def _abbreviation_pattern() -> tuple[re.Pattern[str], dict[str, R.Abbreviation]]:
    table: dict[str, R.Abbreviation] = {}
    parts = []
    for abbr in sorted(R.ABBREVIATIONS, key=lambda a: -len(a.written)):
        body = re.escape(abbr.written)
        parts.append(f"(?i:{body})" if abbr.any_case else body)
        table[abbr.written.casefold() if abbr.any_case else abbr.written] = abbr
    return re.compile(rf"(?<![\w.])(?:{'|'.join(parts)})(?!\w)"), table


_ABBREVIATION, _ABBREVIATIONS = _abbreviation_pattern()


def expand_abbreviations(text: str) -> str:
    """'e.g.' → 'for example', 'Dr.' → 'Doctor', 'St.' → 'Saint' or 'Street'.

    An abbreviation's full stop is kept when it also ends the sentence.
    """
    def expand(match: re.Match[str]) -> str:
        written = match.group()
        abbr = _ABBREVIATIONS.get(written) or _ABBREVIATIONS[written.casefold()]
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

    return _ABBREVIATION.sub(expand, text)


def _saint_or_street(after: str) -> str:
    """'St. Louis' is Saint Louis; 'Main St.' and 'Main St. The …' are Street."""
    words = after.split() if after[:1].isspace() else []
    name = words[0].lstrip(R.OPENERS) if words else ""
    if name[:1].isupper() and not ends_before(R.STARTER, name):
        return "Saint"
    return "Street"


# --------------------------------------------------------------------- numbers


def speak_numbers(text: str) -> str:
    """Numbers as a person says them; plain whole numbers stay as digits."""
    for pattern, say in _NUMBER_RULES:
        text = pattern.sub(say, text)
    return speak_thousands(text)


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


_SAY_NUMBER = {
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

_NUMBER_RULES = [(re.compile(pattern), _SAY_NUMBER[name]) for name, pattern in R.NUMBER_PATTERNS]


# --------------------------------------------------------------------- symbols

_SYMBOL_RULES = [(re.compile(pattern), say) for pattern, say in R.SLASH_AND_DASH_RULES]


def speak_symbols(text: str) -> str:
    """'&' → 'and', 'he/she' → 'he or she', dashes → pauses, other symbols said or dropped."""
    for pattern, say in _SYMBOL_RULES:
        text = pattern.sub(say, text)
    return "".join(R.SYMBOL_WORDS.get(c, c) for c in text)


# ----------------------------------------------------------------------- tidy

_TIDY_RULES = [(re.compile(pattern), say) for pattern, say in R.TIDY_RULES]


def tidy(text: str) -> str:
    """Keep only what the voice can say, then fold spaces and stray punctuation."""
    text = "".join(_sayable(c) for c in text)
    for pattern, say in _TIDY_RULES:
        text = pattern.sub(say, text)
    return " ".join(text.split())


def _sayable(char: str) -> str:
    if char.isascii():
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
