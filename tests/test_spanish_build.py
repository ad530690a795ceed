"""The guide's language drives the build: Spanish rules, lexicon, announcements and voice.

With the fake engine, a small Spanish guide; with the real espeak-ng, the
shipped Spanish guide (``scripts/insuficiencia-cervical``), built once.
"""

from __future__ import annotations

import re
import shutil

import pytest

from guide.build import plan as plan_mod
from guide.build.plan import BuildOptions, make_plan
from guide.build.run import build
from guide.editions import default_voice, espeak_voice
from guide.engines.base import Pyttsx3Engine, Voice
from guide.errors import UnknownVoice, WrongLanguageVoice
from guide.scripts.store import load_guide, shipped_folder

from .helpers import FakeEngine, write_guide_folder
from .speech.test_es_normalise import phonemes_es


class SpanishFakeEngine(FakeEngine):
    """The fake engine, with a Latin American and a Spain Spanish voice besides its English one."""

    SPANISH = ("es-419", "es")

    def voices(self) -> list[Voice]:
        return [*super().voices(), *(Voice(v, f"Fake Spanish {v}", (v,)) for v in self.SPANISH)]

    def describe_voice(self, voice: str) -> dict:
        if voice.lower() not in self.SPANISH:
            return super().describe_voice(voice)
        return {"name": voice, "language": voice.lower(), "quality": "", "licence": "a test tone",
                "origin": "the fake engine"}


PEQUENA = {
    "guide.toml": 'title = "Guía de prueba"\nlanguage = "es-US"\nrate = 150\nsource = "none"\n',
    "01-bienvenida.txt": "# Title: Bienvenida\n# Source: none (framing)\n\n"
                         "Esta guía es corta. Tiene dos capítulos.\n",
    "02-senales.txt": "# Title: Señales\n# Source: none (framing)\n\n"
                      "La Dra. López dice: tome 500 mg. Su presión es 140/90.\n\n"
                      "- Llame al 911 si sangra.\n- Le hablarán del DES y del LEEP.\n",
}
"A Spanish guide of two chapters that names no voice: the language chooses it."

ENGLISH_WORDS = re.compile(r"\b(?:chapter|of \d+|point|milligrams?|percent|degrees|fahrenheit|celsius|"
                           r"over|slash|leep|this guide|draft)\b", re.I)
"Words of the English rules that must never be said to a Spanish listener."


def _opts(tmp_path, **kw) -> BuildOptions:
    return BuildOptions(**{"out_root": tmp_path / "audio_out", "cache_dir": tmp_path / "cache", **kw})


@pytest.fixture
def pequena(tmp_path):
    return write_guide_folder(tmp_path / "scripts" / "pequena", PEQUENA)


def _spoken(manifest) -> list[str]:
    return [s.spoken for ch in manifest.chapters for s in ch.sentences]


# -------------------------------------------------------------- fake engine


def test_a_spanish_guide_is_built_with_spanish_rules_voice_and_lexicon(pequena, tmp_path):
    engine = SpanishFakeEngine()
    report = build(load_guide(pequena), engine, _opts(tmp_path))
    m = report.manifest
    assert (m.language, m.voice) == ("es-US", "es-419")
    assert [ch.sentences[0].text for ch in m.chapters] == ["Capítulo 1 de 2: Bienvenida.",
                                                           "Capítulo 2 de 2: Señales."]
    assert _spoken(m)[-5:] == [
        "Capítulo 2 de 2: Señales.",
        "La doctora López dice: tome 500 miligramos.",
        "Su presión es 140 sobre 90.",
        "Llame al 9 1 1 si sangra.",
        "Le hablarán del D E S y del lip.",  # the Spanish built-in lexicon, not English's "leep"
    ]
    assert not [s for s in engine.spoken if ENGLISH_WORDS.search(s)]
    transcript = (report.out_dir / m.chapters[1].transcript).read_text(encoding="utf-8")
    assert transcript.startswith("Capítulo 2 de 2: Señales.\n\nLa Dra. López dice:")


def test_the_guides_own_lexicon_is_read_in_spanish_and_may_carry_accents(pequena, tmp_path):
    build(load_guide(pequena), SpanishFakeEngine(), _opts(tmp_path))
    (pequena / "lexicon.toml").write_text('["López"]\nsay = "Lópes"\n', encoding="utf-8")
    engine = SpanishFakeEngine()
    again = build(load_guide(pequena), engine, _opts(tmp_path))
    assert not again.up_to_date and engine.spoken == ["La doctora Lópes dice: tome 500 miligramos."]
    assert build(load_guide(pequena), SpanishFakeEngine(), _opts(tmp_path)).up_to_date


def test_the_key_follows_the_spanish_rules_and_lexicon(tmp_path, monkeypatch):
    import guide.speech.lexicon as lexicon_mod

    data = tmp_path / "data"
    data.mkdir()
    for path in lexicon_mod.BUILTIN_PATH.parent.glob("lexicon*.toml"):
        shutil.copy(path, data / path.name)
    assert {p.name for p in data.iterdir()} >= {"lexicon.toml", "lexicon.es.toml"}
    monkeypatch.setattr(lexicon_mod, "BUILTIN_PATH", data / "lexicon.toml")
    before = plan_mod.speech_version.__wrapped__()
    with (data / "lexicon.es.toml").open("a", encoding="utf-8") as f:
        f.write('\n[nuevo]\nsay = "nuebo"\n')
    assert plan_mod.speech_version.__wrapped__() != before
    (data / "notes.toml").write_text("x = 1\n", encoding="utf-8")  # not a lexicon: not a rule
    changed = plan_mod.speech_version.__wrapped__()
    (data / "notes.toml").write_text("x = 2\n", encoding="utf-8")
    assert plan_mod.speech_version.__wrapped__() == changed


