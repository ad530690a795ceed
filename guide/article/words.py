"""The shape of one language's words for what is never spoken (:class:`Words`).

:mod:`.furniture` holds the English tables and the rules that read them;
:mod:`.furniture_es` the Spanish ones. Phrases and headings are compared as
:func:`~.text.fold_key` keys (case-folded words, punctuation at the ends
removed, so "¿Le resultó útil esta página?" is ``le resultó útil esta
página``); patterns are matched as each field says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from guide.article.text import fold_key


def keys(texts: tuple[str, ...]) -> frozenset[str]:
    """The comparison keys of some phrases."""
    return frozenset(fold_key(text) for text in texts)


@dataclass(frozen=True)
class Words:
    """One language's words for what is never spoken."""

    phrases: frozenset[str]
    "Lines and blocks that are never read, as :func:`~.text.fold_key` keys."
    headings: frozenset[str]
    "Headings whose whole section is furniture, as keys."
    sources: frozenset[str]
    "Headings whose section goes to :attr:`~guide.model.Article.sources`, as keys."
    openings: tuple[str, ...]
    "How a block of at most 60 words that is never read begins (a cookie banner), as keys."
    credit: re.Pattern[str]
    "The start of a photo credit or copyright line, on the case-folded line."
    byline: re.Pattern[str]
    "A byline or review note, from the start of the case-folded line."
    date_line: re.Pattern[str]
    "A line that is only a date, perhaps after \"updated\" (case-folded)."
    by_name: re.Pattern[str]
    "\"By\" and a name, as written (checked on lines of at most 8 words)."
    review_line: re.Pattern[str]
    "A review or update line in the body of an article, as written."
    dated_line: re.Pattern[str]
    "The start of a line that is a review or publication note when a date follows, as written."
    keywords: frozenset[str]
    "Class, id and aria-label tokens that name furniture."
    keyword_prefixes: tuple[str, ...]
    "Starts of such tokens."
    sources_keywords: frozenset[str]
    "Tokens that name the list of sources."
    byline_keywords: frozenset[str]
    "Tokens of an element that may hold the byline."
    link_headings: frozenset[str] = frozenset()
    "Headings whose section is furniture when it holds only links, as keys."
    pointer: re.Pattern[str] | None = None
    "A short line that points to another page (\"Lea también: ...\"), case-folded; never read."

