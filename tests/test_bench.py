"""`make bench` must not rot: its smoke run (a short guide, one repetition) prints the table."""

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_bench_smoke_prints_every_ratio():
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--smoke"],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    rows = [line for line in done.stdout.splitlines() if line.startswith("| ") and "---" not in line]
    names = [row.split("|")[1].strip() for row in rows[1:]]
    assert names == ["cold build / baseline", "nothing changed / cold", "one chapter edited / cold",
                     "2x guide / 1x guide (cold)", "peak memory, 1x guide", "peak memory, 2x guide"]
    for row in rows[1:5]:
        assert re.fullmatch(r"\d+\.\d\d", row.split("|")[2].strip())
