"""``guide play`` through click's CliRunner: help, errors, building first, and playing without input.

Playing uses the real mpv on its null output; stdin is not a terminal under
CliRunner, so the player plays through once and exits, as in a script.
"""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from guide.cli.app import cli
from guide.durations import spoken_duration
from ..helpers import FakeEngine
from guide.player import mpv as mpv_module
from guide.cli.play import _resolve, _start
from guide.player.mpv import NO_SOUND
from guide.player.state import Place, load_place, save_place
from guide.player.timeline import Spot, Timeline

from .fakes import made_up_manifest

END = "End of the guide. Next time, it starts from the beginning.\n"


def play(*args, obj=None, env=None):
    return CliRunner().invoke(cli, ["play", *args], obj=obj, env=env)


def flat(text: str) -> str:
    return " ".join(text.split())


def test_help_documents_screen_reader_mode_and_the_keys():
    result = play("--help")
    assert result.exit_code == 0
    text = flat(result.output)
    assert ("--screen-reader Screen-reader mode: only plain lines, never an escape sequence or a carriage "
            "return, and nothing is printed except in answer to a key or when a new chapter starts. The "
            "transcript is off unless you add --transcript. Setting GUIDE_SCREEN_READER=1 does the same.") in text
    assert "--audio-output NAME mpv's sound output. null plays in silence" in text
    for line in ["Space bar, or the letter p: pause or resume.", "n, or Page Down: next chapter.",
                 "q, or Control and c: stop. Your place is kept for next time."]:
        assert f"\n  {line}\n" in result.output  # one key a line, not re-wrapped


def test_without_mpv_it_says_how_to_install_it_and_builds_nothing(tmp_path, monkeypatch, tiny_folder):
    monkeypatch.setattr(mpv_module.shutil, "which", lambda name: None)
    result = play(str(tiny_folder), "--out", str(tmp_path / "out"), obj={"engine": FakeEngine()})
    assert result.exit_code == 1
    assert result.output == "mpv was not found. Install it with: sudo apt-get install mpv\n"
    assert not (tmp_path / "out").exists()


def expected_last_chapter(player_guide) -> str:
    m = player_guide.manifest
    last = m.chapters[-1]
    return (f"Player test guide. 4 chapters, {spoken_duration(m.duration_s)}.\n"
            f"Chapter 4 of 4: The end. {spoken_duration(last.duration_s)}.\n")


def test_without_input_it_plays_to_the_end_with_the_transcript_and_exits(player_guide):
    result = play(str(player_guide.scripts), "4", "--out", str(player_guide.out_root),
                  "--audio-output", "null", "--speed", "300")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""  # up to date: nothing to build, nothing to say about it
    assert result.stdout == (expected_last_chapter(player_guide)
                             + "That is all.\nThank you for listening.\n" + END)
    place = load_place("player")
    assert place.finished is True


def test_screen_reader_mode_prints_no_transcript(player_guide):
    result = play(str(player_guide.scripts), "The end", "--out", str(player_guide.out_root),
                  "--no-input", "--speed", "300", env={"GUIDE_SCREEN_READER": "1", "GUIDE_AUDIO_OUTPUT": "null"})
    assert result.exit_code == 0, result.output
    assert result.stdout == expected_last_chapter(player_guide) + END


def test_a_built_folder_plays_without_its_scripts(player_guide):
    result = play(str(player_guide.folder), "4", "--no-transcript", "--speed", "300",
                  env={"GUIDE_AUDIO_OUTPUT": "null"})
    assert result.exit_code == 0, result.output
    assert result.stdout == expected_last_chapter(player_guide) + END


