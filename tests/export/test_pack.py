"""The clinic pack and ``all``: the right files, a README that says where the guide comes from."""

from __future__ import annotations

import shutil
import zipfile

import pytest

from guide.errors import DamagedOutput
from guide.export import FORMATS, export
from guide.export.common import spoken_date

from ..conftest import ffprobe_json


def test_all_writes_every_format_in_its_own_folder(exported):
    assert sorted(p.name for p in exported.out.iterdir()) == sorted(FORMATS)
    assert all(p.is_relative_to(exported.out / p.relative_to(exported.out).parts[0]) for p in exported.written)
    assert all(p.is_file() for p in exported.written)
    assert not [p for p in exported.out.rglob(".*")]  # no temporary files left behind


def test_the_pack_holds_every_part(exported):
    with zipfile.ZipFile(exported.out / "zip" / "tiny-clinic-pack.zip") as zf:
        names = set(zf.namelist())
        assert zf.testzip() is None
    want = {"README.txt", "index.html", "transcript-large-print.html", "tiny.mp3", "tiny.m3u", "tiny.m4b",
            "tiny.vtt", "tiny.srt"}
    for ch in exported.manifest.chapters:
        stem = ch.file[:-4]
        want |= {ch.file, ch.transcript, f"{stem}.vtt", f"{stem}.srt"}
    assert names == {f"tiny/{name}" for name in want}


def test_the_pack_player_finds_its_mp3s(exported, tmp_path):
    with zipfile.ZipFile(exported.out / "zip" / "tiny-clinic-pack.zip") as zf:
        zf.extractall(tmp_path)
    page = (tmp_path / "tiny" / "index.html").read_text(encoding="utf-8")
    for ch in exported.manifest.chapters:
        assert f'src="{ch.file}"' in page
        assert (tmp_path / "tiny" / ch.file).read_bytes() == (exported.built / ch.file).read_bytes()
    assert ffprobe_json(tmp_path / "tiny" / "tiny.m4b", "-show_chapters")["chapters"]


def test_readme_says_how_to_play_and_where_the_guide_comes_from(exported, real_built):
    with zipfile.ZipFile(exported.out / "zip" / "tiny-clinic-pack.zip") as zf:
        readme = zf.read("tiny/README.txt").decode("utf-8")
    m = exported.manifest
    assert f"It is based on: {m.source}" in readme
    date = spoken_date(m)
    assert date.split()[-1] == m.built_at[:4] and f"It was made on {date} by Test clinic." in readme
    voice = " ".join(readme.split("It was made on", 1)[1].split("\r\n\r\n")[0].split()[6:])
    assert voice == ("The voice is a computer voice, en-us. Its licence: espeak-ng's rule-based "
                     "voice data (GPL-3.0-or-later); no recorded speech.")
    for heading in ("ON A COMPUTER", "ON A PHONE", "FROM A USB STICK", "WHAT EACH FILE IS FOR"):
        assert heading in readme
    assert all(f"{ch.number}. {ch.title} (" in readme for ch in m.chapters)
    assert all(len(line) <= 80 for line in readme.splitlines())


def test_some_chapters_leave_out_the_whole_guide_files(exported, tmp_path):
    written = export(exported.manifest, exported.built, tmp_path, "zip", [2])
    with zipfile.ZipFile(written[0]) as zf:
        names = set(zf.namelist())
        readme = zf.read("tiny/README.txt").decode("utf-8")
    assert "tiny/chapters/02-a-list.mp3" in names and "tiny/chapters/01-welcome.mp3" not in names
    assert "tiny/tiny.mp3" not in names and "tiny/tiny.vtt" not in names
    assert "tiny.mp3\r\n" not in readme and "It has 1 chapter." in readme
    with zipfile.ZipFile(written[0]) as zf:
        zf.extract("tiny/tiny.m4b", tmp_path / "unzipped")
    chapters = ffprobe_json(tmp_path / "unzipped" / "tiny" / "tiny.m4b", "-show_chapters")["chapters"]
    assert [c["tags"]["title"] for c in chapters] == ["A short list"]


@pytest.mark.parametrize("fmt, name", [("m4b", "tiny.m4b"), ("zip", "tiny-clinic-pack.zip"), ("html", "index.html"),
                                       ("epub", "tiny.epub")])
def test_a_failed_export_keeps_the_old_file_and_leaves_no_temporary_files(exported, tmp_path, fmt, name):
    broken = tmp_path / "built"
    shutil.copytree(exported.built, broken)
    (broken / exported.manifest.chapters[1].file).unlink()
    out = tmp_path / "out"
    out.mkdir()
    shutil.copy(exported.out / fmt / name, out / name)
    before = (out / name).read_bytes()
    with pytest.raises(DamagedOutput, match="02-a-list.mp3 is missing"):
        export(exported.manifest, broken, out, fmt, [1, 2, 3])
    assert (out / name).read_bytes() == before
    assert sorted(p.name for p in out.rglob("*") if p.is_file()) == [name]