def test_the_language_changes_the_key(pequena, tmp_path):
    engine, guide = SpanishFakeEngine(), load_guide(pequena)
    key = make_plan(guide, engine, _opts(tmp_path)).key
    guide.language = "es-MX"
    assert make_plan(guide, engine, _opts(tmp_path)).key != key


def test_a_voice_of_another_language_is_refused_both_ways(pequena, tiny_folder, tmp_path):
    with pytest.raises(WrongLanguageVoice) as spanish:
        make_plan(load_guide(pequena), SpanishFakeEngine(), _opts(tmp_path, voice="en-us"))
    assert str(spanish.value) == ("The voice en-us speaks en-us, but this guide is in es-US. "
                                  "Choose a voice for es-US.")
    with pytest.raises(WrongLanguageVoice):
        make_plan(load_guide(tiny_folder), SpanishFakeEngine(), _opts(tmp_path, voice="es-419"))
    assert make_plan(load_guide(pequena), SpanishFakeEngine(), _opts(tmp_path, voice="es")).voice == "es"


# ------------------------------------------------------------------- voices


@pytest.mark.parametrize("language, voice", [
    ("es-US", "es-419"), ("es-419", "es-419"), ("es-MX", "es-419"), ("es-PR", "es-419"),
    ("es-AR", "es-419"), ("es_CO", "es-419"), ("es-ES", "es"), ("es", "es"),
    ("en-US", "en-us"), ("en-GB", "en-gb"),
])
def test_the_espeak_voice_follows_the_language(language, voice):
    assert espeak_voice(language) == voice == default_voice("pyttsx3", language)


def test_every_default_espeak_voice_is_one_espeak_has():
    for language in ("es-US", "es-ES", "en-US"):
        Pyttsx3Engine().describe_voice(espeak_voice(language))  # raises UnknownVoice if not


def _piper(monkeypatch, *languages: str) -> None:
    from types import SimpleNamespace

    import guide.engines.piper_voices as piper_voices

    voices = [SimpleNamespace(name=f"{tag.replace('-', '_')}-test-medium", language=tag) for tag in languages]
    monkeypatch.setattr(piper_voices, "find_voices", lambda: voices)


def test_a_piper_voice_is_chosen_by_language_then_by_region(monkeypatch):
    _piper(monkeypatch, "en-US", "es-ES", "es-MX")
    assert default_voice("piper", "es-US") == "es_MX-test-medium"  # Latin American before Spain's
    assert default_voice("piper", "es-419") == "es_MX-test-medium"
    assert default_voice("piper", "es-ES") == "es_ES-test-medium"
    assert default_voice("piper", "en-GB") == "en_US-test-medium"
    _piper(monkeypatch, "es-ES")
    assert default_voice("piper", "es-US") == "es_ES-test-medium"  # Spanish still beats none


def test_without_a_piper_voice_for_the_language_it_is_one_sentence(monkeypatch):
    _piper(monkeypatch, "en-US")
    with pytest.raises(UnknownVoice) as raised:
        default_voice("piper", "es-US")
    assert str(raised.value) == ("There is no Piper voice for es-US installed, so this guide cannot be "
                                 "spoken with the natural voice.")
    assert raised.value.hint == "piper-voices"


# ---------------------------------------------------------------- espeak-ng


@pytest.fixture(scope="module")
def shipped_spanish(tmp_path_factory):
    """The shipped Spanish guide built once with the real espeak-ng: (report, options, guide)."""
    if shutil.which("espeak-ng") is None:
        pytest.fail("espeak-ng is not installed; run make test, which installs it")
    root = tmp_path_factory.mktemp("spanish")
    options = BuildOptions(out_root=root / "audio_out", cache_dir=root / "cache")
    guide = load_guide(shipped_folder("insuficiencia-cervical"))
    return build(guide, Pyttsx3Engine(), options), options, guide


def test_the_spanish_guide_speaks_with_the_latin_american_voice(shipped_spanish):
    report, _, guide = shipped_spanish
    m = report.manifest
    assert not report.up_to_date and len(m.chapters) == len(guide.chapters) == 11
    assert (m.language, m.voice, m.voice_info["language"]) == ("es-US", "es-419", "es-419")


def test_every_chapter_is_announced_in_spanish(shipped_spanish):
    report, _, guide = shipped_spanish
    for ch, script in zip(report.manifest.chapters, guide.chapters, strict=True):
        line = f"Capítulo {ch.number} de 11: {script.title}."
        assert (ch.sentences[0].kind, ch.sentences[0].text, ch.sentences[0].spoken) == (
            "announcement", line, line)
        transcript = (report.out_dir / ch.transcript).read_text(encoding="utf-8")
        assert transcript.splitlines()[0] == line


def test_no_english_rule_is_heard(shipped_spanish):
    spoken = _spoken(shipped_spanish[0].manifest)
    assert [said for said in spoken if ENGLISH_WORDS.search(said)] == []
    assert spoken[1] == "Esta guía es un borrador."  # the draft notice, after the announcement
    assert "El D E S es un medicamento que se les dio a algunas mujeres embarazadas en el pasado." in spoken


def test_the_initial_w_is_said_the_latin_american_way(shipped_spanish):
    report, _, _ = shipped_spanish
    [said] = [s.spoken for s in report.manifest.chapters[-1].sentences if "Ressel" in s.text]
    assert said == "La tercera es de Genevieve doble u Ressel."
    assert "D'oBle u" in phonemes_es(said) and "uBe" not in phonemes_es(said)


def test_a_second_build_is_up_to_date(shipped_spanish):
    report, options, guide = shipped_spanish
    again = build(load_guide(guide.folder), Pyttsx3Engine(), options)
    assert again.up_to_date and again.manifest.key == report.manifest.key
