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


@pytest.fixture
def guide_env(tmp_path, private_cache) -> dict[str, str]:
    """The environment of a ``python -m guide`` subprocess: private cache and state."""
    env = dict(os.environ)
    env.update(GUIDE_CACHE_DIR=str(private_cache), GUIDE_STATE_DIR=str(tmp_path / "state"),
               NO_COLOR="1", TERM="dumb", PYTHONUNBUFFERED="1")
    return env


