"""The numbers a chapter says, in digits or in words, English and Spanish (guide.check.numbers)."""

from __future__ import annotations

import pytest

from guide.check.numbers import numbers_in


@pytest.mark.parametrize(("text", "language", "numbers"), [
    # the case the translation check must match: words in one language, digits in the other
    ("on January fifteenth, 2004", "en-US", {"15": "fifteenth", "2004": "2004"}),
    ("el 15 de enero de 2004", "es-US", {"15": "15", "2004": "2004"}),
    ("This guide has eleven chapters.", "en-US", {"11": "eleven"}),
    ("Esta guía tiene once capítulos.", "es-US", {"11": "once"}),
    # compounds
    ("twenty-one days and two thousand four hundred steps", "en-US",
     {"21": "twenty one", "2400": "two thousand four hundred"}),
    ("one hundred and five", "en-US", {"105": "one hundred and five"}),
    ("the twenty-first week", "en-US", {"21": "twenty first"}),
    ("treinta y siete semanas", "es-US", {"37": "treinta y siete"}),
    ("veintiún días, dos mil tres", "es-US", {"21": "veintiún", "2003": "dos mil tres"}),
    ("doscientas cincuenta personas", "es-US", {"250": "doscientas cincuenta"}),
    ("un millón", "es-US", {"1000000": "un millón"}),
    # ordinals are their number
    ("the second trimester, the third source", "en-US", {"2": "second", "3": "third"}),
    ("el segundo trimestre, la tercera fuente, la cuarta", "es-US",
     {"2": "segundo", "3": "tercera", "4": "cuarta"}),
    ("press N once or twice", "en-US", {"2": "twice"}),
    # one as a word is an article or a pronoun more often than a count; the digit counts
    ("one of two things; first, rest", "en-US", {"2": "two"}),
    ("una de dos cosas; primero, descanse; un lado", "es-US", {"2": "dos"}),
    ("chapter 1", "en-US", {"1": "1"}),
    # "cuarto" is a room or a quarter too
    ("a las seis y cuarto, en su cuarto", "es-US", {"6": "seis"}),
    # two numbers side by side stay two
    ("two three", "en-US", {"2": "two", "3": "three"}),
    ("between 2003 and 2006", "en-US", {"2003": "2003", "2006": "2006"}),
    # marks: English thousands and decimals; Spanish by the region
    ("2,400 mg or 1.5 mg", "en-US", {"2400": "2,400", "1.5": "1.5"}),
    ("2.400 mg o 1,5 mg", "es-ES", {"2400": "2.400", "1.5": "1,5"}),
    ("2,400 mg o 1.5 mg", "es-US", {"2400": "2,400", "1.5": "1.5"}),
    ("the 15th, the 1st", "en-US", {"15": "15th", "1": "1st"}),
    ("el 1.º de mayo", "es-ES", {"1": "1.º"}),
])
def test_numbers_in(text, language, numbers):
    assert numbers_in(text, language) == numbers


def test_spanish_once_is_eleven_and_english_once_is_no_number():
    assert numbers_in("once", "es-US") == {"11": "once"}
    assert numbers_in("once", "en-US") == {}
