"""Spanish readability: Fernández-Huerta and INFLESZ (Szigriszt-Pazos), with syllables counted by rule.

* Fernández-Huerta = 206.84 − 0.60·P − 1.02·F, where P is syllables per 100
  words and F the average words per sentence, as in Flesch's formula, which
  it adapts to Spanish (and as textstat and legible.es compute it).  It is
  often printed with F as "sentences per 100 words", which makes shorter
  sentences score harder; Law (2011, "Error in the Fernández Huerta
  readability formula") showed that reading to be a slip.  Reported, not
  held to a target.
* INFLESZ (the Szigriszt-Pazos "perspicuity" formula) = 206.835 −
  62.3·(syllables / words) − (words / sentences), read on the INFLESZ scale
  (:func:`inflesz_band`): below 40 "muy difícil", 40 to 55 "algo difícil",
  55 to 65 "normal", 65 to 80 "bastante fácil", above 80 "muy fácil".

Syllables are counted by Spanish rule (:func:`syllables`), not by textstat,
whose Spanish counts go through Pyphen's hyphenation patterns and miss
hiatus ("día", "país", "ecografía" are one syllable short there):

* a syllable is a vowel nucleus; a run of vowels is one nucleus per strong
  vowel (a, e, o, and the accented í, ú, which break a diphthong: "dí-a");
  unaccented i, u, ü join the strong vowel next to them ("cue-llo" has one
  nucleus in "ue", "buey" one in "uey"); two strong vowels are two
  ("le-er", "po-e-ta"); a run of weak vowels alone is one ("ciu-dad"), but
  one per vowel when they are the same letter ("chi-i-ta");
* the u of "que", "qui", "gue", "gui" is silent; "ü" is said ("pin-güi-no");
* "y" is a vowel when no vowel follows it ("hay", "muy", "y"), a consonant
  before one ("ma-yo");
* "h" is silent and does not part vowels, as the RAE counts them
  ("prohi-bir" has two syllables, "a-ho-ra" three because a and o are
  both strong).

Numbers are counted as the words they are read as: "37" is "treinta y
siete", three words and five syllables; "1,5" is "uno coma cinco" (the
decimal mark of the guide's region decides "2.400").  A word is a run of
letters; sentences are given, or found by :func:`guide.speech.es.split_es`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from guide.speech.common import LazyPattern
from guide.speech.es import rules as R
from guide.speech.es.numbers import read_number
from guide.speech.es.words import cardinal

STRONG = frozenset("aeoáéóíú")
"Vowels that are a nucleus of their own: a, e, o, and the accented í and ú."
WEAK = frozenset("iuü")
"Vowels that join a strong neighbour in a diphthong, unless accented."
VOWELS = STRONG | WEAK

BANDS: tuple[tuple[float, str], ...] = (
    (40, "muy difícil"), (55, "algo difícil"), (65, "normal"), (80.0001, "bastante fácil"),
)
"INFLESZ bands: the first upper bound above the score names it; 80 is still 'bastante fácil'."

_WORD = LazyPattern(r"[^\W\d_]+")
_NUMBER = LazyPattern(r"(?<![\w])(?:[0-9]{1,3}(?: [0-9]{3})+|[0-9]+(?:[.,][0-9]+)*)(?![\w])")


@dataclass(frozen=True)
class SpanishReadability:
    """The Spanish readability figures of a text."""

    words: int
    "Words, numbers counted as the words they are read as."
    sentences: int
    "Sentences."
    syllables: int
    "Syllables, counted by rule (:func:`syllables`)."
    fernandez_huerta: float
    "Fernández-Huerta: 206.84 − 0.60·P − 1.02·F, F words per sentence (rounded to 0.1)."
    inflesz: float
    "INFLESZ (Szigriszt-Pazos): 206.835 − 62.3·syllables/words − words/sentences (rounded to 0.1)."

    @property
    def band(self) -> str:
        """The INFLESZ band: 'muy difícil' … 'muy fácil'."""
        return inflesz_band(self.inflesz)


def syllables(word: str) -> int:
    """The syllables of one Spanish word, by rule: 'insuficiencia' → 5, 'día' → 2, 'buey' → 1."""
    word = unicodedata.normalize("NFC", word.casefold())
    word = re.sub(r"(?<=[qg])u(?=[eiéí])", "", word)  # que, qui, gue, gui: the u is silent
    word = word.replace("ch", "c").replace("h", "")
    letters = [("i" if c == "y" and not _vowel_after(word, i) else c) for i, c in enumerate(word)]
    count = 0
    run: list[str] = []
    for letter in [*letters, " "]:
        if letter in VOWELS:
            run.append(letter)
            continue
        count += _nuclei(run)
        run = []
    return max(count, 1) if any(c.isalpha() for c in word) else 0


def _vowel_after(word: str, i: int) -> bool:
    return i + 1 < len(word) and word[i + 1] in VOWELS


def _nuclei(run: list[str]) -> int:
    """How many syllables a run of vowels makes."""
    if not run:
        return 0
    strong = sum(1 for v in run if v in STRONG)
    if strong:
        return strong
    return 1 + sum(1 for a, b in zip(run, run[1:], strict=False) if a == b)


def spoken_words(text: str, region: str = R.DEFAULT_REGION) -> list[str]:
    """The words of ``text``, numbers written out as they are read ('37' → 'treinta y siete')."""
    mark = R.decimal_mark(region)

    def say(m: re.Match[str]) -> str:
        read = read_number(m.group(), mark) if not m.group().isdigit() else (m.group(), None)
        if read is None:
            return " ".join(cardinal(int(d)) for d in re.findall(r"[0-9]+", m.group()))
        whole, part = read
        words = cardinal(int(whole))
        if part is not None:
            said = " ".join(cardinal(int(d)) for d in part) if part[0] == "0" else cardinal(int(part))
            words += f" {'punto' if mark == '.' else 'coma'} {said}"
        return f" {words} "

    return _WORD.findall(_NUMBER.sub(say, text))


def inflesz_band(score: float) -> str:
    """The INFLESZ band of a score: <40 'muy difícil', 40–55 'algo difícil', 55–65 'normal',
    65–80 'bastante fácil', >80 'muy fácil'."""
    for bound, name in BANDS:
        if score < bound:
            return name
    return "muy fácil"


def readability(sentences: Sequence[str], region: str = R.DEFAULT_REGION) -> SpanishReadability:
    """Fernández-Huerta and INFLESZ of a chapter given as its sentences."""
    sentences = [s for s in sentences if _WORD.search(s) or _NUMBER.search(s)]
    words = [w for s in sentences for w in spoken_words(s, region)]
    if not words:
        return SpanishReadability(0, len(sentences), 0, 0.0, 0.0)
    count = sum(syllables(w) for w in words)
    per_word = count / len(words)
    per_sentence = len(words) / len(sentences)
    fernandez_huerta = 206.84 - 0.60 * (100 * per_word) - 1.02 * per_sentence
    inflesz = 206.835 - 62.3 * per_word - per_sentence
    return SpanishReadability(len(words), len(sentences), count,
                              round(fernandez_huerta, 1), round(inflesz, 1))


def readability_of_text(text: str, region: str = R.DEFAULT_REGION) -> SpanishReadability:
    """Fernández-Huerta and INFLESZ of running text, split into sentences by the Spanish splitter."""
    from guide.speech.es.sentences import split_es

    return readability(split_es(text, max_words=10**6), region)
