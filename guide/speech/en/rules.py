"""The English tables that the normaliser (:mod:`guide.speech.en.stages`) and the splitter read.

Everything a person may want to change about how the guide *says* English,
other than single words (those are in ``guide/data/lexicon.toml``), lives
here as data: units, abbreviations, symbols, number words, the words that
start sentences; what every language shares (characters folded, markup,
the :class:`Abbreviation` record) is in :mod:`guide.speech.common`.  Each table says
what it decides and why, so a change can be made without reading the code.

Judgement calls, in one place:

* Plain whole numbers stay as digits: espeak-ng reads "24" and "2025" the
  way a person does; with thousands commas ("2,400") they are said in words
  (see :mod:`guide.speech.en.numbers`, with service numbers and times).
  Everything it reads badly or literally is rewritten: ordinals and
  fractions become words, decimals become "2 point 5", "%" becomes
  "percent", ranges "4–12" and "4-12" become "4 to 12", decades "1990s"
  become "nineteen nineties".
* Number/number: a fraction when the bottom is a small fraction denominator
  and the top is smaller ("1/2" → "one half", "3/4" → "three quarters");
  "24/7" → "24 7" (said "twenty-four seven"); a date when it has three parts
  ("3/15/2024" → "March fifteenth, 2024", or "3 slash 4 slash 2025" when the
  order is unclear); anything else, above all blood pressure ("140/90"), is
  "140 over 90".
* Word/word: "and/or" → "and or"; otherwise the slash is said "or"
  ("mother/baby" → "mother or baby").  Known units are "per" ("mg/dL").
* Web addresses are said as the site's name with "dot", then the path:
  "https://www.cdc.gov/pregnancy/index.html" → "C D C dot gov, slash
  pregnancy" (see :mod:`guide.speech.en.web`).  E-mail addresses are "name
  at site dot org".  Nothing is ever read character by character.
* "etc." is "and so on", plainer for listeners than "et cetera".
* Phone numbers are read digit by digit in their groups: "1, 8 0 0, ...".
* Only letters an English voice can say are kept: Latin letters (with
  accents), and Greek letters by name; CJK, Arabic, Hebrew, Cyrillic and
  other scripts, emoji and stray combining marks are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from guide.speech.common import (  # noqa: F401 - shared tables, read here as R.NAME
    CAPITAL,
    CHAR_MAP,
    CITATION,
    CLOSERS,
    KEEP_PUNCTUATION,
    NEVER,
    NUMBER,
    OPENERS,
    STARTER,
    TAG,
    TIDY_RULES,
    Abbreviation,
)

# ------------------------------------------------------------------ characters

VULGAR_FRACTIONS: dict[str, tuple[int, int]] = {
    "½": (1, 2), "⅓": (1, 3), "⅔": (2, 3), "¼": (1, 4), "¾": (3, 4),
    "⅕": (1, 5), "⅖": (2, 5), "⅗": (3, 5), "⅘": (4, 5), "⅙": (1, 6),
    "⅚": (5, 6), "⅛": (1, 8), "⅜": (3, 8), "⅝": (5, 8), "⅞": (7, 8),
}
"Single-character fractions, said like the written ones."

GREEK: dict[str, str] = {
    "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon",
    "κ": "kappa", "λ": "lambda", "μ": "mu", "π": "pi", "σ": "sigma",
    "τ": "tau", "ω": "omega", "Δ": "delta", "Ω": "omega",
}
"Greek letters that turn up in health writing (beta-hCG), said by name."

SYMBOL_WORDS: dict[str, str] = {
    "&": " and ", "+": " plus ", "±": " plus or minus ", "=": " equals ",
    "×": " times ", "@": " at ", "°": " degrees ", "%": " percent ",
    "≈": " about ", "→": ", ", "•": ", ", "·": " ", "|": ", ", "—": ", ",
    "–": ", ", "/": " ", "\\": " ", "_": " ", "*": " ", "^": " ", "~": " ",
    "#": " ", "§": " section ", "¶": " ", "†": " ", "‡": " ", "©": " ",
    "®": " ", "™": " ", "$": " ", "€": " ", "£": " ",
    "<": " ", ">": " ", '"': "", "[": " (", "]": ") ", "{": " (", "}": ") ",
}
"What a symbol left over after the number rules is said as (or a space)."

COMPARISONS: dict[str, str] = {
    "<": "less than", ">": "more than", "≤": "at most", "≥": "at least",
    "<=": "at most", ">=": "at least", "~": "about", "≈": "about",
}
"Symbols before a number, said as words: '<5%' → 'less than 5 percent'."

# ---------------------------------------------------------------------- units


@dataclass(frozen=True)
class Unit:
    """A unit of measure and how it is said."""

    one: str
    "Said after exactly 1: 'milligram'."
    many: str
    "Said after any other number, or alone: 'milligrams'."
    alone: bool = True
    "Whether the abbreviation is expanded with no number before it."


UNITS: dict[str, Unit] = {
    "mg": Unit("milligram", "milligrams"),
    "mcg": Unit("microgram", "micrograms"),
    "μg": Unit("microgram", "micrograms"),
    "g": Unit("gram", "grams", alone=False),
    "kg": Unit("kilogram", "kilograms"),
    "lb": Unit("pound", "pounds"),
    "lbs": Unit("pound", "pounds"),
    "oz": Unit("ounce", "ounces"),
    "mL": Unit("milliliter", "milliliters"),
    "ml": Unit("milliliter", "milliliters"),
    "L": Unit("liter", "liters", alone=False),
    "dL": Unit("deciliter", "deciliters"),
    "cm": Unit("centimeter", "centimeters"),
    "mm": Unit("millimeter", "millimeters", alone=False),
    "m2": Unit("square meter", "square meters", alone=False),
    "m²": Unit("square meter", "square meters", alone=False),
    "ft": Unit("foot", "feet", alone=False),
    "mmol": Unit("millimole", "millimoles"),
    "IU": Unit("international unit", "international units"),
    "kcal": Unit("kilocalorie", "kilocalories"),
    "bpm": Unit("beat per minute", "beats per minute"),
    "mm Hg": Unit("millimeter of mercury", "millimeters of mercury"),
    "mmHg": Unit("millimeter of mercury", "millimeters of mercury"),
    "hr": Unit("hour", "hours", alone=False),
    "hrs": Unit("hour", "hours", alone=False),
    "min": Unit("minute", "minutes", alone=False),
    "wk": Unit("week", "weeks", alone=False),
    "wks": Unit("week", "weeks", alone=False),
    "yr": Unit("year", "years", alone=False),
    "yrs": Unit("year", "years", alone=False),
    "°F": Unit("degree Fahrenheit", "degrees Fahrenheit"),
    "°C": Unit("degree Celsius", "degrees Celsius"),
    "°": Unit("degree", "degrees", alone=False),
}
"""Unit abbreviations, matched case-sensitively after a number (a final '.'
is taken with them).  'in' is left out on purpose: '1 in 25' is not inches."""

PER_WORDS: dict[str, str] = {
    "d": "day", "day": "day", "wk": "week", "week": "week", "h": "hour",
    "hr": "hour", "hour": "hour", "min": "minute", "mo": "month",
    "month": "month", "yr": "year", "year": "year", "dose": "dose",
}
"Words after a unit and '/' that are said 'per …': 'mg/day', 'mL/hr'."

# ------------------------------------------------------------- abbreviations

ABBREVIATIONS: tuple[Abbreviation, ...] = (
    Abbreviation("e.g.", "for example"),
    Abbreviation("i.e.", "that is"),
    Abbreviation("vs.", "versus"),
    Abbreviation("vs", "versus"),
    Abbreviation("etc.", "and so on", CAPITAL),
    Abbreviation("approx.", "about"),
    Abbreviation("U.S.A.", "U S eigh", STARTER, any_case=False),
    Abbreviation("U.S.", "U S", STARTER, any_case=False),
    Abbreviation("U.K.", "U K", STARTER, any_case=False),
    Abbreviation("a.m.", "eigh em", CAPITAL),
    Abbreviation("p.m.", "P M", CAPITAL),
    Abbreviation("Dr.", "Doctor", any_case=False),
    Abbreviation("Drs.", "Doctors", any_case=False),
    Abbreviation("Mr.", "Mister", any_case=False),
    Abbreviation("Mrs.", "Missus", any_case=False),
    Abbreviation("Ms.", "Miz", any_case=False),
    Abbreviation("Prof.", "Professor", any_case=False),
    Abbreviation("Jr.", "Junior", CAPITAL, any_case=False),
    Abbreviation("Sr.", "Senior", CAPITAL, any_case=False),
    Abbreviation("Inc.", "Incorporated", CAPITAL, any_case=False),
    Abbreviation("Dept.", "Department", any_case=False),
    Abbreviation("Fig.", "Figure", any_case=False),
    Abbreviation("No.", "number", NUMBER, any_case=False),
    Abbreviation("St.", "Saint", STARTER, any_case=False),  # or Street: see normalise
)
"""Abbreviations said as words.  The splitter also uses the ``ends`` column
(through :func:`guide.speech.sentences.ends_before`), so the script and the
captions agree on where sentences end."""

SENTENCE_STARTERS = frozenset(
    """a about after all also an and any are as ask at be because before both
    but call can check contact do does don't during each eat even every find
    for from get he her here his how i if in is it its keep learn let many may
    more most my no not now of on once one only or our people please read
    see she should so some such take talk tell than that the their then there
    these they this those to try two use we what when where which while who
    why will with without women you your""".split()
)
"Lower-cased words that often start a sentence: 'U.S. Most women' is two."

CONJUNCTIONS = frozenset(
    """and but or nor so yet because although though while whereas which who
    when where unless until if then however""".split()
)
"Words a long run of words is preferably cut before, by the splitter."

# -------------------------------------------------------------- web addresses

TLD_WORDS: dict[str, str] = {
    "gov": "gov", "org": "org", "com": "com", "net": "net", "edu": "E D U",
    "int": "int", "us": "U S", "uk": "U K", "ca": "C eigh", "au": "eigh U",
    "info": "info", "io": "I O", "health": "health", "nhs": "N H S",
}
"How the last part of a web address is said."

TLDS = tuple(k for k in TLD_WORDS if k not in ("nhs",))
"Endings that make 'cdc.gov' a web address even without 'www.' or 'https://'."

# ---------------------------------------------------------------------- numbers

MONTHS = ("January February March April May June July August September "
          "October November December").split()
"Month names for dates written 3/15/2024 (month first unless a part says otherwise)."

FRACTION_DENOMINATORS = frozenset({2, 3, 4, 5, 6, 8, 10, 12, 16})
"Bottoms that make 'n/d' a fraction (when n < d) rather than 'n over d'."

ONES = ("zero one two three four five six seven eight nine ten eleven twelve "
        "thirteen fourteen fifteen sixteen seventeen eighteen nineteen").split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
SCALES = ((10**9, "billion"), (10**6, "million"), (1000, "thousand"))
ORDINAL_WORDS = {"one": "first", "two": "second", "three": "third", "five": "fifth",
                 "eight": "eighth", "nine": "ninth", "twelve": "twelfth"}
"Number words and the ordinals that are not just '+th'."

LARGEST_IN_WORDS = 10**12 - 1
"Above this a number is left as digits: nobody says it, and words would run on."


def cardinal(n: int) -> str:
    """Say a whole number in words, without 'and' or hyphens: 121 → 'one hundred twenty one'."""
    if n < 0:
        return "minus " + cardinal(-n)
    if n > LARGEST_IN_WORDS:
        return str(n)
    if n < 20:
        return ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return TENS[tens] + (" " + ONES[ones] if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return ONES[hundreds] + " hundred" + (" " + cardinal(rest) if rest else "")
    for size, name in SCALES:
        if n >= size:
            high, rest = divmod(n, size)
            return cardinal(high) + " " + name + (" " + cardinal(rest) if rest else "")
    raise AssertionError(n)  # pragma: no cover - the scales cover every n >= 1000


def ordinal(n: int) -> str:
    """Say a whole number as an ordinal: 20 → 'twentieth', 21 → 'twenty first'."""
    if n > LARGEST_IN_WORDS:
        return str(n) + "th"
    words = cardinal(n).split(" ")
    last = words[-1]
    if last in ORDINAL_WORDS:
        words[-1] = ORDINAL_WORDS[last]
    elif last.endswith("y"):
        words[-1] = last[:-1] + "ieth"
    else:
        words[-1] = last + "th"
    return " ".join(words)


def plural_words(words: str) -> str:
    """Make the last number word plural: 'twenty' → 'twenties', 'hundred' → 'hundreds'."""
    if words.endswith("y"):
        return words[:-1] + "ies"
    if words.endswith("x"):
        return words + "es"
    return words + "s"


def fraction(top: int, bottom: int) -> str:
    """Say a fraction: (1, 2) → 'one half', (3, 4) → 'three quarters'."""
    if bottom == 2:
        name = "half" if top == 1 else "halves"
    elif bottom == 4:
        name = "quarter" if top == 1 else "quarters"
    else:
        name = ordinal(bottom) if top == 1 else plural_words(ordinal(bottom))
    return f"{cardinal(top)} {name}"


def decade(digits: str) -> str:
    """Say a decade: '1990' → 'nineteen nineties', '2000' → 'two thousands'."""
    n = int(digits)
    if len(digits) == 4 and n % 1000:
        century, rest = divmod(n, 100)
        tail = "hundreds" if rest == 0 else plural_words(cardinal(rest))
        return f"{cardinal(century)} {tail}"
    words = plural_words(cardinal(n))
    return words[4:] if words.startswith("one ") else words


LETTER_NAMES = {"A": "eigh"}
"""Letters a voice misreads when spelled: espeak-ng says 'A B' as 'uh B',
while 'eigh B' is 'ay B'."""


def spell(word: str) -> str:
    """Spell a word letter by letter for the engine: 'cdc' → 'C D C'."""
    return " ".join(LETTER_NAMES.get(c, c) for c in word.upper() if c.isalnum())


# -------------------------------------------------------------------- patterns
# Regular expressions the stages of guide.speech.en.stages run, in order; each is
# compiled the first time a text needs it, not when this module is imported.  Digits are
# written [0-9] because \d would also match other scripts' digits.

EMAIL = r"(?<![\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
URL = (
    r"(?<![\w@])(?:(?:https?|ftp)://|www\.)[^\s<>\"]+"
    rf"|(?<![\w@.-])(?:[A-Za-z0-9-]+\.)+(?:{'|'.join(TLDS)})(?![\w@-])(?:/[^\s<>\"]*)?"
)
"A web address: with https:// or www., or a bare name ending in a known TLD."

NUM = r"[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?"
"A written number: digits, thousands commas, decimals."


def _alternation(names) -> str:
    names = sorted(names, key=len, reverse=True)
    return "|".join(r"\s?".join(re.escape(p) for p in n.split(" ")) for n in names)


_UNIT = _alternation(UNITS)
_PER = _alternation(set(UNITS) | set(PER_WORDS))
_ALONE = _alternation(n for n, u in UNITS.items() if u.alone)
_FRACTIONS = "".join(VULGAR_FRACTIONS)

NUMBER_PATTERNS: tuple[tuple[str, str], ...] = (
    # 1-800-311-3435, (800) 311-3435: digit by digit, in groups
    ("phone", r"(?<![0-9-])(?:(1)[-. ])?(?:\(([0-9]{3})\)\s?|([0-9]{3})[-.])"
              r"([0-9]{3})[-.]([0-9]{4})(?![0-9]|-[0-9])"),
    # $20, $1.50, $5 million
    ("money", r"\$\s?([0-9]+(?:,[0-9]{3})*)(?:\.([0-9]{1,2}))?(?![0-9])"
              r"( (?:thousand|million|billion))?"),
    # <5%, ≥ 3
    ("comparison", r"(<=|>=|[<>≤≥~≈])\s?(?=[0-9.])"),
    # 3/15/2024, 15.03.2024, 15-03-2024, 2024-03-15: see guide.speech.en.numbers
    ("date", r"(?<![0-9/.-])(?:([0-9]{1,2})(/|[.-](?=[0-9]{1,2}[.-][0-9]{4}))([0-9]{1,2})\2"
             r"([0-9]{4}|[0-9]{2})|([0-9]{4})-([0-9]{1,2})-([0-9]{1,2}))(?![0-9]|[/.-][0-9])"),
    # ½, 2½
    ("vulgar fraction", rf"(?<![0-9])(?:([0-9]+)\s?)?([{_FRACTIONS}])"),
    # 1 1/2
    ("mixed fraction", r"(?<![0-9/.])([0-9]+)\s+([0-9]+)/([0-9]+)(?![0-9/])"),
    # 4–12, 4-12, 2%–10%; not 1-2-3 or 12-5.5
    ("range", rf"(?<![\w.,/])(?<![0-9][–-])({NUM})(\s?%)?\s*[–-]\s*({NUM})"
              r"(?![0-9]|[/–-][0-9]|\.[0-9])"),
    # 20th, 1st, 1,000th
    ("ordinal", r"(?<![\w.])([0-9]+(?:,[0-9]{3})*)(?i:st|nd|rd|th)(?!\w)"),
    # 1990s, '90s, 30s
    ("decade", r"(?<![\w.])'?([0-9]{1,3}0)'?s(?!\w)"),
    ("percent", r"([0-9])\s?%"),
    # 5 mg, 1 mg/dL, 140 mm Hg, 5 lbs. (the full stop kept if it ends a sentence)
    ("unit after number", rf"(?<![\w.])({NUM})\s?({_UNIT})(?:/({_PER}))?(?![\w/²])(\.(?![0-9]))?"),
    # in mg/dL
    ("unit alone", rf"(?<![\w/.°])({_ALONE})(?:/({_PER}))?(?![\w/²])(\.(?![0-9]))?"),
    # 3 x 5 cm
    ("by", r"([0-9])\s?[x×]\s?(?=[0-9])"),
    # 2x a day
    ("times", r"(?<![\w.])([0-9]+)\s?[x×](?=\s|$|[,.;:!?])"),
    # 140/90, 1/2, 24/7: see the module docstring
    ("number/number", r"(?<![\w/.])([0-9]+)/([0-9]+)(?![\w/]|\.[0-9])"),
    # 2.5, .5; not 1.2.3
    ("decimal", r"(?<![0-9.])([0-9]+(?:,[0-9]{3})*)?\.([0-9]+)(?![0-9]|\.[0-9])"),
    ("number sign", r"#\s?(?=[0-9])"),
    ("minus", r"(?<![\w.])-(?=[0-9])"),
    # COVID-19, 21-week, 1-2-3: the hyphen is a space
    ("hyphen by a number", r"(?<=[0-9])[–-](?=[A-Za-z])|(?<=[A-Za-z])[–-](?=[0-9])"
                           r"|(?<=[0-9])[–-](?=[0-9])"),
)
"(name, pattern) of the number rules; guide.speech.normalise says how each is spoken."

SLASH_AND_DASH_RULES: tuple[tuple[str, str], ...] = (
    (r"(?i)\band/or\b", "and or"),
    (r"(?i)\bw/o\b", "without"),
    (r"(?i)\bw/(?=\s)", "with"),
    (r"(?<=[^\W\d_])/(?=[^\W\d_])", " or "),  # mother/baby
    (r"(?<![\w-])([A-Z])-(?=[a-z])", r"\1 "),  # C-section, X-ray
    (r"(?<=[^\W\d_])–(?=[^\W\d_])", "-"),  # mother–baby
    (r"(?<!\s)\s+-{1,3}\s+|-{2,}|[—–]", ", "),  # dashes between words are pauses
    (r"\.{3,}", "..."),
)
"(pattern, replacement) for slashes and dashes, run before single symbols."
