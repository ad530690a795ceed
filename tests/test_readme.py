"""The README's example sessions, run for real: docs that cannot go stale.

Every fenced block of README.md that starts with ``$ guide`` is a session:
commands, each followed by the lines it prints (standard output and standard
error together, as a terminal shows them). Each session this test can run is
run on a fresh copy of the shipped guide, with its own clip cache, and its
output compared line by line. Two things may differ, and only these:

* a line ``…`` in the README stands for any number of lines;
* what changes from run to run on purpose: the build's own time ("in 10.2 s"),
  and temporary paths, which are written back as the README's paths.

The sessions that cannot run here are listed in :data:`NOT_RUN` with the
reason; a new session that is in neither list fails the test, so an example
cannot be added without being checked.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"

NOT_RUN = {
    "guide play": "the player needs a terminal and a listener; tests/player drives it in a pty",
    "guide new preeclampsia.md --slug preeclampsia": "the article is the reader's own",
    "guide check preeclampsia": "the guide is the reader's own (made by the example above)",
}
"Sessions whose first command cannot run in a test, and why."


def sessions(text: str) -> list[list[tuple[str, list[str]]]]:
    """Every ``$ guide`` block of the README as [(command, expected lines), ...]."""
    found = []
    for block in re.findall(r"^```[^\n]*\n(.*?)^```", text, flags=re.S | re.M):
        lines = block.rstrip("\n").split("\n")
        if not lines[0].startswith("$ guide"):
            continue
        steps: list[tuple[str, list[str]]] = []
        for line in lines:
            if line.startswith("$ "):
                steps.append((line[2:], []))
            else:
                steps[-1][1].append(line)
        found.append(steps)
    return found


def matches(expected: list[str], actual: list[str]) -> bool:
    """Whether ``actual`` is ``expected`` with each ``…`` line standing for any lines."""
    pattern = "".join(".*?" if line == "…" else re.escape(line + "\n") for line in expected)
    return re.fullmatch(pattern, "".join(line + "\n" for line in actual), flags=re.S) is not None


def steady(line: str) -> str:
    """The line without what changes from run to run on purpose: the build's own time."""
    return re.sub(r"^(Built .*?, in )[\d.]+ s\.", r"\1N s.", line)


def fresh_workdir(tmp_path_factory) -> Path:
    """A folder with a copy of the shipped guide under scripts/, as a new user's would be."""
    work = tmp_path_factory.mktemp("readme")
    shutil.copytree(ROOT / "scripts" / "cervical-insufficiency", work / "scripts" / "cervical-insufficiency")
    return work


@pytest.fixture(scope="module")
def built_workdir(tmp_path_factory) -> Path:
    """:func:`fresh_workdir` with the shipped guide built, for every session but the build's."""
    work = fresh_workdir(tmp_path_factory)
    run("guide build", work)
    return work


def run(command: str, work: Path) -> list[str]:
    """Run one README command in ``work``; its stdout and stderr lines as a terminal shows them."""
    args = shlex.split(command)[1:]
    args = [str(work / "tmp" / Path(a).name) if a.startswith(("/tmp/", "/media/")) else a for a in args]
    (work / "tmp").mkdir(exist_ok=True)
    env = dict(os.environ, GUIDE_CACHE_DIR=str(work / "cache"), GUIDE_STATE_DIR=str(work / "state"),
               GUIDE_AUDIO_OUTPUT="null", NO_COLOR="1", TERM="dumb", PYTHONUNBUFFERED="1")
    done = subprocess.run([sys.executable, "-m", "guide", *args], cwd=work, env=env, text=True,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                          timeout=600)
    lines = done.stdout.rstrip("\n").split("\n") if done.stdout.strip() else []
    return [line.replace(str(work / "tmp"), "/tmp") for line in lines]


def readme_paths(expected: list[str], actual: list[str]) -> list[str]:
    """``actual`` with ``/tmp/x`` written back as the README's folder for it (``/media/usb/x``)."""
    folders = {Path(p).name: p for line in expected for p in re.findall(r"(/media/[\w/.-]+?)\.?$", line)}
    out = []
    for line in actual:
        for name, path in folders.items():
            line = line.replace(f"/tmp/{name}", path)
        out.append(line)
    return out


@pytest.mark.slow
def test_every_readme_session_is_run_or_says_why_not():
    firsts = {steps[0][0] for steps in sessions(README.read_text(encoding="utf-8"))}
    assert set(NOT_RUN) <= firsts, "NOT_RUN names a session the README no longer has"
    assert len(firsts - set(NOT_RUN)) >= 8


@pytest.mark.slow
@pytest.mark.parametrize("steps", [s for s in sessions(README.read_text(encoding="utf-8"))
                                   if s[0][0] not in NOT_RUN], ids=lambda s: s[0][0])
def test_a_readme_session_prints_what_the_readme_shows(steps, built_workdir, tmp_path_factory):
    # The build session starts from nothing, as a new user does; the others from a built guide.
    workdir = fresh_workdir(tmp_path_factory) if steps[0][0] == "guide build" else built_workdir
    for command, expected in steps:
        actual = readme_paths(expected, run(command, workdir))
        assert matches([steady(x) for x in expected], [steady(x) for x in actual]), (
            f"README.md shows for `{command}`:\n" + "\n".join(expected)
            + "\n\nbut it prints:\n" + "\n".join(actual))
