"""Paragraphs from the transcript, dates in words, and temporary files."""

from __future__ import annotations

import shutil

import pytest

from guide.errors import FileError
from guide.export.common import atomic_output, paragraphs, spoken_date


def _shape(paras):
    return [(p.kind, p.sentences) for p in paras]


def test_paragraphs_follow_the_transcript(exported):
    welcome, a_list, _ = exported.manifest.chapters
    # the draft notice (two sentences) is chapter 1's first paragraph, in its transcript too
    assert _shape(paragraphs(exported.built, welcome)) == [("heading", [0]), ("paragraph", [1, 2]),
                                                           ("paragraph", [3, 4]), ("paragraph", [5])]
    assert _shape(paragraphs(exported.built, a_list)) == [("heading", [0]), ("paragraph", [1]),
                                                          ("item", [2]), ("item", [3])]


def test_without_a_matching_transcript_paragraphs_come_from_sentence_kinds(exported, tmp_path):
    built = tmp_path / "built"
    shutil.copytree(exported.built, built)
    welcome, a_list, _ = exported.manifest.chapters
    (built / welcome.transcript).unlink()
    (built / a_list.transcript).write_text("Something else entirely.\n", encoding="utf-8")
    assert _shape(paragraphs(built, welcome)) == [("heading", [0]), ("paragraph", [1, 2, 3, 4, 5])]
    assert _shape(paragraphs(built, a_list)) == [("heading", [0]), ("paragraph", [1]),
                                                 ("item", [2]), ("item", [3])]


def test_dates_are_written_in_words(exported):
    m = type(exported.manifest).from_dict({**exported.manifest.to_dict(), "built_at": "2025-06-05T10:00:00+00:00"})
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
