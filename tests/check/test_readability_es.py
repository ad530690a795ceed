"""Spanish readability: syllables counted by rule against hand counts, and the two formulas.

The hand counts are written with their division, as a reader checks them.
"""

from __future__ import annotations

import pytest

from guide.check.readability_es import (
    inflesz_band,
    readability,
    readability_of_text,
    spoken_words,
    syllables,
)

HAND_COUNTED = [
    "in-su-fi-cien-cia", "cer-cla-je", "ú-te-ro", "e-co-gra-fí-a", "es-pon-tá-ne-o", "dí-a",
    "pa-ís", "pin-güi-no", "ciu-dad", "cui-da-do", "U-ru-guay", "que-so", "guí-a", "a-ho-ra",
    "po-e-ta", "le-er", "buey", "hay", "ma-yo", "a-gu-ja", "a-ve-ri-güéis", "pro-ges-te-ro-na",
    "gi-ne-co-obs-te-tra", "trans-va-gi-nal", "mem-bra-nas", "pre-e-clamp-sia", "re-hén",
    "bú-ho", "a-cen-tú-a", "tri-mes-tre", "con-trac-ción", "y",
]
"Words and their syllables: a hiatus by accent (dí-a), a silent u (que-so), ü said (pin-güi-no)."


@pytest.mark.parametrize("divided", HAND_COUNTED)
def test_syllables_match_hand_counts(divided: str) -> None:
    assert syllables(divided.replace("-", "")) == divided.count("-") + 1


SENTENCES = [
    # El(1) cér-vix(2) es(1) la(1) par-te(2) ba-ja(2) del(1) ú-te-ro(3): 8 words, 13 syllables
    "El cérvix es la parte baja del útero.",
    # Un(1) cer-cla-je(3) es(1) un(1) pun-to(2) en(1) el(1) cér-vix(2): 8 words, 12 syllables
    "Un cerclaje es un punto en el cérvix.",
    # Tie-ne(2) us-ted(2) trein-ta(2) y(1) sie-te(2) se-ma-nas(3) de(1) em-ba-ra-zo(4):
    # 8 words, 17 syllables; "37" is read "treinta y siete", three words
    "¿Tiene usted 37 semanas de embarazo?",
]


def test_readability_of_three_hand_counted_sentences() -> None:
    figures = readability(SENTENCES)
    assert (figures.words, figures.sentences, figures.syllables) == (24, 3, 13 + 12 + 17)
    # 206.84 - 0.60 * (100 * 42 / 24) - 1.02 * (24 / 3) = 206.84 - 105 - 8.16
    assert figures.fernandez_huerta == 93.7
    # 206.835 - 62.3 * 42 / 24 - 24 / 3 = 206.835 - 109.025 - 8
    assert figures.inflesz == 89.8
    assert figures.band == "muy fácil"


def test_running_text_is_split_into_the_same_sentences() -> None:
    assert readability_of_text(" ".join(SENTENCES)) == readability(SENTENCES)


def test_long_words_and_sentences_read_harder() -> None:
    hard = readability(["La insuficiencia cervical puede ocasionar una interrupción "
                        "prematura e involuntaria de la gestación durante el segundo trimestre."])
    assert hard.inflesz < 55 and hard.band in ("algo difícil", "muy difícil")
    assert hard.fernandez_huerta < readability(SENTENCES).fernandez_huerta


def test_shorter_sentences_read_easier_by_both_formulas() -> None:
    """The same words in more sentences: both scores go up (Fernández-Huerta's F is words per
    sentence, not sentences per 100 words, which would make short sentences score harder)."""
    words = ("Su médico pone un punto en el cuello uterino y lo quita cuando el embarazo "
             "avanzó lo suficiente")
    one = readability([words + "."])
    two = readability(["Su médico pone un punto en el cuello uterino.",
                       "Y lo quita cuando el embarazo avanzó lo suficiente."])
    assert (one.words, one.syllables) == (two.words, two.syllables)
    assert two.fernandez_huerta > one.fernandez_huerta and two.inflesz > one.inflesz


@pytest.mark.parametrize(("score", "band"), [
    (-10, "muy difícil"), (39.9, "muy difícil"), (40, "algo difícil"), (54.9, "algo difícil"),
    (55, "normal"), (64.9, "normal"), (65, "bastante fácil"), (80, "bastante fácil"),
    (80.1, "muy fácil"), (120, "muy fácil"),
])
def test_inflesz_bands(score: float, band: str) -> None:
    assert inflesz_band(score) == band


@pytest.mark.parametrize(("text", "region", "words"), [
    ("37 semanas", "es-US", ["treinta", "y", "siete", "semanas"]),
    ("2.400 g", "es-ES", ["dos", "mil", "cuatrocientos", "g"]),
    ("2.400 g", "es-US", ["dos", "punto", "cuatrocientos", "g"]),
    ("1,5 cm", "es-ES", ["uno", "coma", "cinco", "cm"]),
    ("0,05", "es-ES", ["cero", "coma", "cero", "cinco"]),
])
def test_numbers_count_as_the_words_they_are_read_as(text: str, region: str, words: list[str]) -> None:
    assert spoken_words(text, region) == words


def test_nothing_to_read() -> None:
    figures = readability(["", "…"])
    assert (figures.words, figures.sentences, figures.fernandez_huerta, figures.inflesz) == (0, 0, 0, 0)
