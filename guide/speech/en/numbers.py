"""Numbers said the way a person says them: service numbers, times, big numbers, dates.

Rules and tables together; :mod:`guide.speech.normalise` runs them.  Judgement calls:

* **Service numbers** (911, 988, 999, 111 …) are said digit by digit, "9 1
  1", when they are dialled: a word such as "call", "dial" or "text" comes
  at most :attr:`ServiceNumbers.window` words before them in the same
  clause ("Call or text 988", "call your doctor or 911"), or a word such as
  "lifeline" after them ("the 988 Suicide and Crisis Lifeline").  Otherwise
  they are numbers: "911 patients".  Each language has its own numbers and
  words in :data:`SERVICE_NUMBERS`.  A local number "555-0142" is said "5 5
  5, 0 1 4 2" when it cannot be a range or a word like "call" or "line"
  comes before it.
* **Times**: "12 PM" and "12:00 p.m." are "12 noon", "12 AM" is "12
  midnight"; other times keep their number, with "eigh em" or "P M" (espeak-ng
  says a lone "A" as "uh", and "AM" alone as the word "am"); ":00" is left
  out and ":05" is "oh 5" (espeak-ng says "6:00" as "six zero zero").
* **Thousands separators**: "2,400" is said in words, "two thousand four
  hundred".  espeak-ng pauses after "thousand" at the comma, and for 10,000
  and more even without it; words never pause.  Only 1 to 3 digits, then
  groups of exactly 3 after each comma, count: "1, 2, 3" and "1,2" stay.
* **Dates** 3/15/2024, 15.03.2024, 2024-03-15 are said naturally ("March
  fifteenth, 2024") only when the order is clear: a part above 12, or both
  parts the same.  Otherwise (03/04/2025: March or April?) they are read as
  written, "3 slash 4 slash 2025", and :func:`ambiguous_dates` finds them
  for ``guide check``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from guide.speech.common import LazyPattern
from guide.speech.en import rules as R
from guide.speech.sentences import ends_before

# ------------------------------------------------------------ service numbers


@dataclass(frozen=True)
class ServiceNumbers:
    """A language's emergency, crisis and information numbers, and the words that dial them."""

    numbers: frozenset[str]
    "The numbers, as written."
    before: frozenset[str]
    "Words that dial a number after them: 'call', 'text' (lower case, every form)."
    after: frozenset[str] = frozenset()
    "Words that name a service after the number: 'lifeline'."
    window: int = 4
    "How many words may come between the dialling word and the number, or after it."


SERVICE_NUMBERS: dict[str, ServiceNumbers] = {
    "en": ServiceNumbers(
        numbers=frozenset("911 988 999 112 111 211 311 411".split()),
        before=frozenset("""call calls called calling dial dials dialed dialled dialing dialling
            text texts texted texting phone phones phoned phoning ring rings rang ringing
            contact contacts contacted contacting""".split()),
        after=frozenset("lifeline hotline helpline operator operators dispatcher".split()),
    ),
}
"Service numbers said digit by digit when dialled, by language (the guide's language code)."

_WORD = LazyPattern(r"[^\W\d_]+(?:'[^\W\d_]+)*")
_CLAUSE_END = LazyPattern(r"[.!?;:](?:\s|$)|\n")


def speak_service_numbers(text: str, language: str = "en") -> str:
    """'Call 911' → 'Call 9 1 1'; '911 patients' stays."""
    rules = SERVICE_NUMBERS.get(language.split("-")[0].casefold())
    if rules is None:
        return text
    number = _service_pattern(rules.numbers)

    def say(m: re.Match[str]) -> str:
        return " ".join(m.group()) if _dialled(m, rules) else m.group()

    return number.sub(say, text)


@cache
def _service_pattern(numbers: frozenset[str]) -> re.Pattern[str]:
    pattern = "|".join(sorted(numbers, key=len, reverse=True))
    return re.compile(rf"(?<![\w.,$#/:-])(?:{pattern})(?![\w%°/-]|[.,:][0-9])")


def _dialled(m: re.Match[str], rules: ServiceNumbers) -> bool:
    reach = 30 * (rules.window + 1)  # characters: enough for the words, and never the whole text
    before = _CLAUSE_END.split(m.string[max(0, m.start() - reach) : m.start()])[-1]
    after = _CLAUSE_END.split(m.string[m.end() : m.end() + reach])[0]
    words_before = [w.casefold() for w in _WORD.findall(before)][-(rules.window + 1) :]
    words_after = [w.casefold() for w in _WORD.findall(after)][: rules.window]
    return bool(rules.before.intersection(words_before) or rules.after.intersection(words_after))


# ------------------------------------------------------------ local phone numbers

PHONE_WORDS = frozenset("""call dial phone telephone tel fax text line helpline hotline
    number numbers""".split())
"Words before '555-1234' that make it a phone number rather than a range (same sentence)."

