"""``guide say``: one line through the same normalisation, lexicon and engine as a build."""

from __future__ import annotations

import subprocess

import pytest
from click.testing import CliRunner

from guide.cli.app import cli
from .helpers import FakeEngine

from .helpers import ffprobe_json, write_guide_folder


def espeak_phonemes(text: str) -> str:
    out = subprocess.run(["espeak-ng", "-q", "-x", "-v", "en-us", text], capture_output=True,
                         text=True, check=True)
    return " ".join(out.stdout.split())


def run(*args, engine=None, env=None):
    obj = {"engine": engine} if engine is not None else {}
    return CliRunner().invoke(cli, ["say", *map(str, args)], obj=obj, env=env)


# ------------------------------------------------------------ real engine


@pytest.mark.parametrize("word, spoken", [
    ("cerclage", "sair klahzh"),
    ("LEEP", "leep"),
    ("OB/GYN", "O B G Y N"),
    ("Shirodkar", "Shih rod kar"),
])
def test_show_prints_the_respelling_and_espeaks_phonemes(word, spoken, tmp_path, espeak_available):
    out = tmp_path / "w.wav"
    result = run("--show", "--out", out, word)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"Written: {word}", f"Spoken: {spoken}", f"Phonemes: {espeak_phonemes(spoken)}"]
    assert espeak_phonemes(spoken) != espeak_phonemes(word) or word == "LEEP"


def test_out_wav_is_a_real_clip_of_plausible_length(tmp_path, espeak_available):
    out = tmp_path / "cerclage.wav"
    result = run("--out", out, "cerclage")
    assert result.exit_code == 0, result.output
    stream = ffprobe_json(out, "-show_streams")["streams"][0]
    assert (stream["codec_name"], stream["channels"], stream["sample_rate"]) == ("pcm_s16le", 1, "22050")
    seconds = float(ffprobe_json(out, "-show_format")["format"]["duration"])
    assert 0.4 < seconds < 3.0
    assert result.stderr == f"Wrote {out}, {round(seconds)} s of speech.\n"
    assert result.stdout == ""
    assert [p.name for p in tmp_path.iterdir()] == ["cerclage.wav"]


def test_out_mp3_is_encoded_by_ffmpeg(tmp_path, espeak_available):
    out = tmp_path / "clip.mp3"
    result = run("--rate", "slow", "--out", out, "Your cervix is the lower part of your womb.")
    assert result.exit_code == 0, result.output
    info = ffprobe_json(out, "-show_streams", "-show_format")
    assert info["streams"][0]["codec_name"] == "mp3"
    assert 1.5 < float(info["format"]["duration"]) < 8.0
    assert [p.name for p in tmp_path.iterdir()] == ["clip.mp3"]


def test_plays_through_mpv_with_the_null_output(espeak_available):
    result = run("cerclage", env={"GUIDE_AUDIO_OUTPUT": "null"})
    assert result.exit_code == 0, result.output
    assert result.output == ""
    flag = run("--audio-output", "null", "--show", "LEEP")
    assert flag.exit_code == 0 and flag.stdout.splitlines()[1] == "Spoken: leep"


def espeak_phonemes_es(text: str, voice: str) -> str:
    out = subprocess.run(["espeak-ng", "-q", "-x", "-v", voice, text], capture_output=True,
                         text=True, check=True)
    return " ".join(out.stdout.split())


def test_a_spanish_guide_is_said_with_its_rules_lexicon_and_voice(tmp_path, espeak_available):
    out = tmp_path / "s.wav"
    text = "La presión es de 140/90. Genevieve W. Ressel habla del LEEP en Illinois."
    result = run("--guide", "insuficiencia-cervical", "--show", "--out", out, text)
    assert result.exit_code == 0, result.output
    spoken = "La presión es de 140 sobre 90. Genevieve doble u Ressel habla del lip en Ilinoy."
    assert result.stdout.splitlines() == [
        f"Written: {text}", f"Spoken: {spoken}", f"Phonemes: {espeak_phonemes_es(spoken, 'es-419')}"]
    assert "sobre" in result.stdout and "sj'ento" in result.stdout  # "ciento", said in Spanish


def test_a_guide_from_spain_is_said_with_spains_numbers_and_voice(tmp_path, espeak_available):
    folder = write_guide_folder(tmp_path / "espana", {
        "guide.toml": 'title = "G"\nlanguage = "es-ES"\n', "01-a.txt": "# Title: A\n\nHola.\n"})
    result = run("--guide", folder, "--show", "--out", tmp_path / "s.wav", "Tome 1,5 mg.")
    assert result.exit_code == 0, result.output
    spoken = "Tome 1 coma 5 miligramos."
    assert result.stdout.splitlines()[1:] == [
        f"Spoken: {spoken}", f"Phonemes: {espeak_phonemes_es(spoken, 'es')}"]


