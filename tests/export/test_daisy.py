"""The DAISY 2.02 book: the strict checker, the manifest's timings, and daisy-dtb reading it back."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from guide.errors import DamagedOutput, UnsafeOutput
from guide.export import daisy
from guide.manifest import Manifest

from .daisy_checker import DaisyError, check_book

XHTML = "{http://www.w3.org/1999/xhtml}"
READER = Path(__file__).with_name("daisy_dtb_read.py")


@dataclass
class Daisy:
    """The tiny guide built with the real engine, and its DAISY book."""

    manifest: Manifest
    "The build's manifest."
    built: Path
    "The built folder."
    folder: Path
    "The book's folder."
    written: list[Path]
    "What the writer returned."


@pytest.fixture(scope="session")
def book(real_built, tmp_path_factory) -> Daisy:
    report, _ = real_built
    folder = tmp_path_factory.mktemp("daisy") / "book"
    chapters = [ch.number for ch in report.manifest.chapters]
    written = daisy.write(report.manifest, report.out_dir, folder, chapters)
    return Daisy(report.manifest, report.out_dir, folder, written)


def _spans(folder: Path) -> dict[str, ET.Element]:
    root = ET.parse(folder / "content.html").getroot()
    return {el.get("id"): el for el in root.iter() if el.get("id")}


def test_the_book_passes_the_strict_checker(book):
    whole = sum(ch.duration_s for ch in book.manifest.chapters)
    checked = check_book(book.folder, own_folder=True, expected_duration_s=whole)
    assert abs(sum(s.dur for s in checked.smils) - book.manifest.duration_s) <= 1
    assert sorted(p.name for p in book.folder.iterdir()) == sorted(p.name for p in book.written)
    assert checked.files == {p.name for p in book.written}
    assert checked.meta["ncc:files"] == [str(len(book.written))]


def test_one_heading_per_chapter_after_the_title(book):
    items = check_book(book.folder).items
    assert [(i.tag, i.cls) for i in items] == [("h1", "title")] + [("h1", "")] * len(book.manifest.chapters)
    assert items[0].text == book.manifest.title
    for item, ch in zip(items[1:], book.manifest.chapters, strict=True):
        assert item.text == ch.sentences[0].text  # the announcement, as the content's heading says it
        assert item.href == f"{ch.number:02d}.smil#t-c{ch.number}-s0"
    assert items[0].href == items[1].href  # the title has no sound of its own: the book's start


def test_one_par_per_sentence_with_the_manifests_timings(book):
    checked = check_book(book.folder)
    spans = _spans(book.folder)
    assert [s.name for s in checked.smils] == [f"{ch.number:02d}.smil" for ch in book.manifest.chapters]
    for smil, ch in zip(checked.smils, book.manifest.chapters, strict=True):
        assert len(smil.pars) == len(ch.sentences)
        starts = [round(s.start_s, 3) for s in ch.sentences]
        clips = [(c.src, c.begin, c.end) for p in smil.pars for c in p.clips]
        mp3 = Path(ch.file).name
        assert clips == [(mp3, 0.0 if i == 0 else starts[i], end)
                         for i, end in enumerate([*starts[1:], round(ch.duration_s, 3)])]
        for par, sentence in zip(smil.pars, ch.sentences, strict=True):
            clip = par.clips[0]
            assert clip.begin - 0.0005 <= sentence.start_s < sentence.end_s <= clip.end + 0.0005
            element = spans[par.text_src.split("#")[1]]
            assert "".join(element.itertext()) == sentence.text
        heading = spans[f"chapter-{ch.number}"]  # the announcement's par is the chapter heading's
        assert heading.tag == f"{XHTML}h1" and heading[0].get("id") == smil.pars[0].text_src.split("#")[1]


def test_the_mp3s_are_the_built_files_byte_for_byte(book):
    for ch in book.manifest.chapters:
        assert (book.folder / Path(ch.file).name).read_bytes() == (book.built / ch.file).read_bytes()


def test_the_metadata_comes_from_the_manifest(book):
    m = book.manifest
    meta = {k: v[0] for k, v in check_book(book.folder).meta.items()}
    assert meta["dc:title"] == m.title and meta["dc:language"] == m.language == "en-US"
    assert meta["dc:identifier"] == m.identifier and m.identifier.startswith("urn:uuid:")
    assert meta["dc:publisher"] == meta["dc:creator"] == "Test clinic"
    assert meta["dc:date"] == m.built_at[:10]
    assert meta["ncc:narrator"].startswith("A synthetic voice")
    assert m.voice_info["name"] in meta["ncc:narrator"]
    assert meta["ncc:multimediaType"] == "audioFullText" and meta["ncc:setInfo"] == "1 of 1"
    assert meta["ncc:tocItems"] == str(len(m.chapters) + 1) and meta["ncc:depth"] == "1"
    assert meta.get("ncc:sourceTitle", "") == m.source_title
    assert meta.get("ncc:sourceDate", "") == m.source_date


def test_daisy_dtb_reads_the_book(book):
    """A second reader, independent of guide: daisy-dtb, under its own Python 3.12."""
    python = os.environ.get("GUIDE_PY312_DAISY")
    if not python:
        pytest.fail("GUIDE_PY312_DAISY is not set: it names a Python 3.12 with daisy-dtb; make test sets it")
    done = subprocess.run([python, str(READER), str(book.folder)], capture_output=True, text=True)
    assert done.returncode == 0, f"daisy-dtb could not open the book: {done.stderr[-2000:]}"
    found = json.loads(done.stdout)
    m = book.manifest
    assert found["title"] == m.title and found["metadata"]["dc:format"] == "Daisy 2.02"
    assert [e["text"] for e in found["toc"]] == [m.title, *(ch.sentences[0].text for ch in m.chapters)]
    assert [s["name"] for s in found["smils"]] == [f"{ch.number:02d}.smil" for ch in m.chapters]
    checked = check_book(book.folder)
    for smil, mine, ch in zip(found["smils"], checked.smils, m.chapters, strict=True):
        assert [s["text"] for s in smil["sections"]] == [s.text for s in ch.sentences]
        assert [c for s in smil["sections"] for c in s["clips"]] == [
            [c.src, c.begin, c.end] for p in mine.pars for c in p.clips]
        assert abs(smil["duration"] - mine.dur) <= 1


def test_some_chapters_make_a_book_of_their_own_whose_times_start_again(book, tmp_path):
    folder = tmp_path / "some"
    daisy.write(book.manifest, book.built, folder, [2, 3])
    picked = book.manifest.chapters[1:3]
    checked = check_book(folder, expected_duration_s=sum(ch.duration_s for ch in picked))
    assert [s.name for s in checked.smils] == ["02.smil", "03.smil"] and checked.smils[0].elapsed == 0
    assert len(checked.items) == 3 and checked.items[1].text == picked[0].sentences[0].text
    assert checked.meta["dc:identifier"] != [book.manifest.identifier]
    again = tmp_path / "again"
    daisy.write(book.manifest, book.built, again, [2, 3])
    assert check_book(again).meta["dc:identifier"] == checked.meta["dc:identifier"]  # stable


def test_an_old_book_is_replaced_whole_and_other_folders_never(book, tmp_path):
    folder = tmp_path / "book"
    shutil.copytree(book.folder, folder)
    daisy.write(book.manifest, book.built, folder, [3])
    assert sorted(p.name for p in folder.iterdir()) == ["03-the-end.mp3", "03.smil", "content.html",
                                                        "master.smil", "ncc.html"]
    check_book(folder)
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(UnsafeOutput, match="holds files that are not a DAISY book's") as caught:
        daisy.write(book.manifest, book.built, folder, [1, 2, 3])
    assert caught.value.hint == "move-out"
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "mine" and not (folder / "01.smil").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["book"]  # no staging folder left behind


def test_a_failed_export_keeps_the_old_book(book, tmp_path):
    broken = tmp_path / "built"
    shutil.copytree(book.built, broken)
    (broken / book.manifest.chapters[1].file).unlink()
    folder = tmp_path / "book"
    shutil.copytree(book.folder, folder)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    with pytest.raises(DamagedOutput, match="02-a-list.mp3 is missing"):
        daisy.write(book.manifest, broken, folder, [1, 2, 3])
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["book", "built"]


def test_markup_characters_are_numeric_references(book, tmp_path):
    odd = 'Tom & Jerry: <"care"> and more'
    chapters = [replace(ch, title=odd) for ch in book.manifest.chapters]
    manifest = replace(book.manifest, title=odd, chapters=chapters)
    folder = tmp_path / "odd"
    daisy.write(manifest, book.built, folder, [1, 2, 3])
    checked = check_book(folder)  # which refuses any named entity, &amp; included
    assert checked.meta["dc:title"] == [odd] and checked.items[0].text == odd
    assert "&#38;" in (folder / "ncc.html").read_text(encoding="utf-8")


def test_the_book_can_share_a_folder_with_the_mp3s_already_there(book, tmp_path):
    """As in the clinic pack: the chapters folder, with its transcripts and captions, is the book."""
    folder = tmp_path / "chapters"
    shutil.copytree(book.built / "chapters", folder)
    written = daisy.write_book(book.manifest, book.built, folder, [1, 2, 3], copy_audio=False)
    checked = check_book(folder, own_folder=False)
    mp3s = {Path(ch.file).name for ch in book.manifest.chapters}
    assert checked.files == {p.name for p in written} | mp3s and not mp3s & {p.name for p in written}
    with pytest.raises(DaisyError, match="holds files that are not the book's"):
        check_book(folder, own_folder=True)


# ------------------------------------------------------------------ the checker can fail


def _edit(name: str, old: str, new: str, count: int = 1):
    def damage(folder: Path) -> None:
        path = folder / name
        text = path.read_text(encoding="utf-8")
        assert re.search(old, text), f"{old!r} is not in {name}"
        path.write_text(re.sub(old, new, text, count=count), encoding="utf-8")
    return damage


def _remove(name: str):
    return lambda folder: (folder / name).unlink()


def _add(name: str):
    return lambda folder: (folder / name).write_text("stray", encoding="utf-8")


NCC, C1, C2, C3 = "ncc.html", "01.smil", "02.smil", "03.smil"
LAST_CLIP_END = r'clip-end="npt=[\d.]+s"(?![\s\S]*clip-end)'
SECOND_BEGIN = r'(id="p-c2-s1">[\s\S]*?clip-begin=")npt=[\d.]+s'
FIRST_PAR = r'(<par endsync="last" id="p-c1-s0">[\s\S]*?</par>)'
DAMAGES = {
    "dangling smil href": (_edit(NCC, 'href="02.smil#', 'href="09.smil#'),
                           "09.smil: is missing from the book's folder"),
    "href to no par": (_edit(NCC, "02.smil#t-c2-s0", "02.smil#nowhere"),
                       "'02.smil#nowhere' points to no par or text element"),
    "dangling text id": (_edit("content.html", 'id="c2-s1"', 'id="c2-gone"'),
                         "'content.html#c2-s1' points to no such element"),
    "missing mp3": (_remove("03-the-end.mp3"), "03-the-end.mp3: is missing from the book's folder"),
    "clip past the end": (_edit(C3, LAST_CLIP_END, 'clip-end="npt=99.000s"'),
                          "has a clip past the end of 03-the-end.mp3"),
    "overlapping clips": (_edit(C2, SECOND_BEGIN, r"\1npt=0.100s"),
                          "overlaps or comes before the clip before it"),
    "two pars share a clip": (_edit(C1, FIRST_PAR, r"\1\n\1"),
                              "overlaps or comes before the clip before it"),
    "seq dur wrong": (_edit(C1, r'<seq dur="[\d.]+s"', '<seq dur="1.000s"'), "but its pars play"),
    "wrong ncc:files": (_edit(NCC, 'name="ncc:files" content="9"', 'name="ncc:files" content="10"'),
                        "says ncc:files is '10', but it is 9"),
    "wrong ncc:tocItems": (_edit(NCC, 'name="ncc:tocItems" content="4"', 'name="ncc:tocItems" content="3"'),
                           "says ncc:tocItems is '3', but it is 4"),
    "wrong ncc:totalTime": (_edit(NCC, r'name="ncc:totalTime" content="[\d:]+"',
                                  'name="ncc:totalTime" content="00:09:00"'),
                            "says ncc:totalTime is 00:09:00"),
    "wrong elapsed time": (_edit(C3, r'name="ncc:totalElapsedTime" content="[\d:]+"',
                                 'name="ncc:totalElapsedTime" content="00:05:00"'),
                           "03.smil: has an ncc:totalElapsedTime that is not the time"),
    "a stray file": (_add("notes.txt"), "holds files that are not the book's: ['notes.txt']"),
    "a named entity": (_edit("content.html", "This is a short guide.", "This&nbsp;is a short guide."),
                       "content.html: uses a named entity"),
    "&amp;": (_edit("content.html", "This is a short guide.", "This &amp; that."),
              "content.html: uses a named entity"),
    "not well-formed": (_edit(C1, "</seq>\n</body>", "</body>"), "01.smil: is not well-formed XML"),
    "no SMIL doctype": (_edit(C2, r"<!DOCTYPE[^>]*>\n", ""), "02.smil: lacks the SMIL 1.0 doctype"),
    "XHTML 1.1 NCC": (_edit(NCC, "XHTML 1.0 Transitional", "XHTML 1.1"),
                      "ncc.html: lacks an XHTML 1.0 doctype"),
    "no XHTML namespace": (_edit("content.html", ' xmlns="http://www.w3.org/1999/xhtml"', ""),
                           "content.html: has no <html> in the XHTML namespace"),
    "no dc:title": (_edit(NCC, '<meta name="dc:title"[^>]*>\n', ""), "has dc:title 0 times, not once"),
    "dc:format twice": (_edit(NCC, '(<meta name="dc:format"[^>]*>)', r"\1\1"), "has dc:format 2 times"),
    "no title class": (_edit(NCC, ' class="title"', ""), 'does not open with <h1 class="title">'),
    "no endsync": (_edit(C1, ' endsync="last"', ""), 'lacks endsync="last"'),
    "not npt": (_edit(C2, 'clip-begin="npt=', 'clip-begin="'), "is not npt=<time>"),
    "SMIL never reached": (_edit(NCC, '<h1 id="nav-c3">.*</h1>\n', ""),
                           "03.smil: is a SMIL file the NCC never reaches"),
    "chapters out of order": (_edit("master.smil", r'(<ref src="02.*>)\n(<ref src="03.*>)', r"\2\n\1"),
                              "does not list the SMIL files in the NCC's order"),
}


@pytest.mark.parametrize("damage", DAMAGES, ids=list(DAMAGES))
def test_the_checker_catches_a_damaged_book(book, tmp_path, damage):
    folder = tmp_path / "book"
    shutil.copytree(book.folder, folder)
    check_book(folder)  # the copy is good before the damage
    harm, message = DAMAGES[damage]
    harm(folder)
    with pytest.raises(DaisyError) as caught:
        check_book(folder)
    assert message in str(caught.value)
