"""Shared fixtures: small guides, a fake engine, and a private clip cache."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from guide.build.run import BuildOptions, build
from guide.engines.base import Pyttsx3Engine
from .helpers import FakeEngine, write_guide_folder
from guide.scripts.store import load_guide

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


@pytest.fixture
def espeak_available():
    if shutil.which("espeak-ng") is None:
        pytest.fail("espeak-ng is not installed; run make test, which installs it")
