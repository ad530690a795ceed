"""Splitting a block of text into sentences, for synthesis and captions.

A sentence ends at ``.``, ``?``, ``!`` or ``…`` (with any closing quotes or
brackets after it) when the next word starts with a capital letter or a
digit, except after an abbreviation that does not end sentences there (the
table and its ``ends`` column are the language module's ``ABBREVIATIONS``,
shared with its normaliser: :mod:`guide.speech.en.rules` for English), after
an initial ("J. Smith"), or inside a decimal.  Which words count as starting
a sentence after "U.S." (``SENTENCE_STARTERS``) and which are conjunctions
(``CONJUNCTIONS``) is the language module's too; ``language`` chooses it (a
tag such as ``en-US`` or ``es-MX``, see :mod:`guide.speech.languages`).

A sentence longer than ``max_words`` words is cut into pieces, preferably
after a semicolon, colon, comma or dash, or before a conjunction.

The text is only ever cut between words: joining the sentences with spaces
gives back the same words in the same order.
"""

from __future__ import annotations

from types import ModuleType

from guide.speech import languages
from guide.speech.common import (
    CAPITAL,
    CLOSERS,
    NEVER,
    NUMBER,
    OPENERS,
    STARTER,
    Abbreviation,
    LazyPattern,
)

MAX_WORDS = 40
"The most words a sentence may have before it is cut."

_ENDS = (".", "?", "!", "…")
_DASHES = {"-", "--", "–", "—"}


_INITIALS = LazyPattern(r"(?:[A-Za-z]\.)+")


def split_sentences(text: str, max_words: int = MAX_WORDS,
                    language: str = languages.DEFAULT) -> list[str]:
    """Split text into sentences of at most ``max_words`` words, by ``language``'s rules."""
    if max_words < 1:
        raise ValueError(f"max_words must be at least 1, not {max_words}")
    rules = languages.speech(language)
    words = text.split()
    sentences: list[str] = []
    start = 0
    for i, word in enumerate(words):
        following = words[i + 1] if i + 1 < len(words) else None
        if following is None or _ends_sentence(word, following, rules):
            sentences.extend(_cap(words[start : i + 1], max_words, rules))
            start = i + 1
    return sentences


def ends_sentence(word: str, following: str, language: str = languages.DEFAULT) -> bool:
    """Whether a sentence ends after ``word`` when ``following`` is the next word."""
    return _ends_sentence(word, following, languages.speech(language))


def ends_before(mode: str, next_word: str, language: str = languages.DEFAULT) -> bool:
    """Whether an abbreviation whose ``ends`` is ``mode`` ends a sentence before ``next_word``.

    ``mode`` is an :class:`~guide.speech.common.Abbreviation`'s ``ends``.
    Nothing ends before a lower-case word ('e.g. iron', 'Dr. smith' alike).
    """
    return _ends_before(mode, next_word, languages.speech(language))


def _ends_sentence(word: str, following: str, rules: ModuleType) -> bool:
    core = word.rstrip(CLOSERS)
    if not core.endswith(_ENDS):
        return False
    first = following.lstrip(OPENERS)
    if not first or not (first[0].isupper() or first[0].isdigit()):
        return False
    if not core.endswith(".") or core.endswith(".."):
        return True
    return _period_ends(core.lstrip(OPENERS), first, rules)


def _ends_before(mode: str, next_word: str, rules: ModuleType) -> bool:
    word = next_word.lstrip(OPENERS)
    if not word or not (word[0].isupper() or word[0].isdigit()) or mode == NEVER:
        return False
    if mode == NUMBER:
        return not word[0].isdigit()
    if mode == CAPITAL:
        return True
    key = word.casefold().replace("\u2019", "'").rstrip(".,;:!?'\")\u201d\u2019")
    starters = rules.SENTENCE_STARTERS
    return key in starters or key.split("'")[0] in starters


def _period_ends(core: str, following: str, rules: ModuleType) -> bool:
    """A full stop after ``core``: the end of a sentence, or of an abbreviation?"""
    abbr = _abbreviation(core, rules.ABBREVIATIONS)
    if abbr is not None:
        return _ends_before(abbr.ends, following, rules)
    if _INITIALS.fullmatch(core):
        # "J. K. Rowling", "U.N. Women", but "vitamin D. Ask your doctor."
        return _ends_before(STARTER, following, rules)
    return True


def _abbreviation(core: str, table: tuple[Abbreviation, ...]) -> Abbreviation | None:
    for abbr in table:
        written = abbr.written if abbr.written.endswith(".") else abbr.written + "."
        if core == written or (abbr.any_case and core.casefold() == written.casefold()):
            return abbr
    # "(Dr." or "…the U.S." are found by their last part
    tail = core.rsplit("(", 1)[-1]
    return _abbreviation(tail, table) if tail != core else None


# ----------------------------------------------------------------- long runs


def _cap(words: list[str], max_words: int, rules: ModuleType) -> list[str]:
    """Cut a sentence's words into pieces of at most ``max_words``."""
    pieces = []
    start = 0
    while len(words) - start > max_words:
        cut = _best_cut(words, start, max_words, rules.CONJUNCTIONS)
        pieces.append(" ".join(words[start:cut]))
        start = cut
    if start < len(words):
        pieces.append(" ".join(words[start:]))
    return pieces


def _best_cut(words: list[str], start: int, max_words: int, conjunctions: frozenset[str]) -> int:
    """Where to cut: the latest best place in the second half of the allowed run."""
    best, best_score = start + max_words, 0
    for cut in range(start + max(1, max_words // 2), start + max_words + 1):
        score = _cut_score(words[cut - 1], words[cut], conjunctions)
        if score >= best_score and score > 0:
            best, best_score = cut, score
    return best


def _cut_score(before: str, after: str, conjunctions: frozenset[str]) -> int:
    """How good a place between two words is for a cut: 0 (poor) to 3 (best)."""
    core = before.rstrip(CLOSERS)
    if core.endswith((";", ":")):
        return 3
    if core.endswith(",") or before.endswith(("—", "–")) or _DASHES & {before, after}:
        return 2
    if after.casefold().strip(",;:") in conjunctions:
        return 1
    return 0
