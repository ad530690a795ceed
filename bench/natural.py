"""The natural voice in ``make bench``: speed against bare Piper, memory, and intelligibility.

* **natural cold build / bare piper**: ``guide build --engine piper`` with a fresh cache,
  against the ``piper`` command run once per chapter on the same chapters' spoken text, one
  after another (each run loads the model, as a person using the command would).
* **peak memory**: the largest process of the natural build (a worker with the model).
* **intelligibility**: word error rate of pocketsphinx's generic English model on chapters
  3, 5 and 8 of both editions (see ``bench/intelligibility.py``).

    python bench/natural.py              # the shipped guide, 3 repetitions
    python bench/natural.py --repeat 1
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
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from intelligibility import chapter_wer  # noqa: E402
from run import SMOKE, build_cmd, run_timed, spoken_chapters  # noqa: E402

from guide.engines.piper_engine import length_scale  # noqa: E402
from guide.engines.piper_voices import resolve  # noqa: E402
from guide.scripts.store import load_guide, shipped_folder  # noqa: E402

VOICE = "en_US-joe-medium"
WER_CHAPTERS = [3, 5, 8]


def bare_piper(folder: Path, work: Path) -> float:
    """The ``piper`` command on each chapter's spoken text, one process per chapter, in turn."""
    voice, rate = resolve(VOICE), load_guide(folder).rate
    work.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    for i, text in enumerate(spoken_chapters(folder), start=1):
        src = work / f"{i}.txt"
        src.write_text(text, encoding="utf-8")
        subprocess.run([sys.executable, "-m", "piper", "-m", str(voice.model), "-c", str(voice.config),
                        "-i", str(src), "-f", str(work / f"{i}.wav"),
                        "--length-scale", str(length_scale(rate))],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def measure(folder: Path, tmp: Path, repeat: int, chapters: list[int]) -> dict:
    env = dict(os.environ)
    bare, cold, memory = [], [], []
    for r in range(repeat):
        run_dir = tmp / f"natural{r}"
        bare.append(bare_piper(folder, run_dir / "bare"))
        env["GUIDE_CACHE_DIR"] = str(run_dir / "cache")
        t, mem = run_timed(build_cmd(folder, run_dir / "out", None) + ["--engine", "piper",
                                                                       "--voice", VOICE], env)
        cold.append(t)
        memory.append(mem)
    slug = load_guide(folder).slug
    natural = tmp / f"natural{repeat - 1}" / "out" / f"{slug}--piper-en-us-joe-medium"
    env["GUIDE_CACHE_DIR"] = str(tmp / "espeak-cache")
    run_timed(build_cmd(folder, tmp / "espeak", None), env)
    return {"bare": statistics.median(bare), "cold": statistics.median(cold),
            "memory": statistics.median(memory),
            "wer_natural": chapter_wer(natural, chapters),
            "wer_espeak": chapter_wer(tmp / "espeak" / slug, chapters)}


def table(m: dict) -> str:
    def mean(figures: dict) -> float:
        return sum(figures.values()) / len(figures)

    numbers = list(m["wer_natural"])
    chapters = ", ".join(str(n) for n in numbers)
    lines = ["| measurement | result | target |", "| --- | --- | --- |",
             f"| natural cold build / bare piper | {m['cold'] / m['bare']:.2f} | at most 1.0 |",
             f"| natural cold build, seconds | {m['cold']:.1f} (bare piper {m['bare']:.1f}) | |",
             f"| peak memory, natural build | {m['memory'] / 1024:.0f} MB | at most 500 MB |"]
    for engine, key in (("natural (Piper, Joe)", "wer_natural"), ("espeak-ng", "wer_espeak")):
        each = ", ".join(f"{m[key][n]:.2f}" for n in numbers)
        lines.append(f"| word error rate, {engine}, chapters {chapters} | {mean(m[key]):.2f} "
                     f"({each}) | |")
    ratio = mean(m["wer_natural"]) / mean(m["wer_espeak"])
    lines.append(f"| natural WER / espeak-ng WER | {ratio:.2f} | at most 0.5 (and natural at "
                 "most 0.35) |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--smoke", action="store_true", help="a short guide, one repetition")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="guide-bench-natural-") as tmp:
        if args.smoke:
            folder = Path(tmp) / "smoke"
            folder.mkdir()
            for name, text in SMOKE.items():
                (folder / name).write_text(text, encoding="utf-8")
            repeat, chapters = 1, [1, 2]
        else:
            folder, repeat, chapters = shipped_folder(), args.repeat, WER_CHAPTERS
        print(f"Natural voice benchmark of {folder.name}: median of {repeat} runs, "
              f"{os.cpu_count()} cores.", file=sys.stderr)
        print(table(measure(folder, Path(tmp), repeat, chapters)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
