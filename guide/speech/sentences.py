"""Splitting a block of text into sentences, for synthesis and captions.

A sentence ends at ``.``, ``?``, ``!`` or ``…`` (with any closing quotes or
brackets after it) when the next word starts with a capital letter or a
digit, except after an abbreviation that does not end sentences there (the
table and its ``ends`` column are in :mod:`guide.speech.en.rules`, shared
with the normaliser), after an initial ("J. Smith"), or inside a decimal.

A sentence longer than ``max_words`` words is cut into pieces, preferably
after a semicolon, colon, comma or dash, or before a conjunction.

The text is only ever cut between words: joining the sentences with spaces
gives back the same words in the same order.
"""

from __future__ import annotations

import re

from guide.speech.en import rules as R

MAX_WORDS = 40
"The most words a sentence may have before it is cut."

_ENDS = (".", "?", "!", "…")
_INITIALS = re.compile(r"(?:[A-Za-z]\.)+")
_DASHES = {"-", "--", "–", "—"}

SENTENCE_STARTERS = frozenset(
    """a about after all also an and any are as ask at be because before both
    but call can check contact do does don't during each eat even every find
    for from get he her here his how i if in is it its keep learn let many may
    more most my no not now of on once one only or our people please read
    see she should so some such take talk tell than that the their then there
    these they this those to try two use we what when where which while who
    why will with without women you your""".split()
)
"Lower-cased words that often start a sentence: 'U.S. Most women' is two."

CONJUNCTIONS = frozenset(
    """and but or nor so yet because although though while whereas which who
    when where unless until if then however""".split()
)
"Words a long run of words is preferably cut before."


def split_sentences(text: str, max_words: int = MAX_WORDS) -> list[str]:
    """Split text into sentences of at most ``max_words`` words."""
    if max_words < 1:
        raise ValueError(f"max_words must be at least 1, not {max_words}")
    words = text.split()
    sentences: list[str] = []
    start = 0
    for i, word in enumerate(words):
        following = words[i + 1] if i + 1 < len(words) else None
        if following is None or ends_sentence(word, following):
            sentences.extend(_cap(words[start : i + 1], max_words))
            start = i + 1
    return sentences


def ends_sentence(word: str, following: str) -> bool:
    """Whether a sentence ends after ``word`` when ``following`` is the next word."""
    core = word.rstrip(R.CLOSERS)
    if not core.endswith(_ENDS):
        return False
    first = following.lstrip(R.OPENERS)
    if not first or not (first[0].isupper() or first[0].isdigit()):
        return False
    if not core.endswith(".") or core.endswith(".."):
        return True
    return _period_ends(core.lstrip(R.OPENERS), first)


def ends_before(mode: str, next_word: str) -> bool:
    """Whether an abbreviation whose ``ends`` is ``mode`` ends a sentence before ``next_word``.

    ``mode`` is an :class:`~guide.speech.en.rules.Abbreviation`'s ``ends``.
    Nothing ends before a lower-case word ('e.g. iron', 'Dr. smith' alike).
    """
    word = next_word.lstrip(R.OPENERS)
    if not word or not (word[0].isupper() or word[0].isdigit()) or mode == R.NEVER:
        return False
    if mode == R.NUMBER:
        return not word[0].isdigit()
    if mode == R.CAPITAL:
        return True
    key = word.casefold().replace("\u2019", "'").rstrip(".,;:!?'\")\u201d\u2019")
    return key in SENTENCE_STARTERS or key.split("'")[0] in SENTENCE_STARTERS


def _period_ends(core: str, following: str) -> bool:
    """A full stop after ``core``: the end of a sentence, or of an abbreviation?"""
    abbr = _abbreviation(core)
    if abbr is not None:
        return ends_before(abbr.ends, following)
    if _INITIALS.fullmatch(core):
        # "J. K. Rowling", "U.N. Women", but "vitamin D. Ask your doctor."
        return ends_before(R.STARTER, following)
    return True


def _abbreviation(core: str) -> R.Abbreviation | None:
    for abbr in R.ABBREVIATIONS:
        written = abbr.written if abbr.written.endswith(".") else abbr.written + "."
        if core == written or (abbr.any_case and core.casefold() == written.casefold()):
            return abbr
    # "(Dr." or "…the U.S." are found by their last part
    tail = core.rsplit("(", 1)[-1]
    return _abbreviation(tail) if tail != core else None


# ----------------------------------------------------------------- long runs


def _cap(words: list[str], max_words: int) -> list[str]:
    """Cut a sentence's words into pieces of at most ``max_words``."""
    pieces = []
    start = 0
    while len(words) - start > max_words:
        cut = _best_cut(words, start, max_words)
        pieces.append(" ".join(words[start:cut]))
        start = cut
    if start < len(words):
        pieces.append(" ".join(words[start:]))
    return pieces


def _best_cut(words: list[str], start: int, max_words: int) -> int:
    """Where to cut: the latest best place in the second half of the allowed run."""
    best, best_score = start + max_words, 0
    for cut in range(start + max(1, max_words // 2), start + max_words + 1):
        score = _cut_score(words[cut - 1], words[cut])
        if score >= best_score and score > 0:
            best, best_score = cut, score
    return best


def _cut_score(before: str, after: str) -> int:
    """How good a place between two words is for a cut: 0 (poor) to 3 (best)."""
    core = before.rstrip(R.CLOSERS)
    if core.endswith((";", ":")):
        return 3
    if core.endswith(",") or before.endswith(("—", "–")) or _DASHES & {before, after}:
        return 2
    if after.casefold().strip(",;:") in CONJUNCTIONS:
        return 1
    return 0
