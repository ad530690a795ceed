"""The Spanish sentence splitter's data, and a splitter that uses it.

The data has the shape :mod:`guide.speech.sentences` uses for English:

* :data:`SPLIT_ABBREVIATIONS`: one :class:`~guide.speech.common.Abbreviation`
  per written word, with its ``ends`` column.  "EE. UU." and "p. ej." are
  two words each; their first parts never end a sentence, their last part
  ends one as the whole abbreviation does;
* :data:`SENTENCE_STARTERS`: lower-cased words that often start a sentence,
  for the abbreviations that end one only before such a word ("EE. UU.");
* :data:`CONJUNCTIONS`: words a long run is preferably cut before;
* :data:`OPENERS`: a sentence may start with "¿" or "¡" (and quotes).

:func:`split_es` splits as :func:`guide.speech.sentences.split_sentences`
does, with these tables: joining its sentences with spaces gives back the
same words.
"""

from __future__ import annotations

from guide.speech.common import LazyPattern
from guide.speech.es import rules as R

MAX_WORDS = 40
"The most words a sentence may have before it is cut."

OPENERS = "\"'([{\u201c\u2018\u00ab\u00bf\u00a1"
"Characters that may open a sentence before its first letter: quotes, brackets, ¿ and ¡."
CLOSERS = "\"')]}\u201d\u2019\u00bb"
"Characters that may close a sentence after its full stop."

SENTENCE_STARTERS = frozenset(
    """a al algunas algunos ahora antes aquí así asimismo cada casi como cómo con consulte
    cuando cuándo cuál cuáles cuánto de del después debe deben durante el ella ellas ellos
    en entonces entre es esa ese eso esta este esto estas estos está están hable haga hay
    hoy la las le les llame lo los luego mientras muchas muchos no nos nuestro nuestra o
    otra otras otro otros para pero por porque pregunte puede pueden qué que quién se según
    si sí siempre sin su sus también tenga tiene tienen todas todos tome tu un una unas
    unos usted ustedes vaya y ya yo""".split()
)
"Lower-cased words that often start a sentence: 'en EE. UU. Muchas mujeres' is two."

CONJUNCTIONS = frozenset(
    """y e o u ni pero sino aunque porque pues cuando donde mientras si entonces que
    como hasta""".split()
)
"Words a long run of words is preferably cut before."


def _split_abbreviations() -> tuple[R.Abbreviation, ...]:
    found: dict[str, R.Abbreviation] = {}
    for abbr in R.ABBREVIATIONS:
        pieces = abbr.written.split(" ")
        for i, piece in enumerate(pieces):
            last = i == len(pieces) - 1
            ends, any_case = (abbr.ends, abbr.any_case) if last else (R.NEVER, False)
            if piece not in found or found[piece].ends == R.NEVER:
                found[piece] = R.Abbreviation(piece, abbr.spoken, ends, any_case)
    return tuple(found.values())


SPLIT_ABBREVIATIONS: tuple[R.Abbreviation, ...] = _split_abbreviations()
"""The abbreviations word by word, as the splitter sees them ("EE." never
ends a sentence, "UU." ends one before a sentence starter)."""

_ENDS = (".", "?", "!", "…")
_INITIALS = LazyPattern(r"(?:[A-Za-zÁÉÍÓÚÑáéíóúñ]\.)+")


def split_es(text: str, max_words: int = MAX_WORDS) -> list[str]:
    """Split Spanish text into sentences of at most ``max_words`` words."""
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
    core = word.rstrip(CLOSERS)
    if not core.endswith(_ENDS):
        return False
    first = following.lstrip(OPENERS)
    if not first or not (first[0].isupper() or first[0].isdigit()):
        return False
    if not core.endswith(".") or core.endswith(".."):
        return True
    core = core.lstrip(OPENERS)
    abbr = abbreviation(core)
    if abbr is not None:
        return ends_before(abbr.ends, following)
    if _INITIALS.fullmatch(core):
        return ends_before(R.STARTER, following)
    return True


def ends_before(mode: str, next_word: str) -> bool:
    """Whether an abbreviation whose ``ends`` is ``mode`` ends a sentence before ``next_word``."""
    word = next_word.lstrip(OPENERS)
    if not word or not (word[0].isupper() or word[0].isdigit()) or mode == R.NEVER:
        return False
    if mode == R.NUMBER:
        return not word[0].isdigit()
    if mode == R.CAPITAL or next_word[:1] in "¿¡":
        return True
    return word.casefold().rstrip(".,;:!?'\")\u201d\u2019") in SENTENCE_STARTERS


def abbreviation(core: str) -> R.Abbreviation | None:
    """The abbreviation a word ending in '.' is ('Dra.', '(Sra.', 'UU.'), or ``None``."""
    for abbr in SPLIT_ABBREVIATIONS:
        written = abbr.written
        if core == written or (abbr.any_case and core.casefold() == written.casefold()):
            return abbr
    tail = core.rsplit("(", 1)[-1]
    return abbreviation(tail) if tail != core else None


# ----------------------------------------------------------------- long runs


def _cap(words: list[str], max_words: int) -> list[str]:
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
    best, best_score = start + max_words, 0
    for cut in range(start + max(1, max_words // 2), start + max_words + 1):
        score = _cut_score(words[cut - 1], words[cut])
        if score >= best_score and score > 0:
            best, best_score = cut, score
    return best


def _cut_score(before: str, after: str) -> int:
    core = before.rstrip(CLOSERS)
    if core.endswith((";", ":")):
        return 3
    if core.endswith(",") or before.endswith(("—", "–")) or {"-", "--", "–", "—"} & {before, after}:
        return 2
    if after.casefold().lstrip("¿¡").strip(",;:") in CONJUNCTIONS:
        return 1
    return 0
