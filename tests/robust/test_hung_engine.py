"""A synthesis that never finishes is killed after a timeout, tried once more, then reported.

The engine is the real :class:`~guide.engines.base.Pyttsx3Engine`; only the worker
process it starts is replaced, by one that reads nothing and sleeps (a hung
espeak-ng), for the first or for every attempt.
"""

from __future__ import annotations

import re
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from guide.engines import base as engine_mod
from guide.build.run import BuildOptions, build
from guide.cli.app import cli
from guide.engines.base import Pyttsx3Engine
from guide.errors import SynthesisError
from guide.scripts.store import load_guide

from .outputs import check_complete, leftovers

pytestmark = pytest.mark.slow  # real builds and real timeouts: a few seconds each


HANG = [sys.executable, "-c", "import time; time.sleep(600)"]


@pytest.fixture
def workers(monkeypatch):
    """Replace the engine's worker process; returns (started processes, how many hang)."""
    started: list[subprocess.Popen] = []
    hang = {"first": 10**6}
    real_init = engine_mod._Worker.__init__

    def init(self) -> None:
        if len(started) < hang["first"]:
            self.proc = subprocess.Popen(HANG, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                         stderr=subprocess.DEVNULL, text=True, bufsize=1)
        else:
            real_init(self)
        started.append(self.proc)

    monkeypatch.setattr(engine_mod._Worker, "__init__", init)
    yield started, hang
    for proc in started:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_a_hung_engine_is_killed_retried_once_and_reported(tiny_folder, tmp_path, workers):
    started, _ = workers
    engine = Pyttsx3Engine(timeout_s=1.0, retries=1)
    options = BuildOptions(out_root=tmp_path / "audio_out", cache_dir=tmp_path / "cache", jobs=1)
    began = time.monotonic()
    with pytest.raises(SynthesisError) as raised:
        build(load_guide(tiny_folder), engine, options)
    took = time.monotonic() - began
    assert re.fullmatch(r"Chapter 1, (the announcement|sentence \d+): the speech engine failed \(no answer within 1 s\) "
                        r"for: Chapter 1 of 3: Welcome\.", str(raised.value)), str(raised.value)
    # each chapter tried: a first try and one retry, then it gave up (a chapter that had already
    # started when the first failed is tried too)
    assert len(started) >= 2 and len(started) % 2 == 0, len(started)
    assert all(proc.poll() is not None for proc in started), "a hung worker was left running"
    # a loose bound, only to show that it gave up rather than waiting for ever (each try: 1 s)
    assert took < 60
    assert not (tmp_path / "audio_out" / "tiny").exists()
    assert leftovers(tmp_path / "audio_out" / "tiny") == []


def test_the_cli_reports_a_hung_engine_in_one_sentence(tiny_folder, monkeypatch, workers):
    monkeypatch.chdir(tiny_folder.parent.parent)
    engine = Pyttsx3Engine(timeout_s=1.0, retries=1)
    result = CliRunner().invoke(cli, ["build", "tiny", "--jobs", "1"], obj={"engine": engine})
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert re.fullmatch(r"Chapter 1, (the announcement|sentence \d+): the speech engine failed \(no answer within 1 s\) "
                        r"for: Chapter 1 of 3: Welcome\.\n", result.stderr), result.stderr


def test_an_engine_that_hangs_once_is_retried_and_the_build_completes(tiny_folder, tmp_path, workers):
    started, hang = workers
    hang["first"] = 1
    engine = Pyttsx3Engine(timeout_s=2.0, retries=1)
    options = BuildOptions(out_root=tmp_path / "audio_out", cache_dir=tmp_path / "cache", jobs=1)
    report = build(load_guide(tiny_folder), engine, options)
    assert started[0].poll() is not None, "the hung worker was left running"
    assert report.clips_made == report.clips_total
    check_complete(report.out_dir)
