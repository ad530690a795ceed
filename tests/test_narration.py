"""A chapter as the sentences it is spoken as."""

from guide.model import Block, BlockKind, Chapter, SentenceKind
from guide.speech.narration import DEFAULT_PAUSES, announcement, chapter_sentences


def test_announcement_ends_with_one_mark():
    assert announcement(Chapter(3, "Signs"), 9) == "Chapter 3 of 9: Signs."
    assert announcement(Chapter(3, "Who is at risk?"), 9) == "Chapter 3 of 9: Who is at risk?"
    assert announcement(Chapter(3, "Words to know:"), 9) == "Chapter 3 of 9: Words to know."


def test_pauses_follow_sentences_paragraphs_items_and_the_end():
    chapter = Chapter(1, "T", [Block("One. Two."), Block("An item", BlockKind.ITEM),
                               Block("Last item", BlockKind.ITEM), Block("End.")])
    got = [(s.text, s.kind, s.pause_after_s) for s in chapter_sentences(chapter, 1)]
    p = DEFAULT_PAUSES
    assert got == [
        ("Chapter 1 of 1: T.", SentenceKind.ANNOUNCEMENT, p.announcement),
        ("One.", SentenceKind.SENTENCE, p.sentence),
        ("Two.", SentenceKind.SENTENCE, p.paragraph),
        ("An item", SentenceKind.ITEM, p.item),
        ("Last item", SentenceKind.ITEM, p.item),
        ("End.", SentenceKind.SENTENCE, p.chapter_end),
    ]


def test_text_that_speaks_as_nothing_is_left_out():
    chapter = Chapter(1, "T", [Block("😀 🎉"), Block("Real words.")])
    assert [s.text for s in chapter_sentences(chapter, 1)][1:] == ["Real words."]
