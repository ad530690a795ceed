"""The EPUB 3 with Media Overlays: EPUBCheck, and its SMIL compared with the manifest."""

from __future__ import annotations

import re
import zipfile
from xml.etree import ElementTree as ET

import pytest

from .helpers import run_epubcheck

OPF = "{http://www.idpf.org/2007/opf}"
SMIL = "{http://www.w3.org/ns/SMIL}"
XHTML = "{http://www.w3.org/1999/xhtml}"


@pytest.fixture(scope="module")
def book(exported):
    return zipfile.ZipFile(exported.out / "epub" / "tiny.epub")


def test_epubcheck_finds_no_errors_and_no_warnings(exported, tmp_path):
    report = run_epubcheck(exported.out / "epub" / "tiny.epub", tmp_path)
    problems = [m for m in report["messages"] if m["severity"] in ("FATAL", "ERROR", "WARNING")]
    assert problems == []
    checker = report["checker"]
    assert (checker["nFatal"], checker["nError"], checker["nWarning"]) == (0, 0, 0)
    assert report["publication"]["hasAudio"] is True


def test_epubcheck_does_report_a_broken_book(exported, tmp_path):
    """The check above can fail: the same book with a sentence's span removed is an error."""
    broken = tmp_path / "broken.epub"
    with zipfile.ZipFile(exported.out / "epub" / "tiny.epub") as src, zipfile.ZipFile(broken, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename.endswith("chapter-01.xhtml"):
                data = data.replace(b'id="c1-s1"', b'id="gone"')
            dst.writestr(info, data)
    assert run_epubcheck(broken, tmp_path)["checker"]["nError"] > 0


def test_mimetype_comes_first_and_is_stored(book):
    first = book.infolist()[0]
    assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
    assert book.read("mimetype") == b"application/epub+zip"


def _clock(value):
    h, m, s = value.split(":")
    return int(h) * 3600 + int(m) * 60 + float(s)


def test_every_sentence_is_a_par_with_the_manifest_times(book, exported):
    for n, ch in enumerate(exported.manifest.chapters, 1):
        smil = ET.fromstring(book.read(f"OEBPS/smil/chapter-{n:02d}.smil"))
        text = ET.fromstring(book.read(f"OEBPS/text/chapter-{n:02d}.xhtml"))
        spans = {el.get("id"): "".join(el.itertext()) for el in text.iter(f"{XHTML}span")}
        pars = list(smil.iter(f"{SMIL}par"))
        assert len(pars) == len(ch.sentences)
        for i, (par, s) in enumerate(zip(pars, ch.sentences)):
            target = par.find(f"{SMIL}text").get("src").split("#")[1]
            assert spans[target] == s.text
            audio = par.find(f"{SMIL}audio")
            assert audio.get("src") == f"../audio/{ch.file.split('/')[-1]}"
            begin, end = _clock(audio.get("clipBegin")), _clock(audio.get("clipEnd"))
            assert abs(begin - s.start_s) <= 0.001
            following = ch.sentences[i + 1].start_s if i + 1 < len(ch.sentences) else ch.duration_s
            assert end >= s.end_s and abs(end - following) <= 0.001  # the pause stays with its sentence
        assert book.read(f"OEBPS/audio/{ch.file.split('/')[-1]}") == (exported.built / ch.file).read_bytes()


def _metas(book):
    opf = ET.fromstring(book.read("OEBPS/package.opf"))
    found = {}
    for meta in opf.iter(f"{OPF}meta"):
        found.setdefault((meta.get("property"), meta.get("refines")), []).append(meta.text)
    return opf, found


def test_accessibility_and_media_metadata(book, exported):
    opf, meta = _metas(book)
    assert meta[("schema:accessMode", None)] == ["textual", "auditory"]
    assert "textual" in meta[("schema:accessModeSufficient", None)]
    assert "auditory" in meta[("schema:accessModeSufficient", None)]
    features = meta[("schema:accessibilityFeature", None)]
    for feature in ("synchronizedAudioText", "structuralNavigation", "tableOfContents", "readingOrder"):
        assert feature in features
    assert meta[("schema:accessibilityHazard", None)] == ["none"]
    assert meta[("schema:accessibilitySummary", None)][0]
    assert meta[("media:active-class", None)] == ["-epub-media-overlay-active"]
    per_smil = [_clock(v[0]) for (prop, ref), v in meta.items() if prop == "media:duration" and ref]
    assert len(per_smil) == len(exported.manifest.chapters)
    assert abs(sum(per_smil) - _clock(meta[("media:duration", None)][0])) < 0.001
    first = exported.manifest.chapters[0]
    assert abs(per_smil[0] - (first.duration_s - first.sentences[0].start_s)) < 0.002
    dc = "{http://purl.org/dc/elements/1.1/}"
    assert opf.find(f".//{dc}language").text == "en-US"
    assert opf.find(f".//{OPF}item[@properties='cover-image']").get("href") == "images/cover.png"


def test_nav_lists_every_chapter(book, exported):
    nav = book.read("OEBPS/nav.xhtml").decode("utf-8")
    toc = nav[nav.index('epub:type="toc"'):nav.index("</nav>")]
    titles = re.findall(r'<a href="text/chapter-\d\d\.xhtml">\d+\. ([^<]+)</a>', toc)
    assert titles == [ch.title for ch in exported.manifest.chapters]


def test_a_book_of_some_chapters_also_passes_epubcheck(exported, tmp_path):
    from guide.export import export

    path = export(exported.manifest, exported.built, tmp_path / "some", "epub", [2, 3])[0]
    report = run_epubcheck(path, tmp_path)
    assert (report["checker"]["nError"], report["checker"]["nWarning"]) == (0, 0), report["messages"]
    with zipfile.ZipFile(path) as zf:
        assert sorted(n for n in zf.namelist() if n.startswith("OEBPS/audio/")) == [
            "OEBPS/audio/02-a-list.mp3", "OEBPS/audio/03-the-end.mp3"]


def test_special_characters_in_title_and_text_stay_valid(tmp_path):
    """A guide with & < > and quotes, built with the fake engine: still a valid EPUB and HTML page."""
    from bs4 import BeautifulSoup

    from guide.build.run import BuildOptions, build
    from ..helpers import FakeEngine
    from guide.export import export
    from guide.scripts.store import load_guide

    from ..helpers import TINY, write_guide_folder

    files = dict(TINY)
    files["guide.toml"] = files["guide.toml"].replace('"Tiny test guide"', '"Salt & sugar: <less> is \\"more\\""')
    files["02-a-list.txt"] = "# Title: Tips & tricks <1>\n# Source: none\n\nUse 5 < 6 & \"quotes\" 'here'.\n"
    folder = write_guide_folder(tmp_path / "scripts" / "odd", files)
    report = build(load_guide(folder), FakeEngine(), BuildOptions(out_root=tmp_path / "out"))
    book = export(report.manifest, report.out_dir, tmp_path / "epub", "epub", [1, 2, 3])[0]
    result = run_epubcheck(book, tmp_path)
    assert (result["checker"]["nError"], result["checker"]["nWarning"]) == (0, 0), result["messages"]
    page = export(report.manifest, report.out_dir, tmp_path / "html", "html", [1, 2, 3])[0]
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    assert soup.title.string == 'Salt & sugar: <less> is "more"'
    assert soup.find(id="c2-s1").get_text() == "Use 5 < 6 & \"quotes\" 'here'."
