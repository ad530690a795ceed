"""Spanish letters and respellings: "W." by region, accented spoken forms, the bilingual ``en`` key.

The espeak-ng tests check what is heard, with the oracle of
:mod:`tests.speech.test_es_normalise`, and that espeak-ng says the written
form differently by itself, so that each fails if its rule is taken away.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from guide.scripts.store import shipped_folder
from guide.speech.es import normalise_es, term_map
from guide.speech.lexicon import SAY_PATTERN, Entry, Lexicon

from .test_es_normalise import heard, phonemes_es

SPANISH_GUIDE = shipped_folder("insuficiencia-cervical")

LETTERS = [
    ("es-US", "La tercera es de Genevieve W. Ressel.", "La tercera es de Genevieve doble u Ressel."),
    ("es-419", "J. W. Smith lo escribió.", "J. doble u Smith lo escribió."),
    ("es-MX", "La letra W.", "La letra doble u."),  # the sentence's own full stop stays
    ("es-MX", "La W es una letra.", "La doble u es una letra."),
    ("es-ES", "La tercera es de Genevieve W. Ressel.", "La tercera es de Genevieve W. Ressel."),
    ("es", "La letra W.", "La letra W."),  # Spain's "uve doble", as espeak-ng says it
    ("es-US", "El W.C. está cerrado.", "El W.C. está cerrado."),  # not a letter on its own
    ("es-US", "Wanda y Walter.", "Wanda y Walter."),
]


@pytest.mark.parametrize("region, written, spoken", LETTERS)
def test_a_lone_w_is_doble_u_in_the_americas(region, written, spoken):
    assert normalise_es(written, region) == spoken


def test_espeak_says_doble_u_only_when_told(espeak_available):
    written = "Genevieve W. Ressel."
    spoken = normalise_es(written, "es-US")
    assert heard("doble u") in heard(spoken)
    assert "uBe" in phonemes_es(written) and "uBe" not in phonemes_es(spoken)


# ------------------------------------------------------------------- respellings


@pytest.mark.parametrize("say", ["ilinói", "o be ge", "Ñandú", "march of daims", "o'higgins", "D-E-S"])
def test_a_spoken_form_may_carry_accents(say):
    assert SAY_PATTERN.fullmatch(say)


@pytest.mark.parametrize("say", ["[[x]]", "k2", "ilinói.", "αβ", "<speak>", ""])
def test_a_spoken_form_is_still_only_letters(say):
    assert not SAY_PATTERN.fullmatch(say)


def test_a_guide_lexicon_adds_an_accented_respelling_to_the_spanish_one(tmp_path):
    (tmp_path / "lexicon.toml").write_text('[Illinois]\nsay = "ilinói"\n', encoding="utf-8")
    lexicon = Lexicon.load(tmp_path, "es-US")
    assert normalise_es("La Universidad de Illinois y el LEEP.", "es-US", lexicon) == (
        "La Universidad de Ilinói y el lip.")  # the built-in Spanish LEEP is still there
    assert Lexicon.load(tmp_path).lookup("LEEP").say == "leep"  # and English's is English's


@pytest.mark.parametrize("term", sorted(tomllib.loads(
    (SPANISH_GUIDE / "lexicon.toml").read_text(encoding="utf-8"))))
def test_each_respelling_of_the_spanish_guide_is_needed(term, espeak_available):
    entry = Lexicon.load(SPANISH_GUIDE, "es-US").lookup(term)
    assert entry is not None and entry.say and SAY_PATTERN.fullmatch(entry.say)
    assert heard(term) != heard(entry.say)


# ------------------------------------------------------------------ the en key


def test_an_entry_keeps_its_english_term():
    entry = Entry.from_dict("cerclaje", {"en": "cerclage", "define": "Un punto."})
    assert entry.en == "cerclage" and entry.to_dict() == {"define": "Un punto.", "en": "cerclage"}
    built_in = Lexicon.from_toml('[cerclaje]\nen = "cerclage"\n')
    merged = built_in.overridden_by('[cerclaje]\nsay = "serklaje"\n')
    assert merged.lookup("cerclaje").en == "cerclage"  # a guide's entry keeps the built-in en
    assert Lexicon.builtin("es-US").lookup("cerclaje").en == "cerclage"
    with pytest.raises(ValueError, match="en must be text in quotes"):
        Entry.from_dict("cerclaje", {"en": 3})


def test_the_english_term_changes_nothing_that_is_said():
    with_en = Lexicon.from_toml('[cerclaje]\nen = "cerclage"\n')
    assert normalise_es("El cerclaje.", "es-US", with_en) == normalise_es("El cerclaje.", "es-US", Lexicon())


def test_the_waters_break_as_latin_america_says_it():
    lexicon = Lexicon.builtin("es-US")
    for form in ("se rompe la fuente", "Romperse la fuente", "rompe la fuente", "bolsa de aguas"):
        assert lexicon.lookup(form).en == "waters break", form
    assert {"se rompe la fuente", "romperse la fuente"} <= set(term_map()["waters break"])
    assert lexicon.lookup("dilatarse").term == "dilatación"
    assert [use.entry.term for use in lexicon.terms_in("Luego se rompe la fuente.")] == ["bolsa de aguas"]


def test_the_shipped_spanish_guide_is_where_the_tests_expect():
    assert SPANISH_GUIDE is not None and Path(SPANISH_GUIDE, "guide.toml").is_file()
