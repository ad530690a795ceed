"""Where the listener stopped in each guide, kept between runs of ``guide play``.

One small JSON file per built guide in ``<state dir>/places/``, written
through a temporary file and a rename, so a crash or a kill at any moment
leaves the old place or the new one, never half a file. The state folder is
``GUIDE_STATE_DIR`` when set, else ``platformdirs.user_state_dir("guide")``.
A file that cannot be read is treated as no saved place.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from platformdirs import user_state_dir

from guide.files import atomic_write_text, make_dirs


@dataclass
class Place:
    """A saved place in one guide."""

    chapter: int
    "1-based chapter number."
    position_s: float
    "Seconds from the start of that chapter."
    finished: bool = False
    "The guide was played to its end, so the next time starts from the beginning."
    saved_at: str = ""
    "When it was saved, ISO 8601 in UTC."


def state_dir() -> Path:
    """The user's state folder for guide."""
    return Path(os.environ.get("GUIDE_STATE_DIR") or user_state_dir("guide"))


def place_file(guide: str) -> Path:
    """The file that holds the place in the built guide called ``guide``."""
    safe = re.sub(r"[^A-Za-z0-9._-]", "_", guide).lstrip(".") or "guide"
    return state_dir() / "places" / f"{safe}.json"


def load_place(guide: str) -> Place | None:
    """The saved place in ``guide``, or ``None``."""
    try:
        data = json.loads(place_file(guide).read_text(encoding="utf-8"))
        place = Place(chapter=int(data["chapter"]), position_s=float(data["position_s"]),
                      finished=bool(data.get("finished", False)), saved_at=str(data.get("saved_at", "")))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if place.chapter < 1 or place.position_s < 0:
        return None
    return place


def save_place(guide: str, place: Place) -> Path:
    """Write the place atomically; raises :class:`guide.errors.FileError` if it cannot."""
    path = place_file(guide)
    make_dirs(path.parent)
    place.saved_at = datetime.now(UTC).isoformat(timespec="seconds")
    atomic_write_text(path, json.dumps(asdict(place), indent=2) + "\n")
    return path
