"""Plain helpers of the export tests: EPUBCheck and axe-core."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest


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


def axe_violations(page) -> list[dict]:
    """axe-core's violations on the page (axe.min.js as bundled by axe-playwright-python)."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [{"id": v["id"], "help": v["help"], "nodes": [n["html"] for n in v["nodes"]]}
            for v in results.response["violations"]]
