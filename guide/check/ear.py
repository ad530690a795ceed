"""What only works on paper: ``guide check``'s warnings for a listener's ear.

A listener cannot look back up a page, tell the columns of a table apart or
see which way round a date is written. Each of these is a ``warning``:

``visual``
    words that point at something on a page or a screen ("the table below",
    "see the picture", "click", "tap here", "scroll down", "on this page",
    "the left column"), with a spoken alternative. Ordinary uses are left
    alone where the words around them say so: "above 100 degrees" and
    "100 or above" compare numbers, "below your belly button" is a place,
    "tap water" and "a spinal tap" are not a screen. Words inside double
    quotation marks (a source's title) and inside web addresses are not read.
``date``
    a numeric date whose order is unclear, because both parts could be the
    month (03/04/2025: March 4 or April 3?), in a sentence or in a byline kept
    as an editor note (``# Byline: ...``; ``source_reviewed`` in guide.toml
    is always year-month-day, so it is clear); and "12 AM" or "12 PM", which
    many people take the wrong way.
``item``
    a list item (a table row is one) with more than :data:`MAX_CELLS` parts
    ("header, value; header, value; ...") or more than :data:`MAX_ITEM_WORDS`
    words. The chapters that read the article's sources are read as written
    and not checked.
``address``
    a web address that takes more than :data:`MAX_ADDRESS_WORDS` words to say,
    counted in the spoken form :func:`guide.speech.normalise.normalise` gives.

A Spanish guide is read with Spanish words and dates (:mod:`guide.check.ear_es`:
"vea la tabla", "como se muestra", "haga clic"; day first in "03/04/2025"),
and it has one more warning, ``number``: a number that Spanish-speaking
regions read differently ("2.400").

:func:`ear_problems` finds them all.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from pathlib import Path

from guide.article.text import clean_text
from guide.check.problem import Problem
from guide.check.terms import listening_order
from guide.errors import GuideError
from guide.model import BlockKind, Guide
from guide.safe_read import read_editor_text
from guide.scripts.store import SCRIPT_GLOB
from guide.speech.common import LazyPattern
from guide.speech.en import rules as R
from guide.speech.lexicon import Lexicon
from guide.speech.normalise import normalise

MAX_CELLS = 4
"The most parts (cells of a table row) a list item may have."
MAX_ITEM_WORDS = 25
"The most words a list item may have."
MAX_ADDRESS_WORDS = 12
"The most words a web address may take to say."
BYLINE_NOTES = ("byline", "reviewed by", "medically reviewed", "last updated", "last reviewed",
                "published", "revisado por", "revisión médica", "última revisión",
                "última actualización", "actualizado", "publicado")
"Editor notes (``# ...`` lines) that keep an article's byline or dates."
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")

# ------------------------------------------------------------ visual words

_TABLE = r"(?:tables?|charts?|lists?|box(?:es)?)"
_PICTURE = (r"(?:pictures?|photo(?:graph)?s?|images?|diagrams?|figures?|illustrations?|"
            r"drawings?|graphs?|maps?|infographics?|videos?)")
_MODIFIERS = r"(?:[\w-]+ ){0,2}?"
_NOT_A_PLACE = (r"(?! (?:(?:the|a|an|your|my|his|her|their|our|its|this|that|these|those|"
                r"normal|average|zero|freezing|one|two|three|four|five|six|seven|eight|nine|"
                r"ten)\b|[0-9$]))")
_CLAUSE_END = r"(?=\s*(?:[.,:;!?)]|$))"
_NOT_A_COMPARISON = r"(?<!\bor )(?<!\band )(?<!\bat )(?<!\bfrom )(?<!\bto )(?<!\bthan )"
_POINTING_VERBS = (r"(?:are|will|can|may|show|shows|list|lists|explain|explains|describe|describes|"
                   r"give|gives|tell|tells|help|helps|include|includes|answer|answers)")
_SCREEN_THINGS = (r"(?:buttons?|links?|icons?|screen|menu|tabs?|arrows?|box|banner|heading|"
                  r"picture|image|video|app|word|words|number)")

_FOLLOWS = 'say "that follows" or "next" instead'
_HEARD = 'say "that you heard" or "earlier" instead'
_IN_WORDS = "describe in words what it shows instead"
_CHOOSE = 'say "choose" instead'

VISUAL_RULES: tuple[tuple[str, str], ...] = (
    (rf"\b(?:the|this|these|those|our) {_MODIFIERS}{_TABLE} below\b",
     'say "the list that follows" instead'),
    (rf"\b(?:the|this|these|those|our) {_MODIFIERS}{_TABLE} above\b",
     'say "the list you just heard" instead'),
    (r"\b(?:see|look at|in|from) (?:the|this) (?:following )?tables?\b|"
     r"\b(?:see|look at) (?:the|this) (?:following )?(?:charts?|box)\b|"
     r"\b(?:this|the following) (?:tables?|charts?)\b|\btable [0-9]+\b",
     'say "the list that follows" instead'),
    (rf"\b(?:the|this|these|those) {_MODIFIERS}{_PICTURE} (?:below|above|here|on the (?:left|right))\b|"
     rf"\b(?:see|look at) (?:the |this |these )?{_PICTURE}(?: [0-9]+)?\b|"
     rf"\b(?:in|from) (?:this|these|the following) {_PICTURE}\b|"
     rf"\b(?:as )?(?:shown|pictured|illustrated) (?:here|below|above|in (?:the|this) {_PICTURE})\b|"
     rf"\b(?:figure|fig\.) [0-9]+\b", _IN_WORDS),
    (r"\b(?:click|tap|follow|use|open|visit) (?:the|this|a|our) links?\b|"
     r"\b(?:the |this )?links? (?:below|above|here)\b", "read the web address out instead"),
    (rf"\b(?:see|shown|listed|described|mentioned|noted|given|explained|outlined|detailed|"
     rf"linked|found|read|as) below\b{_NOT_A_PLACE}|"
     rf"{_NOT_A_COMPARISON}\bbelow{_CLAUSE_END}|\bbelow(?= {_POINTING_VERBS}\b)", _FOLLOWS),
    (rf"\b(?:see|shown|listed|described|mentioned|noted|given|explained|outlined|detailed|"
     rf"linked|found|read|as|the) above\b{_NOT_A_PLACE}|"
     rf"{_NOT_A_COMPARISON}\babove{_CLAUSE_END}|\babove(?= {_POINTING_VERBS}\b)", _HEARD),
    (r"(?<!\ba )(?<!\bthe )(?<!\bhear )(?<!\bheard )\b(?:double[- ])?click(?:s|ed|ing)?\b"
     r"(?! (?:sound|noise))", _CHOOSE),
    (rf"(?<!\bspinal )(?<!\blumbar )(?<!\bthe )(?<!\ba )\b(?:double[- ])?tap(?:s|ped|ping)?"
     rf"(?= (?:here|or click|and hold|to [a-z]+|(?:on )?(?:the|this|that|a) {_MODIFIERS}"
     rf"{_SCREEN_THINGS})\b)", _CHOOSE),
    (r"\bscroll(?:s|ed|ing)? (?:down|up|back|through|to|over|past)\b|\bswip(?:e|es|ed|ing)\b",
     'say "keep listening", or name the chapter, instead'),
    (r"\b(?:on|in|at the (?:top|bottom) of) this (?:web ?page|page|screen|site|web ?site)\b|"
     r"\bon (?:the (?:web ?page|page)|your screen)\b|"
     r"\bat the (?:top|bottom) of (?:the|your) (?:web ?page|page|screen)\b|"
     r"\b(?:this|the next|the previous) (?:web ?page|page)\b|\b(?:see|turn to) pages? [0-9]+\b",
     'say "in this guide" or "in this chapter" instead'),
    (r"\b(?:the )?(?:left|right)(?:-hand| hand)? (?:column|sidebar|panel|margin|side of the "
     r"(?:page|screen|table))\b|\bthe (?:first|second|third|last|next) column\b|\bsidebar\b",
     "name in words what it holds instead"),
    (r"\b(?:in bold|in italics|(?:highlighted|printed) in (?:bold|red|yellow|blue|green)|"
     r"underlined)\b", 'say "this is important" instead'),
)
"(pattern, advice): words that point at a page or a screen, and what to say instead."

_VISUAL = [(LazyPattern(pattern, re.I), advice) for pattern, advice in VISUAL_RULES]
_URL = LazyPattern(R.URL, re.I)
_TRAILING = ".,;:!?)]}'\""


def visual_references(text: str, language: str = "en-US") -> list[tuple[str, str]]:
    """(the words as written, the advice) for each place ``text`` points at a page or a
    screen, in order, in ``language``'s words. Words found by two rules that overlap or touch
    are one place, with the advice for the longer ("See the table below": "the table below")."""
    from guide.check import ear_es

    found = []
    for pattern, advice in ear_es.visual_rules() if _spanish(language) else _VISUAL:
        found += [(m.start(), m.end(), advice) for m in pattern.finditer(text)]
    found.sort()
    spans: list[list] = []  # [start, end, advice, length of the longest match in it]
    for start, stop, advice in found:
        if spans and not text[spans[-1][1]:start].strip():  # overlapping, or next to it
            span = spans[-1]
            if stop - start > span[3]:
                span[2:] = [advice, stop - start]
            span[1] = max(span[1], stop)
        else:
            spans.append([start, stop, advice, stop - start])
    return [(text[start:stop], advice) for start, stop, advice, _ in spans]


# ------------------------------------------------------------------- dates

_DATE = LazyPattern(r"(?<![\w/.-])([0-9]{1,2})([/.-])([0-9]{1,2})\2([0-9]{4}|[0-9]{2})"
                    r"(?![\w/-]|\.[0-9])")
_TWELVE = LazyPattern(r"(?<![\w:.])12(?::00)? ?([AaPp])\.? ?[Mm]\b\.?")


def ambiguous_dates(text: str) -> list[str]:
    """The numeric dates of ``text`` whose order is unclear: both parts could be the month,
    and they differ ("03/04/2025", not "03/03/2025" nor "13/04/2025")."""
    return [m[0] for m in _DATE.finditer(text)
            if 1 <= int(m[1]) <= 12 and 1 <= int(m[3]) <= 12 and int(m[1]) != int(m[3])]


def twelve_oclock(text: str) -> list[tuple[str, str]]:
    """(as written, the word to write) for each "12 AM" ("midnight") or "12 PM" ("noon")."""
    return [(m[0][:-1] if m[0].count(".") == 1 and m[0].endswith(".") else m[0],
             "noon" if m[1] in "Pp" else "midnight") for m in _TWELVE.finditer(text)]


def _meanings(date: str) -> tuple[str, str, str]:
    """The two dates an unclear date could be, month first then day first, and its year:
    ("March 4", "April 3", "2025") for "03/04/2025"."""
    first, second, year = re.split(r"[/.-]", date)
    return (f"{MONTHS[int(first) - 1]} {int(second)}", f"{MONTHS[int(second) - 1]} {int(first)}",
            year if len(year) == 4 else "")


def _date_message(date: str, where: str) -> str:
    """``the date "03/04/2025" could mean March 4 or April 3, in the sentence "..."; ...``"""
    from guide.check.messages import check_message

    one, other, year = _meanings(date)
    like = check_message("en", "date_like_year" if year else "date_like", one=one, other=other,
                         year=year)
    return check_message("en", "date_ambiguous", date=date, one=one, other=other, where=where,
                         like=like)


def byline_notes(guide: Guide) -> Iterator[tuple[int, str]]:
    """(chapter, note) for each editor note of the scripts that keeps a byline or a date."""
    if guide.folder is None:
        return
    paths = sorted(Path(guide.folder).glob(SCRIPT_GLOB), key=_script_order)
    for number, path in enumerate(paths, start=1):
        try:
            lines = read_editor_text(path, "a narration script", inside=Path(guide.folder))
        except GuideError:
            continue
        for line in lines.splitlines():
            note = clean_text(line).strip()
            if note.startswith("#") and note.lstrip("#").strip().casefold().startswith(BYLINE_NOTES):
                yield number, note


def _script_order(path: Path) -> tuple[int, str]:
    match = re.match(r"\d+", path.stem)
    return (int(match[0]) if match else 0, path.name)


def _spanish(language: str) -> bool:
    from guide.check.language import is_spanish

    return is_spanish(language)


def _date_problems(guide: Guide, sentences) -> list[Problem]:
    from guide.check import ear_es

    spanish = _spanish(guide.language)
    dates, message = ambiguous_dates, _date_message
    if spanish:
        from guide.speech import es

        dates, message = es.ambiguous_dates, ear_es.date_message
    from guide.check.messages import check_message

    lang = "es" if spanish else "en"
    problems = []
    for s in sentences:
        where = check_message(lang, "in_sentence", sentence=s.text)
        for date in dates(s.text):
            problems.append(Problem("warning", s.chapter, message(date, where), "date",
                                    {"date": date, "sentence": s.text}))
        for written, word in twelve_oclock(s.text):
            other = "midnight" if word == "noon" else "noon"
            said = ear_es.TWELVE_WORDS[word] if spanish else word
            problems.append(Problem("warning", s.chapter, check_message(
                lang, f"twelve_taken_for_{other}", written=written, where=where, said=said),
                "date", {"time": written, "sentence": s.text}))
        if spanish:
            problems += _number_problems(s, guide.language, where)
    for chapter, note in byline_notes(guide):
        for date in dates(note):
            problems.append(Problem("warning", chapter, message(
                date, check_message(lang, "in_note", note=note)), "date",
                {"date": date, "note": note}))
    return problems


def _number_problems(sentence, language: str, where: str) -> list[Problem]:
    """A warning for each number of a Spanish sentence that regions read differently."""
    from guide.check import ear_es
    from guide.speech import es

    return [Problem("warning", sentence.chapter, ear_es.number_message(
                number, language, where), "number",
                {"number": number, "sentence": sentence.text})
            for number in es.ambiguous_numbers(sentence.text)]


# ------------------------------------------------------ items and addresses


def _words(text: str) -> int:
    return sum(any(c.isalnum() for c in w) for w in text.split())


def item_size(text: str) -> tuple[int, int]:
    """(parts, words) of a list item: a table row's parts are separated by "; "."""
    return len([p for p in text.split("; ") if p.strip()]), _words(text)


