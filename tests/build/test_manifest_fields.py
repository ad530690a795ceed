"""What the manifest records for the exports: the guide's names, a stable identifier, paragraphs."""

from __future__ import annotations

import json

import pytest

from guide import manifest as manifest_io
from guide.build.plan import BuildOptions
from guide.build.run import build
from guide.errors import DamagedOutput
from guide.model import SentenceKind
from guide.scripts.store import load_guide

from ..helpers import TINY, FakeEngine, write_guide_folder

SETTINGS = ('subtitle = "What to do"\nsource_title = "An article"\n'
            'source_reviewed = "2024-03-05"\n')


def _build(folder, tmp_path, **kw):
    return build(load_guide(folder), FakeEngine(),
                 BuildOptions(out_root=tmp_path / "audio_out", cache_dir=tmp_path / "cache", **kw))


def test_the_manifest_names_the_guide_its_source_and_its_edition(tmp_path):
    folder = write_guide_folder(tmp_path / "scripts" / "tiny",
                                {**TINY, "guide.toml": TINY["guide.toml"] + SETTINGS})
    m = _build(folder, tmp_path).manifest
    assert (m.subtitle, m.publisher, m.source_title, m.source_date, m.edition) == (
        "What to do", "Test clinic", "An article", "2024-03-05", "")
    assert m.identifier == manifest_io.identifier("tiny") and m.identifier.startswith("urn:uuid:")
    slow = _build(folder, tmp_path, rate=120, edition="slow").manifest
    assert slow.edition == "slow" and slow.identifier == manifest_io.identifier("tiny--slow")
    assert slow.identifier != m.identifier
    again = _build(folder, tmp_path, force=True).manifest
    assert again.identifier == m.identifier  # stable from build to build


def test_a_guide_without_them_records_them_empty(tiny_folder, tmp_path):
    toml = tiny_folder / "guide.toml"
    toml.write_text(toml.read_text().replace('publisher = "Test clinic"\n', ""))
    m = _build(tiny_folder, tmp_path).manifest
    assert (m.subtitle, m.publisher, m.source_title, m.source_date, m.edition) == ("", "", "", "", "")


def test_every_sentence_knows_its_paragraph(tiny_folder, tmp_path):
    welcome, a_list, the_end = _build(tiny_folder, tmp_path).manifest.chapters
    # chapter 1: the announcement, the draft notice (a paragraph of its own), then the script's two
    assert [s.paragraph for s in welcome.sentences] == [-1, 0, 0, 1, 1, 2]
    assert [(s.kind, s.paragraph) for s in a_list.sentences] == [
        (SentenceKind.ANNOUNCEMENT, -1), (SentenceKind.SENTENCE, 0), (SentenceKind.ITEM, 1),
        (SentenceKind.ITEM, 2)]
    assert [s.paragraph for s in the_end.sentences] == [-1, 0, 0]


def test_json_keeps_its_keys_and_plain_values(tiny_guide, tmp_path):
    report = _build(tiny_guide.folder, tmp_path)
    data = json.loads((report.out_dir / "manifest.json").read_text())
    assert list(data["loudness"]) == ["target_lufs", "max_true_peak_dbtp", "chapters_lufs_min",
                                      "chapters_lufs_max", "sample_peak_dbfs"]
    assert list(data["chapters"][0]["loudness"]) == ["integrated_lufs", "sample_peak_dbfs"]
    assert data["chapters"][1]["sentences"][2]["kind"] == "item"
    m = manifest_io.load(report.out_dir)
    assert m.loudness is not None and m.chapters[0].loudness is not None
    lufs = m.chapters[0].loudness.integrated_lufs
    assert m.loudness.chapters_lufs_min <= lufs <= m.loudness.chapters_lufs_max
    assert m.to_dict() == data


def _rewrite(folder, change) -> None:
    path = folder / "manifest.json"
    data = json.loads(path.read_text())
    change(data)
    path.write_text(json.dumps(data))


def test_a_manifest_from_before_the_new_keys_still_loads(tiny_guide, tmp_path):
    out = _build(tiny_guide.folder, tmp_path).out_dir

    def old(data):
        for key in ("subtitle", "publisher", "source_title", "source_date", "identifier", "edition"):
            del data[key]
        for ch in data["chapters"]:
            for s in ch["sentences"]:
                del s["paragraph"]

    _rewrite(out, old)
    m = manifest_io.load(out)
    assert m.publisher == m.identifier == "" and {s.paragraph for s in m.chapters[0].sentences} == {-1}


@pytest.mark.parametrize("change", [
    lambda d: d["chapters"][0]["sentences"][0].update(kind="heading"),
    lambda d: d["chapters"][0]["sentences"][0].update(kind=1),
    lambda d: d["chapters"][0]["loudness"].pop("integrated_lufs"),
    lambda d: d["loudness"].update(chapters_lufs_min="loud"),
    lambda d: d["chapters"][0]["sentences"][0].update(paragraph=0.5),
])
def test_a_value_of_the_wrong_kind_is_a_damaged_manifest(tiny_guide, tmp_path, change):
    out = _build(tiny_guide.folder, tmp_path).out_dir
    _rewrite(out, change)
    with pytest.raises(DamagedOutput):
        manifest_io.load(out)
