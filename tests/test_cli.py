"""Every command's output and errors, through click's CliRunner, with exact lines."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from guide import __version__
from guide.cli.app import cli
from .helpers import TINY, FakeEngine, write_guide_folder


@pytest.fixture
def run(tiny_folder, monkeypatch):
    """Run ``guide`` in the folder that holds scripts/tiny, with the fake engine."""
    monkeypatch.chdir(tiny_folder.parent.parent)

    def invoke(*args, engine=None):
        runner = CliRunner()
        return runner.invoke(cli, list(args), obj={"engine": engine or FakeEngine()})

    return invoke


def test_version(run):
    result = run("--version")
    assert result.exit_code == 0
    assert result.output == f"guide {__version__}\n"


def test_build_prints_progress_then_the_summary(run):
    result = run("build", "tiny")
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert lines[:3] == ["Chapter 1 of 3 done.", "Chapter 2 of 3 done.", "Chapter 3 of 3 done."]
    assert re.fullmatch(r"Built 3 chapters, \d+ s of audio, in \d+\.\d s\. 0 of 13 clips came from the cache\.",
                        lines[3])
    assert lines[4] == "The guide is in audio_out/tiny"
    assert result.stdout == "audio_out/tiny/tiny.mp3\n"
    again = run("build", "tiny")
    assert again.stderr.splitlines()[0].startswith("Up to date. 3 chapters, ")


def test_list_before_and_after_building(run):
    before = run("list", "tiny")
    assert before.stdout == "1. Welcome\n2. A short list\n3. The end\n"
    assert before.stderr == "This guide is not built yet, so no lengths are shown. Run: guide build\n"
    run("build", "tiny")
    after = run("list", "tiny")
    assert re.fullmatch(r"1\. Welcome \(\d+ s\)\n2\. A short list \(\d+ s\)\n3\. The end \(\d+ s\)\n",
                        after.stdout)
    data = json.loads(run("list", "tiny", "--json").stdout)
    assert [c["number"] for c in data["chapters"]] == [1, 2, 3]
    assert all(c["duration_s"] > 0 for c in data["chapters"])


def test_list_shows_no_stale_length_for_a_renamed_chapter(run, tiny_folder):
    run("build", "tiny")
    script = tiny_folder / "02-a-list.txt"
    script.write_text(script.read_text().replace("# Title: A short list", "# Title: Two things"))
    after = run("list", "tiny")
    assert re.fullmatch(r"1\. Welcome \(\d+ s\)\n2\. Two things\n3\. The end \(\d+ s\)\n", after.stdout)
    assert after.stderr == ("Some chapters changed after the last build, so their lengths are not "
                            "shown. Run: guide build\n")
    data = json.loads(run("list", "tiny", "--json").stdout)
    assert [c["duration_s"] is None for c in data["chapters"]] == [False, True, False]


def test_export_mp3_selected_chapters(run, tmp_path):
    result = run("export", "tiny", "--format", "mp3", "--out", str(tmp_path / "usb"), "--chapters", "1,3")
    assert result.exit_code == 0, result.output
    assert result.stderr == f"Writing the MP3 files (mp3).\nWrote 5 files to {tmp_path / 'usb'}.\n"
    names = sorted(p.name for p in (tmp_path / "usb" / "chapters").iterdir())
    assert names == ["01-welcome.mp3", "01-welcome.txt", "03-the-end.mp3", "03-the-end.txt"]
    playlist = (tmp_path / "usb" / "tiny.m3u").read_text()
    assert "02-a-list" not in playlist and "03-the-end.mp3" in playlist


@pytest.mark.parametrize("args, message", [
    (["build", "nope"], "There is no guide called 'nope'. The guides here are: tiny.\n"),
    (["export", "tiny", "--out", "x", "--chapters", "7"],
     "There is no chapter 7. This guide has chapters 1 to 3.\n"),
    (["export", "tiny", "--out", "x", "--format", "wav"], None),
    (["build", "tiny", "--voice", "klingon"],
     "There is no voice called 'klingon'. The command guide voices lists them.\n"),
    (["build", "tiny", "--rate", "fast"],
     "--rate must be normal, slow, or words per minute from 60 to 400, not 'fast'.\n"),
])
def test_errors_are_one_sentence_and_exit_1(run, args, message):
    result = run(*args)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert len(result.stderr.splitlines()) == 1
    if message:
        assert result.stderr == message


BUILT = r"Built 3 chapters, \d+ s of audio, in \d+\.\d s\. \d+ of 13 clips came from the cache\."


def test_build_all_builds_every_guide_under_scripts_one_line_each(run, tiny_folder):
    write_guide_folder(tiny_folder.parent / "second")
    result = run("build", "--all")
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 3, lines
    assert re.fullmatch(rf"second: {BUILT} It is in audio_out/second", lines[0])
    assert re.fullmatch(rf"tiny: {BUILT} It is in audio_out/tiny", lines[1])
    assert lines[2] == "Built all 2 guides."
    assert result.stdout == "audio_out/second/second.mp3\naudio_out/tiny/tiny.mp3\n"
    again = run("build", "--all").stderr.splitlines()
    assert [line.split(" ")[:3] for line in again[:2]] == [["second:", "Up", "to"], ["tiny:", "Up", "to"]]


def test_build_all_goes_on_after_a_guide_fails_and_exits_1(run, tiny_folder):
    spanish = dict(TINY, **{"guide.toml": TINY["guide.toml"].replace('"en-US"', '"es-US"')
                            .replace('voice = "en-us"\n', "")})
    write_guide_folder(tiny_folder.parent / "pequena", spanish)  # the fake engine has no es-419
    result = run("build", "--all")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0] == ("pequena: failed. There is no voice called 'es-419'. "
                        "The command guide voices lists them.")
    assert re.fullmatch(rf"tiny: {BUILT} It is in audio_out/tiny", lines[1])
    assert lines[2:] == ["Built 1 of 2 guides; pequena failed."]
    assert result.stdout == "audio_out/tiny/tiny.mp3\n" and "Traceback" not in result.output


def test_build_all_with_a_guide_is_one_sentence(run):
    result = run("build", "tiny", "--all")
    assert result.exit_code == 1
    assert result.stderr == ("--all builds every guide, so it takes no GUIDE: build tiny without --all, "
                             "or leave GUIDE out.\n")
    assert result.stdout == ""


def test_without_a_guide_every_command_still_means_the_english_guide(run):
    assert run("list").stdout.splitlines()[0] == "1. About this guide"


def test_build_slow_edition(run):
    result = run("build", "tiny", "--rate", "slow")
    assert result.exit_code == 0, result.output
    assert result.stdout == "audio_out/tiny--slow/tiny--slow.mp3\n"


def test_missing_ffmpeg_is_one_sentence(run, monkeypatch, tmp_path):
    (tmp_path / "bin").mkdir()
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))  # no ffmpeg, no ffprobe
    result = run("build", "tiny")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == (
        "ffmpeg was not found. Install it with: sudo apt-get install ffmpeg")


def test_new_writes_a_draft_and_refuses_to_overwrite(run, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Sleep and your baby\n\nA short guide\n\nBabies sleep a lot. "
                       "They wake often.\n\nSafe sleep\n\nPut your baby on its back.\n", encoding="utf-8")
    first = run("new", str(article), "--slug", "sleep")
    assert first.exit_code == 0, first.output
    assert first.stderr.splitlines()[0].startswith("Wrote ")
    second = run("new", str(article), "--slug", "sleep")
    assert second.exit_code == 1
    assert second.stderr == "scripts/sleep already exists. Use --force to replace it, or choose another --slug.\n"


def test_voices_lists_ids(run):
    assert run("voices").stdout == "en-us: Fake American English (en-us)\n"


def test_cache_shows_and_clears(run, private_cache):
    run("build", "tiny")
    shown = run("cache").stdout.splitlines()
    assert shown[0] == f"The clip cache is in {private_cache}"
    assert re.fullmatch(r"It holds 13 clips, [\d.]+ (KB|MB)\.", shown[1])
    assert run("cache", "clear").stdout == "Removed 13 clips from the cache.\n"
    assert run("cache").stdout.splitlines()[1] == "It holds 0 clips, 0 bytes."


def test_a_clip_cache_that_cannot_be_written_does_not_stop_the_build(run, tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache would go")
    monkeypatch.setenv("GUIDE_CACHE_DIR", str(blocker))
    result = run("build", "tiny")
    assert result.exit_code == 0, result.output
    assert (f"The clip cache in {blocker} cannot be written (Not a directory), so this build's "
            "clips are not kept for next time. Set GUIDE_CACHE_DIR to a folder you can write.\n"
            ) in result.stderr
    assert "--out" not in result.stderr
    assert result.stdout == "audio_out/tiny/tiny.mp3\n"
