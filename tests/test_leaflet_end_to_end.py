"""A clinic leaflet through guide new, guide check and guide build, with the real espeak-ng.

The golden leaflet (tests/data/articles/csection-wound-care.html) has what a
listener cannot check on paper: an emergency number, a medication table, numbered
steps, a web address with a path, a byline with an unclear date, and visual words.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from guide.check.words import phonemes
from guide.cli.app import cli

LEAFLET = Path(__file__).parent / "data" / "articles" / "csection-wound-care.html"
SLUG = "caring-for-your-c-section-wound"


def test_a_leaflet_is_heard_as_it_is_meant(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copy(LEAFLET, tmp_path / LEAFLET.name)
    runner = CliRunner()
    new = runner.invoke(cli, ["new", LEAFLET.name])
    assert new.exit_code == 0, new.output
    assert "could be March 4, 2025 or April 3, 2025" in new.stderr
    first = (tmp_path / "scripts" / SLUG / "01-introduction.txt").read_text()
    assert "# Byline: Reviewed by Dana Lee, RN. Last updated 03/04/2025." in first

    checked = json.loads(runner.invoke(cli, ["check", SLUG, "--json"]).stdout)
    kinds = {p["kind"] for p in checked["problems"]}
    assert {"visual", "date"} <= kinds

    built = runner.invoke(cli, ["build", SLUG])
    assert built.exit_code == 0, built.output
    manifest = json.loads((tmp_path / "audio_out" / SLUG / "manifest.json").read_text())
    spoken = {s["text"]: s["spoken"] for ch in manifest["chapters"] for s in ch["sentences"]}

    emergency = next(t for t in spoken if t.startswith("Call 911"))
    assert spoken[emergency].startswith("Call 9 1 1 ")
    said = phonemes(spoken[emergency].split(" if ")[0], "en-us")
    assert said.endswith("n'aIn w'Vn w'Vn") and "hVndr" not in said  # nine one one, not nine hundred

    row = next(t for t in spoken if t.startswith("Ibuprofen"))
    assert spoken[row].endswith("dose, 600 milligrams; when to take it, every 6 hours; "
                                "most in 24 hours, two thousand four hundred milligrams.")
    steps = [t for t in spoken if t.startswith("Step ")]
    assert [t.split(":")[0] for t in steps] == ["Step 1", "Step 2", "Step 3", "Step 4"]
    address = next(t for t in spoken if "riverside-clinic.org/csection" in t)
    assert spoken[address].endswith("riverside clinic dot org, slash c section.")
