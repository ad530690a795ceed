"""Errors as the user reads them: one sentence with the advice for its hint, or, with
``--debug`` or ``GUIDE_DEBUG=1``, the traceback and its causes first."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from guide.cli.advice import ADVICE, Target, rebuild_command, sentence
from guide.cli.app import cli
from guide.errors import DamagedOutput, FileError, GuideError, NotBuilt, UnsafeOutput

from ..helpers import FakeEngine, write_guide_folder

BAD_TOML = "scripts/tiny/guide.toml: is not valid TOML at line 1, column 9: invalid value."


@pytest.fixture
def place(tmp_path, monkeypatch):
    """A working folder with scripts/tiny, whose guide.toml does not parse."""
    folder = write_guide_folder(tmp_path / "scripts" / "tiny")
    (folder / "guide.toml").write_text("title = \n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str, env: dict | None = None, engine=None):
    return CliRunner().invoke(cli, list(args), obj={"engine": engine or FakeEngine()}, env=env)


def test_an_error_is_one_sentence_without_debug(place):
    result = run("list", "tiny", env={"GUIDE_DEBUG": ""})
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", BAD_TOML + "\n")


@pytest.mark.parametrize("how", [("--debug",), ("GUIDE_DEBUG",)])
def test_debug_prints_the_traceback_and_the_cause_then_the_sentence(place, how):
    args, env = (["--debug", "list", "tiny"], None) if how == ("--debug",) else (
        ["list", "tiny"], {"GUIDE_DEBUG": "1"})
    result = run(*args, env=env)
    assert (result.exit_code, result.stdout) == (1, "")
    lines = result.stderr.splitlines()
    assert lines[0] == "Traceback (most recent call last):"
    assert "The above exception was the direct cause of the following exception:" in lines
    assert any(line.startswith("tomllib.TOMLDecodeError: Invalid value") for line in lines)
    assert lines[-2] == "guide.errors.ScriptError: " + BAD_TOML
    assert lines[-1] == BAD_TOML


class BrokenEngine(FakeEngine):
    """An engine with a bug: listing its voices raises what no one expected."""

    def voices(self):
        raise KeyError("en-us")


def test_an_unexpected_error_is_one_sentence_that_offers_debug(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("voices", engine=BrokenEngine())
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == ("Something went wrong that guide did not expect: 'en-us'. "
                             "Run again with --debug to see the details.\n")
    assert isinstance(result.exception, SystemExit)


def test_an_unexpected_error_with_debug_shows_where(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("--debug", "voices", engine=BrokenEngine())
    lines = result.stderr.splitlines()
    assert (result.exit_code, lines[0]) == (1, "Traceback (most recent call last):")
    assert any("in voices" in line for line in lines)
    assert lines[-2:] == ["KeyError: 'en-us'", "Something went wrong that guide did not expect: 'en-us'."]


def test_a_bad_option_value_is_one_sentence(place):
    result = run("list", "tiny", "--rate", "9")
    assert (result.exit_code, result.stderr) == (
        1, "--rate must be normal, slow, or words per minute from 60 to 400, not '9'.\n")


# ------------------------------------------------------------------ advice


TINY_SLOW = Target("tiny", Path("built"), "slow")


@pytest.mark.parametrize("error, target, said", [
    (FileError("notes.txt", "is a file, not a folder.", hint="out"), None,
     "notes.txt: is a file, not a folder. Choose another folder with --out."),
    (FileError("notes.txt", "is a file, not a folder.", hint="out"), Target(out_flag="--scripts"),
     "notes.txt: is a file, not a folder. Choose another folder with --scripts."),
    (UnsafeOutput("scripts", "is the folder of guide scripts, so built guides cannot go there.", hint="out"),
     None, "scripts is the folder of guide scripts, so built guides cannot go there; "
           "choose another folder with --out."),
    (UnsafeOutput("out/tiny", "is not a folder that guide built, so it was not replaced.", hint="move-out"),
     None, "out/tiny is not a folder that guide built, so it was not replaced; "
           "move it away or choose another folder with --out."),
    (DamagedOutput("built/tiny--slow/manifest.json"), TINY_SLOW,
     "built/tiny--slow/manifest.json is damaged; build it again with guide build tiny --rate slow "
     "--out built --force."),
    (DamagedOutput("audio_out/tiny/chapters/01-a.mp3", "is missing"), None,
     "audio_out/tiny/chapters/01-a.mp3 is missing; build it again with guide build --force."),
    (NotBuilt("audio_out/tiny has no built guide yet.", hint="build"), TINY_SLOW,
     "audio_out/tiny has no built guide yet. Run: guide build"),
    (NotBuilt("audio_out/tiny/manifest.json cannot be read (Permission denied).", hint="rebuild"), None,
     "audio_out/tiny/manifest.json cannot be read (Permission denied). Run: guide build --force"),
    (FileError("scripts/x", "is a link to another folder, and is never replaced. Remove the link.",
               hint="slug"), None,
     "scripts/x: is a link to another folder, and is never replaced. Remove the link, "
     "or choose another --slug."),
    (GuideError("scripts/sleep already exists.", hint="force"), None,
     "scripts/sleep already exists. Use --force to replace it, or choose another --slug."),
    (GuideError("No chapter is called 'x'.", hint="list"), Target("tiny"),
     "No chapter is called 'x'. To see the chapters, run: guide list tiny"),
    (GuideError("There is no Piper voice called 'x'.", hint="piper-voices"), None,
     "There is no Piper voice called 'x'. The command guide voices --engine piper lists them."),
    (GuideError("Nothing was said", hint="no-such-hint"), None, "Nothing was said"),
])
def test_each_hint_becomes_the_advice_in_the_commands_own_words(error, target, said):
    assert sentence(error, target) == said


def test_every_hint_documented_in_errors_has_advice_and_no_other():
    import guide.errors

    source = Path(guide.errors.__file__).read_text(encoding="utf-8")
    documented = source.split("hint: str | None = None", 1)[1].split('"""', 2)[1]  # its docstring
    assert set(documented.split("``")[1::2]) == set(ADVICE)


def test_the_rebuild_command_quotes_what_the_shell_would_split():
    target = Target("my guide", Path("out dir"), "130", "piper", "en_US-joe-medium")
    assert rebuild_command(target) == ("guide build 'my guide' --engine piper --voice en_US-joe-medium "
                                       "--rate 130 --out 'out dir' --force")
