"""Are the guide's medical words explained before a listener needs them?

A *medical term* is a lexicon entry with a ``define``. The guide is read in
listening order: every chapter, in order, sentence by sentence (chapter
titles are not counted: a title names what the chapter is about, and the
chapter's own sentences then explain it).

A term is **explained** at its first use when that sentence, or one of the
next :data:`WINDOW` sentences of the same chapter, *defines* it. A sentence
defines a term when it

* says what the term is: the term, near the start, is followed by ``is``,
  ``are``, ``means``, ``is short for``, ``refers to``, ``stands for`` or
  ``, which is`` with at most three other words before that verb ("A cerclage
  is a stitch ...", "Preterm means ...", "Prenatal checkups are visits ...");
* names it: ``call``, ``called``, ``named``, ``name for`` or ``known as``
  comes at most six words before it, e.g. "This stitch is called a cerclage.",
  "Doctors also call the womb the uterus.";
* is a heading: the first sentence of a paragraph or list item, which is
  the term and at most two more words, followed by more of the same item,
  e.g. "- LEEP. This treatment uses ..." (the glossary's form);
* describes it: it starts "In a TERM," ("In a biopsy, a doctor takes ...").

Words inside double quotation marks are not read by these checks: a quotation,
such as the title of a source, is kept as written and cannot be explained.
Nor is a chapter that reads the article's list of sources (its ``# Source:``
is ``Article Sources``): citations are read as written.

Also, right after the first use, a sentence that starts "This is", "It is",
"This means", "These are" or "They are" explains it. A term used inside a
glossary chapter is explained when that chapter explains it anywhere (its
introduction may name the first and last words). Uses of different written
forms of one entry ("incompetent cervix", "cervical insufficiency") count
as one term.

A **glossary chapter** is one whose title starts with "Words to know" or
"Glossary". Every medical term the guide uses must be explained in one of
them, by the same rules.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from guide.model import Guide
from guide.speech.common import LazyPattern
from guide.speech.lexicon import Entry, Lexicon
from guide.speech.sentences import split_sentences

WINDOW = 3
"How many sentences after a term's first use may still explain it."
GLOSSARY_TITLES = ("words to know", "glossary")
"A chapter whose title starts with one of these (any case) is a glossary."

_WORD = LazyPattern(r"[\w'’-]+")
_COPULA = LazyPattern(
    r"^\s*(?:\([^)]*\)\s*)?(?P<between>(?:[\w'’-]+\s+){0,2}?),?\s*(?:also\s+|only\s+|just\s+|simply\s+)?"
    r"(?:is|are|means|mean|refers\s+to|refer\s+to|stands\s+for|is\s+short\s+for|are\s+short\s+for"
    r"|which\s+is|which\s+are|that\s+is)\b", re.I)
_NAMING = LazyPattern(r"\b(?:call|calls|called|named|name\s+for|known\s+as)\b", re.I)
_FOLLOWER = LazyPattern(r"^\W*(?:this|that|it|these|they|those)\s+(?:is|are|means|mean)\b", re.I)
_QUOTED = LazyPattern(r'"[^"]*"|\u201c[^\u201d]*\u201d')
_DESCRIBES = LazyPattern(r"^\W*in\s+(?:a|an|the)\s*$", re.I)


@dataclass
class Spoken:
    """One sentence of the guide, where a listener hears it."""

    chapter: int
    "Chapter number."
    block: int
    "Index of its paragraph or list item in the chapter."
    first_in_block: bool
    "Whether it opens its paragraph or item."
    last_in_block: bool
    "Whether it ends its paragraph or item."
    text: str
    "The sentence as written."
    checked: str = ""
    "The sentence with quotations blanked out: the part the term checks read."


@dataclass
class TermFinding:
    """A medical term the guide does not explain well enough."""

    entry: Entry
    "The lexicon entry."
    chapter: int
    "The chapter of its first use (for the glossary finding: also its first use)."
    sentence: str
    "The sentence of its first use."
    kind: str
    "``unexplained`` (used before it is explained) or ``not-in-glossary``."
    written: str = ""
    "The term as the sentence writes it (``D and C`` for the entry ``D&C``)."


def is_glossary(title: str) -> bool:
    """Whether a chapter with this title is a glossary chapter."""
    return title.strip().casefold().startswith(GLOSSARY_TITLES)


def listening_order(guide: Guide, skip: Collection[int] = ()) -> list[Spoken]:
    """Every sentence of the guide, in the order it is heard (titles and the chapters
    numbered in ``skip`` left out)."""
    out: list[Spoken] = []
    for chapter in guide.chapters:
        if chapter.number in skip:
            continue
        for b, block in enumerate(chapter.blocks):
            parts = split_sentences(block.text, max_words=10**6)
            for i, text in enumerate(parts):
                checked = _QUOTED.sub(lambda m: " " * len(m.group()), text)
                out.append(Spoken(chapter.number, b, i == 0, i == len(parts) - 1, text, checked))
    return out


def defines(sentence: Spoken, lexicon: Lexicon) -> set[str]:
    """The terms (by ``term``) that this sentence defines, by the rules above."""
    found: set[str] = set()
    text = sentence.checked
    for use in lexicon.terms_in(text):
        if not use.entry.define:
            continue
        form = _form_at(text, use.position, use.entry)
        before, after = text[: use.position], text[use.position + len(form):]
        words_before = _WORD.findall(before)
        copula = _COPULA.match(after)
        if (copula and len(words_before) + len(_WORD.findall(copula["between"] or "")) <= 3) \
                or _NAMING.search(" ".join(words_before[-6:])) \
                or (_DESCRIBES.match(before) and after.lstrip().startswith(",")) \
                or _is_heading(sentence, words_before, after):
            found.add(use.entry.term)
    return found


def _is_heading(sentence: Spoken, words_before: list[str], after: str) -> bool:
    if not sentence.first_in_block or sentence.last_in_block:
        return False
    return len(words_before) + len(_WORD.findall(after)) <= 2


def _form_at(text: str, position: int, entry: Entry) -> str:
    """The written form of ``entry`` that starts at ``position``, as it is in the text."""
    best = ""
    for form in entry.written_forms:
        pattern = r"\s+".join(re.escape(w) for w in form.split())
        match = re.compile(pattern, 0 if entry.match_case else re.I).match(text, position)
        if match and len(match.group()) > len(best):
            best = match.group()
    return best


def find_term_problems(guide: Guide, lexicon: Lexicon,
                       skip: Collection[int] = ()) -> list[TermFinding]:
    """Medical terms used before they are explained, or missing from the glossary;
    the chapters numbered in ``skip`` (lists of sources, read as written) are not read."""
    spoken = listening_order(guide, skip)
    defined = [defines(s, lexicon) for s in spoken]
    glossary_chapters = {ch.number for ch in guide.chapters if is_glossary(ch.title)}
    in_glossary: set[str] = set()
    by_chapter: dict[int, set[str]] = {}
    for s, terms in zip(spoken, defined):
        by_chapter.setdefault(s.chapter, set()).update(terms)
        if s.chapter in glossary_chapters:
            in_glossary |= terms
    findings: list[TermFinding] = []
    first_use: dict[str, tuple[int, Entry, str]] = {}
    for i, s in enumerate(spoken):
        for use in lexicon.terms_in(s.checked):
            term = use.entry.term
            if not use.entry.define or term in first_use:
                continue
            written = _form_at(s.checked, use.position, use.entry)
            first_use[term] = (i, use.entry, written)
            if not _explained_at(i, term, spoken, defined, by_chapter, glossary_chapters):
                findings.append(TermFinding(use.entry, s.chapter, s.text, "unexplained", written))
    if glossary_chapters:
        for term, (i, entry, written) in first_use.items():
            if term not in in_glossary:
                findings.append(TermFinding(entry, spoken[i].chapter, spoken[i].text,
                                            "not-in-glossary", written))
    return findings


def _explained_at(i: int, term: str, spoken: list[Spoken], defined: list[set[str]],
                  by_chapter: dict[int, set[str]], glossary_chapters: set[int]) -> bool:
    chapter = spoken[i].chapter
    if chapter in glossary_chapters and term in by_chapter.get(chapter, set()):
        return True
    for j in range(i, min(len(spoken), i + WINDOW + 1)):
        if spoken[j].chapter != chapter:
            break
        if term in defined[j]:
            return True
        if j == i + 1 and _FOLLOWER.match(spoken[j].checked):
            return True
    return False


def terms_used(guide: Guide, lexicon: Lexicon, skip: Collection[int] = ()) -> list[Entry]:
    """The medical terms the guide uses, in the order a listener first hears them."""
    seen: dict[str, Entry] = {}
    for s in listening_order(guide, skip):
        for use in lexicon.terms_in(s.checked):
            if use.entry.define:
                seen.setdefault(use.entry.term, use.entry)
    return list(seen.values())