# ------------------------------------------------------------- fake engine


def test_a_voice_of_another_language_than_the_guides_is_refused(tmp_path):
    out = tmp_path / "x.wav"
    result = run("--guide", "insuficiencia-cervical", "--voice", "en-us", "--show", "--out", out, "Hola.",
                 engine=FakeEngine())
    assert result.exit_code == 1
    assert result.stderr == ("The voice en-us speaks en-us, but this guide is in es-US. "
                             "Choose a voice for es-US.\n")
    assert result.stdout == "" and not out.exists()


def test_the_guides_lexicon_is_used_with_guide(tmp_path):
    folder = write_guide_folder(tmp_path / "g", {
        "guide.toml": 'title = "G"\nvoice = "en-us"\nrate = 140\n',
        "lexicon.toml": '[FDA]\nsay = "F D A"\n',
        "01-a.txt": "# Title: A\n\nHello.\n"})
    out = tmp_path / "x.wav"
    engine = FakeEngine()
    result = run("--guide", folder, "--show", "--out", out, "Ask the FDA.", engine=engine)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[:2] == ["Written: Ask the FDA.", "Spoken: Ask the F D A."]
    assert engine.spoken == ["Ask the F D A."]
    builtin = run("--show", "--out", out, "Ask the FDA.", engine=FakeEngine())
    assert builtin.stdout.splitlines()[1] == "Spoken: Ask the FDA."


def test_numbers_and_abbreviations_are_normalised_like_a_build(tmp_path):
    engine = FakeEngine()
    result = run("--out", tmp_path / "x.wav", "Call Dr. Lee at 9 am.", engine=engine)
    assert result.exit_code == 0, result.output
    from guide.speech.normalise import normalise
    assert engine.spoken == [normalise("Call Dr. Lee at 9 am.")]
    assert "Doctor" in engine.spoken[0]


def test_a_failed_synthesis_leaves_an_existing_file_untouched(tmp_path):
    out = tmp_path / "keep.wav"
    out.write_bytes(b"old")
    result = run("--out", out, "Hello there.", engine=FakeEngine(fail_on={"Hello there."}))
    assert result.exit_code == 1
    assert result.stderr == "the fake engine was told to fail\n"
    assert out.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.wav"]


def test_bad_input_is_one_sentence(tmp_path):
    ogg = run("--out", tmp_path / "x.ogg", "hello", engine=FakeEngine())
    assert ogg.exit_code == 1
    assert ogg.stderr == "--out must name a .wav or .mp3 file, not x.ogg.\n"
    empty = run("--out", tmp_path / "x.wav", " ... ", engine=FakeEngine())
    assert empty.exit_code == 1
    assert empty.stderr == "There is nothing to say in that text. Give a word or a sentence.\n"
    rate = run("--rate", "fast", "--out", tmp_path / "x.wav", "hello", engine=FakeEngine())
    assert rate.exit_code == 1
    assert rate.stderr == "--rate must be normal, slow, or words per minute from 60 to 400, not 'fast'.\n"
    huge = run("--out", tmp_path / "x.wav", "word " * 8000, engine=FakeEngine())
    assert huge.exit_code == 1
    assert huge.stderr == ("That text has 8,000 words; guide say takes at most 1,000. "
                           "Put a longer text in a chapter script and build it.\n")
    assert list(tmp_path.iterdir()) == []


def test_without_mpv_it_says_how_to_install_it(monkeypatch):
    from guide.player import mpv

    real = mpv.shutil.which
    monkeypatch.setattr(mpv.shutil, "which", lambda name: None if name == "mpv" else real(name))
    engine = FakeEngine()
    result = run("hello", engine=engine)
    assert result.exit_code == 1
    assert result.stderr == "mpv was not found. Install it with: sudo apt-get install mpv\n"
    assert engine.spoken == []


def test_a_wav_from_the_fake_engine_has_the_clips_length(tmp_path):
    out = tmp_path / "x.wav"
    result = run("--rate", "120", "--out", out, "one two three four", engine=FakeEngine())
    assert result.exit_code == 0
    seconds = float(ffprobe_json(out, "-show_format")["format"]["duration"])
    assert seconds == pytest.approx(4 * 60 / 120, abs=0.01)
    assert result.stderr == f"Wrote {out}, 2 s of speech.\n"
