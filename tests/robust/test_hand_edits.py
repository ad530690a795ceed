"""Hand edits are safe: ``guide new`` never replaces a guide folder without --force,
and no other command writes into scripts/ at all."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from guide.cli.app import cli
from ..helpers import FakeEngine

from ..helpers import write_guide_folder
from .outputs import snapshot

ARTICLE = "Cervical insufficiency\n\nWhat it is\n\nYour cervix is the lower part of your womb. " \
          "It stays closed until labour.\n\nWhat to do\n\n- Rest.\n- Call your midwife.\n"


@pytest.fixture
def place(tmp_path, monkeypatch):
    write_guide_folder(tmp_path / "scripts" / "tiny")
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str):
    return CliRunner().invoke(cli, list(args), obj={"engine": FakeEngine()})


def test_new_never_replaces_an_edited_guide(place):
    made = run("new", "article.txt")
    assert made.exit_code == 0, made.output
    folder = place / "scripts" / "cervical-insufficiency"
    script = sorted(folder.glob("0*.txt"))[0]
    script.write_text(script.read_text(encoding="utf-8") + "\nAn editor's own sentence.\n",
                      encoding="utf-8")
    before = snapshot(place / "scripts")
    again = run("new", "article.txt")
    assert again.exit_code == 1
    assert again.stderr == ("scripts/cervical-insufficiency already exists. Use --force to replace "
                            "it, or choose another --slug.\n")
    assert snapshot(place / "scripts") == before


def test_new_never_replaces_any_folder_with_the_same_name(place):
    notes = place / "scripts" / "my-notes"
    notes.mkdir()
    (notes / "todo.txt").write_text("Call the printer.\n", encoding="utf-8")
    before = snapshot(place / "scripts")
    result = run("new", "article.txt", "--slug", "My notes")
    assert result.exit_code == 1
    assert result.stderr == ("scripts/my-notes already exists. Use --force to replace it, "
                             "or choose another --slug.\n")
    assert snapshot(place / "scripts") == before


def test_new_with_force_replaces_the_folder_whole(place):
    assert run("new", "article.txt").exit_code == 0
    folder = place / "scripts" / "cervical-insufficiency"
    (folder / "99-stray.txt").write_text("# Title: Stray\n\nOld.\n", encoding="utf-8")
    result = run("new", "article.txt", "--force")
    assert result.exit_code == 0, result.output
    assert not (folder / "99-stray.txt").exists()
    assert (folder / "guide.toml").is_file()
    assert [p.name for p in (place / "scripts").iterdir() if p.name.startswith(".")] == []


COMMANDS = {
    "build": ["build", "tiny"],
    "build again": ["build", "tiny"],
    "build --force": ["build", "tiny", "--force", "--rate", "slow"],
    "list": ["list", "tiny"],
    "list --json": ["list", "tiny", "--json"],
    "export": ["export", "tiny", "--out", "usb"],
    "export all": ["export", "tiny", "--out", "usb-all", "--format", "all"],
    "check": ["check", "tiny"],
    "play": ["play", "tiny", "3", "--no-input", "--audio-output", "null", "--speed", "300"],
    "voices": ["voices"],
    "cache": ["cache"],
}


@pytest.mark.parametrize("name", list(COMMANDS))
def test_no_command_but_new_writes_into_scripts(place, name):
    args = COMMANDS[name]
    assert args[0] in cli.commands  # a vanished command is a failure, never a skip
    if name == "build again":
        assert run("build", "tiny").exit_code == 0
    before = snapshot(place / "scripts")
    result = run(*args)
    assert result.exit_code == 0, result.output
    assert snapshot(place / "scripts") == before, result.output


@pytest.mark.slow
def test_a_real_build_and_export_write_only_where_promised(tmp_path, private_cache):
    """With a private HOME and TMPDIR: files appear only in audio_out/, the export folder,
    the clip cache and the state folder (docs/promises.md, "Where files are written")."""
    import os
    import subprocess

    from .helpers import guide_command

    work, home, tmp, state = (tmp_path / name for name in ("work", "home", "tmp", "state"))
    for folder in (home, tmp, state):
        folder.mkdir()
    write_guide_folder(work / "scripts" / "tiny")
    before = snapshot(work / "scripts")
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env.update(HOME=str(home), TMPDIR=str(tmp), GUIDE_CACHE_DIR=str(private_cache),
               GUIDE_STATE_DIR=str(state))
    for args in (["build", "tiny"], ["export", "tiny", "--out", "usb"], ["list", "tiny"]):
        done = subprocess.run(guide_command(*args), cwd=work, env=env, capture_output=True,
                              text=True, timeout=300)
        assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in work.iterdir()) == ["audio_out", "scripts", "usb"]
    assert sorted(p.name for p in (work / "audio_out").iterdir()) == [".tiny.lock", "tiny"]
    assert snapshot(work / "scripts") == before
    # PulseAudio's client library, which espeak-ng loads, makes its own folders; nothing else may
    everything = [*home.rglob("*"), *tmp.rglob("*")]
    strays = [p for p in everything if "pulse" not in p.as_posix()
              and not (p.is_dir() and any("pulse" in q.as_posix() for q in p.rglob("*")))]
    assert strays == []
    assert any(private_cache.rglob("*.clip"))
