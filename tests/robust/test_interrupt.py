"""Interruption: a build or export stopped at any moment loses nothing and mixes nothing.

Real builds (``python -m guide build``, the real espeak-ng and ffmpeg) are
stopped with SIGKILL, SIGTERM and SIGINT at seeded random moments and at the
moment of the swap; after each stop the output folder is either absent (no
build ever finished) or one complete build — the previous one or the new
one — whose every MP3 decodes in full to the length its manifest gives.
"""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import time
from pathlib import Path

import pytest

from guide import manifest as manifest_io

from .helpers import end_group, guide_command, run_guide
from .outputs import check_complete, decode, leftovers

pytestmark = pytest.mark.slow  # real builds and real timeouts: a few seconds each


CHAPTERS = 5
SLUG = "kill-test"
STOPPED = "Stopped. Files that were already complete are unchanged."


def chapter_script(number: int, edit: int | None) -> str:
    """Chapter ``number`` as edit ``edit`` left it; odd edits are much longer than even ones."""
    lines = [f"# Title: Part {number}", "# Source: none", "",
             f"This is part {number} of a guide that is stopped while it is built.", ""]
    if edit is not None:
        lines.append(f"This is edit number {edit} of this part.")
        if edit % 2:
            lines.append("It is longer than the edit before it, so its sound file is longer too. "
                         "There is more to say in it, and it takes more time to say all of it.")
        lines.append("")
    lines.append("- Rest when you need to.")
    return "\n".join(lines) + "\n"


def write_scripts(folder: Path, edits: dict[int, int | None]) -> None:
    """The kill-test guide with each chapter as ``edits`` says, written atomically."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "guide.toml").write_text(
        'title = "Kill test"\nlanguage = "en-US"\nvoice = "en-us"\nrate = 170\n', encoding="utf-8")
    for number, edit in edits.items():
        path = folder / f"{number:02d}-part-{number}.txt"
        tmp = path.with_suffix(".tmp")
        tmp.write_text(chapter_script(number, edit), encoding="utf-8")
        os.replace(tmp, path)


def published_edits(out: Path) -> dict[int, int | None]:
    """Which edit of each chapter a built guide holds, read from its manifest."""
    found: dict[int, int | None] = {}
    for ch in manifest_io.load(out).chapters:
        texts = " ".join(s.text for s in ch.sentences)
        match = re.search(r"edit number (\d+)", texts)
        found[ch.number] = int(match[1]) if match else None
    return found


def interruptible() -> None:
    """In the child, before exec: Ctrl-C does what it does in a terminal.

    A program started from a background job (``cmd &`` in a script, as a CI
    runner may do) inherits SIGINT ignored, and Python then never raises
    KeyboardInterrupt: the Ctrl-C tests would pass or fail by how the suite
    was started. A user's Ctrl-C reaches a foreground program, so the tests
    give the program that state.
    """
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def start(args: list[str], env: dict, cwd: Path) -> subprocess.Popen:
    """A guide command in a session of its own, so that Ctrl-C can go to its whole group."""
    return subprocess.Popen(guide_command(*args), env=env, cwd=cwd, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True,
                            preexec_fn=interruptible)


def stop(proc: subprocess.Popen, sig: signal.Signals) -> None:
    """Send ``sig`` as a user would: Ctrl-C to the terminal's group, kill to the process."""
    try:
        if sig == signal.SIGINT:
            os.killpg(proc.pid, sig)
        else:
            proc.send_signal(sig)
    except ProcessLookupError:
        pass


def wait_for_swap(stage_glob: str, root: Path, proc: subprocess.Popen) -> None:
    """Return as soon as a staging folder holds its manifest, the last file before the swap."""
    while proc.poll() is None:
        if any(root.glob(f"{stage_glob}/manifest.json")):
            return
        time.sleep(0.001)


def check_export(folder: Path) -> None:
    """Every MP3 an export wrote under its own name decodes in full."""
    for mp3 in folder.rglob("*.mp3"):
        _, problems = decode(mp3, 22050)
        assert problems == "", f"{mp3}: {problems}"


