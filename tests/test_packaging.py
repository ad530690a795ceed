"""The shipped guide is package data: it works after a plain, non-editable install."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_carries_the_shipped_guide_and_finds_it_from_anywhere(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "-q", "-w", str(tmp_path), str(ROOT)], check=True, capture_output=True)
    wheel = next(tmp_path.glob("guide-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    shipped = sorted(n for n in names if n.startswith("guide/shipped/cervical-insufficiency/"))
    scripts = sorted(p.name for p in (ROOT / "scripts" / "cervical-insufficiency").iterdir())
    assert [n.rsplit("/", 1)[1] for n in shipped] == scripts
    assert "guide/data/lexicon.toml" in names
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = ("import sys; sys.path.insert(0, sys.argv[1]); from guide.scripts.store import find_guide, load_guide;"
            "f = find_guide(None); g = load_guide(f); print(f); print(len(g.chapters))")
    out = subprocess.run([sys.executable, "-c", code, str(site)], cwd=elsewhere, capture_output=True,
                         text=True, check=True, env={"PATH": "/usr/bin:/bin"}).stdout.splitlines()
    assert out[0] == str(site / "guide" / "shipped" / "cervical-insufficiency")
    assert int(out[1]) == len([s for s in scripts if s[0].isdigit()])
