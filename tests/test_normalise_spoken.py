"""Service numbers, times, thousands, web paths and dates: said the way a person would.

The rules are in guide/normalise_numbers.py and guide/normalise_web.py.  The
espeak-ng tests check what is *heard*: the phonemes of the spoken form against
the phonemes of the words a person says, and the written form against them
too, so that each test fails if the rule is taken away.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from guide.speech.en.numbers import SERVICE_NUMBERS, ambiguous_dates, speak_service_numbers
from guide.speech.en.rules import MONTHS, cardinal
from guide.speech.en.web import spoken_address_words
from guide.speech.languages import UnknownLanguage
from guide.speech.lexicon import Lexicon
from guide.speech.normalise import normalise

SERVICE = [
    ("Call 911", "Call 9 1 1"),
    ("Call 911.", "Call 9 1 1."),
    ("call 911 right away", "call 9 1 1 right away"),
    ("Call or text 988 any time.", "Call or text 9 8 8 any time."),
    ("Call your doctor or 911.", "Call your doctor or 9 1 1."),
    ("If you dialed 911, stay on the line.", "If you dialed 9 1 1, stay on the line."),
    ("Dial 999 now.", "Dial 9 9 9 now."),
    ("Phone 112 in Europe.", "Phone 1 1 2 in Europe."),
    ("Ring NHS 111.", "Ring NHS 1 1 1."),
    ("Call 211, 311 or 411.", "Call 2 1 1, 3 1 1 or 4 1 1."),
    ("the 988 Suicide and Crisis Lifeline", "the 9 8 8 Suicide and Crisis Lifeline"),
    ("a 911 operator", "a 9 1 1 operator"),
    ("Call 911 (or 112 in Europe).", "Call 9 1 1 (or 1 1 2 in Europe)."),
    # not dialled: a number
    ("911 patients were seen", "911 patients were seen"),
    ("We saw 988 women.", "We saw 988 women."),
    ("Call us. 911 patients came.", "Call us. 911 patients came."),
    # not a service number, or part of a longer one
    ("Call 912", "Call 912"),
    ("Call 9110", "Call 9110"),
    ("Call 1-800-911-3435", "Call 1, 8 0 0, 9 1 1, 3 4 3 5"),
    ("call 911.5 mg", "call 911 point 5 milligrams"),
]

LOCAL_PHONES = [
    ("Nurse advice line; 555-0142; every day", "Nurse advice line; 5 5 5, 0 1 4 2; every day"),
    ("Call 555-1234.", "Call 5 5 5, 1 2 3 4."),
    ("Line: 555-1234", "Line: 5 5 5, 1 2 3 4"),
    ("500-1000 mg a day", "500 to 1000 milligrams a day"),
    ("ages 100-1000", "ages 100 to 1000"),
    ("Call 1-800-311-3435", "Call 1, 8 0 0, 3 1 1, 3 4 3 5"),
    ("Call (800) 311-3435", "Call 8 0 0, 3 1 1, 3 4 3 5"),
]

TIMES = [
    ("at 12 PM", "at 12 noon"),
    ("at 12 p.m.", "at 12 noon."),
    ("at 12:00 PM", "at 12 noon"),
    ("at 12pm", "at 12 noon"),
    ("at 12 AM", "at 12 midnight"),
    ("at 12:00 a.m. and", "at 12 midnight and"),
    ("from 12 PM to 2 PM", "from 12 noon to 2 P M"),
    ("at 12 p.m. Then rest.", "at 12 noon. Then rest."),
    ("at 6 AM", "at 6 eigh em"),
    ("at 6 am", "at 6 eigh em"),
    ("at 6AM.", "at 6 eigh em."),
    ("at 6 a.m. or 6 p.m.", "at 6 eigh em or 6 P M."),
    ("at 06:00 AM", "at 6 eigh em"),
    ("at 6:05 PM", "at 6 oh 5 P M"),
    ("at 6:30 AM", "at 6:30 eigh em"),
    ("at 12:30 PM", "at 12:30 P M"),
    ("I am 12 and I am", "I am 12 and I am"),
    ("in the a.m.", "in the eigh em."),
]

THOUSANDS = [
    ("2,400 milligrams", "two thousand four hundred milligrams"),
    ("1,000 babies", "one thousand babies"),
    ("24,400 steps", "twenty four thousand four hundred steps"),
    ("1,500,000 people", "one million five hundred thousand people"),
    ("$2,400", "two thousand four hundred dollars"),
    ("1,000–2,000 mg", "one thousand to two thousand milligrams"),
    ("the 1,000th baby", "the one thousandth baby"),
    # lists and other commas stay
    ("1, 2, 3", "1, 2, 3"),
    ("1,2,3", "1,2,3"),
    ("ages 2, 400 people", "ages 2, 400 people"),
    ("1,2345", "1,2345"),
    ("12,34", "12,34"),
    ("2400 milligrams", "2400 milligrams"),
]

PATHS = [
    ("www.riverside-clinic.org/csection", "riverside clinic dot org, slash c section"),
    ("See www.riverside-clinic.org/csection.", "See riverside clinic dot org, slash c section."),
    # short words of a hyphenated name are said as words, not spelled
    ("www.mothers-and-babies.org/the-first-week", "mothers and babies dot org, slash the first week"),
    ("cdc.gov/hear-her", "C D C dot gov, slash hear her"),
    ("www.nhs.uk", "N H S dot U K"),
    ("https://www.cdc.gov/pregnancy/index.html", "C D C dot gov, slash pregnancy"),
    ("cdc.gov/pregnancy/", "C D C dot gov, slash pregnancy"),
    ("www.nhs.uk/conditions/HealthTopics/woundcare",
     "N H S dot U K, slash conditions slash health topics slash wound care"),
    ("example.org/find-a-doctor", "example dot org, slash find a doctor"),
    ("example.org/findadoctor", "example dot org, slash find a doctor"),
    ("example.org/leaflet.pdf", "example dot org, slash leaflet dot P D F"),
    ("example.org/page?id=3#top", "example dot org, slash page"),
    ("example.org/news/2024", "example dot org, slash news slash 2 0 2 4"),
    ("example.org/my%20care", "example dot org, slash my care"),
    ("www.cdc.gov", "C D C dot gov"),
]

DATES = [
    ("on 03/04/2025", "on 3 slash 4 slash 2025"),
    ("on 3/4/25", "on 3 slash 4 slash 25"),
    ("on 03.04.2025", "on 3 dot 4 dot 2025"),
    ("on 03-04-2025", "on 3 dash 4 dash 2025"),
    ("on 3/15/2024", "on March fifteenth, 2024"),
    ("on 15/03/2024", "on March fifteenth, 2024"),
    ("on 15.03.2024", "on March fifteenth, 2024"),
    ("on 04/04/2025", "on April fourth, 2025"),
    ("on 2025-04-03", "on April third, 2025"),
    ("on 13/13/2025", "on 13 slash 13 slash 2025"),
    ("1-2-3", "1 2 3"),
]

ROWS = SERVICE + LOCAL_PHONES + TIMES + THOUSANDS + PATHS + DATES


@pytest.mark.parametrize(("written", "spoken"), ROWS, ids=[w for w, _ in ROWS])
def test_spoken_form(written: str, spoken: str) -> None:
    assert normalise(written) == spoken


def test_service_numbers_are_kept_by_language() -> None:
    assert normalise("Call 911", Lexicon(), language="en-GB") == "Call 9 1 1"
    assert speak_service_numbers("Call 911", "xx") == "Call 911"
    assert "911" in SERVICE_NUMBERS["en"].numbers


def test_a_language_without_rules_is_refused_in_one_sentence() -> None:
    with pytest.raises(UnknownLanguage, match=r"^The guide cannot speak xx yet: it speaks English \(en\)"):
        normalise("Call 911", Lexicon(), language="xx")


# ------------------------------------------------------------ checker helpers


@pytest.mark.parametrize(
    ("address", "words"),
    [("www.riverside-clinic.org/csection", 7),  # riverside clinic dot org slash c section
     ("www.cdc.gov", 5),  # C D C dot gov
     ("info@acog.org", 6),  # info at eigh cog dot org
     # marchofdimes dot org slash complications slash pree term labor dot eigh S P X
     ("marchofdimes.org/complications/preterm-labor.aspx.", 14)],
)
def test_spoken_address_words(address: str, words: int) -> None:
    assert spoken_address_words(address) == words


@pytest.mark.parametrize(
    ("text", "found"),
    [("Last updated 03/04/2025.", ["03/04/2025"]),
     ("On 3/4/25 and 04.05.2025, then 3/15/2024.", ["3/4/25", "04.05.2025"]),
     ("On 3/15/2024, 15/03/2024, 4/4/2025 and 2025-04-03.", []),
     ("140/90 and 1/2 and 3/4", [])],
)
def test_ambiguous_dates(text: str, found: list[str]) -> None:
    assert ambiguous_dates(text) == found


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 12), st.integers(1, 12), st.integers(1900, 2100))
def test_a_date_is_never_given_an_order_it_does_not_have(a: int, b: int, year: int) -> None:
    written = f"{a:02d}/{b:02d}/{year}"
    spoken = normalise(f"on {written}")
    assert (ambiguous_dates(written) == [written]) == (a != b)
    assert any(month in spoken for month in MONTHS) == (a == b)


@settings(max_examples=200, deadline=None)
@given(st.integers(1000, 10**11))
def test_thousands_are_said_in_words(n: int) -> None:
    assert normalise(f"about {n:,} of them") == f"about {cardinal(n)} of them"


# ------------------------------------------------------------------ espeak-ng

from .phonemes import bare, phonemes  # noqa: E402

# (written, the words meant, whether espeak-ng says the written form wrong)
HEARD = [
    ("Call 911.", "Call nine one one.", True),
    ("Call or text 988.", "Call or text nine eight eight.", True),
    ("Dial 999.", "Dial nine nine nine.", True),
    ("Come back at 12 PM.", "Come back at twelve noon.", True),
    ("Come back at 12:00 p.m.", "Come back at twelve noon.", True),
    ("Come back at 12 AM.", "Come back at twelve midnight.", True),
    ("Take it at 6:00 AM.", "Take it at six A.M.", True),
    ("Take it at 6:05 PM.", "Take it at six oh five pee em.", True),
    # espeak-ng says these well as written; the spoken form must not spoil them
    ("Take it at 6 AM.", "Take it at six A.M.", False),
    ("Take it at 6 p.m.", "Take it at six pee em.", False),
    ("No more than 2,400 milligrams.", "No more than two thousand four hundred milligrams.", False),
    ("Go to www.riverside-clinic.org/csection.",
     "Go to riverside clinic dot org slash see section.", True),
    ("Updated 03/04/2025.", "Updated three slash four slash 2025.", True),
]


@pytest.mark.parametrize(("written", "meant", "wrong"), HEARD, ids=[w for w, _, _ in HEARD])
def test_espeak_says_what_is_meant(written: str, meant: str, wrong: bool) -> None:
    """The spoken form sounds like the words meant (and the written form did not)."""
    assert bare(phonemes(normalise(written))) == bare(phonemes(meant))
    assert (bare(phonemes(written)) != bare(phonemes(meant))) == wrong


def test_service_number_is_not_heard_as_hundreds() -> None:
    assert "h'VndrI2d" in phonemes("Call 911")  # espeak-ng: "nine hundred eleven"
    heard = phonemes(normalise("Call 911"))
    assert "h'VndrI2d" not in heard and "n'aIn w'Vn w'Vn" in heard


def test_thousands_are_heard_without_a_pause() -> None:
    assert "_!" in phonemes("2,400 milligrams")  # espeak-ng pauses at the comma
    assert "_!" in phonemes("24400 milligrams")  # and after "thousand" from 10,000 up
    for written in ("2,400 milligrams", "24,400 milligrams", "1,500,000 people"):
        assert "_" not in phonemes(normalise(written)), written


def test_am_is_not_heard_as_uh() -> None:
    assert "a#" in phonemes("at 6 A M")  # the advice 'A M' is heard "six uh M"
    heard = phonemes(normalise("at 6 AM"))
    assert "a#" not in heard and "'eI 'Em" in heard


def test_ambiguous_date_is_not_heard_as_a_month() -> None:
    heard = phonemes(normalise("Last updated 03/04/2025."))
    assert "m'A@tS" not in heard and "'eIpr@L" not in heard
    assert "sl'aS" in heard
