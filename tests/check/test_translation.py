"""The translation check (guide.check.translation) on copies of the two shipped guides.

The Spanish guide is copied beside a copy of the English one, under one scripts folder, as
a clinic would keep them, then broken one way at a time.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from guide.check.run import check_folder
from guide.check.translation import compare, find_original, translation_problems
from guide.scripts.store import load_guide, shipped_folder

SPANISH = "insuficiencia-cervical"
ENGLISH = "cervical-insufficiency"


@pytest.fixture
def scripts(tmp_path) -> Path:
    """A scripts folder with copies of both shipped guides."""
    folder = tmp_path / "scripts"
    for slug in (SPANISH, ENGLISH):
        shutil.copytree(shipped_folder(slug), folder / slug)
    return folder


def edit(folder: Path, glob: str, old: str, new: str) -> None:
    """Replace ``old`` (which must be there once) with ``new`` in the script ``glob``."""
    (path,) = folder.glob(glob)
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def found(guide_folder: Path) -> set[tuple]:
    """(level, chapter, what it is about) for each problem of the translation check."""
    problems = translation_problems(load_guide(guide_folder))
    return {(p.level, p.chapter, p.detail.get("term") or p.detail.get("number")
             or p.detail.get("chapters")) for p in problems}


def test_the_shipped_translation_says_what_its_original_says(scripts):
    assert translation_problems(load_guide(scripts / SPANISH)) == []


def test_the_original_is_found_beside_the_translation_first(scripts, tmp_path):
    moved = scripts / "original-copy"
    shutil.move(scripts / ENGLISH, moved)
    guide_toml = scripts / SPANISH / "guide.toml"
    guide_toml.write_text(guide_toml.read_text(encoding="utf-8").replace(
        f'translation_of = "{ENGLISH}"', 'translation_of = "original-copy"'), encoding="utf-8")
    assert find_original(load_guide(scripts / SPANISH)) == moved
    edit(moved, "11-*.txt", "January fifteenth, 2004", "January sixteenth, 2004")
    assert found(scripts / SPANISH) == {("error", 11, "16"), ("error", 11, "15")}


def test_a_translation_of_an_unknown_guide_cannot_be_checked_and_says_so(scripts):
    guide_toml = scripts / SPANISH / "guide.toml"
    guide_toml.write_text(guide_toml.read_text(encoding="utf-8").replace(
        f'translation_of = "{ENGLISH}"', 'translation_of = "no-such-guide"'), encoding="utf-8")
    (problem,) = translation_problems(load_guide(scripts / SPANISH))
    assert (problem.level, problem.chapter, problem.kind) == ("error", None, "translation")
    assert problem.message == (
        'la guía es una traducción de "no-such-guide", pero no se encontró ninguna guía con ese '
        "nombre junto a ella ni entre las guías incluidas, así que no se revisó la traducción.")


def test_a_missing_chapter_is_one_error_and_the_chapters_are_not_compared(scripts):
    (scripts / SPANISH / "07-como-enfrentar-una-perdida.txt").unlink()
    (problem,) = translation_problems(load_guide(scripts / SPANISH))
    assert (problem.level, problem.chapter, problem.detail["chapters"],
            problem.detail["original_chapters"]) == ("error", None, 10, 11)
    assert problem.message == (
        'la guía tiene 10 capítulos, pero la guía original, "cervical-insufficiency", tiene 11; '
        "una traducción conserva todos los capítulos, en el mismo orden, así que no se "
        "compararon los capítulos uno por uno.")


def test_a_medical_word_left_out_of_a_chapter_is_an_error_there(scripts):
    edit(scripts / SPANISH, "04-*.txt", "- Conización con bisturí frío. Esta cirugía usa",
         "- Otra cirugía usa")
    problems = translation_problems(load_guide(scripts / SPANISH))
    (problem,) = [p for p in problems if p.detail.get("term")]
    assert (problem.level, problem.chapter, problem.detail["term"]) == ("error", 4, "conization")
    assert problem.message.startswith(
        'el capítulo 4 de la guía original dice la palabra médica "conization", pero este '
        'capítulo no tiene ninguna de sus traducciones: "conización", ')


def test_a_medical_word_said_in_another_chapter_does_not_count(scripts):
    edit(scripts / SPANISH, "05-*.txt", "Manchado significa unas pocas gotas pequeñas de sangre.",
         "Son unas pocas gotas pequeñas de sangre.")
    edit(scripts / SPANISH, "05-*.txt", "pueden tener manchado o sangrado", "pueden sangrar")
    assert found(scripts / SPANISH) == {("error", 5, "spotting")}


@pytest.mark.parametrize(("glob", "old", "new", "expected"), [
    # a number changed: both ways round
    ("11-*.txt", "15 de enero de 2004", "16 de enero de 2004",
     {("error", 11, "15"), ("error", 11, "16")}),
    # a number in words changed
    ("06-*.txt", "Cada parte dura unos tres meses.", "Cada parte dura unos cuatro meses.",
     {("error", 6, "4")}),
    # a number added
    ("05-*.txt", "Manchado significa unas pocas gotas pequeñas de sangre.",
     "Manchado significa unas 2 o 3 gotas pequeñas de sangre.",
     {("error", 5, "2"), ("error", 5, "3")}),
])
def test_numbers_that_differ_from_the_original_are_errors(scripts, glob, old, new, expected):
    edit(scripts / SPANISH, glob, old, new)
    assert found(scripts / SPANISH) == expected


def test_the_number_messages_name_the_chapter_and_the_number(scripts):
    edit(scripts / SPANISH, "11-*.txt", "15 de enero de 2004", "16 de enero de 2004")
    messages = sorted(p.message for p in translation_problems(load_guide(scripts / SPANISH)))
    assert messages == [
        'el capítulo 11 de la guía original dice el número 15 ("fifteenth"), pero este capítulo '
        "no; compruebe que no se perdió ningún dato.",
        'este capítulo dice el número 16 ("16"), pero el capítulo 11 de la guía original no; '
        "compruebe que no se cambió ni se agregó ningún dato.",
    ]


def test_a_year_the_original_has_and_the_translation_lost_is_an_error(scripts):
    """Both 2003 and 2006 are said twice in chapter 11: losing one place keeps the number."""
    edit(scripts / SPANISH, "11-*.txt", "Es de octubre de 2006.", "Es de octubre.")
    assert found(scripts / SPANISH) == set()
    edit(scripts / SPANISH, "11-*.txt", "Fue en agosto de 2003.", "Fue en agosto.")
    edit(scripts / SPANISH, "11-*.txt", "entre 2003 y 2006", "entre esos años y 2006")
    assert found(scripts / SPANISH) == {("error", 11, "2003")}


def test_a_pair_without_a_bilingual_lexicon_compares_chapters_and_numbers_only(scripts):
    original = load_guide(scripts / ENGLISH)
    copy = load_guide(scripts / ENGLISH)
    copy.language = "fr-FR"
    problems = compare(original, copy)
    assert [(p.level, p.kind) for p in problems] == [("info", "translation")]
    assert "no bilingual lexicon from en-US to fr-FR" in problems[0].message


def test_drift_does_not_run_on_a_translation_and_does_on_its_original(scripts, tmp_path):
    spanish = check_folder(load_guide(scripts / SPANISH), tmp_path / "out")
    english = check_folder(load_guide(scripts / ENGLISH), tmp_path / "out")
    assert not [p for p in spanish.problems if p.kind == "drift"]
    assert [p for p in english.problems if p.kind == "drift"]


def test_a_medical_word_the_bilingual_lexicon_lacks_is_a_warning_once(scripts):
    lexicon = scripts / ENGLISH / "lexicon.toml"
    lexicon.write_text(lexicon.read_text(encoding="utf-8")
                       + '\n[womb]\ndefine = "The uterus."\n', encoding="utf-8")
    (problem,) = translation_problems(load_guide(scripts / SPANISH))
    assert (problem.level, problem.chapter, problem.detail) == (
        "warning", None, {"term": "womb", "original_chapter": 1})
    assert problem.message == (
        'la palabra médica "womb" del capítulo 1 de la guía original no tiene traducción en el '
        'lexicón en español, así que no se revisó; agregue una entrada con en = "womb" al '
        "lexicón en español.")
