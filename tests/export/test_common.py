"""Paragraphs from the manifest, dates in words, and temporary files."""

from __future__ import annotations

import pytest

from guide.errors import FileError
from guide.export.common import paragraphs, spoken_date
from guide.files import atomic_output
from guide.manifest import ManifestChapter, ManifestSentence


def _shape(paras):
    return [(p.kind, p.sentences) for p in paras]


def test_paragraphs_follow_the_script_as_the_manifest_records_it(exported):
    welcome, a_list, _ = exported.manifest.chapters
    # the draft notice (two sentences) is chapter 1's first paragraph, in its transcript too
    assert _shape(paragraphs(welcome)) == [("heading", [0]), ("paragraph", [1, 2]),
                                           ("paragraph", [3, 4]), ("paragraph", [5])]
    assert _shape(paragraphs(a_list)) == [("heading", [0]), ("paragraph", [1]),
                                          ("item", [2]), ("item", [3])]


def test_an_item_of_two_sentences_is_one_item_and_paragraphs_next_to_each_other_stay_apart():
    chapter = made_up_chapter([("announcement", -1), ("sentence", 0), ("sentence", 1),
                               ("item", 2), ("item", 2), ("item", 3), ("sentence", 4)])
    assert _shape(paragraphs(chapter)) == [("heading", [0]), ("paragraph", [1]), ("paragraph", [2]),
                                           ("item", [3, 4]), ("item", [5]), ("paragraph", [6])]


def test_a_manifest_from_before_paragraphs_were_recorded_is_grouped_by_kind():
    chapter = made_up_chapter([("announcement", -1), ("sentence", -1), ("sentence", -1),
                               ("item", -1), ("item", -1), ("sentence", -1)])
    assert _shape(paragraphs(chapter)) == [("heading", [0]), ("paragraph", [1, 2]), ("item", [3]),
                                           ("item", [4]), ("paragraph", [5])]


def made_up_chapter(kinds: list[tuple[str, int]]) -> ManifestChapter:
    """A chapter whose sentences have these (kind, paragraph) pairs."""
    sentences = [ManifestSentence(f"Sentence {i}.", f"Sentence {i}.", float(i), i + 0.5, kind, paragraph)
                 for i, (kind, paragraph) in enumerate(kinds)]
    return ManifestChapter(1, "One", "chapters/01-one.mp3", "chapters/01-one.txt", 0.0, 10.0, sentences)


def test_dates_are_written_in_words(exported):
    data = {**exported.manifest.to_dict(), "built_at": "2025-06-05T10:00:00+00:00"}
    m = type(exported.manifest).from_dict(data)
    assert spoken_date(m) == "5 June 2025"
    m.built_at = ""
    assert spoken_date(m) == "an unknown date"


def test_atomic_output_leaves_nothing_when_the_writer_fails(tmp_path):
    dest = tmp_path / "book.m4b"
    dest.write_bytes(b"old")
    with pytest.raises(RuntimeError), atomic_output(dest) as tmp:
        tmp.write_bytes(b"half")
        raise RuntimeError("the writer stopped")
    assert dest.read_bytes() == b"old" and sorted(tmp_path.iterdir()) == [dest]
    with atomic_output(dest) as tmp:
        tmp.write_bytes(b"new")
    assert dest.read_bytes() == b"new" and sorted(tmp_path.iterdir()) == [dest]


def test_atomic_output_under_a_file_fails_with_one_sentence(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(FileError) as caught:
        with atomic_output(blocker / "book.m4b") as tmp:
            tmp.write_bytes(b"x")
    assert "\n" not in str(caught.value) and str(caught.value).startswith(str(blocker))
    assert blocker.read_text() == "x"
