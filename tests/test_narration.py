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


# ------------------------------------------------------------------ Spanish

SPANISH = Chapter(3, "Señales", [
    Block("La Dra. López le toma la presión: 140/90. ¿Tiene fiebre de 38.5 °C? Tome 500 mg."),
    Block("Llame al 911 el 3/4/2025.", BlockKind.ITEM),
])


def test_a_spanish_chapter_is_announced_split_and_said_in_spanish():
    got = [(s.kind, s.text, s.spoken) for s in chapter_sentences(SPANISH, 11, language="es-US")]
    assert got == [
        (SentenceKind.ANNOUNCEMENT, "Capítulo 3 de 11: Señales.", "Capítulo 3 de 11: Señales."),
        # "Dra." ends no sentence
        (SentenceKind.SENTENCE, "La Dra. López le toma la presión: 140/90.",
         "La doctora López le toma la presión: 140 sobre 90."),
        (SentenceKind.SENTENCE, "¿Tiene fiebre de 38.5 °C?",
         "¿Tiene fiebre de 38 punto 5 grados centígrados?"),
        (SentenceKind.SENTENCE, "Tome 500 mg.", "Tome 500 miligramos."),
        (SentenceKind.ITEM, "Llame al 911 el 3/4/2025.", "Llame al 9 1 1 el 3 de abril de 2025."),
    ]


def test_the_region_of_the_language_decides_the_decimal_mark():
    said = {tag: chapter_sentences(SPANISH, 11, language=tag)[2].spoken
            for tag in ("es-US", "es-MX", "es-ES")}
    assert said == {"es-US": "¿Tiene fiebre de 38 punto 5 grados centígrados?",
                    "es-MX": "¿Tiene fiebre de 38 punto 5 grados centígrados?",
                    "es-ES": "¿Tiene fiebre de 38 coma 5 grados centígrados?"}


def test_english_rules_never_reach_a_spanish_chapter():
    spoken = " ".join(s.spoken for s in chapter_sentences(SPANISH, 11, language="es-419"))
    for english in ("Chapter", "point", "degrees", "milligrams", "over", "slash", "April"):
        assert english not in spoken.split(), english


def test_the_spanish_announcement_keeps_one_mark():
    assert announcement(Chapter(2, "¿Qué es?"), 11, "es-US") == "Capítulo 2 de 11: ¿Qué es?"
    assert announcement(Chapter(2, "Palabras que debe conocer:"), 11, "es-US") == (
        "Capítulo 2 de 11: Palabras que debe conocer.")
    assert announcement(Chapter(2, "Signs"), 11) == "Chapter 2 of 11: Signs."  # English by default


def test_without_a_lexicon_a_spanish_chapter_takes_the_spanish_built_in_one():
    chapter = Chapter(1, "DES", [Block("El DES y el LEEP.")])
    assert [s.spoken for s in chapter_sentences(chapter, 1, language="es-US")] == [
        "Capítulo 1 de 1: D E S.", "El D E S y el lip."]
    assert chapter_sentences(chapter, 1)[1].spoken == "El D E S y el leep."  # English's "leep"


def test_a_spanish_transcript_opens_with_the_spanish_announcement():
    from guide.audio.assembly import transcript_text

    text = transcript_text(SPANISH, 11, "es-US")
    assert text.splitlines()[:3] == ["Capítulo 3 de 11: Señales.", "",
                                     "La Dra. López le toma la presión: 140/90. ¿Tiene fiebre de 38.5 °C? "
                                     "Tome 500 mg."]
    assert transcript_text(SPANISH, 11).startswith("Chapter 3 of 11: Señales.\n")
