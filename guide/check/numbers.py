"""The numbers a text says, written in digits or in words, English or Spanish.

The translation check (:mod:`guide.check.translation`) compares the numbers
and years of each chapter with those of the original's chapter, and one
language may write in words what the other writes in digits ("January
fifteenth, 2004" and "15 de enero de 2004"). :func:`numbers_in` reads both
into values, by a small reader of number words rather than the normalisers'
spoken forms (which say "2004" in words too, but differently by language and
by what follows):

* digits, with the thousands and decimal marks of the language (English
  "2,400" and "1.5"; Spanish by the guide's region, through
  :func:`guide.speech.es.numbers.read_number`), and an ordinal ending
  ("15th", "1.º") dropped;
* cardinal words ("eleven", "twenty-one", "two thousand four"; "once",
  "veintiún", "treinta y siete", "dos mil cuatro", "doscientas");
* ordinal words ("second", "fifteenth", "twenty-first"; "segunda",
  "tercer", "décimo"), as their number: "the second trimester" and "el
  segundo trimestre" both say 2;
* "twice" is 2.

One, said as a word, is left out in both languages: "one", "once",
"first" and "un", "una", "uno", "primer", "primera" are articles, pronouns
and adverbs far more often than counts ("one of two things", "una de dos
cosas", "First, ..."). So is the Spanish "cuarto", which is also a room and
a quarter ("y cuarto"); "cuarta" counts. The digit 1 counts.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from guide.speech.common import LazyPattern

_TOKEN = LazyPattern(r"(?<![\w.,])[0-9]+(?:[.,][0-9]+)*(?:st|nd|rd|th|\.?[ºª°oa])?(?![\w])"
                     r"|[^\W\d_]+")

EN_UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
EN_TENS = {w: 10 * i for i, w in enumerate(
    "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if w != "_"}
EN_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
    "thousandth": 1000}
EN_SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9}
EN_OTHER = {"twice": 2}
EN_SKIPPED = frozenset({"one", "once", "first"})
"English words for one that are not read as a number (see above)."

_ES_UNITS = ("cero uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce "
             "quince dieciséis diecisiete dieciocho diecinueve veinte veintiuno veintidós "
             "veintitrés veinticuatro veinticinco veintiséis veintisiete veintiocho "
             "veintinueve").split()
ES_UNITS = {w: i for i, w in enumerate(_ES_UNITS)} | {
    "un": 1, "una": 1, "veintiún": 21, "veintiuna": 21, "dieciseis": 16, "veintidos": 22,
    "veintitres": 23, "veintiseis": 26}
ES_TENS = {w: 10 * i for i, w in enumerate(
    "_ _ _ treinta cuarenta cincuenta sesenta setenta ochenta noventa".split()) if w != "_"}
ES_HUNDREDS = {"cien": 100, "ciento": 100, "quinientos": 500, "quinientas": 500,
               "setecientos": 700, "setecientas": 700, "novecientos": 900, "novecientas": 900}
ES_HUNDREDS |= {f"{unit}cient{end}": n * 100 for unit, n in (
    ("dos", 2), ("tres", 3), ("cuatro", 4), ("seis", 6), ("ocho", 8)) for end in ("os", "as")}
ES_ORDINALS = {f"{stem}{end}": n for stem, n in (
    ("primer", 1), ("segund", 2), ("tercer", 3), ("cuart", 4), ("quint", 5), ("sext", 6),
    ("séptim", 7), ("octav", 8), ("noven", 9), ("décim", 10)) for end in ("o", "a", "os", "as")}
ES_ORDINALS |= {"primer": 1, "tercer": 3}
ES_SCALES = {"mil": 1000, "millón": 10**6, "millones": 10**6}
ES_SKIPPED = frozenset({"un", "una", "uno", "primer", "primero", "primera", "primeros",
                        "primeras", "cuarto", "cuartos"})
"Spanish words for one, and 'cuarto', that are not read as a number (see above)."


def numbers_in(text: str, language: str = "en-US") -> dict[str, str]:
    """The numbers ``text`` says, each once, as value → how it is first written:
    ``{"15": "fifteenth", "2004": "2004"}``. ``language`` is a tag; English and Spanish words
    are read, digits in any language."""
    spanish = language.lower().startswith("es")
    found: dict[str, str] = {}
    tokens = _TOKEN.findall(text)
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token[0].isdigit():
            digits = _digits(token, spanish, language)
            if digits is not None:
                found.setdefault(digits, token)
            i += 1
            continue
        said, used = (_spanish_words if spanish else _english_words)(tokens, i)
        if said is not None:
            found.setdefault(str(said), " ".join(tokens[i:i + used]))
        i += max(used, 1)
    return found


def _digits(token: str, spanish: bool, language: str) -> str | None:
    """The value of a number in digits, as a plain decimal string: "2,400" → "2400"."""
    token = re.sub(r"(?:st|nd|rd|th|\.?[ºª°oa])$", "", token)
    if spanish:
        from guide.speech.es.numbers import read_number
        from guide.speech.es.rules import decimal_mark

        read = (token, None) if token.isdigit() else read_number(token, decimal_mark(language))
        if read is None:
            return None
        whole, part = read
    elif re.fullmatch(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?", token):
        whole, _, part_text = token.replace(",", "").partition(".")
        part = part_text or None
    else:
        return None
    try:
        value = Decimal(f"{whole}.{part}" if part else whole)
    except InvalidOperation:
        return None
    return format(value.normalize(), "f")


def _english_words(tokens: list[str], i: int) -> tuple[int | None, int]:
    """(the number the English words at ``i`` say, how many tokens it takes)."""
    return _read(tokens, i, _english_word, "and", EN_SKIPPED)


def _spanish_words(tokens: list[str], i: int) -> tuple[int | None, int]:
    """(the number the Spanish words at ``i`` say, how many tokens it takes)."""
    return _read(tokens, i, _spanish_word, "y", ES_SKIPPED)


def _english_word(word: str) -> tuple[str, int] | None:
    """(kind, value) of an English number word; kinds: unit, ten, scale, ordinal."""
    for kind, table in (("unit", EN_UNITS), ("ten", EN_TENS), ("scale", EN_SCALES),
                        ("ordinal", EN_ORDINALS), ("ordinal", EN_OTHER)):
        if word in table:
            return kind, table[word]
    return None


def _spanish_word(word: str) -> tuple[str, int] | None:
    """(kind, value) of a Spanish number word; kinds: unit, ten, hundred, scale, ordinal."""
    for kind, table in (("unit", ES_UNITS), ("ten", ES_TENS), ("hundred", ES_HUNDREDS),
                        ("scale", ES_SCALES), ("ordinal", ES_ORDINALS)):
        if word in table:
            return kind, table[word]
    return None


def _read(tokens: list[str], start: int, kind_of, joiner: str,
          skipped: frozenset[str]) -> tuple[int | None, int]:
    """Read one number from the words at ``start``: units, tens, hundreds and scales add up
    ("two thousand four", "treinta y siete"), an ordinal ends it."""
    total, current, last, i = 0, 0, "", start
    while i < len(tokens):
        word = tokens[i].casefold()
        if word == joiner and last in ("ten", "scale", "hundred") and i + 1 < len(tokens) \
                and (kind_of(tokens[i + 1].casefold()) or ("", 0))[0] in ("unit", "ordinal"):
            i += 1
            continue
        found = kind_of(word)
        if found is None or (last in ("unit", "ordinal") and found[0] != "scale") \
                or (last == "ten" and found[0] == "ten"):
            break
        kind, value = found
        if kind == "scale" and value == 100:
            current = (current or 1) * 100
        elif kind == "scale":
            total, current = total + (current or 1) * value, 0
        else:
            current += value
        last = kind
        i += 1
        if kind == "ordinal":
            break
    used = i - start
    if used == 0 or (used == 1 and tokens[start].casefold() in skipped):
        return None, max(used, 1)
    return total + current, used
