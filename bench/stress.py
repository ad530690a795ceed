"""``make stress``: cold chapter syntheses and cold builds with every core kept busy.

It counts what the speech engine gets wrong before any retry, and whether a
real build ever fails. Two parts, both under full CPU load (one busy loop per
core, besides the work itself, which runs as many chapters at once as there
are cores):

1. **Raw**: ``--chapters`` cold chapters, each the first sentences of a
   chapter of the shipped guide, each in a fresh pyttsx3 worker with no retry.
   A chapter fails when any clip is empty, the wrong length or missing. It
   also counts chapters whose bytes differ from the same chapter made earlier
   in the run: espeak-ng should give the same samples every time.
2. **Builds**: ``--builds`` runs of ``guide build`` on a three-chapter guide,
   each with a fresh clip cache and output folder, so every chapter is cold.
   It counts failed builds and the clips the build made again after a failed
   try (the build's last line says so).

With ``--trace FILE`` every worker appends its espeak-ng callback log
(``GUIDE_TTS_TRACE``), the evidence behind the cause in
``guide/engines/pyttsx3_worker.py``.

    python bench/stress.py                     # 300 raw chapters, 100 builds (300 chapters)
    python bench/stress.py --chapters 30 --builds 5
"""

from __future__ import annotations

import argparse
import hashlib
import multiprocessing
import os
import re
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from guide.engines.base import Pyttsx3Engine, check_clip  # noqa: E402
from guide.errors import SynthesisError  # noqa: E402
from guide.speech.lexicon import Lexicon  # noqa: E402
from guide.speech.narration import chapter_sentences  # noqa: E402
from guide.scripts.store import load_guide, shipped_folder  # noqa: E402

SMALL = {
    "guide.toml": 'title = "Stress test guide"\nrate = 150\nvoice = "en-us"\n',
    "01-one.txt": "# Title: One\n\nA short chapter. It has two sentences.\n",
    "02-two.txt": "# Title: Two\n\nAnother short chapter.\n\n- With an item.\n- And another.\n",
    "03-three.txt": "# Title: Three\n\nThe last chapter. Thank you for listening.\n",
}


def _busy(stop) -> None:
    while not stop.is_set():
        pass


def chapter_texts(per_chapter: int) -> list[list[str]]:
    """The first sentences, announcement first, of every chapter of the shipped guide."""
    folder = shipped_folder()
    guide = load_guide(folder)
    lexicon = Lexicon.load(folder)
    total = len(guide.chapters)
    return [[s.spoken for s in chapter_sentences(ch, total, lexicon)[:per_chapter]]
            for ch in guide.chapters]


def raw_chapter(texts: list[str]) -> tuple[str | None, str]:
    """One cold chapter with no retry: (what went wrong or None, hash of its samples)."""
    engine = Pyttsx3Engine(retries=0)
    digest = hashlib.sha256()
    try:
        for text, clip in zip(texts, engine.synthesize(texts, "en-us", 150)):
            problem = check_clip(clip, text, 150)
            if problem:
                return problem, ""
            digest.update(clip.pcm)
    except SynthesisError as exc:
        return str(exc), ""
    return None, digest.hexdigest()


def run_raw(count: int, jobs: int, per_chapter: int) -> dict:
    chapters = chapter_texts(per_chapter)
    plan = [chapters[i % len(chapters)] for i in range(count)]
    with ThreadPoolExecutor(jobs) as pool:
        results = list(pool.map(raw_chapter, plan))
    failures = [problem for problem, _ in results if problem]
    first: dict[int, str] = {}
    differ = 0
    for i, (problem, digest) in enumerate(results):
        if problem:
            continue
        seen = first.setdefault(i % len(chapters), digest)
        differ += seen != digest
    return {"chapters": count, "clips": count * per_chapter, "failed": len(failures),
            "differ": differ, "reasons": sorted(set(failures))}


def one_build(root: Path, n: int) -> tuple[bool, int, str]:
    """One cold ``guide build``: (succeeded, clips made again, last stderr line)."""
    env = {**os.environ, "GUIDE_CACHE_DIR": str(root / f"cache-{n}")}
    done = subprocess.run([sys.executable, "-m", "guide", "build", str(root / "scripts" / "stress"),
                           "--out", str(root / f"out-{n}")], env=env, capture_output=True, text=True)
    lines = done.stderr.strip().splitlines() or [""]
    match = re.search(r"(\d+) clips? (?:was|were) made again", done.stderr)
    return done.returncode == 0, int(match.group(1)) if match else 0, lines[-1]


def run_builds(count: int, jobs: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="guide-stress-") as tmp:
        root = Path(tmp)
        folder = root / "scripts" / "stress"
        folder.mkdir(parents=True)
        for name, text in SMALL.items():
            (folder / name).write_text(text, encoding="utf-8")
        with ThreadPoolExecutor(jobs) as pool:
            results = list(pool.map(lambda n: one_build(root, n), range(count)))
    failed = [line for ok, _, line in results if not ok]
    return {"builds": count, "chapters": count * (len(SMALL) - 1), "failed": len(failed),
            "retried": sum(r for _, r, _ in results), "reasons": sorted(set(failed))}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chapters", type=int, default=300, help="raw cold chapters")
    parser.add_argument("--builds", type=int, default=100, help="cold guide builds (3 chapters each)")
    parser.add_argument("--sentences", type=int, default=4, help="sentences per raw chapter")
    parser.add_argument("--trace", help="append every worker's espeak-ng callback log to this file")
    args = parser.parse_args()
    if args.trace:
        os.environ["GUIDE_TTS_TRACE"] = str(Path(args.trace).resolve())
    cores = os.cpu_count() or 1
    stop = multiprocessing.Event()
    burners = [multiprocessing.Process(target=_busy, args=(stop,), daemon=True) for _ in range(cores)]
    for p in burners:
        p.start()
    started = time.monotonic()
    try:
        raw = run_raw(args.chapters, cores, args.sentences)
        builds = run_builds(args.builds, cores)
    finally:
        stop.set()
        for p in burners:
            p.join()
    rate = raw["failed"] / raw["clips"] if raw["clips"] else 0.0
    print(f"Under full load on {cores} cores, {time.monotonic() - started:.0f} s in all.")
    print()
    print("| measurement | result |")
    print("| --- | --- |")
    print(f"| raw cold chapters, no retry | {raw['failed']} failed of {raw['chapters']} "
          f"({raw['clips']} clips; {rate:.4%} of clips) |")
    print(f"| raw chapters whose samples differ from the same chapter made before | "
          f"{raw['differ']} of {raw['chapters'] - raw['failed']} |")
    print(f"| cold builds | {builds['failed']} failed of {builds['builds']} "
          f"({builds['chapters']} chapters) |")
    print(f"| clips made again by those builds after a failed try | {builds['retried']} |")
    for reason in raw["reasons"] + builds["reasons"]:
        print(f"Seen: {reason}")
    return 1 if builds["failed"] or raw["failed"] or raw["differ"] else 0


if __name__ == "__main__":
    sys.exit(main())
