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

from guide.speech.es import rules as R

MAX_WORDS = 40

NAME_TAG = "es-419"
"The tag the splitter is asked with: splitting does not depend on the region."
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



# The splitting itself is the one splitter of guide.speech.sentences, reading the tables above
# through the language registry; these two names keep the Spanish module's own API.


def split_es(text: str, max_words: int = MAX_WORDS) -> list[str]:
    """Split Spanish text into sentences of at most ``max_words`` words."""
    from guide.speech.sentences import split_sentences

    return split_sentences(text, max_words, language=NAME_TAG)


def ends_sentence(word: str, following: str) -> bool:
    """Whether a sentence ends after ``word`` when ``following`` is the next word."""
    from guide.speech import languages
    from guide.speech.sentences import _ends_sentence

    return _ends_sentence(word, following, languages.speech(NAME_TAG))


def ends_before(mode: str, next_word: str) -> bool:
    """Whether an abbreviation whose ``ends`` is ``mode`` ends a sentence before ``next_word``."""
    from guide.speech.sentences import ends_before as generic

    return generic(mode, next_word, NAME_TAG)
