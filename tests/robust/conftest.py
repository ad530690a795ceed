"""Hypothesis profiles for the property tests, and fixtures for the robustness tests.

Without ``HYPOTHESIS_PROFILE`` each property test runs the modest number of
examples its :func:`budget` names. ``HYPOTHESIS_PROFILE=fuzz`` (what ``make
fuzz`` uses) gives every test many examples (``FUZZ_EXAMPLES``, default
2000) with a fresh random seed each run; failures are kept in the
``.hypothesis`` database, so the next run tries them first.

A profile is loaded only when ``HYPOTHESIS_PROFILE`` names one, so running
the whole suite without it leaves other folders' Hypothesis settings alone.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "fuzz",
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "2000")),
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "")
if PROFILE:
    settings.load_profile(PROFILE)


def budget(normal: int, share: float = 1.0) -> settings:
    """``normal`` examples in the usual run; under a profile, ``share`` of the profile's number."""
    if PROFILE:
        return settings(max_examples=max(normal, int(settings().max_examples * share)),
                        deadline=None)
    return settings(max_examples=normal, deadline=None)


@pytest.fixture
def guide_env(tmp_path, private_cache) -> dict[str, str]:
    """The environment of a ``python -m guide`` subprocess: private cache and state."""
    env = dict(os.environ)
    env.update(GUIDE_CACHE_DIR=str(private_cache), GUIDE_STATE_DIR=str(tmp_path / "state"),
               NO_COLOR="1", TERM="dumb", PYTHONUNBUFFERED="1")
    return env


def guide_command(*args: str) -> list[str]:
    """The command line of ``guide ARGS`` run by this interpreter (the venv's)."""
    return [sys.executable, "-m", "guide", *args]


def run_guide(*args: str, env: dict[str, str], cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess:
    """Run ``guide ARGS`` to the end and return what it said."""
    return subprocess.run(guide_command(*args), env=env, cwd=cwd, capture_output=True, text=True,
                          timeout=timeout)


def end_group(pgid: int) -> None:
    """Kill what is left of a process group a test started (orphaned ffmpeg or workers)."""
    try:
        os.killpg(pgid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