def _item_problems(guide: Guide, skip: Collection[int]) -> list[Problem]:
    from guide.check.messages import check_message

    lang = guide.language
    problems = []
    for chapter in guide.chapters:
        if chapter.number in skip:
            continue
        for block in chapter.blocks:
            parts, words = item_size(block.text)
            if block.kind != BlockKind.ITEM or (parts <= MAX_CELLS and words <= MAX_ITEM_WORDS):
                continue
            sizes = [check_message(lang, "parts", count=parts)] if parts > MAX_CELLS else []
            sizes += [check_message(lang, "words", count=words)] if words > MAX_ITEM_WORDS else []
            size = (check_message(lang, "both", one=sizes[0], other=sizes[1]) if len(sizes) == 2
                    else sizes[0])
            start = " ".join(block.text.split()[:8])
            problems.append(Problem("warning", chapter.number, check_message(
                lang, "item_long", start=start, sizes=size, max_parts=MAX_CELLS,
                max_words=MAX_ITEM_WORDS), "item",
                {"item": block.text, "parts": parts, "item_words": words}))
    return problems


def web_addresses(text: str) -> list[str]:
    """The web addresses written in ``text``, without the punctuation after them."""
    return [m[0].rstrip(_TRAILING) for m in _URL.finditer(text)]


