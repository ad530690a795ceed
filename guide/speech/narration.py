"""A chapter's blocks as the list of sentences it is spoken as, with pauses."""

from __future__ import annotations

from dataclasses import dataclass

from guide.model import BlockKind, Chapter, Sentence, SentenceKind
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


def announcement(chapter: Chapter, total: int) -> str:
    """The line that opens every chapter."""
    title = chapter.title.rstrip(" .:;,")
    end = "" if title.endswith(("?", "!")) else "."
    return f"Chapter {chapter.number} of {total}: {title}{end}"


def chapter_sentences(chapter: Chapter, total: int, lexicon=None,
                      pauses: Pauses = DEFAULT_PAUSES) -> list[Sentence]:
    """Every clip of a chapter in order: the announcement, then each sentence.

    Each sentence carries the index of its block in ``chapter.blocks`` as its ``paragraph``
    (a notice the build adds, such as chapter 1's draft notice, is a block of its own);
    the announcement's is -1.
    """
    first = announcement(chapter, total)
    sentences = [Sentence(first, normalise(first, lexicon), SentenceKind.ANNOUNCEMENT,
                          pauses.announcement)]
    for index, block in enumerate(chapter.blocks):
        item = block.kind == BlockKind.ITEM
        parts = split_sentences(block.text)
        for i, text in enumerate(parts):
            last = i == len(parts) - 1
            pause = (pauses.item if item else pauses.paragraph) if last else pauses.sentence
            spoken = normalise(text, lexicon)
            if not spoken.strip():
                continue
            kind = SentenceKind.ITEM if item else SentenceKind.SENTENCE
            sentences.append(Sentence(text, spoken, kind, pause, paragraph=index))
    sentences[-1].pause_after_s = max(sentences[-1].pause_after_s, pauses.chapter_end)
    return sentences
