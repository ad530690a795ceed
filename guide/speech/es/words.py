"""Spanish number words: cardinals with their gender, ordinals, fractions.

espeak-ng reads digits in Spanish well, but it cannot know the noun that
follows, so "1 semana" is "uno semana" and "21 kilogramos" is "veintiuno
kilogramos".  These functions give the words with the right form:

* ``MASCULINE`` before a masculine noun: "un", "veintiún", "treinta y un";
* ``FEMININE`` before a feminine one: "una", "veintiuna", "doscientas";
* ``COUNTING`` on its own (counting, or "el 1"): "uno", "veintiuno".

Before "mil" a final "uno" is short and masculine ("veintiún mil semanas"),
while hundreds agree ("doscientas mil semanas"), as the RAE writes them;
"millón" is a masculine noun ("veintiún millones", "doscientos millones").
"""

from __future__ import annotations

COUNTING = "counting"
"The number on its own: 'uno', 'veintiuno'."
MASCULINE = "masculine"
"Before a masculine noun: 'un', 'veintiún'."
FEMININE = "feminine"
"Before a feminine noun: 'una', 'veintiuna', 'doscientas'."

_UNITS = ("cero uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece "
          "catorce quince dieciséis diecisiete dieciocho diecinueve veinte veintiuno "
          "veintidós veintitrés veinticuatro veinticinco veintiséis veintisiete "
          "veintiocho veintinueve").split()
_TENS = "_ _ _ treinta cuarenta cincuenta sesenta setenta ochenta noventa".split()
_HUNDREDS = ("_ ciento doscientos trescientos cuatrocientos quinientos seiscientos "
             "setecientos ochocientos novecientos").split()

LARGEST_IN_WORDS = 10**12 - 1
"Above this a number is left as digits: nobody says it."


def _one(words: str, gender: str) -> str:
    """'uno' at the end of ``words`` in the form ``gender`` asks for."""
    if gender == COUNTING or not words.endswith("uno"):
        return words
    if gender == FEMININE:
        return words[:-1] + "a"
    if words.endswith("veintiuno"):
        return words[:-3] + "ún"
    return words[:-1]


def _below_thousand(n: int, gender: str) -> str:
    if n == 100:
        return "cien"
    hundreds, rest = divmod(n, 100)
    parts = []
    if hundreds:
        word = _HUNDREDS[hundreds]
        if gender == FEMININE and hundreds > 1:
            word = word[:-2] + "as"
        parts.append(word)
    if rest or not hundreds:
        if rest < 30:
            parts.append(_UNITS[rest])
        else:
            tens, ones = divmod(rest, 10)
            parts.append(_TENS[tens] + (f" y {_UNITS[ones]}" if ones else ""))
    return _one(" ".join(parts), gender)


def cardinal(n: int, gender: str = COUNTING) -> str:
    """Say a whole number in words: 21 → 'veintiuno', (21, MASCULINE) → 'veintiún'."""
    if n < 0:
        return "menos " + cardinal(-n, gender)
    if n > LARGEST_IN_WORDS:
        return str(n)
    if n < 1000:
        return _below_thousand(n, gender)
    millions, rest = divmod(n, 10**6)
    thousands, units = divmod(rest, 1000)
    parts = []
    if millions:
        parts.append("un millón" if millions == 1 else cardinal(millions, MASCULINE) + " millones")
    if thousands:
        if thousands > 1:  # "doscientas mil semanas", but "veintiún mil semanas"
            high = _below_thousand(thousands, FEMININE if gender == FEMININE else MASCULINE)
            if high.endswith("una"):
                high = _one(high[:-1] + "o", MASCULINE)
            parts.append(high + " mil")
        else:
            parts.append("mil")
    if units:
        parts.append(_below_thousand(units, gender))
    return " ".join(parts)


def needs_words(n: int, gender: str) -> bool:
    """Whether digits would be read wrong before a noun of ``gender`` (espeak-ng counts)."""
    return gender != COUNTING and cardinal(n, gender) != cardinal(n, COUNTING)


def with_noun(n: int, gender: str) -> str:
    """The number before a noun: words where the gender changes them, else digits."""
    if not needs_words(n, gender) or n > LARGEST_IN_WORDS:
        return str(n)
    return cardinal(n, gender)


# -------------------------------------------------------------------- ordinals

_ORDINAL_UNITS = ("_ primero segundo tercero cuarto quinto sexto séptimo octavo "
                  "noveno").split()
_ORDINAL_TENS = ("_ décimo vigésimo trigésimo cuadragésimo quincuagésimo sexagésimo "
                 "septuagésimo octogésimo nonagésimo").split()
_ORDINAL_TEENS = {11: "undécimo", 12: "duodécimo"}


def ordinal(n: int, gender: str = MASCULINE, short: bool = False) -> str | None:
    """Say an ordinal from 1 to 100: (3, FEMININE) → 'tercera', (3, short=True) → 'tercer'.

    ``short`` gives the form before a masculine noun ("1.er", "3.er"):
    "primer", "tercer".  Returns ``None`` above 100, where nobody says it.
    """
    if not 1 <= n <= 100:
        return None
    if n == 100:
        words = "centésimo"
    elif n in _ORDINAL_TEENS:
        words = _ORDINAL_TEENS[n]
    elif 13 <= n <= 19:
        words = "decimo" + _ORDINAL_UNITS[n - 10]
    else:
        tens, ones = divmod(n, 10)
        parts = [_ORDINAL_TENS[tens]] if tens else []
        if ones:
            parts.append(_ORDINAL_UNITS[ones])
        words = " ".join(parts)
    if gender == FEMININE:
        return " ".join(w[:-1] + "a" for w in words.split())
    if short and words.endswith(("primero", "tercero")):
        return words[:-1]
    return words


# ------------------------------------------------------------------- fractions

_PARTS = {2: ("medio", "medios"), 3: ("tercio", "tercios"), 4: ("cuarto", "cuartos"),
          5: ("quinto", "quintos"), 6: ("sexto", "sextos"), 8: ("octavo", "octavos"),
          10: ("décimo", "décimos")}
"The denominators that make 'n/d' a fraction, with their names (one, many)."

FRACTION_DENOMINATORS = frozenset(_PARTS)
"Bottoms that make 'n/d' a fraction (when n < d) rather than 'n sobre d'."


def fraction(top: int, bottom: int) -> str:
    """Say a fraction: (1, 2) → 'un medio', (3, 4) → 'tres cuartos'."""
    one, many = _PARTS[bottom]
    return f"{cardinal(top, MASCULINE)} {one if top == 1 else many}"


def mixed(whole: str, top: int, bottom: int) -> str:
    """Say a whole number and a fraction: ('2', 1, 2) → '2 y medio', ('1', 3, 4) → '1 y tres cuartos'."""
    if (top, bottom) == (1, 2):
        return f"{whole} y medio"
    return f"{whole} y {fraction(top, bottom)}"
