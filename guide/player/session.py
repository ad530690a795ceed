"""The player's logic: keys in, one plain line out, the backend told what to do.

:class:`Session` knows nothing of terminals or mpv. It is given a
:class:`Backend` (mpv, or a fake one in tests), a ``say`` function that
prints one line, a ``save`` function for the listener's place, and a clock.
The caller feeds it key names (:meth:`Session.press`) and calls
:meth:`Session.tick` a few times a second; a tick notices a new chapter,
prints the transcript, runs the sleep timer, saves the place now and then,
and ends the session at the end of the guide.

Every key prints exactly one line, except ``h`` and ``l``, whose one answer
is a list. Nothing else is printed, except a new chapter's line, the
transcript when it is on, and the sleep timer's line when it pauses. Every
line is in the guide's language, from the ``player`` message catalogue.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Protocol

from guide.durations import spoken_duration
from guide.errors import GuideError
from guide.i18n import message
from guide.player import lines
from guide.player.state import Place
from guide.player.timeline import Spot, Timeline

SEEK_S = 10.0
"How far the arrow keys move."
SPEED_STEP, SPEED_MIN, SPEED_MAX = 10, 50, 300
"Speed in percent: one step of ``]`` or ``[``, and the limits."
SLEEP_CHOICES: tuple = (None, "chapter", 15, 30, 60)
"What ``s`` cycles through: off, end of chapter, and minutes."
EARLY_S = 0.5
"A position this little before the chapter last gone to is its start: mpv may report one just short."
SAVE_EVERY_S = 5.0
"How often the place is saved while playing, so a crash loses little."
AGAIN_GRACE_S = 0.5
"``r`` just after a sentence starts means the one before: the listener was still taking it in."

ACTIONS = {
    "space": "pause", "p": "pause", "P": "pause",
    "n": "next", "N": "next", "pagedown": "next",
    "b": "previous", "B": "previous", "pageup": "previous",
    "right": "forward", "left": "back",
    "r": "again", "R": "restart",
    "]": "faster", "[": "slower", "backspace": "normal_speed",
    "t": "where", "T": "where", "l": "list", "L": "list",
    "s": "sleep", "S": "sleep", "h": "help", "H": "help", "?": "help",
    "q": "quit", "Q": "quit", "ctrl-c": "interrupt",
}
"Key name (see :mod:`guide.player.keys`) to action; the digits 1 to 9 go to chapters."



class Backend(Protocol):
    """What the session needs from an audio player; times are seconds into the guide."""

    def position(self) -> float | None: ...

    def seek(self, seconds: float) -> None: ...

    def set_paused(self, paused: bool) -> None: ...

    def set_speed(self, factor: float) -> None: ...

    def at_end(self) -> bool: ...


class Session:
    """One listening session of one built guide."""

    def __init__(self, timeline: Timeline, backend: Backend, say: Callable[[str], None],
                 save: Callable[[Place], object], *, transcript: bool = False, speed: int = 100,
                 clock: Callable[[], float] = time.monotonic):
        self.timeline = timeline
        self.backend = backend
        self.say = say
        self.save = save
        self.transcript = transcript
        "Print each sentence as it starts."
        self.speed = speed
        "Speed in percent."
        self.clock = clock
        self.position = 0.0
        "Last known position, seconds into the guide."
        self.index = 0
        "The chapter last announced."
        self.paused = False
        self.sleep = None
        "The sleep timer: ``None``, ``chapter`` or minutes."
        self.sleep_deadline: float | None = None
        self.done = False
        "The session is over."
        self.exit_code = 0
        self._last_sentence: tuple[int, int] | None = None
        self._last_save = clock()
        self._save_failed = False
        self._warning = ""

    def _t(self, name: str, /, **values: object) -> str:
        """The message ``player.<name>`` in the guide's language."""
        return message(self.timeline.language, f"player.{name}", **values)

    # ------------------------------------------------------------ start and end

    def begin(self, spot: Spot, how: str = "start", interactive: bool = True) -> None:
        """Say what is playing and start: ``how`` is start, resume, or finished (last time)."""
        self.position = self.timeline.time_of(spot.index, spot.offset_s)
        self.index = spot.index
        self.say(lines.intro(self.timeline, interactive))
        if how == "resume":
            self.say(lines.resuming(self.timeline, spot, interactive))
        else:
            if how == "finished":
                self.say(self._t("finished_before"))
            self.say(self._chapter_line(spot.index))
        self.backend.set_paused(False)

    def stop(self, exit_code: int = 0, ask_player: bool = True) -> None:
        """Stop, keep the place, and say where it is; ``ask_player=False`` after an interruption."""
        if self.done:
            return
        if ask_player:
            self._now()
        spot = self.timeline.spot(self.position)
        self._save(spot)
        self.say(self._t("stopped", at=lines.at(self.timeline, spot)))
        self._warn()
        self.done, self.exit_code = True, exit_code

    def suspend(self) -> None:
        """Pause and save before the program is suspended (Ctrl-Z)."""
        spot = self._spot()
        if not self.paused:
            self.backend.set_paused(True)
            self.paused = True
        self._save(spot)
        self.say(self._t("suspended"))

    def resumed_from_background(self) -> None:
        self.say(self._t("back_from_background", at=lines.at(self.timeline, self._spot()),
                         play_on=self._t("play_on")))

    def _finish(self) -> None:
        self.position = self.timeline.duration_s
        self._save(Spot(self.timeline.total - 1, self.timeline.chapters[-1].duration_s), finished=True)
        self.say(self._t("end"))
        self._warn()
        self.done, self.exit_code = True, 0

    # ---------------------------------------------------------------- keys

    def press(self, key: str) -> None:
        """Do what ``key`` does, and say so in one line."""
        if self.done:
            return
        if len(key) == 1 and "1" <= key <= "9":
            self._to_chapter_number(int(key))
            self._warn()
            return
        action = ACTIONS.get(key)
        if action is None:
            self.say(self._t("no_key", key=lines.key_name(key, self.timeline.language)))
            return
        getattr(self, f"_{action}")()
        self._warn()

    def _pause(self) -> None:
        spot = self._spot()
        self.paused = not self.paused
        self.backend.set_paused(self.paused)
        if self.paused:
            self._save(spot)
            self.say(self._t("paused_at", at=lines.at(self.timeline, spot)))
        else:
            self.say(self._t("playing_from", at=lines.at(self.timeline, spot)))

    def _go(self, index: int) -> None:
        """Go to the start of chapter ``index`` and announce it."""
        self._seek(self.timeline.time_of(index))
        self.index = index
        self._save(Spot(index, 0.0))
        line = self._chapter_line(index)
        self.say(f"{line} {self._paused_note()}" if self.paused else line)

    def _next(self) -> None:
        index = self._spot().index
        if index + 1 >= self.timeline.total:
            number = self.timeline.chapters[index].number
            self.say(self._t("last_chapter", number=number, total=self.timeline.total))
        else:
            self._go(index + 1)

    def _previous(self) -> None:
        index = self._spot().index
        if index == 0:
            self.say(self._t("first_chapter"))
        else:
            self._go(index - 1)

    def _restart(self) -> None:
        self._go(self._spot().index)

    def _to_chapter_number(self, number: int) -> None:
        for i, ch in enumerate(self.timeline.chapters):
            if ch.number == number:
                self._go(i)
                return
        self.say(self._t("no_chapter", number=number, total=self.timeline.total))

    def _forward(self) -> None:
        self._move(SEEK_S, "forward")

    def _back(self) -> None:
        self._move(-SEEK_S, "back")

    def _move(self, by: float, way: str) -> None:
        """Move ``by`` seconds and say where to; ``way`` is ``forward`` or ``back``."""
        t = self._now() + by
        if t >= self.timeline.duration_s - 0.5:
            self.say(self._t("near_end", time=spoken_duration(SEEK_S, self.timeline.language)))
            return
        t = max(0.0, t)
        self._seek(t)
        spot = self.timeline.spot(t)
        title = ""
        if spot.index != self.index:
            self.index = spot.index
            title = self._t("moved_title", title=self.timeline.chapters[spot.index].title.rstrip("."))
        line = self._t(way, at=lines.at(self.timeline, spot), title=title)
        self.say(f"{line} {self._paused_note()}" if self.paused else line)

    def _again(self) -> None:
        spot = self._spot()
        chapter = self.timeline.chapters[spot.index]
        if not chapter.sentences:
            self._go(spot.index)
            return
        found = self.timeline.sentence_at(spot) or 0
        grace = AGAIN_GRACE_S * self.speed / 100
        if found > 0 and spot.offset_s - chapter.sentences[found].start_s < grace:
            found -= 1
        self._seek(self.timeline.time_of(spot.index, chapter.sentences[found].start_s))
        self.say(self._t("again", number=found + 1, total=len(chapter.sentences), chapter=chapter.number))

    def _faster(self) -> None:
        self._set_speed(self.speed + SPEED_STEP)

    def _slower(self) -> None:
        self._set_speed(self.speed - SPEED_STEP)

    def _normal_speed(self) -> None:
        self._set_speed(100)

    def _set_speed(self, percent: int) -> None:
        self.speed = min(SPEED_MAX, max(SPEED_MIN, percent))
        self.backend.set_speed(self.speed / 100)
        note = {100: "speed_normal", SPEED_MIN: "speed_slowest", SPEED_MAX: "speed_fastest"}.get(self.speed)
        self.say(self._t("speed", speed=self.speed, note=self._t(note) if note else ""))

    def _where(self) -> None:
        self.say(lines.where(self.timeline, self._spot(), self.paused, self.speed))

    def _list(self) -> None:
        for line in lines.chapter_list(self.timeline, self._spot().index):
            self.say(line)

    def _help(self) -> None:
        for line in lines.help_lines(self.timeline):
            self.say(line)

    def _sleep(self) -> None:
        self.sleep = SLEEP_CHOICES[(SLEEP_CHOICES.index(self.sleep) + 1) % len(SLEEP_CHOICES)]
        if self.sleep is None:
            self.sleep_deadline = None
            self.say(self._t("sleep_off"))
        elif self.sleep == "chapter":
            self.sleep_deadline = None
            self.say(self._t("sleep_chapter"))
        else:
            self.sleep_deadline = self.clock() + self.sleep * 60
            self.say(self._t("sleep_minutes", minutes=self.sleep))

    def _quit(self) -> None:
        self.stop(0)

    def _interrupt(self) -> None:
        self.stop(130)

    # ---------------------------------------------------------------- ticks

    def tick(self) -> None:
        """Follow the playback: chapters, transcript, sleep timer, saving, the end."""
        if self.done:
            return
        if self.paused:
            return  # nothing moves; mpv's position while paused is a little early anyway
        if self.backend.at_end():
            self._finish()
            return
        t = self.backend.position()
        if t is None:
            return
        start = self.timeline.time_of(self.index)
        if start - EARLY_S < t < start:  # mpv lands a little early after going to a chapter
            t = start
        self.position = t
        spot = self.timeline.spot(t)
        if self._sleep_due(spot):
            return
        if spot.index != self.index:
            self.index = spot.index
            self._save(spot)
            self.say(self._chapter_line(spot.index))
        if self.transcript:
            self._transcribe(spot)
        if self.clock() - self._last_save >= SAVE_EVERY_S:
            self._save(spot)
        self._warn()

    def _sleep_due(self, spot: Spot) -> bool:
        """Pause for the sleep timer if it is due; ``True`` if it did."""
        if self.paused or self.sleep is None:
            return False
        if self.sleep == "chapter":
            chapter = self.timeline.chapters[self.index]
            ended = spot.index != self.index or (
                bool(chapter.sentences) and spot.offset_s >= chapter.sentences[-1].end_s)
            if not ended or self.index + 1 >= self.timeline.total:
                return False  # the last chapter simply ends the guide
            finished = chapter.number
            self.index += 1
            self._seek(self.timeline.time_of(self.index))
            said = self._t("sleep_paused_end", number=finished, play_on=self._t("play_on"))
        elif self.clock() >= self.sleep_deadline:
            said = self._t("sleep_paused_at", at=lines.at(self.timeline, spot), play_on=self._t("play_on"))
        else:
            return False
        self.backend.set_paused(True)
        self.paused, self.sleep, self.sleep_deadline = True, None, None
        self._save(self.timeline.spot(self.position))
        self.say(said)
        self._warn()
        return True

    def _transcribe(self, spot: Spot) -> None:
        found = self.timeline.sentence_at(spot)
        if found is None or (spot.index, found) == self._last_sentence:
            return
        self._last_sentence = (spot.index, found)
        sentence = self.timeline.chapters[spot.index].sentences[found]
        if sentence.kind != "announcement":  # the chapter line says it already
            self.say(sentence.text)

    # -------------------------------------------------------------- helpers

    def _now(self) -> float:
        """The position: from the backend while playing; a paused one has not moved."""
        if self.paused:
            return self.position
        t = self.backend.position()
        if t is not None:
            self.position = t
        return self.position

    def _chapter_line(self, index: int) -> str:
        return lines.chapter_line(self.timeline.chapters[index], self.timeline.total, self.timeline.language)

    def _paused_note(self) -> str:
        return self._t("paused_note", play_on=self._t("play_on"))

    def _spot(self) -> Spot:
        return self.timeline.spot(self._now())

    def _seek(self, t: float) -> None:
        self.backend.seek(t)
        self.position = t
        self._last_sentence = None  # the sentence landed in is shown again

    def _save(self, spot: Spot, finished: bool = False) -> None:
        """Save the place before the line that answers a key, so the line is true when read."""
        self._last_save = self.clock()
        try:
            self.save(Place(self.timeline.chapters[spot.index].number, round(spot.offset_s, 3), finished))
        except GuideError as exc:
            if not self._save_failed:
                self._save_failed = True
                self._warning = self._t("save_failed", error=exc)

    def _warn(self) -> None:
        """Say, once and after the answer, that the place could not be saved."""
        if self._warning:
            self.say(self._warning)
            self._warning = ""
