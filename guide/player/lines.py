"""Everything the player says, as plain lines that make sense read aloud, in the guide's language.

Every line comes from the ``player`` message catalogue (:mod:`guide.i18n`) in
the language of the built guide (:attr:`Timeline.language`, from its
manifest). Times are said the way :func:`guide.durations.spoken_duration`
says them in that language ("1 min 5 s", "un minuto y 5 segundos"); keys are
named in words. :func:`clean` removes every control character, so no line
can carry an escape sequence or a carriage return, whatever a guide's titles
or sentences contain.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from guide.durations import spoken_duration
from guide.i18n import DEFAULT, message

if TYPE_CHECKING:
    from guide.manifest import ManifestChapter
    from guide.player.timeline import Spot, Timeline

HELP_KEYS = ("intro", "pause", "next", "previous", "seek", "again", "restart", "numbers", "speed",
             "where", "list", "sleep", "help", "quit")
"The lines of the answer to ``h``, in order: ``player.help_<key>``."


def help_text(language: str = DEFAULT, many: bool = False) -> list[str]:
    """The answer to ``h`` in ``language``: every key, in words; ``many`` says how to reach
    chapters after 9."""
    names = [("numbers_many" if many and key == "numbers" else key) for key in HELP_KEYS]
    return [message(language, f"player.help_{name}") for name in names]


HELP = help_text()
"The answer to ``h`` in English: every key, in words."

KEY_NAMES = ("up", "down", "home", "end", "enter", "escape", "tab", "insert", "delete")
"Keys with a name of their own (``player.key_<name>``)."

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def clean(line: str) -> str:
    """``line`` without control characters (escape, carriage return, tab, ...)."""
    return _CONTROL.sub(" ", line)


def _sentence(text: str) -> str:
    """``text`` ending with a full stop unless it already ends a sentence."""
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else f"{text}."


def chapter_line(chapter: ManifestChapter, total: int, language: str = DEFAULT) -> str:
    """``Chapter 4 of 9: How it is found. 1 min 40 s.``"""
    title = message(language, "player.chapter", number=chapter.number, total=total, title=chapter.title)
    return f"{_sentence(title)} {spoken_duration(chapter.duration_s, language)}."


def at(timeline: Timeline, spot: Spot) -> str:
    """``1 min 5 s of chapter 3``; ``0 s of chapter 3`` is said as the start of the chapter."""
    language, number = timeline.language, timeline.chapters[spot.index].number
    if round(spot.offset_s) == 0:
        return message(language, "player.at_start", number=number)
    return message(language, "player.at", time=spoken_duration(spot.offset_s, language), number=number)


def chapters(language: str, count: int) -> str:
    """``1 chapter``, ``4 chapters``."""
    return message(language, "player.chapters_one") if count == 1 else \
        message(language, "player.chapters", count=count)


def intro(timeline: Timeline, interactive: bool) -> str:
    """The first line: the guide, its size, and how to get help."""
    m, language = timeline.manifest, timeline.language
    line = message(language, "player.intro", title=_sentence(m.title),
                   chapters=chapters(language, timeline.total),
                   length=spoken_duration(m.duration_s, language))
    return f"{line} {message(language, 'player.intro_keys')}" if interactive else line


def resuming(timeline: Timeline, spot: Spot, interactive: bool = True) -> str:
    """``Resuming chapter 3 at 1 min 5 s.``"""
    language = timeline.language
    number = timeline.chapters[spot.index].number
    if spot.offset_s < 0.5:
        line = message(language, "player.resuming_start", number=number)
    else:
        line = message(language, "player.resuming", number=number,
                       time=spoken_duration(spot.offset_s, language))
    return f"{line} {message(language, 'player.resuming_keys')}" if interactive else line


def where(timeline: Timeline, spot: Spot, paused: bool, speed: int) -> str:
    """The answer to ``t``: chapter, position, and time left."""
    language = timeline.language
    chapter = timeline.chapters[spot.index]
    t = timeline.time_of(spot.index, spot.offset_s)
    left = spoken_duration(max(0.0, chapter.duration_s - spot.offset_s), language)
    guide_left = spoken_duration(max(0.0, timeline.duration_s - t), language)
    title = message(language, "player.chapter", number=chapter.number, total=timeline.total,
                    title=chapter.title)
    return message(language, "player.where",
                   state=message(language, "player.where_paused") if paused else "",
                   chapter=_sentence(title), position=spoken_duration(spot.offset_s, language),
                   left=left, guide_left=guide_left,
                   speed=message(language, "player.where_speed", speed=speed) if speed != 100 else "")


def chapter_list(timeline: Timeline, current: int) -> list[str]:
    """The answer to ``l``: ``3. Signs (1 min 12 s)``, one line a chapter."""
    language = timeline.language
    here = message(language, "player.list_here")
    return [message(language, "player.list_item", number=ch.number, title=ch.title,
                    time=spoken_duration(ch.duration_s, language), here=here if i == current else "")
            for i, ch in enumerate(timeline.chapters)]


def key_name(key: str, language: str = DEFAULT) -> str:
    """A key (a name from :mod:`guide.player.keys`) as it is said: ``Up arrow``, ``Control and x``,
    ``The x key``."""
    if key in KEY_NAMES:
        return message(language, f"player.key_{key}")
    if key.startswith("ctrl-"):
        return message(language, "player.key_control", key=key[5:])
    if key == "unknown":
        return message(language, "player.key_unknown")
    return message(language, "player.key_named", key=key)


def help_lines(timeline: Timeline) -> list[str]:
    """The answer to ``h`` in the guide's language, saying how to reach chapters after 9 when the
    guide has them."""
    return help_text(timeline.language, many=timeline.total > 9)
