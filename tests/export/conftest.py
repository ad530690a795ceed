"""Fixtures for the export tests: every format exported once from the real build, Chromium, EPUBCheck."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from guide.export import export, parse_chapters
from guide.manifest import Manifest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-gpu",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


@dataclass
class Exported:
    """The tiny guide built with the real engine, and every format exported from it."""

    manifest: Manifest
    "The build's manifest."
    built: Path
    "The built folder (audio_out/tiny)."
    out: Path
    "The folder that ``export(..., 'all', ...)`` wrote to: one folder per format."
    written: list[Path]
    "What export returned."


@pytest.fixture(scope="session")
def exported(real_built, tmp_path_factory) -> Exported:
    report, _ = real_built
    out = tmp_path_factory.mktemp("exported")
    chapters = parse_chapters(None, len(report.manifest.chapters))
    written = export(report.manifest, report.out_dir, out, "all", chapters)
    return Exported(report.manifest, report.out_dir, out, written)


@pytest.fixture(scope="session")
def browser():
    """Debian's headless Chromium, driven by Playwright (which cannot download a browser here)."""
    if not Path(CHROMIUM).is_file():
        pytest.fail("chromium is not installed; run make test, which installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()




@pytest.fixture(scope="session")
def spanish_exported(tmp_path_factory) -> Exported:
    """A small Spanish guide (es-US), approved and built with the real engine, every format exported."""
    from ..i18n_helpers import build_spanish

    root = tmp_path_factory.mktemp("guia")
    _, report = build_spanish(root, approved=True)
    out = root / "exported"
    chapters = parse_chapters(None, len(report.manifest.chapters))
    written = export(report.manifest, report.out_dir, out, "all", chapters)
    return Exported(report.manifest, report.out_dir, out, written)
