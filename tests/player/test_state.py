"""Saved places: where GUIDE_STATE_DIR says, atomic, and robust to damaged files."""

from __future__ import annotations

import json

from platformdirs import user_state_dir

from guide.player.state import Place, load_place, place_file, save_place, state_dir


def test_a_saved_place_is_read_back(tmp_path, monkeypatch):
    monkeypatch.setenv("GUIDE_STATE_DIR", str(tmp_path / "state"))
    path = save_place("tiny", Place(chapter=3, position_s=65.25))
    assert path == tmp_path / "state" / "places" / "tiny.json"
    data = json.loads(path.read_text())
    assert (data["chapter"], data["position_s"], data["finished"]) == (3, 65.25, False)
    place = load_place("tiny")
    assert (place.chapter, place.position_s, place.finished) == (3, 65.25, False)
    assert [p.name for p in path.parent.iterdir()] == ["tiny.json"]  # no temporary file left


def test_saving_again_replaces_the_place(tmp_path, monkeypatch):
    monkeypatch.setenv("GUIDE_STATE_DIR", str(tmp_path))
    save_place("tiny", Place(1, 2.0))
    save_place("tiny", Place(2, 0.0, finished=True))
    place = load_place("tiny")
    assert (place.chapter, place.finished) == (2, True)


def test_each_guide_has_its_own_place(tmp_path, monkeypatch):
    monkeypatch.setenv("GUIDE_STATE_DIR", str(tmp_path))
    save_place("tiny", Place(1, 2.0))
    assert load_place("other") is None
    assert load_place("tiny").chapter == 1


def test_a_damaged_or_strange_file_counts_as_no_place(tmp_path, monkeypatch):
    monkeypatch.setenv("GUIDE_STATE_DIR", str(tmp_path))
    path = place_file("tiny")
    path.parent.mkdir(parents=True)
    for text in ["{", "[]", '{"chapter": "x", "position_s": 1}', '{"chapter": 0, "position_s": 1}',
                 '{"chapter": 1}', '{"chapter": 1, "position_s": -5}']:
        path.write_text(text)
        assert load_place("tiny") is None, text


def test_the_state_folder_is_the_users_without_guide_state_dir(monkeypatch):
    monkeypatch.delenv("GUIDE_STATE_DIR")
    assert str(state_dir()) == user_state_dir("guide")


def test_a_guide_name_cannot_leave_the_state_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("GUIDE_STATE_DIR", str(tmp_path))
    assert place_file("../../etc/x").parent == tmp_path / "places"
