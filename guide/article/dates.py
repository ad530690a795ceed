"""Dates as an article writes them, and whether their order is clear.

:func:`dates_in` finds the dates of a line ("Last updated 03/04/2025") and
says what each may mean:

* ``2025-04-03`` (ISO, always year, month, day), ``April 3, 2025``,
  ``3 April 2025`` and ``Apr. 3, 2025`` (a month written as a word) are clear;
* ``03/04/2025`` (or with ``.`` or ``-``) is clear only when one of the first
  two numbers is more than 12, so it can only be the day, or when both are the
  same; otherwise it could be 3 April or 4 March, and it is *ambiguous*;
* a date that is not on the calendar (``2025-02-30``) is not a date.

Years have four digits; ``03/04/25`` is not taken as a date. In an article in
Spanish (``language`` ``es``, ``es-US`` ...), Spanish dates are found too:
``3 de abril de 2025``, ``3 de abril del 2025``, ``3 abr. 2025`` (clear).
Spanish puts the day first in ``03/04/2025`` as well, but a page may follow
the US, so such a date is still ambiguous unless a number is over 12.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
MESES = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
         "septiembre", "octubre", "noviembre", "diciembre")
"The months in Spanish, as they are written in a date (in lower case)."
_MONTH = r"(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
MES = (r"(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|"
       r"noviembre|diciembre|ene|feb|mar|abr|may|jun|jul|ago|sept|sep|set|oct|nov|dic)"
       r"(?![a-záéíóúñ])\.?")
"A month in Spanish, whole or cut short (``abr.``, ``sept.``), for patterns that look for dates."
_MES_NUMBERS = {"ene": 1, "feb": 2, "mar": 3, "abr": 4, "may": 5, "jun": 6, "jul": 7, "ago": 8,
                "sep": 9, "set": 9, "oct": 10, "nov": 11, "dic": 12}


@cache
def _forms() -> list[re.Pattern[str]]:
    """The written forms of a date, compiled when a text is first searched for one."""
    return [
        re.compile(r"\b(?P<year>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b"),
        re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b", re.I),
        re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year>\d{{4}})\b", re.I),
        re.compile(r"\b(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4})\b"),
    ]


@cache
def _spanish_forms() -> list[re.Pattern[str]]:
    """The written forms of a date in Spanish: "3 de abril de 2025", "3 abr. 2025"."""
    mes = f"(?P<mes>{MES})"
    return [
        re.compile(rf"\b(?P<day>\d{{1,2}})\s+de\s+{mes}\s+del?\s+(?P<year>\d{{4}})\b", re.I),
        re.compile(rf"\b(?P<day>\d{{1,2}})\s+{mes}\s+(?P<year>\d{{4}})\b", re.I),
    ]


@dataclass(frozen=True)
class WrittenDate:
    """One date as written, and the days it may mean."""

    text: str
    "The date as written, such as ``03/04/2025``."
    readings: tuple[date, ...]
    "The days it may mean: one when its order is clear, two when it is ambiguous."

    @property
    def clear(self) -> bool:
        """Whether the date can only mean one day."""
        return len(self.readings) == 1

    @property
    def iso(self) -> str | None:
        """``YYYY-MM-DD`` when the date is clear, else ``None``."""
        return self.readings[0].isoformat() if self.clear else None


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _readings(match: re.Match) -> tuple[date, ...]:
    """The days a match may mean (none when it is not on the calendar)."""
    found = match.groupdict()
    year = int(found["year"])
    if found.get("m"):
        days = [_day(year, int(found["m"]), int(found["d"]))]
    elif found.get("month"):
        month = next(i for i, name in enumerate(MONTHS, 1) if name.startswith(found["month"].lower()))
        days = [_day(year, month, int(found["day"]))]
    elif found.get("mes"):
        days = [_day(year, _MES_NUMBERS[found["mes"][:3].lower()], int(found["day"]))]
    else:
        a, b = int(found["a"]), int(found["b"])
        days = [_day(year, a, b), _day(year, b, a)]  # month first (US), day first
    return tuple(sorted({d for d in days if d is not None}))


def dates_in(text: str, language: str | None = None) -> list[WrittenDate]:
    """The dates written in ``text``, in order; Spanish ones too when ``language`` is Spanish."""
    found: list[tuple[int, WrittenDate]] = []
    taken: list[range] = []
    spanish = (language or "").lower().startswith("es")
    for form in (_spanish_forms() if spanish else []) + _forms():
        for match in form.finditer(text):
            span = range(*match.span())
            readings = _readings(match)
            if readings and not any(span.start < t.stop and t.start < span.stop for t in taken):
                taken.append(span)
                found.append((match.start(), WrittenDate(match.group(), readings)))
    return [written for _, written in sorted(found, key=lambda pair: pair[0])]
