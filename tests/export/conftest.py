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


def run_epubcheck(path: Path, tmp_path: Path) -> dict:
    """EPUBCheck's JSON report of ``path`` (messages, and counts under ``checker``)."""
    program = shutil.which("epubcheck")
    if program is None:
        pytest.fail("epubcheck is not installed; run make test, which installs it")
    real = os.path.realpath(program)
    # Debian's epubcheck is the jar itself, run through binfmt_misc, which containers often lack.
    cmd = ["java", "-jar", real] if real.endswith(".jar") else [program]
    report = tmp_path / "epubcheck.json"
    done = subprocess.run([*cmd, str(path), "--json", str(report)], capture_output=True, text=True)
    if not report.is_file():
        pytest.fail(f"epubcheck gave no report: {done.stderr[-2000:]}")
    return json.loads(report.read_text(encoding="utf-8"))


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


def axe_violations(page) -> list[dict]:
    """axe-core's violations on the page (axe.min.js as bundled by axe-playwright-python)."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [{"id": v["id"], "help": v["help"], "nodes": [n["html"] for n in v["nodes"]]}
            for v in results.response["violations"]]
