"""Spanish articles of our own through guide new, guide check and guide build, with the real espeak-ng.

The golden articles (tests/data/articles/presion-alta-embarazo.md and
hierro-embarazo.html) have the hard cases of Spanish by ear: units (mg, mg/dL,
mm Hg, °C and °F, kg), blood pressure ("140/90"), dates ("3 de abril de
2025"), times ("a las 6 de la mañana"), emergency and service numbers,
abbreviations (Dr., Dra., p. ej., EE. UU.), "¿…?" and "¡…!", numbered steps, a
table, a byline and Spanish page furniture. Their expected spoken forms are in
tests/data/articles/spanish-spoken.json.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from guide.check.words import phonemes
from guide.cli.app import cli
from guide.scripts.store import load_guide
from guide.speech.lexicon import Lexicon
from guide.speech.normalise import normalise
from guide.speech.sentences import split_sentences

from .helpers import FakeEngine

ARTICLES = Path(__file__).parent / "data" / "articles"
SPOKEN = json.loads((ARTICLES / "spanish-spoken.json").read_text(encoding="utf-8"))
MARKDOWN = ARTICLES / "presion-alta-embarazo.md"
SLUG = "la-presion-arterial-alta-en-el-embarazo"

NUMBERS = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
           "sixteen seventeen eighteen nineteen twenty hundred thousand")
MONTHS = "january february march april may june july august september october november december"
ENGLISH = frozenset(f"chapter of point milligrams degrees introduction sources {NUMBERS} {MONTHS}".split())
"""English words that would betray an English rule in a Spanish guide ("Chapter 1 of 5", "100 point 4
degrees", "March fourth"). Fahrenheit is a name, said in Spanish too."""


def english_words(text: str) -> list[str]:
    """The words of ``text`` that are on the list of English words."""
    return [w for w in re.findall(r"[^\W\d_]+", text.casefold()) if w in ENGLISH]


# ---------------------------------------------------------------- spoken forms


def draft_sentences(stem: str) -> list[str]:
    """Every sentence of the hand-checked draft of a golden article, split as the narration splits."""
    guide = load_guide(ARTICLES / f"{stem}.draft")
    return [s for c in guide.chapters for b in c.blocks for s in split_sentences(b.text, language="es-US")]


CASES = [(stem, row) for stem, rows in SPOKEN.items() for row in rows]


@pytest.mark.parametrize(("stem", "row"), CASES, ids=[f"{s}:{r['case']}" for s, r in CASES])
def test_a_hard_sentence_of_a_golden_article_is_spoken_as_expected(stem, row):
    assert row["text"] in draft_sentences(stem)
    spoken = normalise(row["text"], Lexicon.builtin("es-US"), "es-US")
    assert spoken == row["spoken"]
    assert english_words(spoken) == []


@pytest.mark.parametrize(("said", "heard", "never"), [
    ("Llame al 9 1 1 si", "nw'eBe 'uno 'uno", "Entos"),  # nueve uno uno, not novecientos once
    ("el 3 de abril de 2025", "aB**'il De D'os m'il", "eIpr"),
    ("140 sobre 90 milímetros de mercurio", "s,oB**e noB'Enta", "Ov"),
    ("38 grados centígrados", "'otSo Q**'aDos sent'iQ**aDos", "dI"),
])
def test_espeak_ng_says_the_hard_cases_in_spanish(espeak_available, said, heard, never):
    sounds = phonemes(said, "es-419")
    assert heard in sounds and never not in sounds, sounds


# -------------------------------------------------------------------- guide new


@pytest.fixture
def runner(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    def invoke(*args):
        return CliRunner().invoke(cli, list(args), obj={"engine": FakeEngine()})

    return invoke


TEXT = ("Cómo tomar el hierro\n\nEl hierro ayuda a formar la sangre. Tómelo cada día con un vaso de jugo.\n\n"
        "Publicidad\n\nCuándo llamar\n\nLlame a su médico si se siente muy cansada.\n")


def test_new_with_a_language_writes_a_spanish_draft_and_says_so_in_spanish(runner, tmp_path):
    (tmp_path / "hierro.txt").write_text(TEXT, encoding="utf-8")
    result = runner("new", "hierro.txt", "--language", "es-us")
    assert result.exit_code == 0, result.output
    folder = tmp_path / "scripts" / "como-tomar-el-hierro"
    assert result.stderr.splitlines() == [
        f"Se escribieron 2 guiones de capítulo en {Path('scripts') / 'como-tomar-el-hierro'}.",
        "Edítelos en cualquier editor de texto y luego ejecute: guide check como-tomar-el-hierro, "
        "y guide build como-tomar-el-hierro",
    ]
    settings = (folder / "guide.toml").read_text(encoding="utf-8")
    assert 'language = "es-US"' in settings and "voice" not in settings
    first = (folder / "01-introduccion.txt").read_text(encoding="utf-8")
    assert first.startswith("# Title: Introducción\n# Source: Introduction\n# Las líneas que empiezan")
    assert "Publicidad" not in first + (folder / "02-cuando-llamar.txt").read_text(encoding="utf-8")


def test_new_finds_the_language_the_article_declares(runner, tmp_path):
    page = ("<html lang='es-MX'><body><h1>El hierro</h1><p>El hierro ayuda a formar la sangre.</p>"
            "<p>¿Le resultó útil esta página?</p><h2>Fuentes</h2><ul><li>Una fuente.</li></ul></body></html>")
    (tmp_path / "hierro.html").write_text(page, encoding="utf-8")
    result = runner("new", "hierro.html")
    assert result.exit_code == 0, result.output
    folder = tmp_path / "scripts" / "el-hierro"
    assert load_guide(folder).language == "es-MX"
    assert sorted(p.name for p in folder.glob("*.txt")) == ["01-introduccion.txt", "02-fuentes.txt"]
    assert "útil" not in (folder / "01-introduccion.txt").read_text(encoding="utf-8")


def test_new_with_a_language_the_guide_cannot_speak_is_one_sentence(runner, tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    result = runner("new", "a.txt", "--language", "fr-FR")
    assert result.exit_code == 1
    assert result.stderr.startswith("The guide cannot speak fr-FR yet: it speaks English (en) "
                                    "and Spanish (es)")
    assert len(result.stderr.splitlines()) == 1
    assert not (tmp_path / "scripts").exists()


def test_new_in_english_says_what_it_said_before(runner, tmp_path):
    (tmp_path / "a.txt").write_text("Sleep and your baby\n\nBabies sleep a lot. They wake often.\n\n"
                                    "Safe sleep\n\nPut your baby on its back.\n", encoding="utf-8")
    result = runner("new", "a.txt", "--slug", "sleep")
    assert result.stderr.splitlines() == [
        f"Wrote 2 chapter scripts to {Path('scripts') / 'sleep'}.",
        "Edit them in any text editor, then run: guide check sleep, and guide build sleep",
    ]
    assert 'language = "en-US"' in (tmp_path / "scripts" / "sleep" / "guide.toml").read_text()


# ------------------------------------------------------------------ end to end


def test_a_spanish_article_is_heard_with_no_english_word(tmp_path, monkeypatch, espeak_available):
    """guide new → guide check → guide build, with the real espeak-ng: nothing English is heard."""
    monkeypatch.chdir(tmp_path)
    shutil.copy(MARKDOWN, tmp_path / MARKDOWN.name)
    runner = CliRunner()
    new = runner.invoke(cli, ["new", MARKDOWN.name])
    assert new.exit_code == 0, new.output
    assert new.stderr.splitlines()[-2].startswith("Se escribieron 5 guiones de capítulo en ")
    folder = tmp_path / "scripts" / SLUG
    assert load_guide(folder).language == "es-US"

    checked = runner.invoke(cli, ["check", SLUG, "--json"])
    assert checked.exit_code in (0, 1), checked.output
    report = json.loads(checked.stdout)
    assert len(report["chapters"]) == 5
    assert all({"fernandez_huerta", "inflesz"} <= set(chapter) for chapter in report["chapters"])

    built = runner.invoke(cli, ["build", SLUG])
    assert built.exit_code == 0, built.output
    manifest = json.loads((tmp_path / "audio_out" / SLUG / "manifest.json").read_text(encoding="utf-8"))
    spoken = [s["spoken"] for chapter in manifest["chapters"] for s in chapter["sentences"]]
    assert spoken[0].startswith("Capítulo 1 de 5: Introducción")
    heard = {text: english_words(text) for text in spoken}
    assert {text: words for text, words in heard.items() if words} == {}
    said = {s["text"]: s["spoken"] for chapter in manifest["chapters"] for s in chapter["sentences"]}
    for row in SPOKEN["presion-alta-embarazo"]:
        assert said[row["text"]] == row["spoken"]
