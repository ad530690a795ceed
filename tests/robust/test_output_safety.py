"""Outputs land only where they belong: a build never replaces a folder it did not make, never
goes among the scripts, and an edition never takes another guide's folder; an export never
writes outside its --out folder, whatever the manifest or the folder's links say."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from guide.build.run import BuildOptions, build
from guide.cli.app import cli
from ..helpers import FakeEngine
from guide.errors import ScriptError, UnsafeOutput
from guide.export import export
from guide.manifest import Manifest
from guide.scripts.store import load_guide

from ..helpers import TINY, write_guide_folder
from .outputs import check_complete, snapshot


@pytest.fixture
def place(tmp_path, monkeypatch) -> Path:
    work = tmp_path / "work"
    write_guide_folder(work / "scripts" / "tiny")
    monkeypatch.chdir(work)
    return work


def run(*args: str):
    return CliRunner().invoke(cli, list(args), obj={"engine": FakeEngine()})


def _refused(result, message: str) -> None:
    """Exit 1, no traceback, and the one sentence; before it only export's progress lines."""
    from guide.export import FORMATS, progress_line

    assert "Traceback" not in result.output
    *before, last = result.stderr.splitlines() or [""]
    assert (result.exit_code, last, result.stdout) == (1, message, "")
    assert set(before) <= {progress_line(fmt) for fmt in FORMATS}


# ------------------------------------------------------------ build --out


@pytest.mark.parametrize("out, message", [
    ("scripts", "scripts is the folder of guide scripts, so built guides cannot go there; "
                "choose another folder with --out."),
    ("scripts/x", "scripts/x is inside the folder of guide scripts, so built guides cannot go there; "
                  "choose another folder with --out."),
    ("scripts/tiny/built", "scripts/tiny/built is inside the folder of guide scripts, so built guides "
                           "cannot go there; choose another folder with --out."),
])
def test_build_never_goes_among_the_scripts(place, out, message):
    before = snapshot(place)
    _refused(run("build", "tiny", "--out", out), message)
    assert snapshot(place) == before  # nothing replaced, nothing deleted, not even a lock file


def test_build_never_goes_inside_a_guide_folder(place):
    write_guide_folder(place / "mine")
    before = snapshot(place)
    _refused(run("build", "./mine", "--out", "mine/built"),
             "mine/built is inside a guide folder, so built guides cannot go there; "
             "choose another folder with --out.")
    assert snapshot(place) == before


def _extension(folder: Path) -> None:
    """A folder someone else made, that happens to hold a manifest.json."""
    folder.mkdir(parents=True)
    (folder / "manifest.json").write_text('{"name": "my extension", "version": "1.0"}\n')
    (folder / "background.js").write_text("console.log('hello');\n")


@pytest.mark.parametrize("make", [
    lambda folder: (folder.mkdir(parents=True), (folder / "notes.txt").write_text("Call the printer.\n")),
    _extension,
    lambda folder: (folder.parent.mkdir(parents=True), folder.write_text("a file, not a folder\n")),
    lambda folder: (folder.parent.mkdir(parents=True), (folder.parent / "real").mkdir(),
                    os.symlink("real", folder)),
], ids=["notes", "another manifest.json", "a file", "a link"])
def test_build_never_replaces_a_folder_it_did_not_make(place, make):
    make(place / "out" / "tiny")
    before = snapshot(place)
    _refused(run("build", "tiny", "--out", "out"),
             "out/tiny is not a folder that guide built, so it was not replaced; "
             "move it away or choose another folder with --out.")
    assert snapshot(place) == before


def test_build_never_replaces_a_guide_folder_named_like_its_output(place):
    write_guide_folder(place / "out" / "tiny")
    before = snapshot(place)
    result = run("build", "tiny", "--out", "out")
    assert result.exit_code == 1
    assert result.stderr == ("out/tiny is not a folder that guide built, so it was not replaced; "
                             "move it away or choose another folder with --out.\n")
    assert snapshot(place) == before


def test_build_replaces_an_empty_folder_and_its_own(place):
    (place / "audio_out" / "tiny").mkdir(parents=True)
    assert run("build", "tiny").exit_code == 0
    check_complete(place / "audio_out" / "tiny")
    (place / "audio_out" / "tiny" / "listened.txt").write_text("chapter 2\n")  # still ours
    result = run("build", "tiny", "--force")
    assert result.exit_code == 0, result.output
    check_complete(place / "audio_out" / "tiny")


def test_publish_asks_again_just_before_the_swap(tiny_guide, tmp_path):
    """A folder that appears while the build runs is not replaced either."""
    from guide.build import run as build_mod

    out = tmp_path / "audio_out" / "tiny"

    def squat(b):
        out.mkdir(parents=True)
        (out / "mine.txt").write_text("mine\n")

    stages = [*build_mod.STAGES[:-1], squat, build_mod.STAGES[-1]]
    with pytest.raises(UnsafeOutput, match="is not a folder that guide built"):
        build(tiny_guide, FakeEngine(), BuildOptions(out_root=tmp_path / "audio_out",
                                                     cache_dir=tmp_path / "cache"), stages=stages)
    assert [p.name for p in out.iterdir()] == ["mine.txt"]


