"""The Spanish sentence splitter: abbreviations that do not end sentences, and ¿ ¡ openers.

Each case runs through :func:`guide.speech.es.split_es` and through the
language-aware :func:`guide.speech.sentences.split_sentences` with a Spanish
tag, which reads the same tables from :mod:`guide.speech.es`.
"""

from __future__ import annotations

import pytest

from guide.speech.es import ABBREVIATIONS, split_es
from guide.speech.es.rules import ABBREVIATIONS as WRITTEN
from guide.speech.es.sentences import SENTENCE_STARTERS, ends_sentence
from guide.speech.sentences import split_sentences

SPLITS = [
    ("La Dra. Pérez la verá. ¿Tiene preguntas? ¡Llame hoy! Gracias.",
     ["La Dra. Pérez la verá.", "¿Tiene preguntas?", "¡Llame hoy!", "Gracias."]),
    ("Hable con el Sr. López o la Sra. Ruiz. Ellos saben.",
     ["Hable con el Sr. López o la Sra. Ruiz.", "Ellos saben."]),
    ("Los Dres. García y Ruiz. La Srta. Gómez.", ["Los Dres. García y Ruiz.", "La Srta. Gómez."]),
    ("Vive en EE. UU. Muchas mujeres lo saben.", ["Vive en EE. UU.", "Muchas mujeres lo saben."]),
    ("Vive en EE. UU. Gómez también.", ["Vive en EE. UU. Gómez también."]),
    ("Vive en EE.UU. Ella lo sabe.", ["Vive en EE.UU.", "Ella lo sabe."]),
    ("Use, p. ej., hielo. Luego descanse.", ["Use, p. ej., hielo.", "Luego descanse."]),
    ("Compre gasas, vendas, etc. Después descanse.", ["Compre gasas, vendas, etc.", "Después descanse."]),
    ("Lo haremos por Ud. Llame mañana.", ["Lo haremos por Ud.", "Llame mañana."]),
    ("Ud. puede llamar. Uds. también.", ["Ud. puede llamar.", "Uds. también."]),
    ("Venga a las 6 p. m. Traiga sus papeles.", ["Venga a las 6 p. m.", "Traiga sus papeles."]),
    ("Mide aprox. 3 cm. Es normal.", ["Mide aprox. 3 cm.", "Es normal."]),
    ("Vea el núm. 5 y la pág. 3. Luego llame.", ["Vea el núm. 5 y la pág. 3.", "Luego llame."]),
    ("Tome vitamina A. Luego coma.", ["Tome vitamina A.", "Luego coma."]),
    ("El 1.º de mayo. El 2.º día.", ["El 1.º de mayo.", "El 2.º día."]),
    ("Tiene 2,5 cm. (Es poco.) Bien.", ["Tiene 2,5 cm.", "(Es poco.)", "Bien."]),
    ("«¿Qué es?», preguntó. Es un cerclaje.", ["«¿Qué es?», preguntó.", "Es un cerclaje."]),
    ("¿Qué es un cerclaje? ¿Duele? No.", ["¿Qué es un cerclaje?", "¿Duele?", "No."]),
    ("¡Qué alivio! ¿verdad? Sí.", ["¡Qué alivio! ¿verdad?", "Sí."]),
    ("Mide 1.5 cm. Es corto.", ["Mide 1.5 cm.", "Es corto."]),
]


@pytest.mark.parametrize(("text", "sentences"), SPLITS)
def test_split_es(text: str, sentences: list[str]) -> None:
    assert split_es(text) == sentences


@pytest.mark.parametrize(("text", "sentences"), SPLITS)
def test_the_language_aware_splitter_agrees(text: str, sentences: list[str]) -> None:
    assert split_sentences(text, language="es-US") == sentences


def test_english_rules_would_split_spanish_wrongly() -> None:
    text = "Vive en EE. UU. Gómez también. Lo haremos por Ud. Llame mañana."
    assert split_es(text) == ["Vive en EE. UU. Gómez también.", "Lo haremos por Ud.", "Llame mañana."]
    assert split_sentences(text, language="en-US") != split_es(text)


def test_every_written_abbreviation_has_its_words_in_the_splitter_table() -> None:
    words = {abbr.written for abbr in ABBREVIATIONS}
    for abbr in WRITTEN:
        assert set(abbr.written.split(" ")) <= words, abbr.written
    assert "ee." not in SENTENCE_STARTERS and "muchas" in SENTENCE_STARTERS


@pytest.mark.parametrize(("word", "following", "ends"), [
    ("Dra.", "Pérez", False), ("Sra.", "Ruiz", False), ("EE.", "UU.", False),
    ("UU.", "Muchas", True), ("UU.", "Texas", False), ("etc.", "Después", True),
    ("etc.", "y", False), ("aprox.", "Tres", False), ("núm.", "5", False), ("núm.", "Luego", True),
    ("p.", "ej.", False), ("hoy.", "¿Qué", True), ("hoy.", "¡Ya!", True), ("hoy?", "¿Y", True),
])
def test_ends_sentence(word: str, following: str, ends: bool) -> None:
    assert ends_sentence(word, following) is ends


def test_long_runs_are_cut_before_a_conjunction_or_after_a_comma() -> None:
    words = " ".join(["palabra"] * 25) + " y " + " ".join(["otra"] * 25) + "."
    pieces = split_es(words, max_words=40)
    assert len(pieces) == 2 and pieces[1].startswith("y ")
    assert " ".join(pieces) == words
