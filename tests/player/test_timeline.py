"""Positions: chapters and sentences of a time, resume points, chapters by name."""

from __future__ import annotations

import pytest

from guide.errors import UnknownChapter
from guide.player.timeline import Spot, Timeline

from .fakes import made_up_manifest


@pytest.fixture
def timeline():
    return Timeline(made_up_manifest())


@pytest.mark.parametrize("t, spot", [(0.0, Spot(0, 0.0)), (19.5, Spot(0, 19.5)), (20.0, Spot(1, 0.0)),
                                     (61.0, Spot(2, 11.0)), (75.0, Spot(2, 25.0))])
def test_spot(timeline, t, spot):
    assert timeline.spot(t) == spot


@pytest.mark.parametrize("offset, sentence", [(0.1, None), (0.3, 0), (3.0, 0), (3.5, 1), (12.5, 2), (19.0, 3)])
def test_sentence_at(timeline, offset, sentence):
    assert timeline.sentence_at(Spot(0, offset)) == sentence


@pytest.mark.parametrize("index, offset, spot", [
    (1, 12.0, Spot(1, 9.8)),   # back to the start of the sentence that was playing
    (1, 1.0, Spot(1, 0.0)),    # in the announcement: the chapter's start
    (0, 18.5, Spot(1, 0.0)),   # after the last sentence: the next chapter
    (2, 23.0, None),           # after the last sentence of the guide: finished
    (5, 1.0, None),            # a chapter the guide no longer has
    (1, 999.0, Spot(2, 0.0)),  # past the chapter's end (the guide was rebuilt shorter)
])
def test_resume_spot(timeline, index, offset, spot):
    assert timeline.resume_spot(index, offset) == spot


@pytest.mark.parametrize("wanted, index", [("2", 1), ("03", 2), ("Signs", 1), ("signs", 1),
                                           ("how it", 2), (" Welcome ", 0)])
def test_find_chapter(timeline, wanted, index):
    assert timeline.find_chapter(wanted) == index


@pytest.mark.parametrize("wanted, message", [
    ("4", "There is no chapter 4. This guide has chapters 1 to 3."),
    ("nausea", "No chapter is called 'nausea'."),
    ("i", "'i' matches chapters 2, 3. Give the chapter's number instead."),
])
def test_find_chapter_fails_with_one_sentence(timeline, wanted, message):
    with pytest.raises(UnknownChapter) as caught:
        timeline.find_chapter(wanted)
    assert str(caught.value) == message
    assert caught.value.hint == ("list" if wanted == "nausea" else None)
