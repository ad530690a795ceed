"""Concurrent builds: one guide is built by one process at a time; different guides side by side.

Every build here is a real ``python -m guide build`` subprocess with the real
espeak-ng and ffmpeg.
"""

from __future__ import annotations

import re
import subprocess
import time
from pathlib import Path

import pytest

from guide.files import exclusive

from .helpers import end_group, guide_command
from .outputs import check_complete, leftovers

pytestmark = pytest.mark.slow  # real builds and real timeouts: a few seconds each


WAITING = "Another build of this guide is running. Waiting for it to finish."


def write_guide(folder: Path, title: str, edit: int = 0, chapters: int = 4) -> Path:
    """A guide of a few chapters, each a few sentences long; ``edit`` changes chapter 2."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "guide.toml").write_text(f'title = "{title}"\nvoice = "en-us"\nrate = 170\n',
                                       encoding="utf-8")
    for n in range(1, chapters + 1):
        extra = f" This is edit number {edit}." if n == 2 else ""
        body = (f"This is chapter {n} of {title}. It has a few sentences, so that it takes "
                f"a moment to make.{extra}\n\nTake your time. Ask your care team about anything "
                "that is not clear.\n\n- Drink water.\n- Rest when you are tired.\n")
        (folder / f"{n:02d}-part-{n}.txt").write_text(f"# Title: Part {n}\n\n{body}",
                                                      encoding="utf-8")
    return folder


def start_build(folder: Path, out_root: Path, env: dict, cwd: Path) -> subprocess.Popen:
    return subprocess.Popen(guide_command("build", str(folder), "--out", str(out_root), "--jobs", "1"),
                            env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, start_new_session=True)


def wait_until(condition, proc: subprocess.Popen) -> bool:
    """Poll until ``condition()`` holds; ``False`` if ``proc`` ended first."""
    while not condition():
        if proc.poll() is not None:
            return condition()
        time.sleep(0.005)
    return True


def staging_of(out_root: Path, slug: str) -> list[Path]:
    return list(out_root.glob(f".{slug}.staging-*"))


def test_a_build_waits_while_another_holds_the_guide(tmp_path, guide_env):
    folder, out_root = write_guide(tmp_path / "same", "Same guide"), tmp_path / "audio_out"
    with exclusive(out_root / ".same.lock"):
        proc = start_build(folder, out_root, guide_env, tmp_path)
        try:
            first = proc.stderr.readline()  # type: ignore[union-attr]
            assert first.rstrip("\n") == WAITING
            time.sleep(0.5)  # while it waits, it makes nothing
            assert proc.poll() is None
            assert not (out_root / "same").exists() and staging_of(out_root, "same") == []
        except BaseException:
            end_group(proc.pid)
            raise
    _, rest = proc.communicate(timeout=120)
    assert proc.returncode == 0, rest
    assert WAITING not in rest
    check_complete(out_root / "same")


def test_a_second_build_of_the_same_guide_waits_for_the_first(tmp_path, guide_env):
    folder, out_root = write_guide(tmp_path / "same", "Same guide"), tmp_path / "audio_out"
    first = start_build(folder, out_root, guide_env, tmp_path)
    second = None
    try:
        assert wait_until(lambda: staging_of(out_root, "same"), first), first.communicate()
        write_guide(folder, "Same guide", edit=1)  # the first build has read its scripts
        second = start_build(folder, out_root, guide_env, tmp_path)
        said = second.stderr.readline().rstrip("\n")  # type: ignore[union-attr]
        first_running = first.poll() is None
        _, first_err = first.communicate(timeout=120)
        _, second_err = second.communicate(timeout=120)
    finally:
        for proc in (first, second):
            if proc is not None:
                end_group(proc.pid)
    assert said == WAITING and first_running
    assert first.returncode == 0 and second.returncode == 0, (first_err, second_err)
    assert WAITING not in first_err
    m = check_complete(out_root / "same")
    assert "This is edit number 1." in [s.text for s in m.chapters[1].sentences]
    # it started from the first build's complete outputs: all but chapter 2 were reused
    cached = re.search(r"(\d+) of (\d+) clips came from the cache\.", second_err)
    assert cached, second_err
    assert int(cached[1]) >= int(cached[2]) - len(m.chapters[1].sentences)
    assert leftovers(out_root / "same") == []


def test_builds_of_different_guides_run_side_by_side(tmp_path, guide_env):
    out_root = tmp_path / "audio_out"
    folders = [write_guide(tmp_path / name, name.title()) for name in ("alpha", "beta")]
    procs = [start_build(folder, out_root, guide_env, tmp_path) for folder in folders]
    try:
        both = wait_until(lambda: staging_of(out_root, "alpha") and staging_of(out_root, "beta"),
                          procs[0])
        errs = [proc.communicate(timeout=120)[1] for proc in procs]
    finally:
        for proc in procs:
            end_group(proc.pid)
    assert both, "the two builds never ran at the same time"
    for proc, err in zip(procs, errs):
        assert proc.returncode == 0, err
        assert WAITING not in err
    for name in ("alpha", "beta"):
        m = check_complete(out_root / name)
        assert m.title == name.title()
        assert leftovers(out_root / name) == []


def test_an_export_never_mixes_two_builds(tmp_path, monkeypatch):
    """A build of new scripts starts while an export is copying: every exported file must
    come from one build (the build starts at an exact moment: after the first copy)."""
    import threading
    import time

    from click.testing import CliRunner

    import guide.export.mp3 as mp3_export
    from guide.build.run import BuildOptions, build
    from guide.cli.app import cli
    from ..helpers import FakeEngine
    from guide.scripts.store import load_guide

    folder = write_guide(tmp_path / "scripts" / "same", "Same guide")
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "audio_out" / "same"
    assert CliRunner().invoke(cli, ["build", "same"], obj={"engine": FakeEngine()}).exit_code == 0
    old = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*.mp3")}
    real_copy, copies, builds = mp3_export.atomic_copy, [], []

    def copy_while_another_build_runs(src, dest):
        done = real_copy(src, dest)
        copies.append(dest)
        if len(copies) == 1:
            write_guide(folder, "Same guide", edit=1, chapters=4)
            for n in (1, 3, 4):
                path = folder / f"{n:02d}-part-{n}.txt"
                path.write_text(path.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
            other = threading.Thread(target=build, args=(load_guide(folder), FakeEngine(),
                                                         BuildOptions(out_root=tmp_path / "audio_out")))
            other.start()
            builds.append(other)
            time.sleep(1.0)  # time enough for the other build to swap the folder, were it allowed to
        return done

    monkeypatch.setattr(mp3_export, "atomic_copy", copy_while_another_build_runs)
    result = CliRunner().invoke(cli, ["export", "same", "--out", "usb"], obj={"engine": FakeEngine()})
    builds[0].join(timeout=120)
    assert result.exit_code == 0, result.output
    new = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*.mp3")}
    exported = {p.relative_to(tmp_path / "usb").as_posix(): p.read_bytes()
                for p in (tmp_path / "usb").rglob("*.mp3")}
    assert old != new and set(exported) == set(old)
    assert exported == old or exported == new