def test_stopped_builds_leave_the_old_or_the_new_outputs(tmp_path, guide_env):
    rng = random.Random(20240607)
    folder, out_root, export_dir = tmp_path / SLUG, tmp_path / "audio_out", tmp_path / "export"
    out = out_root / SLUG
    edits: dict[int, int | None] = {n: None for n in range(1, CHAPTERS + 1)}
    generations: list[dict[int, int | None]] = []
    published: int | None = None  # index in generations of the outputs on disk
    bound, kills, swap_kills, groups = 2.5, 0, 0, []
    try:
        for run in range(40):
            if kills >= 10 and swap_kills >= 2:
                break
            edits[run % CHAPTERS + 1] = run
            write_scripts(folder, edits)
            generations.append(dict(edits))
            exporting = run % 4 == 1
            args = (["export", str(folder), "--built", str(out_root), "--out", str(export_dir)]
                    if exporting else ["build", str(folder), "--out", str(out_root), "--jobs", "2"])
            sig = [signal.SIGKILL, signal.SIGTERM, signal.SIGINT][run % 3]
            began = time.monotonic()
            proc = start(args, guide_env, tmp_path)
            groups.append(proc.pid)
            at_swap = kills >= 10 or (run % 4 == 3 and swap_kills < 2)
            if at_swap:
                wait_for_swap(f".{SLUG}.staging-*", out_root, proc)
            else:
                time.sleep(rng.uniform(0.05, bound))
            if proc.poll() is None:
                stop(proc, sig)
                kills, swap_kills = kills + (not at_swap), swap_kills + at_swap
            else:
                bound = max(0.3, 0.9 * (time.monotonic() - began))
            # (no check of the messages here: a stop in the first tenth of a second lands in
            # Python's own start-up; the tests below check the messages)
            proc.communicate(timeout=120)
            if proc.returncode == 0:
                published = run
            if out.exists():
                check_complete(out)
                now = published_edits(out)
                # the new outputs, or the ones that were there: never a mix
                candidates = {run: generations[run]}
                if published is not None:
                    candidates[published] = generations[published]
                assert now in candidates.values(), (run, sig, now, candidates)
                published = run if now == generations[run] else published
            else:
                assert published is None, f"run {run} lost the outputs of run {published}"
            if export_dir.exists():
                check_export(export_dir)
            print(f"run {run}: {' '.join(args[:1])}, {sig.name} "
                  f"{'at the swap' if at_swap else 'at random'}, exit status {proc.returncode}, "
                  f"outputs of run {published}")  # shown with pytest -s
        assert kills >= 10 and swap_kills >= 2, (kills, swap_kills)

        edits[1] = 99
        write_scripts(folder, edits)
        done = run_guide("build", str(folder), "--out", str(out_root), env=guide_env, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        cached = re.search(r"(\d+) of (\d+) clips came from the cache\.", done.stderr)
        assert cached, done.stderr
        assert 0 < int(cached[1]) <= int(cached[2])
        check_complete(out)
        assert published_edits(out) == edits
        assert leftovers(out) == []
    finally:
        for pgid in groups:
            end_group(pgid)


def _cold_run_killed_after(tmp_path, guide_env, chapters_done: int):
    """Start a first build, SIGKILL it once ``chapters_done`` chapters are reported."""
    folder, out_root = tmp_path / SLUG, tmp_path / "audio_out"
    write_scripts(folder, {n: None for n in range(1, CHAPTERS + 1)})
    proc = start(["build", str(folder), "--out", str(out_root), "--jobs", "1"], guide_env, tmp_path)
    try:
        lines = []
        for line in proc.stderr:  # type: ignore[union-attr]
            lines.append(line)
            if line.startswith(f"Chapter {chapters_done} of {CHAPTERS} done."):
                proc.kill()
                break
        proc.communicate(timeout=60)
    finally:
        end_group(proc.pid)
    assert proc.returncode == -signal.SIGKILL, lines
    return folder, out_root


def test_a_killed_first_build_leaves_nothing_and_the_next_reuses_its_clips(tmp_path, guide_env):
    folder, out_root = _cold_run_killed_after(tmp_path, guide_env, chapters_done=2)
    assert not (out_root / SLUG).exists()
    done = run_guide("build", str(folder), "--out", str(out_root), env=guide_env, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    m = check_complete(out_root / SLUG)
    cached = re.search(r"(\d+) of (\d+) clips came from the cache\.", done.stderr)
    # no earlier build was published, so these came from clips made before the kill
    assert int(cached[1]) >= len(m.chapters[0].sentences) + len(m.chapters[1].sentences)
    assert leftovers(out_root / SLUG) == []


def _stop_mid_build(tmp_path, guide_env, sig: signal.Signals):
    """Build once, edit, start again and stop it with ``sig`` after its first chapter."""
    folder, out_root = tmp_path / SLUG, tmp_path / "audio_out"
    write_scripts(folder, {n: None for n in range(1, CHAPTERS + 1)})
    first = run_guide("build", str(folder), "--out", str(out_root), env=guide_env, cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    before = published_edits(out_root / SLUG)
    write_scripts(folder, {n: n for n in range(1, CHAPTERS + 1)})
    proc = start(["build", str(folder), "--out", str(out_root), "--jobs", "1"], guide_env, tmp_path)
    try:
        err = []
        for line in proc.stderr:  # type: ignore[union-attr]
            err.append(line)
            if line.startswith("Chapter 1 of"):
                stop(proc, sig)
                break
        rest = proc.communicate(timeout=120)[1]
    finally:
        end_group(proc.pid)
    check_complete(out_root / SLUG)
    assert published_edits(out_root / SLUG) == before
    return proc.returncode, "".join(err) + rest, out_root / SLUG


def test_ctrl_c_stops_with_one_calm_line(tmp_path, guide_env):
    """Ctrl-C reaches the whole foreground group: the build, its ffmpeg and its workers."""
    code, err, out = _stop_mid_build(tmp_path, guide_env, signal.SIGINT)
    assert code == 130
    assert err.splitlines()[-1] == STOPPED
    assert "Traceback" not in err
    assert leftovers(out) == []


def test_sigterm_stops_like_ctrl_c(tmp_path, guide_env):
    code, err, out = _stop_mid_build(tmp_path, guide_env, signal.SIGTERM)
    assert code != 0 and code > 0
    assert err.splitlines()[-1] == STOPPED
    assert "Traceback" not in err
    assert leftovers(out) == []


def test_sigterm_keeps_the_previous_outputs(tmp_path, guide_env):
    """Even without a handler, SIGTERM loses nothing; the next build tidies up."""
    code, err, out = _stop_mid_build(tmp_path, guide_env, signal.SIGTERM)
    assert code != 0
    assert "Traceback" not in err
    again = run_guide("build", str(tmp_path / SLUG), "--out", str(out.parent), env=guide_env,
                      cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    check_complete(out)
    assert leftovers(out) == []


# ------------------------------------------------- the checks above can fail


def _two_generations(tmp_path):
    from guide.build.run import BuildOptions, build
    from ..helpers import FakeEngine
    from guide.scripts.store import load_guide

    outs = []
    for edit in (1, 2):
        folder = tmp_path / f"gen{edit}" / SLUG
        write_scripts(folder, {n: edit for n in range(1, 4)})
        options = BuildOptions(out_root=tmp_path / f"out{edit}", cache_dir=tmp_path / "cache")
        outs.append(build(load_guide(folder), FakeEngine(), options).out_dir)
    return outs


def test_the_completeness_check_catches_a_mix_and_a_truncated_file(tmp_path):
    old, new = _two_generations(tmp_path)
    check_complete(old), check_complete(new)
    chapter = "chapters/02-part-2.mp3"
    (new / chapter).write_bytes((old / chapter).read_bytes())
    with pytest.raises(AssertionError):
        check_complete(new)
    data = (old / chapter).read_bytes()
    (old / chapter).write_bytes(data[: len(data) // 2])
    with pytest.raises(AssertionError):
        check_complete(old)
