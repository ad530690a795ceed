"""Cold builds give the same bytes: in one long-lived process, whatever the number of jobs.

The same comparison once failed inside the full suite and passed alone. The
state that differed was not in this process: pyttsx3's ``stop()`` cancelled
espeak-ng whenever its thread was busy, which happens more often on a loaded
machine, and ``espeak_Cancel`` reset the rate of the sentence after it (see
``guide/engines/pyttsx3_worker.py``). This test builds in the test process itself, on
purpose, next to the fresh-process test in ``test_build.py``.
"""

from __future__ import annotations

from pathlib import Path

from guide import manifest as manifest_io
from guide.build.run import BuildOptions, build
from guide.engines.base import Pyttsx3Engine
from guide.scripts.store import load_guide

from .helpers import TINY, write_guide_folder


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != "manifest.json"}


def test_cold_builds_in_one_process_give_the_same_bytes_with_one_job_and_two(tmp_path):
    files = dict(TINY)
    files["03-the-end.txt"] += "\nYou can stop at any time. You can stop at any time.\n"
    folder = write_guide_folder(tmp_path / "scripts" / "tiny", files)
    built = []
    for run, jobs in enumerate((1, 2, 2)):
        root = tmp_path / f"run{run}"
        options = BuildOptions(out_root=root / "audio_out", cache_dir=root / "cache", jobs=jobs)
        report = build(load_guide(folder), Pyttsx3Engine(), options)
        assert report.clips_made == report.clips_total - 1  # one sentence is said twice
        built.append(report.out_dir)
    manifests = [manifest_io.load(out).to_dict() for out in built]
    for m in manifests:
        m.pop("built_at")
    assert manifests[0] == manifests[1] == manifests[2]
    assert _files(built[0]) == _files(built[1]) == _files(built[2])
