"""Is every section of the source article in the narration, and did anything come in that is
not in the article?

**Coverage.** Each chapter names the article sections it is made from on its
``# Source:`` lines. A section that no chapter names is an error (the
narration must keep every fact); a ``# Source:`` that names no section, and
an article whose list of sources no chapter reads, are warnings.

**Drift.** The content words of a chapter that the article never uses
(:func:`guide.check.words.drift_words`), listed for a reviewer: a warning in
a chapter made from the article, a note in framing, glossary and sources
chapters. Drift compares words of one language, so it does not run on a
translation (a guide with ``translation_of``), whose article is in the
original's language: :mod:`guide.check.translation` checks it instead.
"""

from __future__ import annotations

from pathlib import Path

from guide.article import read_article
from guide.check import terms as check_terms
from guide.check import words as check_words
from guide.check.messages import check_message
from guide.check.problem import Problem
from guide.model import Article, Guide
from guide.speech.lexicon import Lexicon

LEAD_NAME = "Introduction"
"What a ``# Source:`` line calls the article's lead section (the part before any heading)."
SOURCE_LIST_NAMES = ("article sources", "sources", "references")
"``# Source:`` names that mean the article's own list of sources."


def load_source(guide: Guide) -> Article | None:
    """The guide's source article (``source`` in guide.toml, a file in the guide folder), or
    ``None`` when it names no file there. Raises :class:`~guide.errors.ArticleError`."""
    if not guide.source or guide.folder is None:
        return None
    path = Path(guide.folder) / guide.source
    # A translation's source is the original's article, in the original's language.
    language = None if guide.translation_of else guide.language
    return read_article(path, language=language) if path.is_file() else None


def citation_chapters(guide: Guide) -> set[int]:
    """The chapters that read only the article's list of sources."""
    return {c.number for c in guide.chapters
            if c.sources and all(key(s) in SOURCE_LIST_NAMES for s in c.sources)}


def key(name: str) -> str:
    """A section name as it is compared: spaces tidied, case folded."""
    return " ".join(name.split()).casefold()


def _section_names(article: Article) -> list[str]:
    return [s.heading or LEAD_NAME for s in article.sections if s.blocks]


def coverage_problems(guide: Guide, article: Article) -> list[Problem]:
    """Sections no chapter uses, ``# Source:`` lines that name no section, sources unread."""
    sections = _section_names(article)
    known = {key(s) for s in sections}
    used: set[str] = set()
    problems = []
    for chapter in guide.chapters:
        for name in chapter.sources:
            used.add(key(name))
            if key(name) not in known and key(name) not in SOURCE_LIST_NAMES:
                problems.append(Problem("warning", chapter.number, check_message(
                    guide.language, "source_not_section", name=name,
                    sections=", ".join(sections)), "source", {"source": name}))
    for name in sections:
        if key(name) not in used:
            problems.append(Problem("error", None, check_message(
                guide.language, "section_unused", name=name), "coverage", {"section": name}))
    if article.sources and not used & set(SOURCE_LIST_NAMES):
        problems.append(Problem("warning", None, check_message(guide.language, "sources_unread"),
                                "coverage", {"section": "Article Sources"}))
    return problems


def article_text(article: Article) -> str:
    """Every word of the article: title, subtitle, headings, sections and sources."""
    parts = [article.title, article.subtitle or "", *article.headings,
             *(s.text for s in article.sections), *article.sources]
    return "\n".join(parts)


def drift_problems(guide: Guide, article: Article, lexicon: Lexicon,
                   language: str = "en-US") -> list[Problem]:
    """The words each chapter uses that the article does not, in ``language``'s words."""
    text = article_text(article)
    definitions = " ".join(u.entry.define or "" for u in lexicon.terms_in(text))
    stems = check_words.article_stems(f"{text}\n{definitions}", language)
    problems = []
    citations = citation_chapters(guide)
    for chapter in guide.chapters:
        words = check_words.drift_words(f"{chapter.title}\n{chapter.text}", stems, language)
        if not words:
            continue
        expected = (not chapter.sources or check_terms.is_glossary(chapter.title)
                    or chapter.number in citations)
        problems.append(Problem(
            "info" if expected else "warning", chapter.number, check_message(
                language, "drift_one" if len(words) == 1 else "drift_many", count=len(words),
                words=", ".join(words)), "drift", {"words": words}))
    return problems
