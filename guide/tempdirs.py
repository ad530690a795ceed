"""Private temporary folders that a killed process does not leave behind for long.

Each folder is ``guide-<kind>-<pid>-<random>`` in the system's temporary
folder. A process stopped with ``kill -9`` cannot remove its own, so the first
time a process makes one, it removes every ``guide-*`` folder whose process no
longer runs.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_NAME = re.compile(r"guide-[a-z0-9]+-(\d+)-[^/]+")
_swept = False


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    try:  # a zombie has ended; only its parent has not yet noticed
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[-1].split()[0] != "Z"
    except (OSError, IndexError):
        return True


def sweep(root: Path | None = None) -> int:
    """Remove the folders of processes that no longer run; how many were removed."""
    root = Path(root or tempfile.gettempdir())
    removed = 0
    try:
        entries = list(os.scandir(root))
    except OSError:
        return 0
    for entry in entries:
        match = _NAME.fullmatch(entry.name)
        if not match or not entry.is_dir(follow_symlinks=False):
            continue
        pid = int(match.group(1))
        if pid == os.getpid() or _alive(pid):
            continue
        try:
            if entry.stat(follow_symlinks=False).st_uid != os.getuid():
                continue
        except OSError:
            continue
        shutil.rmtree(entry.path, ignore_errors=True)
        removed += 1
    return removed


def make(kind: str) -> Path:
    """A new private folder for ``kind`` (``tts``, ``mpv``, …); the caller removes it."""
    global _swept
    if not _swept:
        _swept = True
        sweep()
    return Path(tempfile.mkdtemp(prefix=f"guide-{kind}-{os.getpid()}-"))


@contextmanager
def private(kind: str) -> Iterator[Path]:
    """A private folder for ``kind``, removed when the block ends."""
    folder = make(kind)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