# ------------------------------------------------------------ editions


def test_the_slow_edition_never_touches_a_guide_whose_slug_ends_in_slow(place):
    other = dict(TINY, **{"guide.toml": TINY["guide.toml"].replace("Tiny test guide", "Another guide")})
    write_guide_folder(place / "scripts" / "tiny-slow", other)
    assert run("build", "tiny-slow").exit_code == 0
    before = snapshot(place / "audio_out" / "tiny-slow")
    built = run("build", "tiny", "--rate", "slow")
    assert built.exit_code == 0, built.output
    assert built.stdout == "audio_out/tiny--slow/tiny--slow.mp3\n"
    assert snapshot(place / "audio_out" / "tiny-slow") == before
    assert check_complete(place / "audio_out" / "tiny--slow").rate_wpm == 120
    checked = run("check", "tiny", "--rate", "slow")
    assert "not built" not in checked.stderr and "words a minute." in checked.stdout
    played = run("play", "tiny", "3", "--rate", "slow", "--no-input", "--audio-output", "null",
                 "--speed", "300")
    assert played.exit_code == 0, played.output
    assert "is being built first" not in played.stderr and "built again" not in played.stderr
    assert snapshot(place / "audio_out" / "tiny-slow") == before


def test_a_slug_with_two_hyphens_is_refused(tiny_guide, tmp_path):
    tiny_guide.slug = "tiny--slow"
    with pytest.raises(ScriptError, match=r"has a slug with two hyphens together \('tiny--slow'\)"):
        build(tiny_guide, FakeEngine(), BuildOptions(out_root=tmp_path / "audio_out"))
    assert not (tmp_path / "audio_out").exists()


# ------------------------------------------------------------ export


def test_a_crafted_manifest_never_writes_outside_out(place, tmp_path):
    assert run("build", "tiny").exit_code == 0
    victim = tmp_path / "x" / "pwned.txt"
    path = place / "audio_out" / "tiny" / "manifest.json"
    data = json.loads(path.read_text())
    data["chapters"][0]["transcript"] = "../../../x/pwned.txt"  # from usb/: tmp_path/x/pwned.txt
    path.write_text(json.dumps(data))
    for fmt in ("mp3", "all"):
        result = run("export", "tiny", "--out", "usb", "--format", fmt)
        _refused(result, "audio_out/tiny/manifest.json is damaged; "
                         "build it again with guide build tiny --force.")
    assert not victim.exists() and not (tmp_path / "x").exists()


def _unchecked(data: dict) -> Manifest:
    """A Manifest object made without :func:`guide.manifest.load`'s checks, as a library caller might."""
    from guide.manifest import ManifestChapter, ManifestSentence

    chapters = [ManifestChapter(**{**ch, "sentences": [ManifestSentence(**s) for s in ch["sentences"]]})
                for ch in data["chapters"]]
    return Manifest(**{**data, "chapters": chapters})


@pytest.mark.parametrize("fmt", ["vtt", "srt"])
def test_export_checks_every_path_it_writes_even_from_an_unchecked_manifest(tiny_guide, tmp_path, fmt):
    report = build(tiny_guide, FakeEngine(), BuildOptions(out_root=tmp_path / "audio_out",
                                                          cache_dir=tmp_path / "cache"))
    data = report.manifest.to_dict()
    data["chapters"][0]["file"] = "../../escaped.mp3"
    out = tmp_path / "deep" / "usb"
    with pytest.raises(UnsafeOutput, match=f"would be written outside {out}"):
        export(_unchecked(data), report.out_dir, out, fmt, [1, 2, 3])
    assert not (tmp_path / f"escaped.{fmt}").exists()


@pytest.mark.parametrize("fmt, link, named", [
    ("mp3", "chapters", "chapters"), ("vtt", "chapters", "chapters/01-welcome.vtt"),
    ("html", "index.html", "index.html"), ("zip", "tiny-clinic-pack.zip", "tiny-clinic-pack.zip")])
def test_export_never_follows_a_link_out_of_its_folder(place, tmp_path, fmt, link, named):
    assert run("build", "tiny").exit_code == 0
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (place / "usb").mkdir()
    if link == "chapters":
        os.symlink(elsewhere, place / "usb" / link)
    else:
        (elsewhere / link).write_text("keep me\n")
        os.symlink(elsewhere / link, place / "usb" / link)
    result = run("export", "tiny", "--out", "usb", "--format", fmt)
    _refused(result, f"usb/{named} would be written outside usb, so nothing was written there; "
                     "choose another folder with --out.")
    assert sorted(p.name for p in elsewhere.iterdir()) == ([] if link == "chapters" else [link])
    assert all(p.read_text() == "keep me\n" for p in elsewhere.iterdir())
