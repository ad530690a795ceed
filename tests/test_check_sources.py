"""The ``source-age`` warning: the newest source, or the article's reviewed date, too old."""

from __future__ import annotations

from datetime import date

import pytest

from guide.check.run import citation_chapters, load_source
from guide.check.sources import source_age_problems, source_years, years_before
from guide.model import Article, Block, Chapter, Guide
from guide.scripts.store import load_guide, shipped_folder

TODAY = date(2025, 6, 1)
ADVICE = "care may have changed since, so have a clinician check it and tell listeners how old"
OLD = (f"the article's sources are from 2003 to 2006, more than 5 years ago; {ADVICE} the "
       "sources are.")


def guide(reviewed: str | None = None, age: int = 5, sources_text: str = "") -> Guide:
    chapters = [Chapter(1, "What it is", [Block("Rest well in 2003, and in 2006.")],
                        ["Introduction"])]
    if sources_text:
        chapters.append(Chapter(2, "Sources", [Block(sources_text)], ["Article Sources"]))
    return Guide("g", "G", chapters, source_reviewed=reviewed, source_age_years=age)


@pytest.mark.parametrize(("sources", "reviewed", "age", "messages"), [
    (["A, 2003.", "B, June 2006.", "C, 15 Jan 2004."], None, 5, [OLD]),
    (["A, Aug 2003.", "B, 2006."], "", 5,
     [f"the article's sources are from 2003 to 2006, more than 5 years ago; {ADVICE} the sources "
      "are."]),
    (["A, 2019."], None, 5,
     [f"the article's source is from 2019, more than 5 years ago; {ADVICE} the source is."]),
    (["A, 2020.", "B, 2006."], None, 5, []),                     # 5 years is not more than 5
    (["A, 2003.", "B, 2006."], None, 19, []),                    # a guide may allow more years
    (["A, 2003.", "B, 2006."], None, 18,
     [f"the article's sources are from 2003 to 2006, more than 18 years ago; {ADVICE} the "
      "sources are."]),
    (["A, 2001.", "B, 2001."], None, 1,
     [f"the article's sources are from 2001, more than 1 year ago; {ADVICE} the sources are."]),
    (["A, pages 1200-1300.", "B, ISBN 978-1-2003-4567-8.", "C, 2031."], None, 5, []),
    ([], None, 5, []),                                           # no years: nothing to say
    ([], "2020-05-31", 5,
     [f"the article was last reviewed or updated on 31 May 2020, more than 5 years ago; {ADVICE} "
      "it is."]),
    ([], "2020-06-01", 5, []),                                   # exactly 5 years
    (["A, 2024."], "2024-01-01", 5, []),
    (["A, 2003."], "2010-03-04", 5,
     [f"the article's source is from 2003, more than 5 years ago; {ADVICE} the source is.",
      f"the article was last reviewed or updated on 4 March 2010, more than 5 years ago; "
      f"{ADVICE} it is."]),
])
def test_source_age_from_the_articles_sources_and_reviewed_date(sources, reviewed, age, messages):
    problems = source_age_problems(guide(reviewed, age), Article("T", sources=sources), set(),
                                   TODAY)
    assert [p.message for p in problems] == messages
    assert all(p.level == "warning" and p.kind == "source-age" and p.chapter is None
               for p in problems)


@pytest.mark.parametrize(("text", "article", "years"), [
    ("It was in OBG Management, in August 2003. And from October 2006.", None, [2003, 2006]),
    ("They were written between 2003 and 2006.", None, [2003, 2006]),
    ("A book from 2003.", Article("T", sources=["A, 2019."]), [2019]),   # the article wins
    ("A book from 2003.", Article("T"), [2003]),                         # it lists none
    ("No years here, only 1,999 words and 12000 steps.", None, []),
])
def test_the_years_come_from_the_article_else_from_the_sources_chapter(text, article, years):
    g = guide(sources_text=text)
    assert source_years(g, article, citation_chapters(g), TODAY) == years


def test_a_sources_chapter_alone_is_enough_to_warn():
    g = guide(sources_text="The first is from 2003. The second is from 2006.")
    assert [p.message for p in source_age_problems(g, None, citation_chapters(g), TODAY)] == [OLD]


def test_years_in_other_chapters_are_not_sources():
    assert source_age_problems(guide(), None, set(), TODAY) == []


def test_today_is_the_day_it_is_checked_unless_given():
    recent = guide(reviewed=date.today().isoformat())
    assert source_age_problems(recent, None, set()) == []
    assert len(source_age_problems(recent, None, set(), date.today().replace(year=date.today().year + 6))) == 1


@pytest.mark.parametrize(("today", "years", "before"), [
    (date(2025, 6, 1), 5, date(2020, 6, 1)),
    (date(2024, 2, 29), 1, date(2023, 2, 28)),
])
def test_years_before(today, years, before):
    assert years_before(today, years) == before


def test_the_shipped_guide_warns_that_its_sources_are_old():
    shipped = load_guide(shipped_folder())
    problems = source_age_problems(shipped, load_source(shipped), citation_chapters(shipped),
                                   TODAY)
    assert [p.message for p in problems] == [OLD]
