"""Plain helpers of the robustness tests: running guide as a real process, example budgets."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from hypothesis import settings

PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "")


def budget(normal: int, share: float = 1.0) -> settings:
    """``normal`` examples in the usual run; under a profile, ``share`` of the profile's number."""
    if PROFILE:
        return settings(max_examples=max(normal, int(settings().max_examples * share)),
                        deadline=None)
    return settings(max_examples=normal, deadline=None)


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
