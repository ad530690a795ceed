"""Spanish dates and times, said as a person says them.

* **Dates** are day first, as Spanish writes them: "3/4/2025" → "3 de abril
  de 2025"; "2025-04-03" (year first) is the same day.  A date whose second
  part is above 12 ("4/15/2025") can only be month first and is said so.
  :func:`ambiguous_dates` lists those whose first two parts could be
  swapped, for ``guide check``.  "1 de abril" is "primero de abril" in the
  Americas and stays "1" ("uno") in Spain.
* **Times with a. m. or p. m.**: "6:30 p. m." → "6 y media de la tarde",
  "6 a. m." → "6 de la mañana", "2 a. m." → "2 de la madrugada", "9 p. m."
  → "9 de la noche", "12:30 a. m." → "12 y media de la noche"; "12 p. m."
  is "mediodía" ("a las 12 p. m." → "al mediodía") and "12 a. m."
  "medianoche" ("a la medianoche").
* **Times without them**: ":00" is "en punto" up to 12 ("8:00" → "8 en
  punto") and "horas" after ("18:00 h" → "18 horas"); ":30" is "y media"
  and ":15" "y cuarto" up to 12; other minutes are "y 5", "y 45", "y 20".
  espeak-ng would say "8 cero cero" and "6 cero cinco".
"""

from __future__ import annotations

import re

from guide.speech.common import LazyPattern
from guide.speech.es import rules as R
from guide.speech.es.numbers import sentence_ends_after

# ----------------------------------------------------------------------- dates

DATE = (r"(?<![0-9/.,-])(?:([0-9]{1,2})(/|[.-](?=[0-9]{1,2}[.-][0-9]{4}))([0-9]{1,2})\2"
        r"([0-9]{4}|[0-9]{2})|([0-9]{4})-([0-9]{1,2})-([0-9]{1,2}))(?![0-9]|[/.-][0-9])")
"3/4/2025, 03-04-2025, 3.4.2025 (four-digit year), 2025-04-03."

_DATE = LazyPattern(DATE)
_MONTH_NAMES = "|".join(R.MONTHS)
_FIRST_DAY = LazyPattern(rf"(?<![\w.,])(?:1|01)(?:\.?[º°]|\.er)?(?=\s+de\s+(?i:{_MONTH_NAMES})\b)")
SEPARATOR_WORDS = {"/": "barra", ".": "punto", "-": "guion"}
"How a date's separator is said when the date cannot be a date (13/13/2025)."


def _day(day: int, region: str) -> str:
    return "1" if day == 1 and R.in_spain(region) else "primero" if day == 1 else str(day)


def _say_date(m: re.Match[str], region: str) -> str:
    if m.group(5):
        year, month, day = m.group(5), int(m.group(6)), int(m.group(7))
        written = [year, m.group(6), m.group(7)]
    else:
        year, (day, month) = m.group(4), _day_and_month(int(m.group(1)), int(m.group(3)))
        written = [m.group(1), m.group(3), year]
        if len(year) == 2:
            year = "20" + year if int(year) < 50 else "19" + year
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return f" {SEPARATOR_WORDS[m.group(2) or '-']} ".join(str(int(w)) for w in written)
    return f"{_day(day, region)} de {R.MONTHS[month - 1]} de {year}"


def _day_and_month(a: int, b: int) -> tuple[int, int]:
    """(day, month): day first, unless the second part cannot be a month."""
    if b > 12 and a <= 12:
        return b, a
    return a, b


def speak_dates(text: str, region: str) -> str:
    """'3/4/2025' → '3 de abril de 2025'; '1 de mayo' → 'primero de mayo' outside Spain."""
    text = _DATE.sub(lambda m: _say_date(m, region), text)
    return _FIRST_DAY.sub(lambda m: _day(1, region), text)


def ambiguous_dates(text: str) -> list[str]:
    """The numeric dates in ``text`` whose day and month could be swapped, as written.

    "03/04/2025" is 3 April as Spanish writes it, but 4 March to a reader used
    to US dates; "15/04/2025" and "2025-04-03" are clear.
    """
    found = []
    for m in _DATE.finditer(text):
        if not m.group(5):
            a, b = int(m.group(1)), int(m.group(3))
            if 1 <= a <= 12 and 1 <= b <= 12 and a != b:
                found.append(m.group())
    return found


# ----------------------------------------------------------------------- times

_MERIDIEM = LazyPattern(
    r"(?:(?<![\w])([Aa]) las\s+|(?<![\w])(las)\s+)?"
    r"(?<![\w.:,])(1[0-2]|0?[0-9])(?::([0-5][0-9]))?\s?([AaPp])\.?\s?[Mm](\.)?(?!\w)")
_CLOCK = LazyPattern(
    r"(?<![\w.:,])([01]?[0-9]|2[0-3]):([0-5][0-9])(?![0-9]|:[0-9]|\s?[AaPp]\.?\s?[Mm](?!\w))"
    r"(?:\s?h(?:rs?)?(?!\w))?")


def _minutes(hour: int, minutes: str | None) -> str:
    """'y media', 'y cuarto', 'y 20', or '' for ':00'."""
    if minutes is None or int(minutes) == 0:
        return ""
    if hour <= 12 and minutes in ("15", "30"):
        return " y cuarto" if minutes == "15" else " y media"
    return f" y {int(minutes)}"


def _part_of_day(hour: int, pm: bool) -> str:
    if pm:
        return "de la tarde" if hour == 12 or hour < 8 else "de la noche"
    return "de la noche" if hour == 12 else "de la madrugada" if hour < 6 else "de la mañana"


def _say_meridiem(m: re.Match[str]) -> str:
    at, las, hour, minutes = m.group(1), m.group(2), int(m.group(3)), m.group(4)
    pm = m.group(5).lower() == "p"
    stop = "." if m.group(6) and sentence_ends_after(m.string[m.end() :]) else ""
    lead = f"{at} las " if at else "las " if las else ""
    if hour == 12 and _minutes(hour, minutes) == "":
        name = "mediodía" if pm else "medianoche"
        if at:
            return f"{at}{'l' if pm else ' la'} {name}{stop}"
        if las:
            return f"las 12 {'del mediodía' if pm else 'de la noche'}{stop}"
        return name + stop
    return f"{lead}{hour}{_minutes(hour, minutes)} {_part_of_day(hour, pm)}{stop}"


def _say_clock(m: re.Match[str]) -> str:
    hour, minutes = int(m.group(1)), m.group(2)
    if int(minutes) == 0:
        return f"{hour} en punto" if 1 <= hour <= 12 else f"{hour} horas"
    return f"{hour}{_minutes(hour, minutes)}"


def speak_times(text: str) -> str:
    """'6:30 p. m.' → '6 y media de la tarde', 'a las 12 p. m.' → 'al mediodía', '8:00' → '8 en punto'."""
    return _CLOCK.sub(_say_clock, _MERIDIEM.sub(_say_meridiem, text))