_LOCAL_PHONE = LazyPattern(r"(?<![\w.,/–)-])(?<![0-9)]\s)([0-9]{3})-([0-9]{4})(?![0-9]|[-–/.,][0-9])")
_SENTENCE_END = LazyPattern(r"[.!?](?:\s|$)")


def speak_local_phones(text: str) -> str:
    """'555-0142' → '5 5 5, 0 1 4 2', not the range '555 to 0142'.

    Seven digits as 3-4 are a phone number when they cannot be a range (the
    second is smaller, or starts with 0) or a word such as 'call' or 'line'
    comes before them in the sentence; '500-1000 mg' stays a range.
    """
    def say(m: re.Match[str]) -> str:
        first, second = m.group(1), m.group(2)
        before = _SENTENCE_END.split(m.string[max(0, m.start() - 80) : m.start()])[-1]
        words = {w.casefold() for w in _WORD.findall(before)}
        if second.startswith("0") or int(second) <= int(first) or words & PHONE_WORDS:
            return f"{' '.join(first)}, {' '.join(second)}"
        return m.group()

    return _LOCAL_PHONE.sub(say, text)


# ----------------------------------------------------------------------- times

_ABBREVIATION = {a.written: a.spoken for a in R.ABBREVIATIONS}
MERIDIEM: dict[str, tuple[str, str]] = {
    "a": (_ABBREVIATION["a.m."], "12 midnight"),
    "p": (_ABBREVIATION["p.m."], "12 noon"),
}
"How 'AM' and 'PM' are said after an hour, and what 12 o'clock is."

_TIME = LazyPattern(
    r"(?<![\w.:,])(1[0-2]|0?[1-9])(?::([0-5][0-9]))?\s?([AaPp])(?:\.\s?)?[Mm](\.)?(?!\w)"
)


def speak_times(text: str) -> str:
    """'12 PM' → '12 noon', '12 a.m.' → '12 midnight', '6:00 AM' → '6 eigh em'."""
    def say(m: re.Match[str]) -> str:
        hour, minutes, half = int(m.group(1)), m.group(2), m.group(3).lower()
        letters, twelve = MERIDIEM[half]
        stop = "." if m.group(4) and period_stays(R.CAPITAL, m.string[m.end() :]) else ""
        if hour == 12 and minutes in (None, "00"):
            return twelve + stop
        if minutes in (None, "00"):
            return f"{hour} {letters}{stop}"
        if minutes.startswith("0"):
            return f"{hour} oh {minutes[1]} {letters}{stop}"
        return f"{hour}:{minutes} {letters}{stop}"

    return _TIME.sub(say, text)


def period_stays(ends: str, after: str) -> bool:
    """Whether an abbreviation's full stop, followed by ``after``, ends a sentence."""
    rest = after.lstrip(R.CLOSERS)
    if not rest.strip():
        return True
    if not rest[0].isspace():
        return False
    return ends_before(ends, rest.split()[0])


# ------------------------------------------------------------------- thousands

_THOUSANDS = LazyPattern(r"(?<![\w.,])[0-9]{1,3}(?:,[0-9]{3})+(?![0-9]|,[0-9])")


def speak_thousands(text: str) -> str:
    """'2,400' → 'two thousand four hundred' (said without a pause)."""
    return _THOUSANDS.sub(lambda m: R.cardinal(int(m.group().replace(",", ""))), text)


# ----------------------------------------------------------------------- dates

_DATE = LazyPattern(dict(R.NUMBER_PATTERNS)["date"])
SEPARATOR_WORDS = {"/": "slash", ".": "dot", "-": "dash"}
"How a date's separator is said when the date is read as written."


def say_date(m: re.Match[str]) -> str:
    """A numeric date (the 'date' number rule): naturally when its order is clear."""
    if m.group(5):  # 2024-03-15: year first, then month
        year, month, day = m.group(5), int(m.group(6)), int(m.group(7))
        written = [year, str(month), str(day)]
    else:
        year = m.group(4)
        month, day = _month_and_day(int(m.group(1)), int(m.group(3)))
        written = [str(int(m.group(1))), str(int(m.group(3))), year]
    if 1 <= month <= 12 and 1 <= day <= 31:
        return f"{R.MONTHS[month - 1]} {R.ordinal(day)}, {year}"
    return f" {SEPARATOR_WORDS[m.group(2) or '-']} ".join(written)


def _month_and_day(a: int, b: int) -> tuple[int, int]:
    """(month, day) when the order is clear: 3/15 and 15/3 are both March 15; 3/4 is (0, 0)."""
    if a == b or b > 12:
        return a, b
    if a > 12:
        return b, a
    return 0, 0


def ambiguous_dates(text: str) -> list[str]:
    """The numeric dates in ``text`` whose order is unclear, as written: ['03/04/2025']."""
    found = []
    for m in _DATE.finditer(text):
        if not m.group(5):
            a, b = int(m.group(1)), int(m.group(3))
            if 1 <= a <= 12 and 1 <= b <= 12 and a != b:
                found.append(m.group())
    return found
