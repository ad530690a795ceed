"""The shipped guide's scripts: none of the reviewed wording comes back, and chapter 1 is a map."""

from __future__ import annotations

import re

import pytest

from guide.player.lines import HELP
from guide.scripts.store import load_guide, shipped_folder

BANNED = ["Press B to go back", "A to Z", "gently", "just to be safe"]
"Phrases the clinical review took out (issue 13); none may come back."


@pytest.fixture(scope="module")
def guide():
    return load_guide(shipped_folder())


def _spoken(chapter) -> str:
    """The words of a chapter's script, without its editor notes."""
    text = (shipped_folder() / f"{chapter.stem}.txt").read_text(encoding="utf-8")
    return "\n".join(line for line in text.splitlines() if not line.startswith("#"))


@pytest.mark.parametrize("phrase", BANNED)
def test_no_script_keeps_a_banned_phrase(guide, phrase):
    found = [ch.stem for ch in guide.chapters if phrase.lower() in _spoken(ch).lower()]
    assert found == []


def test_chapter_one_names_every_chapter_with_its_number(guide):
    first = _spoken(guide.chapters[0])
    for ch in guide.chapters:
        assert f"Chapter {ch.number}: {ch.title}." in first, ch.title


def test_chapter_one_gives_the_players_real_keys(guide):
    first = _spoken(guide.chapters[0])
    assert "Press B to go to the chapter before." in first
    assert "Press a number from 1 to 9 to go to that chapter." in first
    assert "press 9, and then press N once or twice." in first
    assert "b, or Page Up: previous chapter." in HELP and "A number from 1 to 9: go to that chapter." in HELP


def test_key_points_lead_with_seeing_a_specialist_early(guide):
    key_points = _spoken(guide.chapters[1])
    first_point = key_points.split("Here are the other points.")[0]
    assert "early in your next pregnancy" in first_point and "before you become pregnant" in first_point


def test_the_sources_chapter_says_how_old_its_sources_are(guide):
    sources = _spoken(guide.chapters[-1])
    assert "between 2003 and 2006" in sources
    assert "may have changed since then" in sources and "ask your care team" in sources
    assert not re.search(r"[\"\u201c\u201d]", sources)  # no titles in silent quotation marks


def test_miscarriage_is_defined_one_way():
    from guide.speech.lexicon import Lexicon

    meaning = "before the baby can live outside the womb"
    assert meaning in Lexicon.builtin().lookup("miscarriage").define
    for path in shipped_folder().glob("[0-9]*.txt"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if re.match(r"(- )?(A )?miscarriage(\.| is)", line, re.I):
                assert meaning in line, line


# ------------------------------------------------------------ the Spanish guide


@pytest.fixture(scope="module")
def spanish():
    return load_guide(shipped_folder("insuficiencia-cervical"))


def test_the_spanish_guide_is_the_english_one_chapter_for_chapter(guide, spanish):
    assert spanish.translation_of == guide.slug
    assert len(spanish.chapters) == len(guide.chapters)
    assert [ch.sources for ch in spanish.chapters] == [ch.sources for ch in guide.chapters]


def test_the_spanish_chapter_one_names_every_chapter_in_spanish(spanish):
    first = (shipped_folder("insuficiencia-cervical") / f"{spanish.chapters[0].stem}.txt").read_text(
        encoding="utf-8")
    for ch in spanish.chapters:
        assert f"Capítulo {ch.number}: {ch.title}." in first, ch.title


def test_the_spanish_guide_names_the_voice_its_language_would_choose(spanish):
    from guide.editions import espeak_voice

    assert (spanish.language, spanish.voice) == ("es-US", espeak_voice("es-US"))
