"""Shared helpers for the article reader tests."""

from __future__ import annotations

import json
import re
from pathlib import Path

from guide.article import read_article
from guide.model import Article, Block

DATA = Path(__file__).resolve().parent.parent / "data" / "articles"
WORD = re.compile(r"\w+")


def block_dict(block: Block) -> dict:
    """One block as the golden JSON files write it: ``number`` only for a numbered item."""
    found = {"kind": block.kind.value, "text": block.text}
    return found if block.number is None else {**found, "number": block.number}


def as_dict(article: Article) -> dict:
    """The parts of an article that the golden JSON files describe."""
    return {
        "title": article.title,
        "subtitle": article.subtitle,
        "format": article.format,
        "sections": [
            {"heading": s.heading, "blocks": [block_dict(b) for b in s.blocks]}
            for s in article.sections
        ],
        "sources": article.sources,
        "bylines": article.bylines,
        "notes": article.notes,
    }


def expected(name: str) -> dict:
    """The hand-checked expectation for a fixture, without its never_read list."""
    data = json.loads((DATA / name).read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if k != "never_read"}


def never_read(name: str) -> list[str]:
    """Phrases of a fixture that must appear nowhere in the parsed article."""
    return json.loads((DATA / name).read_text(encoding="utf-8"))["never_read"]


def all_texts(article: Article) -> list[str]:
    """Every string of the article that a listener could hear or see."""
    texts = [article.title] + ([article.subtitle] if article.subtitle else [])
    for section in article.sections:
        if section.heading:
            texts.append(section.heading)
        texts.extend(block.text for block in section.blocks)
    return texts + list(article.sources)


def body_texts(article: Article) -> list[str]:
    """Headings and blocks of all sections, in order."""
    texts: list[str] = []
    for section in article.sections:
        if section.heading:
            texts.append(section.heading)
        texts.extend(block.text for block in section.blocks)
    return texts


def phrase_found(phrase: str, text: str) -> bool:
    """Whether ``phrase`` occurs in ``text`` as whole words (case-sensitive)."""
    start = r"(?<!\w)" if phrase[:1].isalnum() else ""
    end = r"(?!\w)" if phrase[-1:].isalnum() else ""
    return re.search(start + re.escape(phrase) + end, text) is not None


def furniture_found(article: Article, phrases: list[str]) -> list[str]:
    """The phrases that do appear somewhere in the article (should be none)."""
    texts = all_texts(article)
    return [p for p in phrases if any(phrase_found(p, t) for t in texts)]


def read_fixture(name: str) -> Article:
    """Read a fixture from tests/data/articles."""
    return read_article(DATA / name)


def is_subsequence(needles: list, haystack: list) -> bool:
    """Whether ``needles`` appear in ``haystack`` in order (not necessarily adjacent)."""
    remaining = iter(haystack)
    return all(any(n == h for h in remaining) for n in needles)


def words(texts: list[str]) -> list[str]:
    """The \\w+ words of some texts, in order."""
    return [w for t in texts for w in WORD.findall(t)]


def alnum_chars(texts: list[str]) -> list[str]:
    """The letters and digits of some texts, in order."""
    return [c for t in texts for c in t if c.isalnum()]
