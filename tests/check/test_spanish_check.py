"""``guide check`` on a Spanish guide: INFLESZ and Fernández-Huerta, Spanish term patterns and
glossary titles, words with accents, paper-only words and dates in Spanish, and the shipped
Spanish guide passing."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from guide.check.ear import ear_problems, visual_references
from guide.check.language import load_lexicon
from guide.check.pemat import is_action, is_passive
from guide.check.readability_es import readability
from guide.check.run import check_folder
from guide.check.terms import Spoken, defines, find_term_problems, is_glossary
from guide.cli.app import cli
from guide.model import Block, Chapter, Guide
from guide.scripts.store import load_guide, shipped_folder

from ..helpers import FakeEngine, write_guide_folder

SPANISH = "insuficiencia-cervical"
ES_TOML = 'title = "G"\nsource = "none"\nlanguage = "es-US"\nvoice = "es-419"\n'
HARD = ("La conización con bisturí frío, la ablación con láser y la biopsia cervical son "
        "procedimientos ginecológicos diagnósticos y terapéuticos que, excepcionalmente, "
        "comprometen irreversiblemente la competencia estructural del cuello uterino.")
"A sentence of 27 long words: INFLESZ far below 65, and over the 25-word limit."


def spanish_guide(*blocks: str, title: str = "A") -> Guide:
    """A one-chapter Spanish guide in memory."""
    return Guide(slug="g", title="G", language="es-US",
                 chapters=[Chapter(1, title, [Block(b) for b in blocks], ["Introduction"], "01-a")])


# ------------------------------------------------------------ the shipped guide


@pytest.fixture(scope="module")
def shipped_report(tmp_path_factory):
    folder = shipped_folder(SPANISH)
    return check_folder(load_guide(folder), tmp_path_factory.mktemp("out"))


def test_the_shipped_spanish_guide_has_no_errors(shipped_report):
    assert [p.message for p in shipped_report.problems if p.level == "error"] == []


def test_the_shipped_spanish_guide_is_held_to_inflesz_not_to_a_grade(shipped_report):
    chapters = shipped_report.chapters
    assert len(chapters) == 11 and shipped_report.target_inflesz == 65.0
    assert all(c.inflesz >= 65 and c.inflesz_band == "bastante fácil" for c in chapters)
    assert all(c.fk_grade is None and c.smog is None and c.fernandez_huerta > 60 for c in chapters)
    assert not [p for p in shipped_report.problems if p.kind in ("grade", "drift")]


def test_a_spanish_chapters_figures_are_the_rule_counted_ones(shipped_report):
    guide = load_guide(shipped_folder(SPANISH))
    from guide.check.chapter import sentences_of

    for stats, chapter in zip(shipped_report.chapters, guide.chapters, strict=True):
        found = readability(sentences_of(chapter, "es-US"), "es-US")
        assert (stats.inflesz, stats.fernandez_huerta) == (found.inflesz, found.fernandez_huerta)


# ------------------------------------------------------------ a broken copy


def test_long_hard_sentences_are_below_the_inflesz_target_and_too_long(tmp_path):
    folder = Path(shutil.copytree(shipped_folder(SPANISH), tmp_path / "scripts" / SPANISH))
    (path,) = folder.glob("05-*.txt")
    path.write_text(path.read_text(encoding="utf-8") + "\n" + "\n".join([HARD] * 4) + "\n",
                    encoding="utf-8")
    report = check_folder(load_guide(folder), tmp_path / "out")
    errors = [(p.chapter, p.kind) for p in report.problems if p.level == "error"]
    assert (5, "inflesz") in errors and errors.count((5, "sentence")) == 4
    (low,) = [p for p in report.problems if p.kind == "inflesz"]
    assert low.message.startswith(f"su puntuación INFLESZ es {report.chapters[4].inflesz:.1f} (")
    assert low.message.endswith("por debajo de la meta de la guía, que es 65; use oraciones más "
                                "cortas y palabras más cortas.")
    assert low.detail["target_inflesz"] == 65.0 and report.chapters[4].inflesz < 65


def test_target_inflesz_comes_from_guide_toml(tmp_path):
    folder = write_guide_folder(tmp_path / "g", {
        "guide.toml": ES_TOML + "target_inflesz = 99\n",
        "01-a.txt": "# Title: A\n\nUsted puede descansar en su casa hoy.\n"})
    report = check_folder(load_guide(folder), tmp_path / "out")
    assert report.target_inflesz == 99.0 and 65 < report.chapters[0].inflesz < 99
    assert [p.kind for p in report.problems if p.level == "error"] == ["inflesz"]


# ------------------------------------------------------------ medical words


@pytest.mark.parametrize(("sentence", "terms"), [
    ("Un cerclaje es un punto de sutura en el cuello uterino.", {"cerclaje"}),
    ("El cerclaje es un punto.", {"cerclaje"}),
    ("El DES es un medicamento.", {"DES"}),
    ("Este punto de sutura se llama cerclaje.", {"cerclaje"}),
    ("Prematuro significa que nace demasiado pronto.", {"prematuro"}),
    ("Legrado quiere decir sacar tejido de la matriz.", {"legrado"}),
    ("Los médicos llaman dilatación a esta apertura.", {"dilatación"}),
    ("En una biopsia, el médico toma un pedacito.", {"biopsia"}),
    ("Su médico le puede hacer un cerclaje.", set()),
    ("Después de la biopsia, descanse.", set()),
])
def test_spanish_sentences_that_explain_a_term(sentence, terms):
    spoken = Spoken(1, 0, False, False, sentence, sentence)
    assert defines(spoken, load_lexicon(None, "es-US"), "es-US") == terms


def test_a_term_is_explained_by_the_next_sentence_starting_es_or_esto_es():
    lexicon = load_lexicon(None, "es-US")
    for follower in ("Es un punto de sutura.", "Esto es un punto de sutura."):
        guide = spanish_guide("Su médico le puede hacer un cerclaje. " + follower,
                              "Palabras que debe conocer")
        assert find_term_problems(guide, lexicon) == []
    guide = spanish_guide("Su médico le puede hacer un cerclaje. Descanse mucho.")
    assert [f.kind for f in find_term_problems(guide, lexicon)] == ["unexplained"]


@pytest.mark.parametrize("title", ["Palabras que debe conocer", "Palabras que debe conocer, "
                                   "primera parte", "Glosario", "Words to know"])
def test_glossary_titles_in_spanish_and_english(title):
    assert is_glossary(title)


def test_a_glossary_item_whose_term_ends_in_an_initial_is_a_heading():
    """The splitter keeps "D y L." with what follows it (it takes "L." for an initial)."""
    lexicon = load_lexicon(None, "es-US")
    guide = Guide(slug="g", title="G", language="es-US", chapters=[
        Chapter(1, "Glosario", [Block("D y L. Son las iniciales de dilatación y legrado. "
                                      "El médico saca tejido.")], [], "01-a")])
    assert not [f for f in find_term_problems(guide, lexicon) if f.entry.term ==
                "dilatación y legrado"]


# ------------------------------------------------------------ words the voice may say badly


def test_words_with_accented_letters_are_whole_words(tmp_path):
    folder = write_guide_folder(tmp_path / "g", {
        "guide.toml": ES_TOML,
        "01-a.txt": "# Title: A\n\nEn su próximo embarazo, no tome nada frío. Hmm.\n"})
    report = check_folder(load_guide(folder), tmp_path / "out")
    assert [p.detail["word"] for p in report.problems if p.kind == "pronunciation"] == ["Hmm"]
    (note,) = [p for p in report.problems if p.kind == "dictionary"]
    assert note.level == "info" and "es-419" in note.message


def test_a_language_the_tool_cannot_speak_is_checked_with_english_rules_and_says_so(tmp_path):
    folder = write_guide_folder(tmp_path / "g", {
        "guide.toml": 'title = "G"\nsource = "none"\nlanguage = "fr-FR"\n',
        "01-a.txt": "# Title: A\n\nLe repos est bon.\n"})
    report = check_folder(load_guide(folder), tmp_path / "out")
    (note,) = [p for p in report.problems if p.kind == "language"]
    assert note.level == "info" and note.message.startswith(
        "the guide's language is fr-FR, which the tool cannot speak yet, so it was checked "
        "with the English rules")
    assert report.chapters[0].fk_grade is not None and report.chapters[0].inflesz is None


# ------------------------------------------------------------ what only works on paper


@pytest.mark.parametrize(("sentence", "words"), [
    ("Vea la tabla de abajo para su dosis.", ["Vea la tabla de abajo"]),
    ("Esta tabla muestra las dosis.", ["Esta tabla"]),
    ("Vea la figura 2.", ["Vea la figura 2"]),
    ("Como se muestra en la imagen, el cuello se abre.", ["Como se muestra"]),
    ("Haga clic aquí para pedir una cita.", ["Haga clic"]),
    ("Toque aquí.", ["Toque aquí"]),
    ("Lea más en esta página.", ["en esta página"]),
    ("Las señales se describen abajo:", ["se describen abajo"]),
    ("Abajo se explican las señales.", ["Abajo se explican"]),
    ("Los detalles mencionados arriba.", ["mencionados arriba"]),
    ("Mire la columna de la izquierda.", ["la columna de la izquierda"]),
    ("Las palabras en negrita importan.", ["en negrita"]),
    # places and visits, not the page
    ("El cuello uterino es la parte de abajo de su matriz.", []),
    ("Es una matriz con forma de corazón, con dos partes arriba.", []),
    ("Vea a un especialista pronto.", []),
    ("El bebé está cabeza abajo.", []),
    ("La lista que sigue tiene tres puntos.", []),
])
def test_spanish_visual_words(sentence, words):
    assert [w for w, _ in visual_references(sentence, "es-US")] == words


def test_english_visual_rules_are_not_used_on_spanish_text():
    assert visual_references("Vea la tabla de abajo.", "en-US") == []
    assert visual_references("See the table below.", "es-US") == []


def test_spanish_dates_numbers_and_twelve_oclock(tmp_path):
    guide = spanish_guide("Vuelva el 03/04/2025 a las 12 p. m.", "Tome 2.400 mg al día.")
    messages = [(p.kind, p.message) for p in ear_problems(guide, load_lexicon(None, "es-US"))]
    assert messages == [
        ("date", 'la fecha "03/04/2025" puede ser el 3 de abril o el 4 de marzo, en la oración '
                 '"Vuelva el 03/04/2025 a las 12 p. m."; escriba el mes con letras, como '
                 '"3 de abril de 2025" o "4 de marzo de 2025", según lo que quiera decir.'),
        ("date", 'la hora "12 p. m." a menudo se confunde con la medianoche, en la oración '
                 '"Vuelva el 03/04/2025 a las 12 p. m."; escriba "mediodía" en su lugar.'),
        ("number", 'el número "2.400" es 2.4 en la región de esta guía (es-US), pero 2400 en las '
                   'regiones que usan la coma para los decimales, en la oración "Tome 2.400 mg al '
                   'día."; escríbalo de modo que se lea de una sola forma: "2400" para los miles, '
                   'o el decimal sin los ceros del final, como "2.4".'),
    ]


# ------------------------------------------------------------ PEMAT words


@pytest.mark.parametrize(("sentence", "action"), [
    ("Pregunte a su equipo de salud.", True),
    ("Por favor, hable con su médico.", True),
    ("Tal vez quiera unirse a un grupo de apoyo.", True),
    ("El cuello uterino es la parte baja de la matriz.", False),
])
def test_spanish_actions(sentence, action):
    assert is_action(sentence, "es-US") is action


@pytest.mark.parametrize(("sentence", "passive"), [
    ("El problema fue descubierto tarde.", True),
    ("Las partes del cuerpo son hechas de tejido.", True),
    ("Este problema se descubre tarde.", False),
    ("Es importante descansar.", False),
    ("Es el lado izquierdo.", False),
])
def test_spanish_passives(sentence, passive):
    assert is_passive(sentence, "es-US") is passive


# ------------------------------------------------------------ the command


def test_cli_prints_inflesz_and_fernandez_huerta_and_json_has_both(tmp_path):
    folder = write_guide_folder(tmp_path / "scripts" / "g", {
        "guide.toml": ES_TOML,
        "01-a.txt": "# Title: Señales\n\nUsted puede sentir dolor. Hable con su médico.\n"})
    runner = CliRunner()
    text = runner.invoke(cli, ["check", str(folder), "--out", str(tmp_path / "out")],
                         obj={"engine": FakeEngine()})
    line = next(x for x in text.stdout.splitlines() if x.startswith("Capítulo 1"))
    found = readability(["Usted puede sentir dolor.", "Hable con su médico."], "es-US")
    assert line.startswith(f"Capítulo 1, Señales: 8 palabras, INFLESZ {found.inflesz:.1f} "
                           f"({found.band}), Fernández-Huerta {found.fernandez_huerta:.1f}, "
                           "aproximadamente ")
    data = json.loads(runner.invoke(cli, ["check", str(folder), "--json", "--out",
                                          str(tmp_path / "out")],
                                    obj={"engine": FakeEngine()}).stdout)
    chapter = data["chapters"][0]
    keys = list(chapter)
    assert keys[keys.index("fk_grade"):keys.index("fk_grade") + 5] == [
        "fk_grade", "smog", "fernandez_huerta", "inflesz", "inflesz_band"]
    assert (chapter["fk_grade"], chapter["inflesz"], chapter["fernandez_huerta"]) == (
        None, found.inflesz, found.fernandez_huerta)
    assert (data["language"], data["target_inflesz"]) == ("es-US", 65.0)


def test_drift_in_a_spanish_guide_made_from_a_spanish_article_reads_spanish_words(tmp_path):
    folder = write_guide_folder(tmp_path / "g", {
        "guide.toml": 'title = "G"\nsource = "source.md"\nlanguage = "es-US"\n',
        "source.md": "# Cerclaje\n\nLos médicos pueden hacer un cerclaje al principio del "
                     "embarazo. Las mujeres con dolor deben llamar.\n",
        "01-a.txt": "# Title: Qué es\n# Source: Introduction\n\nSu médico le puede hacer un "
                    "cerclaje al principio de su embarazo. Tome vitaminas todos los días. "
                    "Llame si tiene dolor.\n"})
    report = check_folder(load_guide(folder), tmp_path / "out")
    (drift,) = [p for p in report.problems if p.kind == "drift"]
    assert drift.detail["words"] == ["tome", "vitaminas", "días"]
