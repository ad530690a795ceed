"""Bad input: one plain sentence on stderr naming the file and the problem, exit 1, nothing written.

Each case runs the real command line (click's CliRunner, in this process,
with the fake engine unless the case is about the real tools) and checks the
exact message, that nothing went to stdout, that no traceback was printed,
and that the folders it could have written to are unchanged.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest
from click.testing import CliRunner

from guide.article import MAX_ARTICLE_BYTES
from guide.cli.app import cli
from ..helpers import FakeEngine
from guide.errors import GuideError

from ..helpers import write_guide_folder
from .helpers import guide_command
from .outputs import check_complete, leftovers, snapshot

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
       b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00"
       b"\x00\x00\x00IEND\xaeB`\x82")
"A real one-pixel PNG."
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
FURNITURE_ONLY = ("<!DOCTYPE html><html><head><title></title></head><body>"
                  "<nav><a href='/'>Home</a> <a href='/a'>Health A to Z</a></nav>"
                  "<p>Advertisement</p><p>Was this page helpful?</p>"
                  "<footer><p>Cookie settings</p></footer></body></html>")


@pytest.fixture
def place(tmp_path, monkeypatch):
    """A working folder with scripts/tiny in it; commands run there."""
    write_guide_folder(tmp_path / "scripts" / "tiny")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str, engine=None):
    return CliRunner().invoke(cli, list(args), obj={"engine": engine or FakeEngine()})


def assert_one_sentence(result, message: str) -> None:
    """Exit status 1, exactly ``message`` on stderr, nothing on stdout, no traceback."""
    assert result.exit_code == 1, result.output
    assert result.stderr == message + "\n"
    assert result.stdout == ""
    assert "Traceback" not in result.output
    assert isinstance(result.exception, SystemExit), result.exception


def assert_unchanged(folder: Path, before: dict) -> None:
    after = snapshot(folder)
    assert sorted(after) == sorted(before)
    assert after == before


# ------------------------------------------------------------------ articles


ARTICLES = {
    "empty": ("empty.txt", b"", "empty.txt: is empty. Put the article's text in it and try again."),
    "whitespace": ("blank.txt", b" \n\t\r\n  \n\xc2\xa0\n",
                   "blank.txt: is empty. Put the article's text in it and try again."),
    "png": ("picture.txt", PNG,
            "picture.txt: looks like a PNG picture, not text; copy the article's text into a .txt "
            "file and try again."),
    "pdf": ("leaflet.txt", PDF,
            "leaflet.txt: looks like a PDF file, not text; copy the article's text into a .txt "
            "file and try again."),
    "latin-2": ("polish.txt", "Zdrowie kobiety w ciąży: łożysko, położna i poród.\n".encode("iso-8859-2"),
                "polish.txt: is not a text file in UTF-8 or Windows-1252. Save it as UTF-8 text "
                "and try again."),
    "utf-16 without a mark": ("wide.txt", "Cervical insufficiency\n\nYour cervix.\n".encode("utf-16-le"),
                              "wide.txt: is not a text file in UTF-8 or Windows-1252. Save it as "
                              "UTF-8 text and try again."),
    "furniture only": ("page.html", FURNITURE_ONLY.encode(),
                       "page.html: has no text to read once captions, credits and page furniture "
                       "are removed. Check that the file holds the article itself."),
}


@pytest.mark.parametrize("case", list(ARTICLES))
def test_an_article_that_cannot_be_read(place, case):
    name, data, message = ARTICLES[case]
    (place / name).write_bytes(data)
    before = snapshot(place)
    assert_one_sentence(run("new", name), message)
    assert_unchanged(place, before)


def test_an_article_over_the_size_limit_is_refused_in_bounded_memory(place):
    big = place / "huge.txt"
    with open(big, "wb") as f:  # sparse: 64 times the limit, no disk used
        f.truncate(64 * MAX_ARTICLE_BYTES)
    before = snapshot(place)
    tracemalloc.start()
    try:
        result = run("new", "huge.txt")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert_one_sentence(result, "huge.txt: is larger than 5 MB, too big to be an article. "
                                "Split it into smaller files and try again.")
    assert MAX_ARTICLE_BYTES == 5 * 1024 * 1024  # the limit docs/promises.md gives
    assert peak < 3 * MAX_ARTICLE_BYTES, f"reading the file took {peak} bytes"
    assert_unchanged(place, before)


def test_an_article_that_is_missing(place):
    assert_one_sentence(run("new", "nothing-here.txt"),
                        "nothing-here.txt: was not found. Check the file name and try again.")


# ------------------------------------------------------------- guide folders


def test_a_malformed_guide_toml_names_the_line_and_column(place):
    toml = place / "scripts" / "tiny" / "guide.toml"
    toml.write_text('title = "Tiny"\nrate = = 150\n', encoding="utf-8")
    before = snapshot(place)
    assert_one_sentence(run("build", "tiny"),
                        "scripts/tiny/guide.toml: is not valid TOML at line 2, column 8: invalid value.")
    assert_unchanged(place, before)


def test_a_script_that_is_not_utf8(place):
    script = place / "scripts" / "tiny" / "02-a-list.txt"
    script.write_bytes("# Title: Café\n\nDrink water.\n".encode("cp1252"))
    before = snapshot(place)
    assert_one_sentence(run("build", "tiny"),
                        "scripts/tiny/02-a-list.txt: is not UTF-8 text (a byte on line 1 cannot "
                        "be read). Save it as UTF-8 in your editor and try again.")
    assert_unchanged(place, before)


def test_an_unknown_guide(place):
    before = snapshot(place)
    assert_one_sentence(run("build", "tinny"),
                        "There is no guide called 'tinny'. The guides here are: tiny.")
    assert_one_sentence(run("list", "scripts/none"),
                        "scripts/none is not a guide folder: it has no guide.toml.")
    assert_unchanged(place, before)


def test_an_unknown_chapter_is_named(place):
    assert_one_sentence(run("export", "tiny", "--out", "usb", "--chapters", "2,9"),
                        "There is no chapter 9. This guide has chapters 1 to 3.")
    assert not (place / "usb").exists()


def test_an_unknown_chapter_writes_nothing(place):
    before = snapshot(place)
    run("export", "tiny", "--out", "usb", "--chapters", "9")
    assert_unchanged(place, before)


def test_an_unknown_chapter_to_play(place):
    assert "play" in cli.commands  # a vanished command is a failure, never a skip
    result = run("play", "tiny", "9", "--no-input", "--audio-output", "null")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == "There is no chapter 9. This guide has chapters 1 to 3."
    assert "Traceback" not in result.output


# ------------------------------------------------------------ output folders


def test_an_output_folder_inside_a_file(place):
    (place / "notes.txt").write_text("not a folder\n", encoding="utf-8")
    before = snapshot(place)
    assert_one_sentence(run("build", "tiny", "--out", "notes.txt/audio"),
                        "notes.txt: is a file, not a folder. Choose another folder with --out.")
    assert_one_sentence(run("build", "tiny", "--out", "notes.txt"),
                        "notes.txt: is a file, not a folder. Choose another folder with --out.")
    assert_one_sentence(run("export", "tiny", "--out", "notes.txt/usb", "--built", "notes.txt"),
                        "notes.txt: is a file, not a folder. Choose another folder with --out.")
    assert_unchanged(place, before)


@pytest.fixture
def mounted(tmp_path):
    """Mount a small tmpfs (as root); yields a function mount(options) -> folder."""
    mounts: list[Path] = []

    def mount(options: str) -> Path:
        folder = tmp_path / f"mount{len(mounts)}"
        folder.mkdir()
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)],
                              capture_output=True, text=True)
        if done.returncode:
            pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
        mounts.append(folder)
        return folder

    yield mount
    for folder in reversed(mounts):
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def test_a_read_only_output_folder(place, mounted):
    ro = mounted("size=1m,ro")
    assert_one_sentence(run("build", "tiny", "--out", str(ro)),
                        f"{ro}: that folder is read-only. Choose another folder with --out.")
    assert_one_sentence(run("build", "tiny", "--out", str(ro / "audio")),
                        f"{ro / 'audio'}: that folder is read-only. Choose another folder with --out.")
    assert os.listdir(ro) == []


def _build_twice_on_a_small_disk(mounted, engine):
    """A first build on a 2 MB disk, which is then filled to 8 KB from full; then ``--force``."""
    disk = mounted("size=2m")
    fits = run("build", "tiny", "--out", str(disk), "--jobs", "1", engine=engine)
    assert fits.exit_code == 0, fits.output
    with open(disk / "filler", "wb") as f:
        f.write(b"\0" * (shutil.disk_usage(disk).free - 8192))
    before = snapshot(disk / "tiny")
    return disk, run("build", "tiny", "--out", str(disk), "--jobs", "1", "--force", engine=engine), before


def test_a_full_disk_says_so_and_keeps_the_last_build(place, mounted):
    disk, result, before = _build_twice_on_a_small_disk(mounted, FakeEngine())
    assert result.exit_code == 1
    assert "Traceback" not in result.output and result.stdout == ""
    lines = [line for line in result.stderr.splitlines() if not line.startswith("Chapter ")]
    assert len(lines) == 1
    where, _, message = lines[0].partition(": ")
    assert where == str(disk / "tiny") or where.startswith(f"{disk / 'tiny'}/"), where
    assert message == "the disk is full. Free some space and try again."
    assert_unchanged(disk / "tiny", before)
    check_complete(disk / "tiny")
    assert leftovers(disk / "tiny") == []


def test_ffmpeg_running_out_of_space_is_an_error(mounted):
    from guide.audio import ffmpeg as audio
    from ..helpers import FakeEngine as Tone

    disk = mounted("size=64k")
    pcm = b"".join(Tone.tone(f"sentence {n} " * 8, 150).pcm for n in range(4))
    with pytest.raises(GuideError):
        audio.encode_chapter(pcm, 22050, 0.0, audio.LoudnessTarget(), disk / "chapter.mp3", 64)


def test_a_full_disk_simulated(place, monkeypatch):
    """Where no tmpfs can be mounted: the disk fills as the playlist is flushed."""
    first = run("build", "tiny")
    assert first.exit_code == 0, first.output
    before = snapshot(place / "audio_out" / "tiny")
    real_fsync = os.fsync

    def full(fd):
        name = Path(os.readlink(f"/proc/self/fd/{fd}")).name  # files.replacing's temporary name
        if name.startswith(".tiny.") and name.endswith(".part.m3u"):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_fsync(fd)

    monkeypatch.setattr(os, "fsync", full)
    result = run("build", "tiny", "--force")
    monkeypatch.undo()
    assert result.exit_code == 1
    assert result.stderr == "".join(f"Chapter {n} of 3 done.\n" for n in (1, 2, 3)) + (
        "audio_out/tiny/tiny.m3u: the disk is full. Free some space and try again.\n")
    assert result.stdout == "" and "Traceback" not in result.output
    assert_unchanged(place / "audio_out" / "tiny", before)
    assert leftovers(place / "audio_out" / "tiny") == []


# --------------------------------------------------------------- programs


def _path_with(tmp_path: Path, *programs: str) -> str:
    """A PATH holding only links to ``programs``."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    for program in programs:
        (bin_dir / program).symlink_to(shutil.which(program))
    return str(bin_dir)


