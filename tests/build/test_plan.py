"""The build's plan and its up-to-date check: raw inputs hashed, nothing normalised when nothing changed."""

from __future__ import annotations

import dataclasses

import pytest

from guide.build import plan as plan_mod
from guide.build.plan import BuildOptions, make_plan
from guide.build.run import build
from guide.scripts.store import load_guide

from ..helpers import FakeEngine


def _opts(tmp_path, **kw) -> BuildOptions:
    return BuildOptions(**{"out_root": tmp_path / "audio_out", "cache_dir": tmp_path / "cache", **kw})


@pytest.fixture
def normalised(monkeypatch) -> list[str]:
    """Every text the normaliser is given while a build speaks its chapters."""
    import guide.speech.narration as narration

    seen: list[str] = []
    real = narration.normalise

    def counting(text, lexicon=None, language="en-US"):
        seen.append(text)
        return real(text, lexicon, language)

    monkeypatch.setattr(narration, "normalise", counting)
    return seen


def test_a_build_with_nothing_changed_normalises_nothing(tiny_folder, tmp_path, normalised):
    first = build(load_guide(tiny_folder), FakeEngine(), _opts(tmp_path))
    assert normalised and not first.up_to_date
    normalised.clear()
    engine = FakeEngine()
    again = build(load_guide(tiny_folder), engine, _opts(tmp_path))
    assert again.up_to_date and normalised == [] and engine.spoken == []
    assert again.clips_total == again.clips_cached == first.clips_total and again.clips_made == 0
    assert again.manifest.to_dict() == first.manifest.to_dict()


def test_new_speech_rules_build_again_and_reuse_every_chapter_that_sounds_the_same(
        tiny_folder, tmp_path, monkeypatch, normalised):
    first = build(load_guide(tiny_folder), FakeEngine(), _opts(tmp_path))
    monkeypatch.setattr(plan_mod, "speech_version", lambda: "rules that changed")
    normalised.clear()
    engine = FakeEngine()
    again = build(load_guide(tiny_folder), engine, _opts(tmp_path))
    assert not again.up_to_date and normalised  # every chapter was spoken again
    assert engine.spoken == [] and again.clips_made == 0  # and none of them sounds different
    assert again.manifest.key != first.manifest.key
    assert [ch.sha256 for ch in again.manifest.chapters] == [ch.sha256 for ch in first.manifest.chapters]


def test_a_lexicon_entry_makes_again_only_the_sentence_it_changes(tiny_folder, tmp_path):
    build(load_guide(tiny_folder), FakeEngine(), _opts(tmp_path))
    (tiny_folder / "lexicon.toml").write_text('[water]\nsay = "wah ter"\n', encoding="utf-8")
    engine = FakeEngine()
    again = build(load_guide(tiny_folder), engine, _opts(tmp_path))
    assert not again.up_to_date and engine.spoken == ["Drink wah ter."]
    assert build(load_guide(tiny_folder), FakeEngine(), _opts(tmp_path)).up_to_date


def test_the_key_follows_what_is_built_not_how(tiny_folder, tmp_path):
    guide, engine = load_guide(tiny_folder), FakeEngine()
    key = make_plan(guide, engine, _opts(tmp_path)).key
    assert make_plan(guide, engine, _opts(tmp_path, jobs=7, force=True,
                                          cache_dir=tmp_path / "other")).key == key
    assert make_plan(guide, engine, _opts(tmp_path, bitrate=96)).key != key
    assert make_plan(guide, engine, _opts(tmp_path, edition="slow")).key != key
    guide.chapters[1].blocks[0].text = "Here are two things to do."
    assert make_plan(guide, engine, _opts(tmp_path)).key != key


def test_the_plan_cannot_be_changed_once_made(tiny_guide, tmp_path):
    plan = make_plan(tiny_guide, FakeEngine(), _opts(tmp_path))
    with pytest.raises(dataclasses.FrozenInstanceError):
        plan.rate = 120
    assert plan.total == 3 and plan.chapters[0].blocks[0].text.startswith("This guide is a draft.")
    assert plan.out_dir == tmp_path / "audio_out" / "tiny"


def test_the_speech_version_follows_the_rules_source():
    version = plan_mod.speech_version()
    assert len(version) == 64 and plan_mod.speech_version() == version