def test_it_resumes_at_the_start_of_the_sentence_where_it_stopped(player_guide):
    last = player_guide.manifest.chapters[-1]
    thanks = last.sentences[-1]
    save_place("player", Place(chapter=4, position_s=thanks.start_s + 0.6))
    result = play(str(player_guide.scripts), "--out", str(player_guide.out_root), "--speed", "300",
                  env={"GUIDE_AUDIO_OUTPUT": "null"})
    assert result.exit_code == 0, result.output
    assert result.stdout == (f"Player test guide. 4 chapters, {spoken_duration(player_guide.manifest.duration_s)}.\n"
                             f"Resuming chapter 4 at {spoken_duration(thanks.start_s)}.\n"
                             f"{thanks.text}\n" + END)


def test_an_unknown_chapter_is_one_sentence(player_guide):
    result = play(str(player_guide.scripts), "9", "--out", str(player_guide.out_root))
    assert result.exit_code == 1
    assert result.output == "There is no chapter 9. This guide has chapters 1 to 4.\n"


def test_a_sound_output_that_cannot_open_is_one_sentence(player_guide):
    result = play(str(player_guide.folder), "--audio-output", "no-such-output")
    assert result.exit_code == 1
    assert result.output == (f"{NO_SOUND} Connect speakers or headphones, or add --audio-output null "
                             "to play without sound.\n")


def test_it_builds_the_guide_first_and_says_so_in_one_line(tiny_folder, tmp_path):
    out = str(tmp_path / "out")
    args = [str(tiny_folder), "3", "--out", out, "--audio-output", "null", "--speed", "300", "--no-transcript"]
    first = play(*args, obj={"engine": FakeEngine()})
    assert first.exit_code == 0, first.output
    assert first.stderr == "This guide is not built yet, so it is being built first. This can take a minute.\n"
    assert re.fullmatch(r"Tiny test guide\. 3 chapters, \d+ s\.\nChapter 3 of 3: The end\. \d+ s\.\n" + END,
                        first.stdout)
    script = tiny_folder / "03-the-end.txt"
    script.write_text(script.read_text() + "\nGoodbye.\n")
    changed = play(*args, obj={"engine": FakeEngine()})
    assert changed.exit_code == 0, changed.output
    assert changed.stderr == "The guide's scripts had changed, so it was built again first.\n"


# ------------------------------------------------- where it starts, and what the arguments mean


@pytest.fixture
def timeline():
    return Timeline(made_up_manifest())


def test_start_with_nothing_saved_is_the_beginning(timeline):
    assert _start(timeline, "made-up", None, False) == (Spot(0, 0.0), "start")


def test_start_resumes_a_saved_place_unless_from_start(timeline):
    save_place("made-up", Place(2, 12.0))
    assert _start(timeline, "made-up", None, False) == (Spot(1, 9.8), "resume")
    assert _start(timeline, "made-up", None, True) == (Spot(0, 0.0), "start")


def test_start_at_a_chapter_ignores_the_saved_place(timeline):
    save_place("made-up", Place(2, 12.0))
    assert _start(timeline, "made-up", "3", False) == (Spot(2, 0.0), "start")
    assert _start(timeline, "made-up", "welcome", False) == (Spot(0, 0.0), "start")


def test_start_after_a_finished_guide_is_the_beginning(timeline):
    save_place("made-up", Place(3, 25.0, finished=True))
    assert _start(timeline, "made-up", None, False) == (Spot(0, 0.0), "finished")
    save_place("made-up", Place(3, 23.0))  # stopped after the last sentence
    assert _start(timeline, "made-up", None, False) == (Spot(0, 0.0), "finished")


def test_start_at_the_very_beginning_is_not_called_resuming(timeline):
    save_place("made-up", Place(1, 0.2))
    assert _start(timeline, "made-up", None, False) == (Spot(0, 0.0), "start")


def test_one_argument_that_is_no_guide_is_a_chapter_of_the_shipped_guide(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert _resolve("3", None) == (None, "3")
    assert _resolve("Signs", None) == (None, "Signs")
    assert _resolve("cervical-insufficiency", None) == ("cervical-insufficiency", None)
    with pytest.raises(Exception, match="There is no guide called 'nonsense'"):
        _resolve("nonsense", None)