def test_without_espeak_ng(place, guide_env):
    env = dict(guide_env, PATH=_path_with(place, "ffmpeg", "ffprobe"))
    done = subprocess.run(guide_command("build", "tiny"), env=env, cwd=place, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 1
    assert done.stderr == ("espeak-ng was not found. Install it with: "
                           "sudo apt-get install espeak-ng libespeak-ng1\n")
    assert done.stdout == ""
    assert not (place / "audio_out").exists()


def test_without_ffmpeg(place, guide_env):
    env = dict(guide_env, PATH=_path_with(place, "espeak-ng"))
    done = subprocess.run(guide_command("build", "tiny"), env=env, cwd=place, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 1
    assert done.stderr == "ffmpeg was not found. Install it with: sudo apt-get install ffmpeg\n"
    assert not (place / "audio_out").exists()


def test_without_ffmpeg_fake_engine(place, monkeypatch):
    monkeypatch.setenv("PATH", _path_with(place))
    assert_one_sentence(run("build", "tiny"),
                        "ffmpeg was not found. Install it with: sudo apt-get install ffmpeg")
    assert not (place / "audio_out").exists()


def test_without_mpv(place, monkeypatch):
    assert "play" in cli.commands  # a vanished command is a failure, never a skip
    assert run("build", "tiny").exit_code == 0
    monkeypatch.setenv("PATH", _path_with(place, "ffmpeg", "ffprobe", "espeak-ng"))
    assert_one_sentence(run("play", "tiny", "--no-input"),
                        "mpv was not found. Install it with: sudo apt-get install mpv")
