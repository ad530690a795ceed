"""A chapter's blocks as the list of sentences it is spoken as, with pauses.

Everything is said in the guide's ``language`` (a tag such as ``en-US`` or
``es-US``, see :mod:`guide.speech.languages`): its module splits the
sentences, normalises them for its region and words the announcement
("Chapter 3 of 11: Signs.", "Capítulo 3 de 11: Señales.").
"""

from __future__ import annotations

from dataclasses import dataclass

from guide.model import BlockKind, Chapter, Sentence, SentenceKind
from guide.speech import languages
from guide.speech.normalise import normalise
from guide.speech.sentences import split_sentences


@dataclass(frozen=True)
class Pauses:
    """Silences, in seconds, that give a listener time to take a sentence in."""

    lead_in: float = 0.3
    "Before the announcement, so that a player's first syllable is not clipped."
    sentence: float = 0.4
    "Between sentences of a paragraph."
    paragraph: float = 0.8
    "After the last sentence of a paragraph."
    item: float = 0.7
    "After each list item, so that items are heard as a list."
    announcement: float = 1.0
    "After 'Chapter N of M: Title'."
    chapter_end: float = 2.0
    "At the end of a chapter, before the next one starts."


DEFAULT_PAUSES = Pauses()


def announcement(chapter: Chapter, total: int, language: str = languages.DEFAULT) -> str:
    """The line that opens every chapter, in ``language``: "Chapter 3 of 11: Signs."."""
    return languages.speech(language).announcement(chapter.number, total, chapter.title)


def chapter_sentences(chapter: Chapter, total: int, lexicon=None,
                      pauses: Pauses = DEFAULT_PAUSES,
                      language: str = languages.DEFAULT) -> list[Sentence]:
    """Every clip of a chapter in order: the announcement, then each sentence.

    Each sentence carries the index of its block in ``chapter.blocks`` as its ``paragraph``
    (a notice the build adds, such as chapter 1's draft notice, is a block of its own);
    the announcement's is -1. ``language`` is the guide's: it splits, normalises and
    announces; ``lexicon`` should be that language's (by default, its built-in one).
    """
    if lexicon is None:
        from guide.speech.lexicon import Lexicon

        lexicon = Lexicon.builtin(language)
    first = announcement(chapter, total, language)
    sentences = [Sentence(first, normalise(first, lexicon, language), SentenceKind.ANNOUNCEMENT,
                          pauses.announcement)]
    for index, block in enumerate(chapter.blocks):
        item = block.kind == BlockKind.ITEM
        parts = split_sentences(block.text, language=language)
        for i, text in enumerate(parts):
            last = i == len(parts) - 1
            pause = (pauses.item if item else pauses.paragraph) if last else pauses.sentence
            spoken = normalise(text, lexicon, language)
            if not spoken.strip():
                continue
            kind = SentenceKind.ITEM if item else SentenceKind.SENTENCE
            sentences.append(Sentence(text, spoken, kind, pause, paragraph=index))
    sentences[-1].pause_after_s = max(sentences[-1].pause_after_s, pauses.chapter_end)
    return sentences
