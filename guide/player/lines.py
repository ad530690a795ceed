"""Everything the player says, as plain lines that make sense read aloud.

Times are said the way :func:`guide.durations.spoken_duration` says them
("1 min 5 s"); keys are named in words. :func:`clean` removes every control
character, so no line can carry an escape sequence or a carriage return,
whatever a guide's titles or sentences contain.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from guide.durations import spoken_duration

if TYPE_CHECKING:
    from guide.manifest import ManifestChapter
    from guide.player.timeline import Spot, Timeline

HELP = [
    "Keys, pressed on their own, without Enter:",
    "Space bar, or the letter p: pause or resume.",
    "n, or Page Down: next chapter.",
    "b, or Page Up: previous chapter.",
    "Right arrow: forward 10 seconds. Left arrow: back 10 seconds.",
    "r: hear the current sentence again.",
    "Capital R, that is Shift and r: start this chapter again.",
    "A number from 1 to 9: go to that chapter.",
    "Right square bracket: faster. Left square bracket: slower. Backspace: normal speed.",
    "t: where you are, and the time left.",
    "l: list the chapters.",
    "s: sleep timer. Press it again to choose: end of chapter, 15, 30 or 60 minutes, or off.",
    "h, or question mark: this list of keys.",
    "q, or Control and c: stop. Your place is kept for next time.",
]
"The answer to ``h``: every key, in words."

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def clean(line: str) -> str:
    """``line`` without control characters (escape, carriage return, tab, ...)."""
    return _CONTROL.sub(" ", line)


def _sentence(text: str) -> str:
    """``text`` ending with a full stop unless it already ends a sentence."""
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else f"{text}."


def chapter_line(chapter: ManifestChapter, total: int) -> str:
    """``Chapter 4 of 9: How it is found. 1 min 40 s.``"""
    return f"{_sentence(f'Chapter {chapter.number} of {total}: {chapter.title}')} " \
           f"{spoken_duration(chapter.duration_s)}."


def at(timeline: Timeline, spot: Spot) -> str:
    """``1 min 5 s of chapter 3``."""
    return f"{spoken_duration(spot.offset_s)} of chapter {timeline.chapters[spot.index].number}"


def intro(timeline: Timeline, interactive: bool) -> str:
    """The first line: the guide, its size, and how to get help."""
    m = timeline.manifest
    size = f"{timeline.total} chapter{'s' if timeline.total != 1 else ''}, {spoken_duration(m.duration_s)}"
    keys = " Press h for help, or q to stop." if interactive else ""
    return f"{_sentence(m.title)} {size}.{keys}"


def resuming(timeline: Timeline, spot: Spot, interactive: bool = True) -> str:
    """``Resuming chapter 3 at 1 min 5 s.``"""
    number = timeline.chapters[spot.index].number
    again = " Press 1 to start from the beginning." if interactive else ""
    if spot.offset_s < 0.5:
        return f"Resuming at the start of chapter {number}.{again}"
    return f"Resuming chapter {number} at {spoken_duration(spot.offset_s)}.{again}"


def where(timeline: Timeline, spot: Spot, paused: bool, speed: int) -> str:
    """The answer to ``t``: chapter, position, and time left."""
    chapter = timeline.chapters[spot.index]
    t = timeline.time_of(spot.index, spot.offset_s)
    left = spoken_duration(max(0.0, chapter.duration_s - spot.offset_s))
    guide_left = spoken_duration(max(0.0, timeline.duration_s - t))
    state = "Paused. " if paused else ""
    tail = f" Speed {speed} percent." if speed != 100 else ""
    title = _sentence(f"Chapter {chapter.number} of {timeline.total}: {chapter.title}")
    return (f"{state}{title} {spoken_duration(spot.offset_s)} in, {left} left; "
            f"{guide_left} left in the guide.{tail}")


def chapter_list(timeline: Timeline, current: int) -> list[str]:
    """The answer to ``l``: ``3. Signs (1 min 12 s)``, one line a chapter."""
    lines = []
    for i, ch in enumerate(timeline.chapters):
        here = ", you are here" if i == current else ""
        lines.append(f"{ch.number}. {ch.title} ({spoken_duration(ch.duration_s)}){here}")
    return lines


def help_lines(timeline: Timeline) -> list[str]:
    """:data:`HELP`, saying how to reach chapters after 9 when the guide has them."""
    if timeline.total <= 9:
        return list(HELP)
    later = ("A number from 1 to 9: go to that chapter. For chapter 10 and later, "
             "press 9, then n.")
    return [later if line.startswith("A number from 1 to 9") else line for line in HELP]
