"""The clinic pack and ``all``: the right files, a README that says where the guide comes from."""

from __future__ import annotations

import shutil
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from guide.errors import DamagedOutput
from guide.export import FORMATS, export
from guide.export.common import spoken_date
from guide.export.pack import size_text

from ..helpers import ffprobe_json


def test_all_writes_every_format_in_its_own_folder(exported):
    assert sorted(p.name for p in exported.out.iterdir()) == sorted(FORMATS)
    assert all(p.is_relative_to(exported.out / p.relative_to(exported.out).parts[0]) for p in exported.written)
    assert all(p.is_file() for p in exported.written)
    assert not [p for p in exported.out.rglob(".*")]  # no temporary files left behind


def test_the_pack_holds_every_part(exported):
    with zipfile.ZipFile(exported.out / "zip" / "tiny-clinic-pack.zip") as zf:
        names = set(zf.namelist())
        assert zf.testzip() is None
    # no whole-guide MP3 (or its captions): the chapters and the M4B cover it
    want = {"README.txt", "index.html", "transcript-large-print.html", "tiny.m3u", "tiny.m4b"}
    for ch in exported.manifest.chapters:
        stem = ch.file[:-4]
        want |= {ch.file, ch.transcript, f"{stem}.vtt", f"{stem}.srt"}
    want |= {"chapters/ncc.html", "chapters/content.html", "chapters/master.smil",
             *(f"chapters/{ch.number:02d}.smil" for ch in exported.manifest.chapters)}
    assert names == {f"tiny/{name}" for name in want}


def test_the_packs_chapters_folder_is_a_daisy_book(exported, tmp_path):
    from .daisy_checker import check_book

    with zipfile.ZipFile(exported.out / "zip" / "tiny-clinic-pack.zip") as zf:
        zf.extractall(tmp_path)
    m = exported.manifest
    book = check_book(tmp_path / "tiny" / "chapters", own_folder=False,
                      expected_duration_s=sum(ch.duration_s for ch in m.chapters))
    clips = {c.src for s in book.smils for p in s.pars for c in p.clips}
    assert clips == {Path(ch.file).name for ch in m.chapters}


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
    made = readme.split("It was made on", 1)[1].split("\r\n\r\n")[0].split("\r\n")
    assert made[1] == "Draft: not yet approved for patient use."
    voice = " ".join(" ".join(made[2:]).split())
    assert voice == ("The voice is a computer voice, en-us. Its licence: espeak-ng's rule-based "
                     "voice data (GPL-3.0-or-later); no recorded speech.")
    for heading in ("ON A COMPUTER", "ON A PHONE", "FROM A USB STICK", "ON A DAISY PLAYER", "WHAT EACH FILE IS FOR"):
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


def _readme(exported) -> str:
    with zipfile.ZipFile(exported.out / "zip" / "tiny-clinic-pack.zip") as zf:
        return zf.read("tiny/README.txt").decode("utf-8")


def test_the_pack_leaves_out_the_whole_guide_mp3_and_is_smaller_for_it(exported):
    zip_path = exported.out / "zip" / "tiny-clinic-pack.zip"
    with zipfile.ZipFile(zip_path) as zf:
        names = set(zf.namelist())
    assert not {"tiny/tiny.mp3", "tiny/tiny.vtt", "tiny/tiny.srt"} & names
    assert (exported.built / exported.manifest.file).is_file()  # the build keeps it
    chapters = sum((exported.built / ch.file).stat().st_size for ch in exported.manifest.chapters)
    m4b = (exported.out / "m4b" / "tiny.m4b").stat().st_size
    assert zip_path.stat().st_size < chapters + m4b + 200_000  # the rest is text and a cover
    assert m4b < chapters  # a speech bitrate: smaller than the 64 kbps MP3s


def test_readme_says_unzip_first_share_honestly_and_not_a_replacement_for_care(exported):
    readme = _readme(exported)
    lines = [line.strip() for line in readme.split("\r\n")]
    assert "FIRST, UNZIP THE PACK" in lines
    assert readme.index("FIRST, UNZIP THE PACK") < readme.index("HOW TO LISTEN ON A COMPUTER")
    assert "the player does not work from inside a zip file." in lines
    assert "This guide does not take the place of your care team. It is not" in lines
    assert "- send one chapter, or a few: the MP3 files in the chapters folder;" in lines
    assert "- or send tiny.m4b, the whole guide in one audiobook file;" in lines
    assert "- or put the pack on a shared drive or web site, and send the link." in lines
    assert "Do not send the whole chapters folder by e-mail: it is too big." in lines
    assert "or by e-mail, and open the MP3 files" not in readme
    size = next(line for line in lines if line.startswith("All the files in this pack together take "))
    assert size.endswith(" MB. That is too big") and ("about " in size or "less than 1 MB" in size)


def test_readme_asks_the_clinic_for_its_name_and_phone_when_the_guide_has_none(exported):
    readme = _readme(exported)
    assert ("[Clinic: write your name and phone number here. Or add them to this guide's\r\n"
            "guide.toml as a [clinic] table (name, phone) and export the pack again.]\r\n") in readme


def test_readme_gives_the_clinics_name_and_phone(exported, tmp_path):
    manifest = replace(exported.manifest, clinic={"name": "Riverside Women's Clinic", "phone": "555-0100"})
    written = export(manifest, exported.built, tmp_path, "zip", [1])
    with zipfile.ZipFile(written[0]) as zf:
        readme = zf.read("tiny/README.txt").decode("utf-8")
    assert "Questions? Call Riverside Women's Clinic at 555-0100.\r\n" in readme
    assert "[Clinic:" not in readme


def test_size_text_rounds_to_whole_megabytes():
    assert size_text(14_600_000) == "about 15 MB"
    assert size_text(999_999) == "less than 1 MB"
