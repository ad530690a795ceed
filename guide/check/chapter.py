"""One chapter's figures, and its problems of length: words, sentences, readability, duration.

A sentence of more than :data:`MAX_SENTENCE_WORDS` words is an error; a
chapter longer than :data:`MAX_CHAPTER_S` (measured when built, else
estimated) is a warning; readability by the formulas of the guide's language
(:mod:`guide.check.readability`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from guide.check import readability
from guide.check import terms as check_terms
from guide.check.language import rules_language
from guide.check.messages import check_message, report_language
from guide.check.problem import Problem
from guide.durations import spoken_duration
from guide.manifest import Manifest
from guide.model import Chapter
from guide.speech.narration import DEFAULT_PAUSES
from guide.speech.sentences import split_sentences

MAX_SENTENCE_WORDS = 25
"The most words a sentence may have."
MAX_CHAPTER_S = 180.0
"The longest a chapter may be, in seconds."


@dataclass
class ChapterStats:
    """Figures for one chapter."""

    number: int
    "Chapter number."
    title: str
    "Chapter title."
    words: int
    "Words of the script (the announcement not counted)."
    sentences: int
    "Sentences, as the narration splits them."
    avg_sentence_words: float
    "Average words a sentence."
    longest_sentence_words: int
    "Words in the longest sentence."
    fk_grade: float | None
    "Flesch-Kincaid grade (textstat); ``None`` for a Spanish guide, where it means nothing."
    smog: float | None
    "SMOG grade (textstat), or ``None`` under 3 sentences, where it means nothing, or in Spanish."
    duration_s: float
    "Length of the chapter file, or an estimate when ``estimated``."
    wpm: float | None
    "Words a minute of the chapter file; ``None`` when not built."
    estimated: bool
    "Whether the length is an estimate (not built, or changed since it was built)."
    glossary: bool = False
    "Whether this is a Words to know chapter."
    fernandez_huerta: float | None = None
    "Fernández-Huerta (Spanish guides; ``None`` otherwise)."
    inflesz: float | None = None
    "INFLESZ, the Szigriszt-Pazos formula (Spanish guides; ``None`` otherwise)."
    inflesz_band: str | None = None
    "The INFLESZ band, in Spanish as the scale names it ('bastante fácil'), or ``None``."


def sentences_of(chapter: Chapter, language: str) -> list[str]:
    """The chapter's sentences as written, split by ``language``'s rules, never cut for length."""
    tag = rules_language(language)
    return [s for b in chapter.blocks for s in split_sentences(b.text, max_words=10**6,
                                                               language=tag)]


def chapter_stats(chapter: Chapter, narration, manifest: Manifest | None,
                  targets: tuple[float, float], wpm: int,
                  language: str) -> tuple[ChapterStats, list[Problem]]:
    """The chapter's figures and its problems of readability, sentence length and duration;
    ``narration`` is what the build says (:func:`guide.speech.narration.chapter_sentences`)."""
    sentences = sentences_of(chapter, language)
    lengths = [count_words(s) for s in sentences]
    words = sum(lengths)
    found = readability.figures(sentences, language)
    duration, estimated = _duration(chapter, narration, manifest, wpm)
    stats = ChapterStats(
        chapter.number, chapter.title, words, len(sentences),
        round(words / len(sentences), 1) if sentences else 0.0, max(lengths, default=0),
        found.fk_grade, found.smog, round(duration, 2),
        None if estimated or not duration else round(words * 60 / duration, 1), estimated,
        check_terms.is_glossary(chapter.title), found.fernandez_huerta, found.inflesz,
        found.inflesz_band)
    n = chapter.number
    problems = []
    if not words:
        problems.append(Problem("warning", n, check_message(language, "empty_chapter"), "length"))
    problems += readability.problems(n, found, *targets, language)
    for sentence, count in zip(sentences, lengths, strict=True):
        if count > MAX_SENTENCE_WORDS:
            start = " ".join(sentence.split()[:8])
            problems.append(Problem("error", n, check_message(
                language, "sentence_long", start=start, count=count, limit=MAX_SENTENCE_WORDS),
                "sentence", {"sentence": sentence, "sentence_words": count}))
    if duration > MAX_CHAPTER_S:
        lang = report_language(language)
        said, limit = spoken_duration(duration, lang), spoken_duration(MAX_CHAPTER_S, lang)
        text = (check_message(lang, "chapter_long_estimated", duration=said, limit=limit,
                              why=_why_estimate(manifest, lang)) if estimated
                else check_message(lang, "chapter_long", duration=said, limit=limit))
        problems.append(Problem("warning", n, text, "length",
                                {"duration_s": round(duration, 2), "estimated": estimated}))
    return stats, problems


def count_words(sentence: str) -> int:
    """Words of a sentence: the parts between spaces that have a letter or a digit."""
    return sum(any(c.isalnum() for c in w) for w in sentence.split())


def _why_estimate(manifest: Manifest | None, language: str) -> str:
    return check_message(language, "estimate_not_built" if manifest is None
                         else "estimate_changed")


def _duration(chapter: Chapter, narration, manifest: Manifest | None,
              wpm: int) -> tuple[float, bool]:
    """The chapter's length from the build when the build is of this script, else an estimate."""
    if manifest is not None:
        built = next((c for c in manifest.chapters if c.number == chapter.number), None)
        if built is not None and built.title == chapter.title and \
                [s.text for s in built.sentences] == [s.text for s in narration]:
            return built.duration_s, False
    return estimate_duration(narration, wpm), True


def estimate_duration(narration, wpm: int) -> float:
    """Seconds a chapter's sentences take at ``wpm``, with the pauses the build puts in, to the
    millisecond. The pauses are added with :func:`math.fsum`: Python 3.12 made ``sum()`` of floats
    more exact, and a chapter estimated at 180 s sat above the 3-minute limit under 3.13 and below
    it under 3.11."""
    words = sum(len(s.spoken.split()) for s in narration)
    pauses = math.fsum([DEFAULT_PAUSES.lead_in, *(s.pause_after_s for s in narration)])
    return round(pauses + words * 60 / wpm, 3)
