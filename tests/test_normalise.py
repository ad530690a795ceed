"""Tests of guide.speech.normalise: written text in, what the engine is given out."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from guide.speech.lexicon import Lexicon
from guide.speech.normalise import normalise

MARKUP = set("<>[]{}\\`")

# (written, spoken) — what a person reading the text aloud would say.
NUMBERS = [
    ("24 to 28 weeks", "24 to 28 weeks"),
    ("between 2% and 10%", "between 2 percent and 10 percent"),
    ("1 in 25 women", "1 in 25 women"),
    ("4 to 12 weeks", "4 to 12 weeks"),
    ("4–12 weeks", "4 to 12 weeks"),
    ("4-12 weeks", "4 to 12 weeks"),
    ("4 – 12 weeks", "4 to 12 weeks"),
    ("2%–10% of women", "2 percent to 10 percent of women"),
    ("a 2–3% chance", "a 2 to 3 percent chance"),
    ("24–28-week scan", "24 to 28 week scan"),
    ("the 20th week", "the twentieth week"),
    ("the 1st, 2nd and 3rd trimesters", "the first, second and third trimesters"),
    ("her 21st birthday", "her twenty first birthday"),
    ("the 12th and 40th weeks", "the twelfth and fortieth weeks"),
    ("the 101st day", "the one hundred first day"),
    ("2.5 children", "2 point 5 children"),
    ("a 0.25 chance", "a 0 point 2 5 chance"),
    ("1/2 cup", "one half cup"),
    ("3/4 of women", "three quarters of women"),
    ("2/3 of cases", "two thirds of cases"),
    ("1/3 of cases", "one third of cases"),
    ("5/8 inch", "five eighths inch"),
    ("½ of them", "one half of them"),
    ("1 1/2 hours", "1 and one half hours"),
    ("2½ hours", "2 and one half hours"),
    ("care 24/7", "care 24 7"),
    ("in the 1990s", "in the nineteen nineties"),
    ("in the '80s", "in the eighties"),
    ("women in their 30s", "women in their thirties"),
    ("the 2000s", "the two thousands"),
    ("the 1900s", "the nineteen hundreds"),
    ("On 3/15/2024 we met", "On March fifteenth, 2024 we met"),
    ("It costs $20", "It costs 20 dollars"),
    ("only $1", "only 1 dollar"),
    ("$1.50 each", "1 dollar and 50 cents each"),
    ("$5 million", "5 million dollars"),
    ("Call 1-800-311-3435", "Call 1, 8 0 0, 3 1 1, 3 4 3 5"),
    ("Call (800) 311-3435", "Call 8 0 0, 3 1 1, 3 4 3 5"),
    ("<5% of women", "less than 5 percent of women"),
    (">140/90", "more than 140 over 90"),
    ("≥ 3 times", "at least 3 times"),
    ("~10 weeks", "about 10 weeks"),
    ("2x a day", "2 times a day"),
    ("a 3 x 5 cm cyst", "a 3 by 5 centimeters cyst"),
    ("No. 5", "Number 5"),
    ("#1 cause", "number 1 cause"),
    ("-5 °C", "minus 5 degrees Celsius"),
    ("1,000 babies", "one thousand babies"),
    ("COVID-19 vaccine", "COVID 19 vaccine"),
    ("a 21-week baby", "a 21 week baby"),
]

UNITS = [
    ("1 mg", "1 milligram"),
    ("2 mg", "2 milligrams"),
    ("0.5 mg", "0 point 5 milligrams"),
    ("1.5 mg", "1 point 5 milligrams"),
    ("400 mcg of folic acid", "400 micrograms of folic acid"),
    ("400 µg", "400 micrograms"),
    ("95 mg/dL", "95 milligrams per deciliter"),
    ("1 mg/dL", "1 milligram per deciliter"),
    ("measured in mg/dL", "measured in milligrams per deciliter"),
    ("140 mm Hg", "140 millimeters of mercury"),
    ("140 mmHg", "140 millimeters of mercury"),
    ("5 lbs. of weight", "5 pounds of weight"),
    ("She gained 1 lb.", "She gained 1 pound."),
    ("She gained 30 lbs.", "She gained 30 pounds."),
    ("2 kg", "2 kilograms"),
    ("1 kg", "1 kilogram"),
    ("30 mL", "30 milliliters"),
    ("1 mL", "1 milliliter"),
    ("3 cm", "3 centimeters"),
    ("1 cm", "1 centimeter"),
    ("25 mm", "25 millimeters"),
    ("2 L of water", "2 liters of water"),
    ("100.4°F", "100 point 4 degrees Fahrenheit"),
    ("38 °C", "38 degrees Celsius"),
    ("1°C", "1 degree Celsius"),
    ("a BMI of 30 kg/m2", "a B M I of 30 kilograms per square meter"),
    ("30 kg/m²", "30 kilograms per square meter"),
    ("10 mg/day", "10 milligrams per day"),
    ("in 2 wks.", "in 2 weeks."),
    ("6 hrs", "6 hours"),
    ("1 in 4", "1 in 4"),
]

BLOOD_PRESSURE = [
    ("140/90", "140 over 90"),
    ("a blood pressure of 140/90 mm Hg", "a blood pressure of 140 over 90 millimeters of mercury"),
    ("120/80 mmHg or lower", "120 over 80 millimeters of mercury or lower"),
    ("160/110", "160 over 110"),
]

ABBREVIATIONS = [
    ("in the U.S. today", "in the U S today"),
    ("born in the U.S.", "born in the U S."),
    ("the U.S. Food and Drug Administration", "the U S Food and Drug Administration"),
    ("in the U.S. Most women", "in the U S. Most women"),
    ("foods, e.g. beans", "foods, for example beans"),
    ("foods (e.g., beans)", "foods (for example, beans)"),
    ("E.g., beans", "For example, beans"),
    ("the cervix, i.e. the neck", "the cervix, that is the neck"),
    ("bed rest vs. activity", "bed rest versus activity"),
    ("bed rest vs activity", "bed rest versus activity"),
    ("Dr. Smith", "Doctor Smith"),
    ("Ask your Dr.", "Ask your Doctor."),
    ("St. Louis", "Saint Louis"),
    ("in St. Louis", "in Saint Louis"),
    ("St. John's wort", "Saint John's wort"),
    ("Visit St. Jude", "Visit Saint Jude"),
    ("on Main St.", "on Main Street."),
    ("on Main St., near", "on Main Street, near"),
    ("on Main St. The shop", "on Main Street. The shop"),
    ("fruit, nuts, etc.", "fruit, nuts, and so on."),
    ("fruit, nuts, etc., and", "fruit, nuts, and so on, and"),
    ("fruit, nuts, etc. Then", "fruit, nuts, and so on. Then"),
    ("at 9 a.m. or 5 p.m.", "at 9 eigh em or 5 P M."),
    ("Mrs. Jones and Ms. Lee", "Missus Jones and Miz Lee"),
    ("The answer is No. Then", "The answer is No. Then"),
    ("OB/GYN", "O B G Y N"),
    ("your ob-gyn", "your O B G Y N"),
    ("two OB/GYNs", "two O B G Y N's"),
    ("a D & C", "a D and C"),
    ("a D&C", "a D and C"),
    ("a C-section", "a C section"),
    ("two C-sections", "two C sections"),
    ("an X-ray", "an X ray"),
    ("LEEP", "leep"),
    ("a LEEP procedure", "a leep procedure"),
    ("DES", "D E S"),
    ("PCOS", "P C O S"),
    ("BMI", "B M I"),
    ("in the NICU", "in the nick you"),
    ("HELLP syndrome", "help syndrome"),
]

SYMBOLS = [
    ("salt & pepper", "salt and pepper"),
    ("salt &amp; pepper", "salt and pepper"),
    ("salt &amp;amp; pepper", "salt and pepper"),
    ("mother/baby", "mother or baby"),
    ("he/she", "he or she"),
    ("and/or", "and or"),
    ("w/o pain", "without pain"),
    ("± 2 weeks", "plus or minus 2 weeks"),
    ("“Quoted” words", "Quoted words"),
    ("it’s fine", "it's fine"),
    ("rest — then walk", "rest, then walk"),
    ("rest—then walk", "rest, then walk"),
    ("rest – then walk", "rest, then walk"),
    ("rest - then walk", "rest, then walk"),
    ("rest -- then walk", "rest, then walk"),
    ("mother–baby bond", "mother-baby bond"),
    ("wait… then", "wait... then"),
    ("HIV+", "HIV plus"),
    ("a * footnote", "a footnote"),
    ("β-hCG", "beta hCG"),
    ("the risk [1] is low [2, 3].", "the risk is low."),
    ("Results (see below) vary", "Results (see below) vary"),
    ("an [editor's note]", "an (editor's note)"),
    ("© 2024 ACOG", "2024 eigh cog"),
    ("Brand™", "Brand"),
]

ADDRESSES = [
    ("See www.cdc.gov/pregnancy for more.", "See C D C dot gov, slash pregnancy for more."),
    ("Visit https://www.nih.gov.", "Visit N I H dot gov."),
    ("at marchofdimes.org/complications/preterm-labor.aspx today",
     "at marchofdimes dot org, slash complications slash pree term labor dot eigh S P X today"),
    ("http://example.com/a?b=c&d=e", "example dot com, slash eigh"),
    ("(www.acog.org)", "(eigh cog dot org)"),
    ("cdc.gov", "C D C dot gov"),
    ("Email info@acog.org today.", "Email info at eigh cog dot org today."),
    ("write to jane.doe@nichd.nih.gov", "write to jane dot doe at nichd dot N I H dot gov"),
]

MARKUP_AND_SCRIPTS = [
    ("<speak>Hello</speak>", "Hello"),
    ('<audio src="bell.mp3"/>Rest', "Rest"),
    ("Say [[h@'loU]] now", "Say now"),
    ("&lt;speak&gt;Hi&lt;/speak&gt;", "Hi"),
    ("a <b>bold</b> word", "a bold word"),
    ("<!-- note -->Text", "Text"),
    ("`code` \\ here", "'code' here"),
    ("{braces}", "(braces)"),
    ("a\u200bb\u200dc", "abc"),
    ("line\u2028break\ttab\x07bell", "line break tab bell"),
    ("I love you 😀💕", "I love you"),
    ("👍🏽 Good", "Good"),
    ("café naïve", "café naïve"),
    ("cafe\u0301", "café"),
    ("中文 text", "text"),
    ("שלום text", "text"),
    ("مرحبا text", "text"),
    ("Привет text", "text"),
    ("ｆｕｌｌ width", "full width"),
    ("٣ weeks", "3 weeks"),
    ("\ufeffStart", "Start"),
]

FINAL_PUNCTUATION = [
    ("Is it safe?", "Is it safe?"),
    ("Call your doctor!", "Call your doctor!"),
    ("It is 5 mg.", "It is 5 milligrams."),
    ("Take 1 mg?", "Take 1 milligram?"),
    ("Is it 140/90?", "Is it 140 over 90?"),
    ('He said "stop."', "He said stop."),
    ("Rest (if you can).", "Rest (if you can)."),
    ("It rises 2%.", "It rises 2 percent."),
    ("Visit cdc.gov.", "Visit C D C dot gov."),
    ("Is it the 20th?", "Is it the twentieth?"),
    ("Wait...", "Wait..."),
]

ALL_ROWS = NUMBERS + UNITS + BLOOD_PRESSURE + ABBREVIATIONS + SYMBOLS + ADDRESSES
ALL_ROWS += MARKUP_AND_SCRIPTS + FINAL_PUNCTUATION


@pytest.mark.parametrize(("written", "spoken"), ALL_ROWS, ids=[w for w, _ in ALL_ROWS])
def test_spoken_form(written: str, spoken: str) -> None:
    assert normalise(written) == spoken


# ------------------------------------------------------------------- lexicon


def test_default_lexicon_is_the_built_in_one() -> None:
    assert normalise("a cerclage") == normalise("a cerclage", Lexicon.builtin())
    assert normalise("a cerclage") == "a sair klahzh"


def test_empty_lexicon_leaves_terms_alone() -> None:
    assert normalise("a cerclage and DES", Lexicon()) == "a cerclage and DES"


def test_given_lexicon_is_used() -> None:
    lexicon = Lexicon.from_toml('[cervix]\nsay = "sir vicks"\n')
    assert normalise("The cervix, cervix's.", lexicon) == "The sir vicks, sir vicks's."


def test_match_case_term_is_not_found_in_lower_case() -> None:
    assert normalise("Des Moines and DES") == "Des Moines and D E S"


def test_every_respelling_survives_the_other_rules() -> None:
    """The rules after the lexicon must not undo a respelling."""
    for entry in Lexicon.builtin():
        if entry.say:
            written = entry.term.lower() if not entry.match_case else entry.term
            assert normalise(f"so {written} here") == f"so {entry.say} here", entry.term


# ----------------------------------------------------------------- properties

FRAGMENTS = [
    "<speak>", "</speak>", "<audio src='a.mp3'/>", "[[h@l'oU]]", "&amp;", "&lt;", "&#0;",
    "{", "}", "\\", "`", "140/90", "1/2", "24/7", "4–12", "20th", "2.5", "mg/dL", "mm Hg",
    "U.S.", "e.g.", "St.", "Dr.", "etc.", "No.", "www.cdc.gov/x", "a@b.org", "😀", "中文",
    "\u200b", "\u202e", "\x00", "\x1b[31m", "\u0301", "%", "°F", "$", "#", "~", "<5",
    "½", "—", "–", "“", "”", "...", "D&C", "OB/GYN", "\ud800", "1-800-311-3435", "3/15/2024",
    "Call 911", "call or text 988", "12 p.m.", "6:05 AM", "2,400", "1,000,000", "03/04/2025",
    "03.04.2025", "2025-04-03", "www.x.org/find-a-doctor/leaflet.pdf?x=1#y", "a.org/csection",
]
nasty_text = st.lists(
    st.one_of(st.text(), st.sampled_from(FRAGMENTS), st.characters()), max_size=30
).map("".join)


def assert_sayable(spoken: str) -> None:
    assert not MARKUP & set(spoken), spoken
    for char in spoken:
        category = unicodedata.category(char)
        assert category[0] != "C", repr(char)
        assert category[0] != "Z" or char == " ", repr(char)
        assert category not in ("So", "Sk", "Mn"), repr(char)
    assert spoken == spoken.strip()
    assert "  " not in spoken


@settings(max_examples=500, deadline=None)
@given(nasty_text)
@example("<speak><prosody rate='x-fast'>[[a]]</prosody></speak>")
@example("&amp;lt;speak&amp;gt;")
def test_normalise_never_raises_and_leaves_no_markup(text: str) -> None:
    assert_sayable(normalise(text))


@settings(max_examples=300, deadline=None)
@given(st.text(), st.none() | st.just(Lexicon()))
def test_normalise_any_text(text: str, lexicon: Lexicon | None) -> None:
    spoken = normalise(text, lexicon)
    assert_sayable(spoken)
    spoken.encode("utf-8")  # no lone surrogates reach the engine


plain_words = st.lists(st.from_regex(r"[a-z]{2,9}", fullmatch=True), min_size=1, max_size=12)


@settings(max_examples=200, deadline=None)
@given(plain_words, st.sampled_from([".", "?", "!"]))
def test_sentence_final_punctuation_survives(words: list[str], mark: str) -> None:
    sentence = " ".join(words).capitalize() + mark
    assert normalise(sentence, Lexicon()).endswith(mark)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=10**9))
def test_ordinals_become_words(n: int) -> None:
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(n % 10 if n % 100 not in (11, 12, 13) else 0, "th")
    spoken = normalise(f"the {n}{suffix} day")
    assert not any(c.isdigit() for c in spoken)
    assert spoken.startswith("the ") and spoken.endswith(" day")
    assert spoken.split()[-2].endswith(("first", "second", "third", "th"))


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=0, max_value=999))
def test_decimals_and_percentages_have_no_symbols_left(whole: int, part: int) -> None:
    spoken = normalise(f"about {whole}.{part}% of them")
    assert "." not in spoken and "%" not in spoken
    assert spoken.endswith("percent of them")
    assert " point " in spoken


# ------------------------------------------------------------------ espeak-ng

SYMBOL_NAMES = """slash dash hyphen asterisk tilde hash quote underscore backslash
bracket brace ampersand circumflex grave copyright registered trademark""".split()
SYMBOL_HEAVY = [
    "4-12 weeks", "140/90", "mg/dL", "OB/GYN", "a * note", "~10", "#1", "it\u2019s",
    "\u201cquoted\u201d", "rest \u2014 then", "a_b", "see \\ here", "x^2", "{a}",
    "\u00a9 2024", "Brand\u2122", "D&C", "it`s",
]


def espeak_words(text: str) -> set[str]:
    import subprocess

    out = subprocess.run(
        ["espeak-ng", "-q", "-x", "-v", "en-us", text], capture_output=True, text=True, check=True
    ).stdout
    return {w.translate(str.maketrans("", "", "',_:;!#%=")) for w in out.split()} - {""}


def test_espeak_says_no_symbol_names_in_the_spoken_form() -> None:
    names = set().union(*(espeak_words(name) for name in SYMBOL_NAMES))
    raw_hits = {w for text in SYMBOL_HEAVY for w in espeak_words(text) & names}
    assert len(raw_hits) >= 4  # espeak-ng really does read these symbols aloud
    for text in SYMBOL_HEAVY:
        spoken = normalise(text)
        assert not espeak_words(spoken) & names, (text, spoken)
    # A web address's path is the one place "slash" is said, on purpose: it is typed.
    # (tests/test_normalise_spoken.py checks how it is heard.)
