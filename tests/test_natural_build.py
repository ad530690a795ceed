"""A build with the natural voice (real Piper and the packaged Joe voice), read back independently.

The tiny guide: three chapters, eleven sentences. Everything downstream of the
engine (timings, loudness, tags, the manifest, exports) is the same code as
for espeak-ng, so these tests check what the voice changes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from mutagen.id3 import ID3

from guide.audio.ffmpeg import LoudnessTarget
from guide.cli.app import cli

from .helpers import TINY, loudnorm_measure, write_guide_folder
from .test_build import _assert_speech_where_said, _decode

JOE = "en_US-joe-medium"
EDITION = "tiny--piper-en-us-joe-medium"
LICENCE = "dataset CC0; fine-tuned from U.S. English lessac voice (medium quality)"


@pytest.fixture(scope="module")
def natural(tmp_path_factory):
    root = tmp_path_factory.mktemp("natural")
    write_guide_folder(root / "scripts" / "tiny")
    cwd, cache = os.getcwd(), os.environ.get("GUIDE_CACHE_DIR")
    os.chdir(root)
    os.environ["GUIDE_CACHE_DIR"] = str(root / "cache")  # never the user's own cache
    try:
        result = CliRunner().invoke(cli, ["build", "tiny", "--engine", "piper"])
    finally:
        os.chdir(cwd)
        if cache is None:
            del os.environ["GUIDE_CACHE_DIR"]
        else:
            os.environ["GUIDE_CACHE_DIR"] = cache
    return root, result


def test_the_natural_edition_is_built_beside_the_default_one(natural):
    root, result = natural
    assert result.exit_code == 0, result.output
    assert result.stdout == f"audio_out/{EDITION}/{EDITION}.mp3\n"
    assert not (root / "audio_out" / "tiny").exists()
    manifest = json.loads((root / "audio_out" / EDITION / "manifest.json").read_text())
    assert manifest["engine_name"] == "piper"
    assert manifest["engine"].startswith("piper 1.8.0 voice=en_US-joe-medium model=")
    assert manifest["voice"] == JOE
    assert manifest["voice_info"]["licence"] == LICENCE
    assert manifest["voice_info"]["language"] == "en-US"
    comment = str(ID3(root / "audio_out" / EDITION / f"{EDITION}.mp3").getall("COMM")[0])
    assert f"Voice: {JOE} ({LICENCE})." in comment


def test_loudness_and_timings_hold_for_the_natural_voice(natural):
    root, _ = natural
    folder = root / "audio_out" / EDITION
    manifest = json.loads((folder / "manifest.json").read_text())
    target = LoudnessTarget()
    for chapter in manifest["chapters"]:
        measured = loudnorm_measure(folder / chapter["file"])
        assert abs(float(measured["input_i"]) - target.integrated_lufs) <= 1.0
        assert float(measured["input_tp"]) <= target.true_peak_dbtp

        class S:  # the attributes _assert_speech_where_said reads
            def __init__(self, s):
                self.text, self.start_s, self.end_s = s["text"], s["start_s"], s["end_s"]

        _assert_speech_where_said(_decode(folder / chapter["file"]),
                                  [S(s) for s in chapter["sentences"]], 0.0)


def test_list_play_check_and_export_pick_the_same_edition(natural, tmp_path):
    root, _ = natural
    cwd = os.getcwd()
    os.chdir(root)
    try:
        runner = CliRunner()
        listed = runner.invoke(cli, ["list", "tiny", "--engine", "piper"])
        assert listed.exit_code == 0 and listed.stderr == "", listed.output
        assert "(" in listed.stdout.splitlines()[0]  # built lengths, from the natural edition
        checked = runner.invoke(cli, ["check", "tiny", "--engine", "piper", "--json"])
        assert json.loads(checked.stdout)["built"] is True
        exported = runner.invoke(cli, ["export", "tiny", "--engine", "piper", "--format", "mp3",
                                       "--out", str(tmp_path / "usb")])
        assert exported.exit_code == 0, exported.output
        assert (tmp_path / "usb" / f"{EDITION}.mp3").is_file()
        played = runner.invoke(cli, ["play", "tiny", "--engine", "piper", "--no-input",
                                     "--audio-output", "null", "--speed", "300", "3"])
        assert played.exit_code == 0, played.output
        assert "being built" not in played.output
    finally:
        os.chdir(cwd)
    assert not (root / "audio_out" / "tiny").exists()


def test_an_incremental_natural_build_makes_only_the_changed_sentence(natural, monkeypatch):
    root, _ = natural
    monkeypatch.setenv("GUIDE_CACHE_DIR", str(root / "cache"))
    script = root / "scripts" / "tiny" / "03-the-end.txt"
    script.write_text(script.read_text().replace("Thank you for listening.", "Goodbye for now."))
    cwd = os.getcwd()
    os.chdir(root)
    try:
        result = CliRunner().invoke(cli, ["build", "tiny", "--engine", "piper"])
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0, result.output
    assert "12 of 13 clips came from the cache." in result.stderr


def test_say_speaks_with_the_natural_voice(tmp_path):
    result = CliRunner().invoke(cli, ["say", "--engine", "piper", "--out", str(tmp_path / "a.wav"),
                                      "Call your doctor."])
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith(f"Wrote {tmp_path / 'a.wav'}, ")


@pytest.mark.parametrize("args, message", [
    (["build", "tiny", "--engine", "piper", "--voice", "en_US-nobody-low"],
     "There is no Piper voice called 'en_US-nobody-low'. The command guide voices --engine piper "
     "lists them.\n"),
    (["build", "tiny", "--engine", "piper", "--voice", "lone.onnx"],
     "The voice lone.onnx has no config beside it: lone.onnx.json is missing.\n"),
])
def test_bad_voices_are_one_sentence(args, message, tiny_folder, monkeypatch):
    monkeypatch.chdir(tiny_folder.parent.parent)
    Path("lone.onnx").write_bytes(b"not a model")
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1
    assert result.stderr == message
    assert "Traceback" not in result.output


def test_a_voice_in_another_language_is_refused(tmp_path, monkeypatch):
    files = dict(TINY)
    files["guide.toml"] = files["guide.toml"].replace('language = "en-US"', 'language = "es-US"')
    folder = write_guide_folder(tmp_path / "scripts" / "tiny", files)
    monkeypatch.chdir(folder.parent.parent)
    result = CliRunner().invoke(cli, ["build", "tiny", "--engine", "piper", "--voice", JOE])
    assert result.exit_code == 1
    assert result.stderr == (f"The voice {JOE} speaks en-US, but this guide is in es-US. "
                             "Choose a voice for es-US.\n")


def test_without_the_natural_extra_it_says_how_to_install_it(tiny_folder, tmp_path):
    """A Python that has guide but not piper-tts: a fresh venv sharing only guide's own packages."""
    code = ("import importlib.metadata as m, sys\n"
            "real = m.version\n"
            "def version(name):\n"
            "    if name == 'piper-tts': raise m.PackageNotFoundError(name)\n"
            "    return real(name)\n"
            "m.version = version\n"
            "from guide.cli.app import main\n"
            "sys.argv = ['guide', 'build', 'tiny', '--engine', 'piper']\n"
            "main()\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=tiny_folder.parent.parent,
                          capture_output=True, text=True)
    assert done.returncode == 1
    assert done.stderr == "The natural voice is not installed. Install it with: make natural\n"


