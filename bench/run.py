"""``make bench``: the build measured against the bare espeak-ng + ffmpeg pipeline.

Every figure is a ratio of two times taken in the same run on this machine,
each the median of ``--repeat`` runs, because shared machines are noisy.

    python bench/run.py              # the shipped guide, 3 repetitions
    python bench/run.py --smoke      # a short guide, 1 repetition (CI runs this)
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from guide.speech.narration import chapter_sentences  # noqa: E402
from guide.speech.lexicon import Lexicon  # noqa: E402
from guide.scripts.store import load_guide, shipped_folder  # noqa: E402

SMOKE = {
    "guide.toml": 'title = "Bench smoke"\nrate = 150\nvoice = "en-us"\n',
    "01-one.txt": "# Title: One\n\nA short chapter. It has two sentences.\n",
    "02-two.txt": "# Title: Two\n\nAnother short chapter.\n\n- With an item.\n",
}


def run_timed(cmd: list[str], env: dict) -> tuple[float, int]:
    """Wall time and peak resident memory (kB) of the largest process of a command."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    err = proc.stderr.read().decode() if proc.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{err}")
    return elapsed, usage.ru_maxrss


def spoken_chapters(folder: Path) -> list[str]:
    guide = load_guide(folder)
    lexicon = Lexicon.load(folder)
    total = len(guide.chapters)
    return [" ".join(s.spoken for s in chapter_sentences(ch, total, lexicon)) for ch in guide.chapters]


def baseline(folder: Path, work: Path) -> float:
    """espeak-ng on each chapter's spoken text, ffmpeg for each chapter and the whole, in turn."""
    guide = load_guide(folder)
    texts = spoken_chapters(folder)
    work.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    wavs = []
    for i, text in enumerate(texts, start=1):
        src, wav, mp3 = work / f"{i}.txt", work / f"{i}.wav", work / f"{i}.mp3"
        src.write_text(text, encoding="utf-8")
        subprocess.run(["espeak-ng", "-v", guide.voice, "-s", str(guide.rate), "-w", str(wav),
                        "-f", str(src)], check=True)
        subprocess.run(["ffmpeg", "-v", "error", "-y", "-i", str(wav), "-ac", "1", "-b:a", "64k",
                        str(mp3)], check=True)
        wavs.append(wav)
    listing = work / "list.txt"
    listing.write_text("".join(f"file '{w}'\n" for w in wavs))
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-f", "concat", "-safe", "0", "-i", str(listing),
                    "-ac", "1", "-b:a", "64k", str(work / "whole.mp3")], check=True)
    return time.perf_counter() - start


def scaled_copy(folder: Path, dest: Path, times: int) -> Path:
    """A guide ``times`` as long: each chapter repeated, every sentence made distinct."""
    dest.mkdir(parents=True)
    shutil.copy(folder / "guide.toml", dest / "guide.toml")
    scripts = sorted(folder.glob("[0-9]*.txt"))
    number = 0
    for copy in range(1, times + 1):
        for script in scripts:
            number += 1
            lines = []
            for line in script.read_text(encoding="utf-8").splitlines():
                if line.startswith("# Title:"):
                    line = f"{line} (part {copy})"
                elif line and not line.startswith("#"):
                    line = line.replace(". ", f" {copy}. ").rstrip(".") + f" {copy}."
                lines.append(line)
            name = f"{number:03d}-{script.stem.split('-', 1)[-1]}.txt"
            (dest / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return dest


def build_cmd(folder: Path, out: Path, jobs: int | None, force: bool = False) -> list[str]:
    cmd = [sys.executable, "-m", "guide", "build", str(folder), "--out", str(out)]
    if jobs:
        cmd += ["--jobs", str(jobs)]
    return cmd + (["--force"] if force else [])


def edit_one_chapter(folder: Path, round_: int) -> None:
    scripts = sorted(folder.glob("[0-9]*.txt"))
    script = scripts[min(2, len(scripts) - 1)]
    script.write_text(script.read_text(encoding="utf-8") + f"\nThis line was added in edit {round_}.\n",
                      encoding="utf-8")


def measure(folder: Path, tmp: Path, repeat: int, jobs: int | None, scale: int) -> dict:
    env = dict(os.environ)
    results: dict[str, list] = {k: [] for k in
                                ("baseline", "cold", "nochange", "edit", "cold10", "mem1", "mem10")}
    for r in range(repeat):
        run_dir = tmp / f"run{r}"
        guide_dir = run_dir / "guide"
        shutil.copytree(folder, guide_dir)
        results["baseline"].append(baseline(guide_dir, run_dir / "baseline"))
        env["GUIDE_CACHE_DIR"] = str(run_dir / "cache")
        out = run_dir / "out"
        t, mem = run_timed(build_cmd(guide_dir, out, jobs), env)
        results["cold"].append(t)
        results["mem1"].append(mem)
        results["nochange"].append(run_timed(build_cmd(guide_dir, out, jobs), env)[0])
        edit_one_chapter(guide_dir, r)
        results["edit"].append(run_timed(build_cmd(guide_dir, out, jobs), env)[0])
        big = scaled_copy(folder, run_dir / "big", scale)
        env["GUIDE_CACHE_DIR"] = str(run_dir / "cache10")
        t, mem = run_timed(build_cmd(big, run_dir / "out10", jobs), env)
        results["cold10"].append(t)
        results["mem10"].append(mem)
        shutil.rmtree(run_dir)
    return {k: statistics.median(v) for k, v in results.items()}


def table(m: dict, scale: int) -> str:
    rows = [
        ("cold build / baseline", m["cold"] / m["baseline"], "at most 1.0"),
        ("nothing changed / cold", m["nochange"] / m["cold"], "at most 0.1"),
        ("one chapter edited / cold", m["edit"] / m["cold"], "at most 0.35"),
        (f"{scale}x guide / 1x guide (cold)", m["cold10"] / m["cold"], f"at most {1.1 * scale:g}"),
    ]
    lines = ["| measurement | ratio | target |", "| --- | --- | --- |"]
    lines += [f"| {name} | {ratio:.2f} | {target} |" for name, ratio, target in rows]
    lines.append(f"| peak memory, 1x guide | {m['mem1'] / 1024:.0f} MB | |")
    lines.append(f"| peak memory, {scale}x guide | {m['mem10'] / 1024:.0f} MB | under 300 MB |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="a short guide, one repetition")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--scale", type=int, default=10)
    parser.add_argument("--jobs", type=int, default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="guide-bench-") as tmp:
        if args.smoke:
            folder = Path(tmp) / "smoke"
            folder.mkdir()
            for name, text in SMOKE.items():
                (folder / name).write_text(text, encoding="utf-8")
            repeat, scale = 1, 2
        else:
            folder, repeat, scale = shipped_folder(), args.repeat, args.scale
        print(f"Benchmark of {folder.name}: median of {repeat} runs, {os.cpu_count()} cores.",
              file=sys.stderr)
        print(table(measure(folder, Path(tmp), repeat, args.jobs, scale), scale))
    from startup import startup_table  # bench/startup.py, beside this file

    print()
    print(startup_table(runs=1 if args.smoke else 15))
    return 0


if __name__ == "__main__":
    sys.exit(main())