def _address_problems(sentences, lexicon: Lexicon, language: str) -> list[Problem]:
    from guide.check.messages import check_message

    problems, seen = [], set()
    for s in sentences:
        for address in web_addresses(s.text):
            spoken = normalise(address, lexicon, language)
            count = _words(spoken)
            if count <= MAX_ADDRESS_WORDS or address in seen:
                continue
            seen.add(address)
            problems.append(Problem("warning", s.chapter, check_message(
                language, "address_long", address=address, count=count, sentence=s.text),
                "address",
                {"address": address, "spoken": spoken, "spoken_words": count,
                 "sentence": s.text}))
    return problems


# ------------------------------------------------------------- all of them


def _visual_problems(sentences, language: str) -> list[Problem]:
    from guide.check.messages import check_message

    problems = []
    for s in sentences:
        text = _URL.sub(lambda m: " " * len(m[0]), s.checked)
        for words, advice in visual_references(text, language):
            key = "visual_one" if len(words.split()) == 1 else "visual_many"
            problems.append(Problem("warning", s.chapter, check_message(
                language, key, words=words, sentence=s.text, advice=advice), "visual",
                {"words": words, "sentence": s.text}))
    return problems


def ear_problems(guide: Guide, lexicon: Lexicon, skip: Collection[int] = ()) -> list[Problem]:
    """Every warning of this module, chapter by chapter; ``skip`` are the chapters that read
    the article's sources, whose list items are read as written."""
    from guide.check.language import rules_language

    language = rules_language(guide.language)
    sentences = listening_order(guide)
    problems = (_visual_problems(sentences, language) + _date_problems(guide, sentences)
                + _item_problems(guide, skip) + _address_problems(sentences, lexicon, language))
    problems.sort(key=lambda p: p.chapter or 0)
    return problems
