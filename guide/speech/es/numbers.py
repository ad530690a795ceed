"""Spanish numbers as a person says them: by region, with units, fractions and gender.

The judgement calls are in :mod:`guide.speech.es.rules`.  The stages:

1. service numbers and phone numbers, digit by digit (:func:`speak_service_numbers`,
   :func:`speak_phones`), before anything can read them as amounts;
2. written numbers made plain for the guide's region (:func:`plain_numbers`):
   "2.400" is 2400 in Spain and 2,4 in the US, "1,5" is 1 and a half
   everywhere; the decimal mark is kept as a private character until the end;
3. the number rules (:data:`NUMBER_PATTERNS`), in order;
4. gender ("1 semana" → "una semana"), decimals said ("coma" or "punto"),
   and numbers from 10 000 up in words.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from guide.speech.common import LazyPattern
from guide.speech.es import rules as R
from guide.speech.es import words as W

DECIMAL = "\ue000"
"Stands for the decimal mark between stages; said 'coma' or 'punto' at the end."

NUM = rf"[0-9]+(?:{DECIMAL}[0-9]+)?"
"A number after :func:`plain_numbers`: digits, maybe a decimal part."

_WORD = LazyPattern(r"[^\W\d_]+")
_CLAUSE_END = LazyPattern(r"[.!?;:](?:\s|$)|\n")
_SENTENCE_END = LazyPattern(r"[.!?](?:\s|$)")

# ------------------------------------------------------------ service numbers

_SERVICE = LazyPattern(
    rf"(?<![\w.,$#/:-])(?:{'|'.join(sorted(R.SERVICE_NUMBERS, key=len, reverse=True))}"
    r"|[0-9]{5,15})(?![\w%°/-]|[.,:][0-9]|\s[0-9])")


def speak_service_numbers(text: str) -> str:
    """'Llame al 911' → 'Llame al 9 1 1'; '911 pacientes' stays.

    A longer number that is dialled (a text line, 'al 741741') is said digit by
    digit too; undialled, it is an amount.
    """
    def say(m: re.Match[str]) -> str:
        before = _CLAUSE_END.split(m.string[max(0, m.start() - 150) : m.start()])[-1]
        words = [w.casefold() for w in _WORD.findall(before)]
        named = m.group() in R.SERVICE_NUMBERS and bool(words) and words[-1] in R.ARTICLES_BEFORE_SERVICE
        dialled = named or R.DIALLING_WORDS.intersection(words[-5:])
        return " ".join(m.group()) if dialled else m.group()

    return _SERVICE.sub(say, text)


# ----------------------------------------------------------------- phone numbers

_PHONE = LazyPattern(r"(?<![0-9-])(?:\+?(1)[-. ])?(?:\(([0-9]{3})\)\s?|([0-9]{3})[-.])"
                    r"([0-9]{3})[-.]([0-9]{4})(?![0-9]|-[0-9])")
_SPACED_PHONE = LazyPattern(r"(?<![\w.,])(?:\+([0-9]{1,3})\s)?([0-9]{2,3}(?:\s[0-9]{2,4}){2,3})"
                           r"(?![\w]|[.,][0-9])")
_LOCAL_PHONE = LazyPattern(r"(?<![\w.,/–)-])([0-9]{3})-([0-9]{4})(?![0-9]|[-–/.,][0-9])")


def _groups(*groups: str | None) -> str:
    return ", ".join(" ".join(g) for g in groups if g)


def speak_phones(text: str) -> str:
    """Phone numbers digit by digit in their groups: '1-800-311-3435' → '1, 8 0 0, 3 1 1, 3 4 3 5'.

    Spaced groups ('912 345 678') are a phone number when they are three
    groups of three, or when a word such as 'teléfono' or 'llame' comes
    before them in the sentence; '555-0142' when it cannot be a range.
    """
    text = _PHONE.sub(lambda m: _groups(*m.groups()), text)

    def spaced(m: re.Match[str]) -> str:
        groups = m.group(2).split()
        if not (len(groups) == 3 and all(len(g) == 3 for g in groups)) and not _phone_word(m):
            return m.group()
        return _groups(m.group(1), *groups)

    def local(m: re.Match[str]) -> str:
        first, second = m.group(1), m.group(2)
        if second.startswith("0") or int(second) <= int(first) or _phone_word(m):
            return _groups(first, second)
        return m.group()

    return _LOCAL_PHONE.sub(local, _SPACED_PHONE.sub(spaced, text))


def _phone_word(m: re.Match[str]) -> bool:
    before = _SENTENCE_END.split(m.string[max(0, m.start() - 80) : m.start()])[-1]
    return bool(R.PHONE_WORDS.intersection(w.casefold() for w in _WORD.findall(before)))


# ------------------------------------------------------------ written numbers

_WRITTEN = LazyPattern(r"(?<![\w.,])(?<![0-9][.,])[0-9]+(?:[.,][0-9]+)+(?![0-9]|[.,][0-9])"
                      r"|(?<![\w.,])[0-9]{1,3}(?:[ \u00a0\u202f][0-9]{3})+(?![\w]|[.,][0-9])")
_AMBIGUOUS = LazyPattern(r"(?<![\w.,])[1-9][0-9]{0,2}[.,](?!000)[0-9]{3}(?![0-9]|[.,][0-9])")


def read_number(written: str, mark: str) -> tuple[str, str | None] | None:
    """(whole digits, decimal digits or None) of a written number, or None if it is no number.

    ``mark`` is the region's decimal mark; it decides only a single group of
    three digits after one mark ("2.400", "1,500").
    """
    if " " in written or "\u00a0" in written or "\u202f" in written:
        return re.sub(r"\D", "", written), None
    marks = [c for c in written if c in ".,"]
    groups = re.split(r"[.,]", written)
    if len(set(marks)) == 2:  # 1.234,5 or 1,234.5: the last mark is the decimal one
        decimal = marks[-1]
        if marks.count(decimal) > 1 or not _thousands(groups[:-1]):
            return None
        return "".join(groups[:-1]), groups[-1]
    if len(marks) > 1:  # 1.500.000 or 1,500,000
        return ("".join(groups), None) if _thousands(groups) else None
    whole, part = groups
    if _thousands(groups) and (marks[0] != mark or part == "000"):  # nobody writes 3.000 for 3
        return whole + part, None
    return whole, part


def _thousands(groups: list[str]) -> bool:
    head, rest = groups[0], groups[1:]
    return 1 <= len(head) <= 3 and head[0] != "0" and all(len(g) == 3 for g in rest)


def plain_numbers(text: str, region: str) -> str:
    """Written numbers with their thousands marks gone and the decimal mark as :data:`DECIMAL`."""
    mark = R.decimal_mark(region)

    def plain(m: re.Match[str]) -> str:
        read = read_number(m.group(), mark)
        if read is None:
            return m.group()
        whole, part = read
        return whole if part is None else f"{whole}{DECIMAL}{part}"

    return _WRITTEN.sub(plain, text)


def ambiguous_numbers(text: str) -> list[str]:
    """The numbers in ``text`` that regions read differently, as written: ['2.400', '1,500'].

    "2.400" is two thousand four hundred in Spain and two point four in the
    US; a guide should write "2400" or "2,4" instead.  "3.000" is not listed:
    nobody writes three as 3.000, so it is read as three thousand everywhere.
    """
    return [m.group() for m in _AMBIGUOUS.finditer(text)]


# ------------------------------------------------------------------ the rules


def _alternation(names) -> str:
    names = sorted(names, key=len, reverse=True)
    return "|".join(r"\s?".join(re.escape(p) for p in n.split(" ")) for n in names)


_UNIT = _alternation(R.UNITS)
_PER = _alternation(set(R.UNITS) | set(R.PER_WORDS))
_ALONE = _alternation(n for n, u in R.UNITS.items() if u.alone)
_UNITS_COMPACT = {name.replace(" ", ""): unit for name, unit in R.UNITS.items()}
_FRACTIONS = {"½": (1, 2), "⅓": (1, 3), "⅔": (2, 3), "¼": (1, 4), "¾": (3, 4), "⅕": (1, 5),
              "⅙": (1, 6), "⅛": (1, 8), "⅜": (3, 8), "⅝": (5, 8), "⅞": (7, 8)}
_ORDINAL_MASCULINE = frozenset("º ° ro do to vo no mo".split())

NUMBER_PATTERNS: tuple[tuple[str, str], ...] = (
    ("comparison", r"(<=|>=|[<>≤≥~≈])\s?(?=[0-9])"),
    ("vulgar fraction", rf"(?<![0-9])(?:([0-9]+)\s?)?([{''.join(_FRACTIONS)}])"),
    ("mixed fraction", r"(?<![0-9/])([0-9]+)\s+([0-9]+)/([0-9]+)(?![0-9/])"),
    # 4-12, 2 %–10 %; not 1-2-3
    ("range", rf"(?<![\w/])(?<![0-9][–-])({NUM})(\s?%)?\s*[–-]\s*({NUM})(?![0-9]|[/–-][0-9])"),
    # 1.º, 2.ª, 3.er, 1er, 2do, 3ra, 4to; 1.° (a degree sign with a full stop)
    ("ordinal", r"(?<![\w.])([0-9]{1,3})(?:\.?([ºª])|\.(°)|\.?(er|ra|ro|da|do|to|ta|vo|va|no|na"
                r"|mo|ma))(?!\w)"),
    ("percent", r"([0-9])\s?%"),
    ("unit after number", rf"(?<![\w.])({NUM})\s?({_UNIT})((?:/(?:{_PER})){{0,2}})(?![\w/²])(\.(?![0-9]))?"),
    ("unit alone", rf"(?<![\w/.°])({_ALONE})((?:/(?:{_PER})){{0,2}})(?![\w/²])(\.(?![0-9]))?"),
    ("by", r"([0-9])\s?[x×]\s?(?=[0-9])"),
    ("times", r"(?<![\w.])([0-9]+)\s?[x×](?=\s|$|[,.;:!?])"),
    ("number/number", r"(?<![\w/.])([0-9]+)/([0-9]+)(?![\w/]|\.[0-9])"),
    ("number sign", r"#\s?(?=[0-9])"),
    ("minus", r"(?<![\w.])-(?=[0-9])"),
    ("hyphen by a number", r"(?<=[0-9])[–-](?=[^\W\d_])|(?<=[^\W\d_])[–-](?=[0-9])"
                           r"|(?<=[0-9])[–-](?=[0-9])"),
)
"(name, pattern) of the number rules, run in this order on plain numbers."


def sentence_ends_after(after: str) -> bool:
    """Whether a full stop followed by ``after`` ends the sentence (a capital or nothing follows)."""
    rest = after.lstrip("\"')]}\u201d\u2019\u00bb")
    if not rest.strip():
        return True
    if not rest[0].isspace():
        return False
    word = rest.split()[0].lstrip("\"'([{\u201c\u2018\u00ab\u00bf\u00a1")
    return bool(word) and (word[0].isupper() or word[0].isdigit())


def _stop(m: re.Match[str], group: int) -> str:
    return "." if m.group(group) and sentence_ends_after(m.string[m.end() :]) else ""


def _unit(written: str) -> R.Unit:
    return _UNITS_COMPACT[re.sub(r"\s", "", written)]


def _per(written: str) -> str:
    """'/kg/día' → ' por kilogramo por día'."""
    spoken = ""
    for part in written.split("/")[1:]:
        spoken += " por " + (R.PER_WORDS[part] if part in R.PER_WORDS else _unit(part).one)
    return spoken


def _unit_after_number(m: re.Match[str]) -> str:
    number, unit = m.group(1), _unit(m.group(2))
    name = unit.one if number == "1" else unit.many
    return f"{number} {name}{_per(m.group(3))}{_stop(m, 4)}"


def _unit_alone(m: re.Match[str]) -> str:
    return f"{_unit(m.group(1)).many}{_per(m.group(2))}{_stop(m, 3)}"


def _ordinal(m: re.Match[str]) -> str:
    n, ending = int(m.group(1)), (m.group(2) or m.group(3) or m.group(4)).casefold()
    gender = W.MASCULINE if ending in _ORDINAL_MASCULINE or ending == "er" else W.FEMININE
    return W.ordinal(n, gender, short=ending == "er") or m.group()


def _vulgar(m: re.Match[str]) -> str:
    top, bottom = _FRACTIONS[m.group(2)]
    return W.mixed(m.group(1), top, bottom) if m.group(1) else W.fraction(top, bottom)


def _mixed(m: re.Match[str]) -> str:
    top, bottom = int(m.group(2)), int(m.group(3))
    if 0 < top < bottom and bottom in W.FRACTION_DENOMINATORS:
        return W.mixed(m.group(1), top, bottom)
    return m.group()


def _slash(m: re.Match[str]) -> str:
    top, bottom = int(m.group(1)), int(m.group(2))
    if (top, bottom) == (24, 7):
        return "24 7"
    if 0 < top < bottom and bottom in W.FRACTION_DENOMINATORS:
        return W.fraction(top, bottom)
    return f"{m.group(1)} sobre {m.group(2)}"


def _range(m: re.Match[str]) -> str:
    """'4-12' → '4 a 12'; after 'entre' ('entre el 10-15 %') → '10 y 15'."""
    before = [w.casefold() for w in _WORD.findall(m.string[max(0, m.start() - 20) : m.start()])]
    joint = "y" if "entre" in before[-2:] else "a"
    return f"{m.group(1)}{' por ciento' if m.group(2) else ''} {joint} {m.group(3)}"


_HALF = LazyPattern(rf"(?<![\w/.])(?:([0-9]+)(?:\s?½|\s+1/2)|½|1/2)\s+"
                   rf"({'|'.join(R.NOUN_GENDER)}|{_UNIT})(?![\w/²])")


def _half(m: re.Match[str]) -> str:
    """'½ taza' → 'media taza', '2 1/2 tazas' → '2 y media tazas', '½ kg' → 'medio kilogramo'."""
    whole, noun = m.group(1), m.group(2)
    unit = _UNITS_COMPACT.get(re.sub(r"\s", "", noun))
    gender = unit.gender if unit else R.NOUN_GENDER[noun]
    half = "media" if gender == W.FEMININE else "medio"
    if unit:
        noun = unit.many if whole else unit.one
    return f"{whole} y {half} {noun}" if whole else f"{half} {noun}"


_SAY: dict[str, str | Callable[[re.Match[str]], str]] = {
    "comparison": lambda m: f" {R.COMPARISONS[m.group(1)]} ",
    "vulgar fraction": _vulgar,
    "mixed fraction": _mixed,
    "range": _range,
    "ordinal": _ordinal,
    "percent": r"\1 por ciento",
    "unit after number": _unit_after_number,
    "unit alone": _unit_alone,
    "by": r"\1 por ",
    "times": r"\1 veces",
    "number/number": _slash,
    "number sign": "número ",
    "minus": "menos ",
    "hyphen by a number": " ",
}
"How each of :data:`NUMBER_PATTERNS` is said."

_RULES = [(LazyPattern(pattern), _SAY[name]) for name, pattern in NUMBER_PATTERNS]
_NOUN = LazyPattern(rf"(?<![\w{DECIMAL}])([0-9]+)(\s+)({'|'.join(R.NOUN_GENDER)})(?!\w)")
_BIG = LazyPattern(rf"(?<![\w{DECIMAL}])[0-9]{{5,}}(?![0-9]|{DECIMAL})")


def speak_numbers(text: str, region: str) -> str:
    """Numbers said for ``region``: units, fractions, ordinals, gender, decimals, big numbers."""
    text = _HALF.sub(_half, plain_numbers(text, region))
    for pattern, say in _RULES:
        text = pattern.sub(say, text)
    text = _NOUN.sub(lambda m: W.with_noun(int(m.group(1)), R.NOUN_GENDER[m.group(3)])
                     + m.group(2) + m.group(3), text)
    point = " punto " if R.decimal_mark(region) == "." else " coma "
    text = text.replace(DECIMAL, point)
    return _BIG.sub(lambda m: W.cardinal(int(m.group())), text)
