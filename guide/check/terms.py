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
"Glossary" (in Spanish, "Palabras que debe conocer", "Glosario" or
"Vocabulario"). Every medical term the guide uses must be explained in one of
them, by the same rules.

**In Spanish** (a guide whose language is Spanish, see
:mod:`guide.check.language`) the same rules read Spanish words: the term,
near the start, is followed by ``es``, ``son``, ``significa``, ``quiere
decir``, ``se refiere a`` or ``, que es`` ("Un cerclaje es ...", "El DES es
...", "Prematuro significa ..."); ``llama``, ``llaman``, ``llamado``, ``se
llama``, ``nombre de``, ``conocido como`` comes at most six words before it
("Este punto de sutura se llama cerclaje.", "Los médicos llaman dilatación a
..."); it starts "En un TERM," or "En una TERM,"; and the sentence after the
first use may start "Esto es", "Es", "Son" or "Esto significa". The medical
terms are the Spanish lexicon's (``guide/data/lexicon.es.toml``) and the
guide's own.
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
GLOSSARY_TITLES = ("words to know", "glossary", "palabras que debe conocer",
                   "palabras que debe saber", "glosario", "vocabulario")
"A chapter whose title starts with one of these (any case) is a glossary."

_WORD = LazyPattern(r"[\w'’-]+")
_BETWEEN = r"^\s*(?:\([^)]*\)\s*)?(?P<between>(?:[\w'’-]+\s+){0,2}?),?\s*"


@dataclass(frozen=True)
class Patterns:
    """The words that explain a term, in one language."""

    copula: LazyPattern
    "After the term: 'is', 'means' ('es', 'significa'), with at most two words between."
    naming: LazyPattern
    "At most six words before the term: 'called' ('se llama')."
    follower: LazyPattern
    "The sentence after the first use starts 'This is' ('Esto es')."
    describes: LazyPattern
    "All the sentence says before the term: 'In a' ('En una'), then a comma after it."


PATTERNS = {
    "en": Patterns(
        LazyPattern(_BETWEEN + r"(?:also\s+|only\s+|just\s+|simply\s+)?"
                    r"(?:is|are|means|mean|refers\s+to|refer\s+to|stands\s+for|is\s+short\s+for"
                    r"|are\s+short\s+for|which\s+is|which\s+are|that\s+is)\b", re.I),
        LazyPattern(r"\b(?:call|calls|called|named|name\s+for|known\s+as)\b", re.I),
        LazyPattern(r"^\W*(?:this|that|it|these|they|those)\s+(?:is|are|means|mean)\b", re.I),
        LazyPattern(r"^\W*in\s+(?:a|an|the)\s*$", re.I)),
    "es": Patterns(
        LazyPattern(_BETWEEN + r"(?:también\s+|solo\s+|sólo\s+|solamente\s+|simplemente\s+)?"
                    r"(?:es|son|significa|significan|quiere\s+decir|quieren\s+decir"
                    r"|se\s+refiere\s+a|se\s+refieren\s+a|que\s+es|que\s+son|o\s+sea)\b", re.I),
        LazyPattern(r"\b(?:llama|llaman|llamamos|llamado|llamada|llamados|llamadas|nombre\s+de"
                    r"|nombre\s+para|conoce\s+como|conocen\s+como|conocido\s+como"
                    r"|conocida\s+como|denomina|denominan|denominado|denominada)\b", re.I),
        LazyPattern(r"^\W*(?:(?:esto|eso|este|esta|estos|estas|ello)\s+)?"
                    r"(?:es|son|significa|significan|quiere\s+decir)\b", re.I),
        LazyPattern(r"^\W*en\s+(?:un|una|el|la|los|las)\s*$", re.I)),
}
"The explaining words of each language whose rules check a guide (English for the others)."
_QUOTED = LazyPattern(r'"[^"]*"|\u201c[^\u201d]*\u201d')


def patterns(language: str) -> Patterns:
    """The explaining words that check a guide in ``language``."""
    from guide.check.language import primary

    return PATTERNS.get(primary(language), PATTERNS["en"])


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
    numbered in ``skip`` left out), split by the rules of the guide's language."""
    from guide.check.language import rules_language

    language = rules_language(guide.language)
    out: list[Spoken] = []
    for chapter in guide.chapters:
        if chapter.number in skip:
            continue
        for b, block in enumerate(chapter.blocks):
            parts = split_sentences(block.text, max_words=10**6, language=language)
            for i, text in enumerate(parts):
                checked = _QUOTED.sub(lambda m: " " * len(m.group()), text)
                out.append(Spoken(chapter.number, b, i == 0, i == len(parts) - 1, text, checked))
    return out


def defines(sentence: Spoken, lexicon: Lexicon, language: str = "en-US") -> set[str]:
    """The terms (by ``term``) that this sentence defines, by the rules above, in the words
    of ``language``."""
    rules = patterns(language)
    found: set[str] = set()
    text = sentence.checked
    for use in lexicon.terms_in(text):
        if not use.entry.define:
            continue
        form = _form_at(text, use.position, use.entry)
        before, after = text[: use.position], text[use.position + len(form):]
        words_before = _WORD.findall(before)
        copula = rules.copula.match(after)
        if (copula and len(words_before) + len(_WORD.findall(copula["between"] or "")) <= 3) \
                or rules.naming.search(" ".join(words_before[-6:])) \
                or (rules.describes.match(before) and after.lstrip().startswith(",")) \
                or _is_heading(sentence, words_before, after):
            found.add(use.entry.term)
    return found


def _is_heading(sentence: Spoken, words_before: list[str], after: str) -> bool:
    """The term opens its item as a heading: "- LEEP. This treatment ...". When the splitter
    kept the heading in the sentence after it (an initial: "- D y L. Son las iniciales ..."),
    the term followed by a full stop at the start of the item is a heading too."""
    if not sentence.first_in_block:
        return False
    if re.match(r"\s*\.\s+\w", after) and len(words_before) <= 2:
        return True
    if sentence.last_in_block:
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
    follower = patterns(guide.language).follower
    defined = [defines(s, lexicon, guide.language) for s in spoken]
    glossary_chapters = {ch.number for ch in guide.chapters if is_glossary(ch.title)}
    in_glossary: set[str] = set()
    by_chapter: dict[int, set[str]] = {}
    for s, terms in zip(spoken, defined, strict=True):
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
            if not _explained_at(i, term, spoken, defined, by_chapter, glossary_chapters,
                                 follower):
                findings.append(TermFinding(use.entry, s.chapter, s.text, "unexplained", written))
    if glossary_chapters:
        for term, (i, entry, written) in first_use.items():
            if term not in in_glossary:
                findings.append(TermFinding(entry, spoken[i].chapter, spoken[i].text,
                                            "not-in-glossary", written))
    return findings


def _explained_at(i: int, term: str, spoken: list[Spoken], defined: list[set[str]],
                  by_chapter: dict[int, set[str]], glossary_chapters: set[int],
                  follower: LazyPattern) -> bool:
    chapter = spoken[i].chapter
    if chapter in glossary_chapters and term in by_chapter.get(chapter, set()):
        return True
    for j in range(i, min(len(spoken), i + WINDOW + 1)):
        if spoken[j].chapter != chapter:
            break
        if term in defined[j]:
            return True
        if j == i + 1 and follower.match(spoken[j].checked):
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
