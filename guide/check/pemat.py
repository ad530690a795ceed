"""A PEMAT-A/V self-check: what ``guide check`` can score of AHRQ's Patient
Education Materials Assessment Tool for audiovisual materials (PEMAT-A/V,
Shoemaker, Wolf and Brach, AHRQ 2013, updated 2020).

PEMAT-A/V has 13 understandability items and 4 actionability items. Each is
rated agree (1), disagree (0) or, for some, not applicable; a score is the
items agreed with, divided by the items that apply, times 100. 70 % is the
usual pass mark. Eleven items can be judged from the scripts and the check's
figures; the other six (the logical sequence, the visual cues, the text on
the screen, the illustrations, the tables, how to use charts) need a person,
and :data:`TO_RATE` names them as PEMAT does.

How each automatic item is judged:

``purpose`` (item 1)
    one of chapter 1's first three sentences names the topic: a word of the
    guide's title, or its singular or plural (not a common word like "guide"
    or "your").
``everyday_words`` (item 3)
    every chapter's reading grade is at or below the guide's target.
``medical_terms_defined`` (item 4)
    no medical word is heard before it is explained (the ``term`` errors).
``active_voice`` (item 5)
    at least 75 % of sentences have no passive: a form of "be", then perhaps
    an adverb or two, then a past participle (a word ending in -ed, or one of
    :data:`IRREGULAR_PARTICIPLES`).
``chunked`` (item 8)
    every chapter is at most 3 minutes long (measured when built).
``informative_titles`` (item 9)
    no chapter title is only a label ("Part 1", "Chapter 3", "Section"), and
    each has two words or more, or is a medical word, or is the summary or
    the sources chapter.
``summary`` (item 11)
    a chapter is titled like a summary: "Key points", "Summary", "In short".
``heard_clearly`` (item 14)
    the speech rate is 120 to 160 words a minute (see :data:`CLEAR_WPM`).
``action`` (item 20)
    a sentence asks the listener to do something: it starts with a verb of
    :data:`ACTION_VERBS` ("Call ...", "Please ask ...", "So see ..."), or says
    "you should", "you can", "you need to", "you may want to", "talk to" or
    "talk with".
``addresses_listener`` (item 21)
    "you" or "your" is in most chapters (more than half).
``steps`` (item 22)
    an action is broken into steps: a list item that is an action, or a
    "Step 1:"; not applicable when there is no action.

Items 8, 9 and 11 are not applicable to very short material, which PEMAT-A/V
takes as less than a minute.

A Spanish guide is judged by the same items with Spanish words (its INFLESZ
for everyday words, "usted" for speaking to the listener, polite commands for
actions): :mod:`guide.check.pemat_es` lists them. The report names the items
in PEMAT's own English words.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from guide.model import BlockKind, Guide
from guide.speech.common import LazyPattern
from guide.speech.lexicon import Lexicon
from guide.speech.sentences import split_sentences

PASS_PERCENT = 70
"The usual pass mark of a PEMAT score."
CLEAR_WPM = (120, 160)
"""The speech rate, in words a minute, taken to mean that "the words can be heard clearly" (PEMAT
item 14: "not too fast, not garbled"). This is this project's reading of the item (plain-language
audio is usually spoken at about 120 to 160 words a minute), not a number PEMAT gives."""
ACTIVE_SHARE = 0.75
"The share of sentences with no passive that makes a guide 'mostly' active."
VERY_SHORT_S = 60.0
"PEMAT-A/V's very short material: under a minute, where chunks, headers and a summary do not apply."

UNDERSTANDABILITY = {
    "purpose": "the purpose is clear at the start",
    "everyday_words": "it uses everyday words",
    "medical_terms_defined": "medical words are explained",
    "active_voice": "it is mostly in the active voice",
    "chunked": "it is in short chapters",
    "informative_titles": "the chapter titles say what is in them",
    "summary": "it has a summary",
    "heard_clearly": "the words can be heard clearly",
}
"The understandability items scored here, with the words that name them in the report."
ACTIONABILITY = {
    "action": "it names at least one action",
    "addresses_listener": "it speaks to the listener directly",
    "steps": "actions are broken into steps",
}
"The actionability items scored here, with the words that name them in the report."
TO_RATE = {
    "understandability": [
        "the material presents information in a logical sequence",
        "the material uses visual cues to draw attention to key points",
        "text on the screen is easy to read",
        "the material uses illustrations and photographs that are clear and uncluttered",
        "the material uses simple tables with short and clear row and column headings",
    ],
    "actionability": [
        "the material explains how to use the charts, graphs, tables, or diagrams to take actions",
    ],
}
"The PEMAT-A/V items a person must rate, in PEMAT's own words (items 10, 12, 13, 18, 19 and 25)."

BE = {"am", "is", "are", "was", "were", "be", "been", "being", "isn't", "aren't", "wasn't",
      "weren't"}
IRREGULAR_PARTICIPLES = {
    "begun", "bitten", "blown", "born", "borne", "bought", "brought", "built", "caught", "chosen",
    "done", "drawn", "driven", "eaten", "fallen", "fed", "felt", "forgiven", "found", "frozen",
    "given", "gone", "grown", "held", "hidden", "hit", "hurt", "kept", "known", "laid", "led",
    "left", "lost", "made", "meant", "met", "paid", "put", "read", "said", "seen", "sent", "set",
    "shown", "shut", "sold", "spoken", "spent", "split", "spread", "stolen", "struck", "taken",
    "taught", "thought", "thrown", "told", "torn", "understood", "won", "worn", "written",
}
"Past participles that do not end in -ed."
NOT_PARTICIPLES = {
    "bed", "bleed", "feed", "hundred", "indeed", "need", "red", "seed", "shed", "speed",
    "ashamed", "concerned", "excited", "interested", "married", "pleased", "scared",
    "surprised", "tired", "worried", "sacred", "naked", "wicked",
}
"Words ending in -ed that are not past participles, or that after 'be' say how someone feels."
BETWEEN = {"not", "also", "often", "usually", "sometimes", "always", "never", "rarely", "then",
           "only", "still", "just", "now", "being", "been", "first", "mostly", "n't"}
"Words that may stand between 'be' and its participle."
ACTION_VERBS = {
    "ask", "avoid", "bring", "call", "check", "come", "do", "don't", "drink", "eat", "find",
    "follow", "get", "go", "join", "keep", "let", "listen", "look", "make", "plan", "press",
    "rest", "see", "stop", "take", "talk", "tell", "try", "use", "visit", "wait", "watch",
    "write",
}
"Verbs that, first in a sentence, make it a request to the listener."
LEADING = {"please", "so", "then", "and", "now", "first", "next", "also", "if", "you"}
YOU_ACTION = LazyPattern(r"\b(you (should|can|could|need to|must|may want to|might want to|will "
                         r"need to)|talk (to|with))\b", re.IGNORECASE)
STEP = LazyPattern(r"\bstep (\d+|one|two|three|four|five|six|seven|eight|nine|ten)\b",
                   re.IGNORECASE)
SUMMARY_TITLE = LazyPattern(r"\b(key points|summary|in short|in brief|main points|to sum up|"
                            r"recap|what to remember)\b", re.IGNORECASE)
LABEL_TITLE = LazyPattern(r"(part|chapter|section|track|episode|introduction|intro)"
                          r"(\s+(\d+|[ivxlc]+|one|two|three|four|five|six|seven|eight|nine|ten))?",
                          re.IGNORECASE)
COMMON = {"a", "an", "the", "and", "or", "of", "for", "to", "in", "on", "at", "with", "about",
          "your", "you", "guide", "what", "how", "when", "why", "this", "that", "after", "before",
          "from", "living", "care", "learn", "know", "need"}
"Title words that do not name a topic."
WORD = LazyPattern(r"[^\W\d_][\w'\u2019-]*")


def _words(text: str) -> list[str]:
    return [w.casefold().replace("\u2019", "'") for w in WORD.findall(text)]


def _spanish(language: str) -> bool:
    from guide.check.language import is_spanish

    return is_spanish(language)


def _forms(word: str) -> set[str]:
    """A word and, for a plural, its singular: "stitches" also as "stitch", "causes" as "cause"."""
    forms = {word}
    if word.endswith("s") and len(word) > 3:
        forms.add(word[:-1])
        if word.endswith("es"):
            forms.add(word[:-2])
    return forms


def is_passive(sentence: str, language: str = "en-US") -> bool:
    """Whether the sentence has a passive: 'be', up to two adverbs, then a past participle
    (in Spanish, :func:`guide.check.pemat_es.is_passive`)."""
    words = _words(sentence)
    if _spanish(language):
        from guide.check import pemat_es

        return pemat_es.is_passive(words)
    for i, word in enumerate(words):
        if word not in BE:
            continue
        for after in words[i + 1:i + 4]:
            if after in BETWEEN or (after.endswith("ly") and len(after) > 4):
                continue
            if after in IRREGULAR_PARTICIPLES or (
                    after.endswith("ed") and len(after) > 3 and after not in NOT_PARTICIPLES):
                return True
            break
    return False


def is_action(sentence: str, language: str = "en-US") -> bool:
    """Whether the sentence asks the listener to do something."""
    words_of = _tables(language)
    if words_of.YOU_ACTION.search(sentence):
        return True
    words = _words(sentence)
    while words and words[0] in words_of.LEADING - {"you"}:
        words = words[1:]
    return bool(words) and words[0] in words_of.ACTION_VERBS


def informative_title(title: str, lexicon: Lexicon, language: str = "en-US") -> bool:
    """Whether a chapter title says what is in the chapter: no bare label, two words or more, or
    a medical word."""
    if _tables(language).LABEL_TITLE.fullmatch(title.strip(" .:")):
        return False
    return len(_words(title)) >= 2 or bool(lexicon.terms_in(title))


def _tables(language: str):
    """The module whose word tables judge a guide in ``language``: this one, or
    :mod:`guide.check.pemat_es`."""
    import sys

    if _spanish(language):
        from guide.check import pemat_es

        return pemat_es
    return sys.modules[__name__]


def _sentences(text: str, language: str = "en-US") -> list[str]:
    from guide.check.language import rules_language

    return split_sentences(text, max_words=10**6, language=rules_language(language))


def score_items(items: dict[str, bool | None]) -> int | None:
    """Agreed items divided by the items that apply, times 100, rounded; ``None`` when none apply."""
    applicable = [v for v in items.values() if v is not None]
    return round(100 * sum(applicable) / len(applicable)) if applicable else None


def pemat(guide: Guide, lexicon: Lexicon, report, wpm: int, max_chapter_s: float,
          citations: Collection[int] = ()) -> dict:
    """The self-check: for each domain, its items (``True``, ``False`` or ``None`` for not
    applicable), its percent and the items a person must rate. ``report`` is the
    :class:`~guide.check.run.CheckReport` so far (its chapters' figures and its problems), ``wpm``
    the rate the guide is built at, ``citations`` the chapters that only read the article's
    sources."""
    chapters, problems = report.chapters, report.problems
    language = guide.language or "en-US"
    words_of = _tables(language)
    spoken = [(c, _sentences(c.text, language)) for c in guide.chapters]
    sentences = [s for _, ss in spoken for s in ss]
    total_s = sum(c.duration_s for c in chapters)
    short = total_s < VERY_SHORT_S
    measured = [c for c in chapters if not c.estimated and c.duration_s]
    rate = (sum(c.words for c in measured) * 60 / sum(c.duration_s for c in measured)
            if measured else wpm)
    topic = {f for w in _words(guide.title) if w not in words_of.COMMON and len(w) > 2
             for f in _forms(w)}
    opening = _sentences(guide.chapters[0].text, language)[:3] if guide.chapters else []
    said = [c for c, ss in spoken if ss]
    summary = [c for c in guide.chapters if words_of.SUMMARY_TITLE.search(c.title)]
    actions = [s for s in sentences if is_action(s, language)]
    steps = any(words_of.STEP.search(s) for s in sentences) or any(
        b.kind == BlockKind.ITEM and any(is_action(s, language) for s in _sentences(b.text, language))
        for c in guide.chapters for b in c.blocks)
    you = {"you", "your"} if words_of is _tables("en-US") else words_of.YOU_WORDS
    understand = {
        "purpose": any(topic & {f for w in _words(s) for f in _forms(w)} for s in opening),
        "everyday_words": _everyday(chapters, report),
        "medical_terms_defined": not any(p.kind == "term" and p.level == "error"
                                         for p in problems),
        "active_voice": bool(sentences) and
        sum(not is_passive(s, language) for s in sentences) >= ACTIVE_SHARE * len(sentences),
        "chunked": None if short else all(c.duration_s <= max_chapter_s for c in chapters),
        "informative_titles": None if short else all(
            informative_title(c.title, lexicon, language) or c in summary or c.number in citations
            for c in guide.chapters),
        "summary": None if short else bool(summary),
        "heard_clearly": CLEAR_WPM[0] <= rate <= CLEAR_WPM[1],
    }
    act = {
        "action": bool(actions),
        "addresses_listener": 2 * sum(bool(you & set(_words(c.text))) for c in said) > len(said),
        "steps": steps if actions else None,
    }
    return {
        "understandability": {"items": understand, "percent": score_items(understand),
                              "to_rate": list(TO_RATE["understandability"])},
        "actionability": {"items": act, "percent": score_items(act),
                          "to_rate": list(TO_RATE["actionability"])},
    }


def _everyday(chapters, report) -> bool:
    """Every chapter with words is at its readability target: the grade, or in Spanish INFLESZ."""
    inflesz = getattr(report, "target_inflesz", None)
    for c in chapters:
        if not c.words:
            continue
        if getattr(c, "inflesz", None) is not None and inflesz is not None:
            if c.inflesz < inflesz:
                return False
        elif c.fk_grade is not None and c.fk_grade > report.target_grade:
            return False
    return True


def report_lines(result: dict | None, language: str = "en") -> list[str]:
    """The two lines of the text report: the percentages (and the scored items not met), then
    what a person must still rate; in the guide's language (English unless it is Spanish)."""
    from guide.check.messages import check_message

    if not result:
        return []
    parts, missed = [], []
    for domain, names in (("understandability", UNDERSTANDABILITY),
                          ("actionability", ACTIONABILITY)):
        percent = result[domain]["percent"]
        parts.append(check_message(language, f"pemat_{domain}_not_scored") if percent is None
                     else check_message(language, f"pemat_{domain}", percent=percent))
        missed += [check_message(language, f"pemat_item_{k}")
                   for k, v in result[domain]["items"].items() if v is False and k in names]
    first = check_message(language, "pemat_scores", scores=", ".join(parts))
    if missed:
        first += " " + check_message(language, "pemat_not_met", items="; ".join(missed))
    rate_keys = {text: f"pemat_rate_{i}" for i, text in
                 enumerate(TO_RATE["understandability"] + TO_RATE["actionability"], 1)}
    to_rate = result["understandability"]["to_rate"] + result["actionability"]["to_rate"]
    said = [check_message(language, rate_keys[t]) if t in rate_keys else t for t in to_rate]
    return [first, check_message(language, "pemat_to_rate", items="; ".join(said))]
