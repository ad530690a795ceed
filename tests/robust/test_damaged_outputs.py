"""A damaged build is named, never used: every command that reads a build says which file is
damaged and how to build it again, in one sentence, and ``guide build`` makes it whole again.

Each damage is applied to a copy of one build of the tiny guide (made with the fake engine; the
audio is real MP3 from ffmpeg). The build itself is never repaired by a command that only reads it.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from guide import manifest as manifest_io
from guide.build.run import BuildOptions, build
from guide.cli.app import cli
from ..helpers import FakeEngine
from guide.scripts.store import load_guide

from ..helpers import write_guide_folder
from .outputs import check_complete, snapshot

BUILT = "audio_out/tiny"
DAMAGED = f"{BUILT}/manifest.json is damaged; build it again with guide build tiny --force.\n"


def _edit_manifest(out: Path, change) -> None:
    path = out / "manifest.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


def _write(text: str):
    return lambda out: (out / "manifest.json").write_text(text, encoding="utf-8")


def _chapter(key: str, value):
    return lambda out: _edit_manifest(out, lambda data: data["chapters"][0].__setitem__(key, value))


def _truncate(out: Path) -> None:
    path = out / "chapters" / "02-a-list.mp3"
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _link_out(out: Path) -> None:
    """The chapter file becomes a link to a copy outside the folder: same name, same size."""
    outside = out.parent.parent / "elsewhere" / "01-welcome.mp3"
    outside.parent.mkdir()
    shutil.copy(out / "chapters" / "01-welcome.mp3", outside)
    (out / "chapters" / "01-welcome.mp3").unlink()
    os.symlink(outside, out / "chapters" / "01-welcome.mp3")


DAMAGES = {
    "malformed JSON": (_write('{"title": "Tiny'), DAMAGED),
    "an empty object": (_write("{}"), DAMAGED),
    "a list": (_write("[1, 2]"), DAMAGED),
    "a future format": (_write('{"format": 99, "chapters": 5}'),
                        f"{BUILT}/manifest.json was made by a newer version of guide; "
                        "build it again with guide build tiny --force.\n"),
    "a string for a number in a chapter": (_chapter("duration_s", "12.5"), DAMAGED),
    "true for a chapter number": (_chapter("number", True), DAMAGED),
    "a chapter with no sentences list": (_chapter("sentences", {"text": "Hello."}), DAMAGED),
    "a missing chapter MP3": (lambda out: (out / "chapters" / "02-a-list.mp3").unlink(),
                              f"{BUILT}/chapters/02-a-list.mp3 is missing; "
                              "build it again with guide build tiny --force.\n"),
    "a truncated chapter MP3": (_truncate, f"{BUILT}/chapters/02-a-list.mp3 is cut short; "
                                           "build it again with guide build tiny --force.\n"),
    "a .. path": (_chapter("transcript", "../../../tmp/x/pwned.txt"), DAMAGED),
    "an absolute path": (_chapter("file", "/etc/passwd"), DAMAGED),
    "a link that leads out": (_link_out, f"{BUILT}/chapters/01-welcome.mp3 leads outside {BUILT}; "
                                         "build it again with guide build tiny --force.\n"),
}
"What is done to the build, and the one line every reading command then says."

COMMANDS = {
    "list": ["list", "tiny"],
    "play": ["play", "tiny", "--no-input", "--audio-output", "null"],
    "export": ["export", "tiny", "--out", "usb"],
    "check": ["check", "tiny"],
}


@pytest.fixture(scope="module")
def built_once(tmp_path_factory) -> Path:
    """scripts/tiny and audio_out/tiny, built once with the fake engine."""
    root = tmp_path_factory.mktemp("damaged")
    folder = write_guide_folder(root / "scripts" / "tiny")
    build(load_guide(folder), FakeEngine(), BuildOptions(out_root=root / "audio_out",
                                                         cache_dir=root / "cache"))
    return root


@pytest.fixture
def place(built_once, tmp_path, monkeypatch) -> Path:
    """A fresh copy of the built guide, as the current folder."""
    work = tmp_path / "work"
    shutil.copytree(built_once / "scripts", work / "scripts")
    shutil.copytree(built_once / "audio_out", work / "audio_out")
    monkeypatch.chdir(work)
    return work


def run(*args: str, engine: FakeEngine | None = None):
    return CliRunner().invoke(cli, list(args), obj={"engine": engine or FakeEngine()})


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("damage", DAMAGES)
def test_a_damaged_build_is_one_sentence_for_every_command(place, damage, command):
    harm, message = DAMAGES[damage]
    harm(place / BUILT)
    before = snapshot(place / "audio_out")
    engine = FakeEngine()
    result = run(*COMMANDS[command], engine=engine)
    assert "Traceback" not in result.output
    assert (result.exit_code, result.stderr, result.stdout) == (1, message, "")
    assert snapshot(place / "audio_out") == before  # not used, not repaired behind the user's back
    assert engine.spoken == []
    assert not (place / "usb").exists()


@pytest.mark.parametrize("damage", DAMAGES)
def test_build_makes_a_damaged_build_whole_again_and_reuses_none_of_it(place, damage, tmp_path):
    out = place / BUILT
    keep = tmp_path / "keep"  # hard links keep the old files' inodes alive, to compare with
    keep.mkdir()
    for mp3 in (out / "chapters").glob("*.mp3"):
        os.link(mp3, keep / mp3.name)
    DAMAGES[damage][0](out)
    elsewhere = sorted((place / "elsewhere").glob("*"))
    outside = {p: p.read_bytes() for p in elsewhere}
    result = run("build", "tiny")
    assert result.exit_code == 0, result.output
    said = DAMAGES[damage][1].split(";")[0]
    assert result.stderr.splitlines()[:4] == [
        f"{said}, so the guide is built again from the start.",
        *(f"Chapter {n} of 3 done." for n in (1, 2, 3))]
    m = check_complete(out)
    for ch in m.chapters:
        path = out / ch.file
        assert not path.is_symlink()
        assert path.stat().st_ino != (keep / path.name).stat().st_ino, ch.file  # made, not linked
        assert (path.stat().st_size, manifest_io.file_sha256(path)) == (ch.bytes, ch.sha256)
    assert {p: p.read_bytes() for p in elsewhere} == outside
    again = run("build", "tiny")
    assert again.stderr.startswith("Up to date. 3 chapters, ")


def test_the_manifest_records_every_mp3s_size_and_hash(place):
    m = manifest_io.load(place / BUILT)
    for rel, size, digest in [(m.file, m.bytes, m.sha256),
                              *((ch.file, ch.bytes, ch.sha256) for ch in m.chapters)]:
        assert (place / BUILT / rel).stat().st_size == size > 0
        assert manifest_io.file_sha256(place / BUILT / rel) == digest


def _flip_a_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))


def test_a_chapter_changed_in_place_is_made_again_not_reused(place, tmp_path):
    out = place / BUILT
    first = out / "chapters" / "01-welcome.mp3"
    second = out / "chapters" / "02-a-list.mp3"
    inodes = {p.name: p.stat().st_ino for p in (first, second)}
    _flip_a_byte(first)  # same size: only the hash can tell
    script = place / "scripts" / "tiny" / "03-the-end.txt"
    script.write_text(script.read_text().replace("Thank you for listening.", "Goodbye."))
    result = run("build", "tiny")
    assert result.exit_code == 0, result.output
    m = check_complete(out)
    assert first.stat().st_ino != inodes[first.name]
    assert manifest_io.file_sha256(first) == m.chapters[0].sha256
    assert second.stat().st_ino == inodes[second.name]  # an intact chapter is still reused


def test_export_never_copies_a_chapter_whose_hash_is_wrong(place):
    _flip_a_byte(place / BUILT / "chapters" / "01-welcome.mp3")
    result = run("export", "tiny", "--out", "usb")
    assert (result.exit_code, result.stderr) == (
        1, f"{BUILT}/chapters/01-welcome.mp3 is damaged; build it again with guide build tiny --force.\n")
    assert list(place.glob("usb/**/*.mp3")) == []


def test_the_way_out_names_the_edition_and_the_folder(place):
    assert run("build", "tiny", "--rate", "slow", "--out", "built").exit_code == 0
    _write("[]")(place / "built" / "tiny--slow")
    result = run("check", "tiny", "--rate", "slow", "--out", "built")
    assert (result.exit_code, result.stderr) == (
        1, "built/tiny--slow/manifest.json is damaged; "
           "build it again with guide build tiny --rate slow --out built --force.\n")
    result = run("play", "tiny", "--rate", "slow", "--out", "built", "--no-input", "--audio-output", "null")
    assert (result.exit_code, result.stderr.splitlines()[-1]) == (
        1, "built/tiny--slow/manifest.json is damaged; "
           "build it again with guide build tiny --rate slow --out built --force.")


@pytest.mark.parametrize("text", ['{"format": 1.0}', '{"format": true}', '{"format": "1"}',
                                  "[" * 100_000, "\xff\xfe", "null", '"manifest"'])
def test_odd_manifests_are_damaged_never_a_python_error(place, text):
    (place / BUILT / "manifest.json").write_bytes(text.encode("latin-1"))
    result = run("list", "tiny")
    assert (result.exit_code, result.stderr) == (1, DAMAGED)
