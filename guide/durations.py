"""Times and days written the way they are said, in the guide's language.

A time is never "01:40": in English it is "1 min 40 s"; in Spanish the units
are words, "1 minuto y 40 segundos", because a Spanish screen reader reads
"min" as it is written and "s" as the letter ("ese"). The words come from the
``durations`` message catalogue (:mod:`guide.i18n`).
"""

from __future__ import annotations

from datetime import date

from guide.i18n import DEFAULT, message


def _amount(language: str, count: int, unit: str) -> str:
    """``count`` of ``unit`` (``hour``, ``minute``, ``second``): "1 min", "un minuto", "5 segundos"."""
    if count == 1:
        return message(language, f"durations.{unit}_one")
    return message(language, f"durations.{unit}s", count=count)


def spoken_duration(seconds: float, language: str = DEFAULT) -> str:
    """``"1 h 2 min"``, ``"1 min 40 s"`` or ``"12 s"`` (in English): clear when read aloud."""
    total = max(0, round(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        larger, smaller = _amount(language, hours, "hour"), minutes and _amount(language, minutes, "minute")
    elif minutes:
        larger, smaller = _amount(language, minutes, "minute"), secs and _amount(language, secs, "second")
    else:
        return _amount(language, secs, "second")
    return message(language, "durations.pair", larger=larger, smaller=smaller) if smaller else larger


def spoken_day(day: date | None, language: str = DEFAULT) -> str:
    """A day as it is said: "5 June 2025", "6 de diciembre de 2026"; ``None`` is an unknown date."""
    if day is None:
        return message(language, "durations.unknown_date")
    month = message(language, f"durations.month_{day.month}")
    return message(language, "durations.date", day=day.day, month=month, year=day.year)
