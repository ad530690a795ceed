"""What espeak-ng and pyttsx3 are on this machine, kept on disk between runs.

Their versions (part of every clip's cache key) and espeak-ng's voices cost a
program run and a start of the speech engine to find, about 40 ms, which a
build with nothing to do would otherwise pay every time. They are kept in the
clip cache folder, in ``espeak-ng.json``, with a fingerprint of the files that
decide them: the ``espeak-ng`` program, its data folder and pyttsx3's own
package. When any of them changes (an upgrade), the facts are found again. A
cache folder that cannot be written only means they are found every time.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

FILE = "espeak-ng.json"
"The file in the clip cache folder."

Facts = dict[str, Any]
"``version`` (text), ``data`` (espeak-ng's data folder) and ``voices`` ([id, name, [languages]] lists)."


def _stamp(path: str | None) -> list[Any]:
    """What changes when ``path`` is replaced: its size and modification time (or nothing)."""
    if not path:
        return [None]
    try:
        info = os.stat(path)
    except OSError:
        return [path, None]
    return [path, info.st_size, info.st_mtime_ns]


def fingerprint(data_dir: str | None) -> list[Any]:
    """The stamps of the espeak-ng program, its data folder and pyttsx3's package."""
    from importlib.util import find_spec

    spec = find_spec("pyttsx3")
    return [_stamp(shutil.which("espeak-ng")), _stamp(data_dir),
            _stamp(spec.origin if spec else None)]


def facts(cache_dir: Path, find: Callable[[], Facts]) -> Facts:
    """The facts kept in ``cache_dir`` if their fingerprint still holds; else ``find()``'s, kept."""
    path = Path(cache_dir) / FILE
    try:
        kept = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(kept, dict) and kept.get("fingerprint") == fingerprint(kept.get("data")):
            return kept
    except (OSError, ValueError):
        pass
    found = find()
    found["fingerprint"] = fingerprint(found.get("data"))
    from guide.errors import GuideError
    from guide.files import atomic_write_text

    try:
        Path(cache_dir).mkdir(parents=True, exist_ok=True)
        atomic_write_text(path, json.dumps(found))
    except (OSError, GuideError):  # an unwritable cache folder only costs time
        pass
    return found
