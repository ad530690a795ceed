"""The tables that :mod:`guide.normalise` and :mod:`guide.sentences` read.

Everything a person may want to change about how the guide *says* things,
other than single words (those are in ``guide/data/lexicon.toml``), lives
here as data: units, abbreviations, symbols, number words.  Each table says
what it decides and why, so a change can be made without reading the code.

Judgement calls, in one place:

* Plain whole numbers stay as digits: espeak-ng reads "24", "1,000" and
  "2025" the way a person does.  Everything it reads badly or literally is
  rewritten: ordinals and fractions become words, decimals become
  "2 point 5", "%" becomes "percent", ranges "4–12" and "4-12" become
  "4 to 12", decades "1990s" become "nineteen nineties".
* Number/number: a fraction when the bottom is a small fraction denominator
  and the top is smaller ("1/2" → "one half", "3/4" → "three quarters");
  "24/7" → "24 7" (said "twenty-four seven"); a date when it has three parts
  ("3/15/2024" → "March fifteenth, 2024", US order); anything else, above
  all blood pressure ("140/90"), is "140 over 90".
* Word/word: "and/or" → "and or"; otherwise the slash is said "or"
  ("mother/baby" → "mother or baby").  Known units are "per" ("mg/dL").
* Web addresses are said as the site's name with "dot" and the path left
  out: "https://www.cdc.gov/pregnancy/index.html" → "C D C dot gov".  Short
  or vowel-less labels are spelled, others said as words.  E-mail addresses
  are "name at site dot org".  Nothing is ever read character by character.
* "etc." is "and so on", plainer for listeners than "et cetera".
* Phone numbers are read digit by digit in their groups: "1, 8 0 0, ...".
* Only letters an English voice can say are kept: Latin letters (with
  accents), and Greek letters by name; CJK, Arabic, Hebrew, Cyrillic and
  other scripts, emoji and stray combining marks are dropped.
"""

from __future__ import annotations

from dataclasses import dataclass

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

KEEP_PUNCTUATION = frozenset(".,;:!?'()-")
"""The only punctuation the engine is given; it uses it for pauses and tune.
Double quotes are dropped (espeak-ng pauses at them mid-sentence), and
brackets become parentheses."""

OPENERS = "\"'([{\u201c\u2018\u00ab\u00bf\u00a1"
"Characters that may open a word before its first letter."
CLOSERS = "\"')]}\u201d\u2019\u00bb"
"Characters that may close a sentence after its full stop."

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

NEVER = "never"
"Never ends a sentence: a title or a joining word (Dr., e.g., vs.)."
STARTER = "starter"
"Ends one only before a word that often starts a sentence (U.S., St.)."
CAPITAL = "capital"
"Ends one before any capitalised word (etc., a.m.)."
NOT_DIGIT = "not-digit"
"Ends one unless a number follows (No. 5)."


@dataclass(frozen=True)
class Abbreviation:
    """A written abbreviation, how it is said, and whether it can end a sentence."""

    written: str
    "As written, with its full stops: 'e.g.'."
    spoken: str
    "What the engine is given: 'for example'."
    ends: str = NEVER
    "When its final '.' is also the end of a sentence: one of NEVER, STARTER, CAPITAL, NOT_DIGIT."
    any_case: bool = True
    "Whether 'E.g.' and 'E.G.' match too; initialisms such as 'U.S.' match only as written."


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
    Abbreviation("No.", "number", NOT_DIGIT, any_case=False),
    Abbreviation("St.", "Saint", STARTER, any_case=False),  # or Street: see normalise
)
"""Abbreviations said as words.  The splitter also uses the ``ends`` column,
so the script and the captions agree on where sentences end."""

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



def ends_before(mode: str, next_word: str) -> bool:
    """Whether an abbreviation whose ``ends`` is ``mode`` ends a sentence before ``next_word``.

    Nothing ends before a lower-case word ('e.g. iron', 'Dr. smith' alike).
    """
    word = next_word.lstrip(OPENERS)
    if not word or not (word[0].isupper() or word[0].isdigit()) or mode == NEVER:
        return False
    if mode == NOT_DIGIT:
        return not word[0].isdigit()
    if mode == CAPITAL:
        return True
    key = word.casefold().replace("\u2019", "'").rstrip(".,;:!?'\")\u201d\u2019")
    return key in SENTENCE_STARTERS or key.split("'")[0] in SENTENCE_STARTERS


CONJUNCTIONS = frozenset(
    """and but or nor so yet because although though while whereas which who
    when where unless until if then however""".split()
)
"Words a long run of words is preferably cut before."

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
"Month names for dates written 3/15/2024 (US order: month first)."

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
    """Say a fraction: (1, 2) → 'one half', (3, 4) → 'three quarters', (2, 3) → 'two thirds'."""
    if bottom == 2:
        name = "half" if top == 1 else "halves"
    elif bottom == 4:
        name = "quarter" if top == 1 else "quarters"
    else:
        name = ordinal(bottom) if top == 1 else plural_words(ordinal(bottom))
    return f"{cardinal(top)} {name}"


def decade(digits: str) -> str:
    """Say a decade: '1990' → 'nineteen nineties', '2000' → 'two thousands', '80' → 'eighties'."""
    n = int(digits)
    if len(digits) < 4 or n % 1000 == 0:
        return plural_words(cardinal(n))
    century, rest = divmod(n, 100)
    if rest == 0:
        return cardinal(century) + " hundreds"
    return cardinal(century) + " " + plural_words(cardinal(rest))


LETTER_NAMES = {"A": "eigh"}
"""Letters a voice misreads when spelled: espeak-ng says 'A B' as 'uh B',
while 'eigh B' is 'ay B'."""


def spell(word: str) -> str:
    """Spell a word letter by letter for the engine: 'cdc' → 'C D C'."""
    return " ".join(LETTER_NAMES.get(c, c) for c in word.upper() if c.isalnum())
