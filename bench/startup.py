"""How fast ``guide`` starts: its commands measured against ``python -c "import click"``.

Every figure is a ratio of two wall times taken in the same run on this
machine, each the median of ``--runs`` runs.  The runs are interleaved (one of
each command in turn, the order turned round each time) so that a busy moment
slows all of them alike.  A no-op build is a build of a tiny guide that was
already built, in a temporary folder with its own cache and state folders.
The targets are printed with PASS or MISS; nothing fails on a miss, because
start-up times on a shared machine are noisy.

    python bench/startup.py              # 15 runs of each
    python bench/startup.py --runs 5

From another script (``bench/run.py``)::

    from startup import startup_table
    print(startup_table(runs=15))
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

TINY = {
    "guide.toml": 'title = "Start-up bench"\nlanguage = "en-US"\nvoice = "en-us"\nrate = 150\n'
                  'source = "none"\n',
    "01-one.txt": "# Title: One\n# Source: none (framing)\n\nA short chapter. It has two sentences.\n",
    "02-two.txt": "# Title: Two\n# Source: none (framing)\n\nAnother short chapter.\n\n- With an item.\n",
}
"Two chapters, a few seconds of speech: built once, then built again with nothing to do."

BASELINE = "import click"
"What every command is measured against: Python starting and importing click."

TARGETS = {"guide --version": 2.5, "guide list": 3.0, "guide build (nothing to do)": 4.0}
"The most each command may take, as a multiple of the baseline (issue 14, item 7)."


def commands(folder: Path, out: Path) -> dict[str, list[str]]:
    """The baseline and each measured command, as argument lists."""
    python = sys.executable
    return {
        BASELINE: [python, "-c", "import click"],
        "guide --version": [python, "-m", "guide", "--version"],
        "guide list": [python, "-m", "guide", "list", str(folder), "--out", str(out)],
        "guide build (nothing to do)": [python, "-m", "guide", "build", str(folder), "--out", str(out)],
    }


def environment(tmp: Path) -> dict[str, str]:
    """This environment, with the cache and state folders inside ``tmp`` and the checkout first."""
    env = dict(os.environ)
    env["GUIDE_CACHE_DIR"] = str(tmp / "cache")
    env["GUIDE_STATE_DIR"] = str(tmp / "state")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
    return env


def run_once(cmd: list[str], env: dict[str, str], cwd: Path) -> float:
    """Wall time of one run; a command that fails stops the benchmark with its error."""
    start = time.perf_counter()
    done = subprocess.run(cmd, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{done.stderr.decode(errors='replace')}")
    return elapsed


def measure(runs: int = 15) -> dict[str, float]:
    """Median wall time, in seconds, of each command over ``runs`` interleaved runs."""
    with tempfile.TemporaryDirectory(prefix="guide-startup-") as name:
        tmp = Path(name)
        folder, out = tmp / "tiny", tmp / "out"
        folder.mkdir()
        for file, text in TINY.items():
            (folder / file).write_text(text, encoding="utf-8")
        env = environment(tmp)
        cmds = commands(folder, out)
        run_once(cmds["guide build (nothing to do)"], env, tmp)  # the real build, once
        times: dict[str, list[float]] = {label: [] for label in cmds}
        order = list(cmds)
        for _ in range(runs):
            for label in order:
                times[label].append(run_once(cmds[label], env, tmp))
            order.reverse()
    return {label: statistics.median(values) for label, values in times.items()}


def table(medians: dict[str, float]) -> str:
    """The ratios as a Markdown table, each with its target and PASS or MISS."""
    base = medians[BASELINE]
    lines = ["| start-up | median | ratio to `import click` | target | result |",
             "| --- | --- | --- | --- | --- |",
             f"| `python -c \"{BASELINE}\"` | {base * 1000:.0f} ms | 1.00 | | |"]
    for label, target in TARGETS.items():
        ratio = medians[label] / base
        verdict = "PASS" if ratio <= target else "MISS"
        lines.append(f"| `{label}` | {medians[label] * 1000:.0f} ms | {ratio:.2f} | "
                     f"at most {target:g} | {verdict} |")
    return "\n".join(lines)


def startup_table(runs: int = 15) -> str:
    """Measure (about ``runs`` × 4 processes, plus one small build) and return the table."""
    return table(measure(runs))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="runs of each command (default 15)")
    args = parser.parse_args()
    print(f"Start-up: median of {args.runs} interleaved runs, {os.cpu_count()} cores.", file=sys.stderr)
    print(startup_table(args.runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
