"""How old a guide's sources are: the ``source-age`` warning of ``guide check``.

Care changes. A guide made from an article whose newest source, or whose own
reviewed or updated date (``source_reviewed`` in guide.toml), is more than
``source_age_years`` old (5 unless guide.toml says) is still faithful to the
article, but a clinic must know, and so must the listener. So ``guide check``
warns, with the years.

The years of the sources are the four-digit years (1900 up to this year) in
the article's list of sources when the article is there and has one, else in
the chapters that read only the article's list of sources (``# Source:
Article Sources``). A year alone counts as that whole year, so a source from
2019 is more than 5 years old only from 2025 on.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from guide.check.messages import check_message, report_language
from guide.check.problem import Problem
from guide.durations import spoken_day
from guide.model import Article, Guide
from guide.speech.common import LazyPattern

DEFAULT_SOURCE_AGE_YEARS = 5
"How many years old a guide's newest source may be when guide.toml does not say."
YEAR = LazyPattern(r"(?<![\d.,/-])(19\d\d|20\d\d)(?![\d,])")
"A four-digit year of the 20th or 21st century, not part of a longer number."
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def source_years(guide: Guide, article: Article | None, citations: Collection[int],
                 today: date | None = None) -> list[int]:
    """The years the guide's sources give, sorted, each once: from the article's list of sources,
    else from the chapters in ``citations`` (those that read only that list)."""
    today = today or date.today()
    if article is not None and article.sources:
        texts = list(article.sources)
    else:
        texts = [c.text for c in guide.chapters if c.number in citations]
    years = {int(y) for text in texts for y in YEAR.findall(text)}
    return sorted(y for y in years if y <= today.year)


def years_before(today: date, years: int) -> date:
    """The day ``years`` years before ``today`` (28 February for a 29 February that is gone)."""
    try:
        return today.replace(year=today.year - years)
    except ValueError:
        return today.replace(year=today.year - years, day=28)


def spoken_date(day: date) -> str:
    """``3 April 2015``: a date that reads aloud one way only."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def source_age_problems(guide: Guide, article: Article | None, citations: Collection[int],
                        today: date | None = None) -> list[Problem]:
    """A ``source-age`` warning when the newest source, or the article's own reviewed date, is
    more than ``guide.source_age_years`` old on ``today`` (today's date unless given)."""
    today = today or date.today()
    limit = guide.source_age_years or DEFAULT_SOURCE_AGE_YEARS
    lang = report_language(guide.language)
    span = check_message(lang, "years_one" if limit == 1 else "years_many", count=limit)
    problems = []
    years = source_years(guide, article, citations, today)
    if years and today.year - years[-1] > limit:
        many = len(years) > 1 or (article is not None and len(article.sources) > 1)
        key = "source_age_many" if many else "source_age_one"
        if len(years) == 1:
            text = check_message(lang, key, when=years[0], span=span)
        else:
            text = check_message(lang, key + "_span", first=years[0], last=years[-1], span=span)
        problems.append(Problem(
            "warning", None, text,
            "source-age", {"years": years, "newest": years[-1], "source_age_years": limit}))
    reviewed = _day(guide.source_reviewed)
    if reviewed is not None and reviewed < years_before(today, limit):
        day = spoken_date(reviewed) if lang == "en" else spoken_day(reviewed, lang)
        problems.append(Problem(
            "warning", None, check_message(lang, "source_reviewed", day=day, span=span),
            "source-age", {"reviewed": reviewed.isoformat(), "source_age_years": limit}))
    return problems


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None
