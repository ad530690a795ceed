"""espeak-ng's versions and voices, kept on disk: found once, found again when a file changes."""

from __future__ import annotations

import json
import os

from guide.engines import espeak_facts
from guide.engines.base import Pyttsx3Engine, _find_facts


def test_the_facts_are_found_once_and_then_read(tmp_path):
    calls = []

    def find():
        calls.append(1)
        return {"version": "v1", "data": str(data), "voices": [["a", "A", ["en"]]]}

    data = tmp_path / "data"
    data.mkdir()
    first = espeak_facts.facts(tmp_path / "cache", find)
    again = espeak_facts.facts(tmp_path / "cache", find)
    assert first["version"] == again["version"] == "v1" and len(calls) == 1


def test_a_changed_data_folder_finds_them_again(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    versions = iter(["v1", "v2"])

    def find():
        return {"version": next(versions), "data": str(data), "voices": []}

    assert espeak_facts.facts(tmp_path, find)["version"] == "v1"
    (data / "new-voice").write_text("x")  # an upgrade changes the folder
    os.utime(data, ns=(1, 1))
    assert espeak_facts.facts(tmp_path, find)["version"] == "v2"


def test_damaged_or_unwritable_kept_facts_only_cost_time(tmp_path):
    (tmp_path / espeak_facts.FILE).write_text("{not json")
    found = espeak_facts.facts(tmp_path, lambda: {"version": "v", "data": None, "voices": []})
    assert found["version"] == "v"
    blocked = tmp_path / "file"
    blocked.write_text("")
    assert espeak_facts.facts(blocked / "cache", lambda: {"version": "w", "voices": []})["version"] == "w"


def test_the_kept_facts_are_what_espeak_ng_says(tmp_path, monkeypatch):
    monkeypatch.setenv("GUIDE_CACHE_DIR", str(tmp_path))
    engine = Pyttsx3Engine()
    real = _find_facts()
    assert engine.version == real["version"] and "espeak-ng" in engine.version
    assert [v.id for v in engine.voices()] == [v[0] for v in real["voices"]]
    kept = json.loads((tmp_path / espeak_facts.FILE).read_text())
    assert kept["version"] == real["version"] and kept["fingerprint"] == espeak_facts.fingerprint(real["data"])
