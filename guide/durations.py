"""Times written the way they are said: "1 min 40 s", never "01:40"."""

from __future__ import annotations


def spoken_duration(seconds: float) -> str:
    """``"1 h 2 min"``, ``"1 min 40 s"`` or ``"12 s"``: clear when read aloud."""
    total = max(0, round(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours} h {minutes} min" if minutes else f"{hours} h"
    if minutes:
        return f"{minutes} min {secs} s" if secs else f"{minutes} min"
    return f"{secs} s"