def test_a_guide_whose_own_engine_is_piper_builds_its_own_edition_with_it(tmp_path, monkeypatch):
    files = {"guide.toml": 'title = "Piper guide"\nengine = "piper"\nsource = "none"\n',
             "01-one.txt": "# Title: One\n\nDrink water. Rest when you are tired.\n"}
    folder = write_guide_folder(tmp_path / "scripts" / "own", files)
    monkeypatch.chdir(folder.parent.parent)
    result = CliRunner().invoke(cli, ["build", "own"])
    assert result.exit_code == 0, result.output
    assert result.stdout == "audio_out/own/own.mp3\n"
    manifest = json.loads(Path("audio_out/own/manifest.json").read_text())
    assert (manifest["engine_name"], manifest["voice"]) == ("piper", JOE)
    espeak = CliRunner().invoke(cli, ["build", "own", "--engine", "pyttsx3"])
    assert espeak.stdout == "audio_out/own--pyttsx3-en-us/own--pyttsx3-en-us.mp3\n"


def test_a_cold_natural_build_gives_the_same_bytes_with_one_job_and_two(tmp_path):
    """Fresh processes and fresh caches, as a user runs it: every MP3, transcript and playlist."""
    folder = write_guide_folder(tmp_path / "scripts" / "tiny")
    outs = []
    for jobs in (1, 2):
        root = tmp_path / f"jobs{jobs}"
        env = {**os.environ, "GUIDE_CACHE_DIR": str(root / "cache")}
        subprocess.run([sys.executable, "-m", "guide", "build", str(folder), "--engine", "piper",
                        "--out", str(root / "audio_out"), "--jobs", str(jobs)],
                       env=env, check=True, capture_output=True)
        outs.append(root / "audio_out" / EDITION)
    one, two = outs
    files = sorted(p.relative_to(one) for p in one.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(two) for p in two.rglob("*") if p.is_file())
    for rel in files:
        if rel.name != "manifest.json":
            assert (one / rel).read_bytes() == (two / rel).read_bytes(), rel
