"""Shared fixtures: small guides, a fake engine, and a private clip cache."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from guide.build.run import BuildOptions, build
from guide.engines.base import FakeEngine, Pyttsx3Engine
from guide.scripts.store import load_guide

TINY = {
    "guide.toml": 'title = "Tiny test guide"\nlanguage = "en-US"\nvoice = "en-us"\nrate = 150\n'
                  'source = "none"\npublisher = "Test clinic"\n',
    "01-welcome.txt": "# Title: Welcome\n# Source: none (framing)\n\n"
                      "This is a short guide. It has three chapters.\n\nYou can stop at any time.\n",
    "02-a-list.txt": "# Title: A short list\n# Source: Introduction\n\n"
                     "Here are two things.\n\n- Drink water.\n- Rest when you are tired.\n",
    "03-the-end.txt": "# Title: The end\n# Source: none (framing)\n\nThat is all. Thank you for listening.\n",
}
"Three chapters, about twenty seconds of speech: small enough for the real engine."


def write_guide_folder(folder: Path, files: dict[str, str] = TINY) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory, monkeypatch):
    """No test reads or writes the user's own cache or state folders."""
    root = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("GUIDE_CACHE_DIR", str(root))
    monkeypatch.setenv("GUIDE_STATE_DIR", str(tmp_path_factory.mktemp("state")))
    return root


@pytest.fixture
def tiny_folder(tmp_path) -> Path:
    """A guide folder with three short chapters."""
    return write_guide_folder(tmp_path / "scripts" / "tiny")


@pytest.fixture
def tiny_guide(tiny_folder):
    return load_guide(tiny_folder)


@pytest.fixture
def fake_engine() -> FakeEngine:
    return FakeEngine()


@pytest.fixture(scope="session")
def real_built(tmp_path_factory):
    """The tiny guide built once with the real espeak-ng and ffmpeg: (report, folder)."""
    root = tmp_path_factory.mktemp("real")
    folder = write_guide_folder(root / "scripts" / "tiny")
    options = BuildOptions(out_root=root / "audio_out", cache_dir=root / "cache", jobs=2)
    report = build(load_guide(folder), Pyttsx3Engine(), options)
    return report, folder


def ffprobe_json(path: Path, *entries: str) -> dict:
    """ffprobe's JSON for a file (``-show_format``, ``-show_chapters``, ...)."""
    out = subprocess.run(["ffprobe", "-v", "error", "-of", "json", *entries, str(path)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def loudnorm_measure(path: Path) -> dict:
    """ffmpeg's loudnorm filter (its own BS.1770 code) measuring a file: input_i, input_tp."""
    out = subprocess.run(["ffmpeg", "-hide_banner", "-nostats", "-i", str(path), "-af",
                          "loudnorm=print_format=json", "-f", "null", "-"],
                         capture_output=True, text=True, check=True).stderr
    return json.loads(out[out.rindex("{"):out.rindex("}") + 1])


@pytest.fixture
def espeak_available():
    if shutil.which("espeak-ng") is None:
        pytest.fail("espeak-ng is not installed; run make test, which installs it")
