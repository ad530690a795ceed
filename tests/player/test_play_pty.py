"""The real ``guide play`` and the real mpv (null sound output), driven through a pseudo-terminal.

Each test presses keys as a listener would and reads what the player
prints. Where it went is read back from the saved place (the state file) and
from ``t``, whose answer comes from mpv's own position. Positions move in
real time, so most key checks are made while paused, where nothing moves;
waits are generous pexpect timeouts, never timing assertions.
"""

from __future__ import annotations

import io
import json
import os
import re
import signal
import sys
import termios
from pathlib import Path

import pexpect
import pytest

from guide.durations import spoken_duration
from guide.player.state import place_file

PYTHON = str(Path(sys.executable))
RIGHT, LEFT, PAGE_UP, PAGE_DOWN, BACKSPACE = "\x1b[C", "\x1b[D", "\x1b[5~", "\x1b[6~", "\x7f"
SECONDS = r"((?:\d+ min )?\d+ s|\d+ min)"
"How the player says a time."


def seconds(said: str) -> int:
    """``"1 min 5 s"`` as 65."""
    minutes = re.search(r"(\d+) min", said)
    secs = re.search(r"(\d+) s", said)
    return (int(minutes.group(1)) * 60 if minutes else 0) + (int(secs.group(1)) if secs else 0)


def no_onlcr() -> None:
    """In the child, before exec: the terminal passes "\\n" on as it is, so the bytes read are the program's."""
    interruptible()
    mode = termios.tcgetattr(0)
    mode[1] &= ~termios.ONLCR
    termios.tcsetattr(0, termios.TCSANOW, mode)


def interruptible() -> None:
    """In the child, before exec: Ctrl-C raises SIGINT as at a terminal, even when the suite was
    started from a background job, whose children inherit SIGINT ignored."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


class Listener:
    """``guide play`` on the player test guide in a pseudo-terminal."""

    def __init__(self, built, tmp_path: Path, *args: str, raw: bool = False):
        self.built = built
        argv = ["-m", "guide", "play", str(built.scripts), *args, "--out", str(built.out_root),
                "--audio-output", "null"]
        self.child = pexpect.spawn(PYTHON, argv, cwd=str(tmp_path), env=dict(os.environ), timeout=20,
                                   encoding=None if raw else "utf-8", dimensions=(60, 200),
                                   preexec_fn=no_onlcr if raw else interruptible)
        self.log = io.BytesIO()
        "Every byte the program printed, when ``raw``."
        if raw:
            self.child.logfile_read = self.log

    def line(self, pattern: str) -> re.Match:
        """Wait for a whole line matching ``pattern``."""
        self.child.expect(f"(?m)^{pattern}\r?\n")
        return self.child.match

    def press(self, key: str, pattern: str) -> re.Match:
        self.child.send(key)
        return self.line(pattern)

    def place(self) -> dict:
        return json.loads(place_file("player").read_text())

    def chapter_line(self, number: int, paused: bool = False) -> str:
        ch = self.built.manifest.chapters[number - 1]
        tail = r" Paused\. Press the space bar to play\." if paused else ""
        return re.escape(f"Chapter {number} of 4: {ch.title}. {spoken_duration(ch.duration_s)}.") + tail

    def close(self) -> int:
        self.child.expect(pexpect.EOF)
        self.child.close()
        return self.child.exitstatus


@pytest.fixture
def listen(player_guide, tmp_path):
    started = []

    def start(*args, raw=False):
        started.append(Listener(player_guide, tmp_path, *args, raw=raw))
        return started[-1]

    yield start
    for listener in started:
        if listener.child.isalive():
            listener.child.terminate(force=True)


INTRO = r"Player test guide\. 4 chapters, " + SECONDS + r"\. Press h for help, or q to stop\."


def test_the_main_keys_with_real_mpv(listen):
    p = listen("--no-transcript")
    p.line(INTRO)
    p.line(p.chapter_line(1))

    paused_at = seconds(p.press(" ", rf"Paused at {SECONDS} of chapter 1\.").group(1))
    assert p.place()["chapter"] == 1 and abs(p.place()["position_s"] - paused_at) <= 1

    forward = seconds(p.press(RIGHT, rf"Forward to {SECONDS} of chapter 1\. Paused\. .*").group(1))
    assert abs(forward - (paused_at + 10)) <= 1
    where = p.press("t", rf"Paused\. Chapter 1 of 4: First steps\. {SECONDS} in, {SECONDS} left; "
                         rf"{SECONDS} left in the guide\.")
    assert abs(seconds(where.group(1)) - forward) <= 1  # mpv really is 10 s further on
    back = seconds(p.press(LEFT, rf"Back to {SECONDS} of chapter 1\. Paused\. .*").group(1))
    assert abs(back - paused_at) <= 1

    p.press("n", p.chapter_line(2, paused=True))
    assert (p.place()["chapter"], p.place()["position_s"]) == (2, 0.0)
    p.press(PAGE_DOWN, p.chapter_line(3, paused=True))
    p.press(PAGE_UP, p.chapter_line(2, paused=True))
    p.press("b", p.chapter_line(1, paused=True))
    p.press("b", r"This is the first chapter\. Press capital R to start it again\.")
    p.press("3", p.chapter_line(3, paused=True))
    assert (p.place()["chapter"], p.place()["position_s"]) == (3, 0.0)
    p.press("9", r"There is no chapter 9\. This guide has chapters 1 to 4\.")
    p.press("4", p.chapter_line(4, paused=True))
    p.press("n", r"This is the last chapter, 4 of 4\.")
    p.press("2", p.chapter_line(2, paused=True))

    # r: forward into the second chapter, then back to the start of the sentence there
    p.press(RIGHT, rf"Forward to {SECONDS} of chapter 2\. .*")
    chapter = p.built.manifest.chapters[1]
    match = p.press("r", r"Again: sentence (\d+) of (\d+) in chapter 2\.")
    number, total = int(match.group(1)), int(match.group(2))
    assert total == len(chapter.sentences)
    assert chapter.sentences[number - 1].start_s <= 10.0 < chapter.sentences[number].start_s + 0.5
    p.press(" ", rf"Playing from {SECONDS} of chapter 2\.")
    paused = seconds(p.press(" ", rf"Paused at {SECONDS} of chapter 2\.").group(1))
    assert abs(p.place()["position_s"] - chapter.sentences[number - 1].start_s) < 3
    assert abs(paused - chapter.sentences[number - 1].start_s) < 3

    p.press("R", p.chapter_line(2, paused=True))
    assert (p.place()["chapter"], p.place()["position_s"]) == (2, 0.0)

    p.press("]", r"Speed 110 percent\.")
    p.press("[", r"Speed 100 percent, normal\.")
    p.press("[", r"Speed 90 percent\.")
    p.press(BACKSPACE, r"Speed 100 percent, normal\.")

    p.child.send("l")
    for ch in p.built.manifest.chapters:
        here = ", you are here" if ch.number == 2 else ""
        p.line(re.escape(f"{ch.number}. {ch.title} ({spoken_duration(ch.duration_s)}){here}"))

    p.press("s", r"Sleep timer: pause at the end of this chapter\.")
    p.press("s", r"Sleep timer: pause in 15 min\.")
    p.press("s", r"Sleep timer: pause in 30 min\.")
    p.press("s", r"Sleep timer: pause in 60 min\.")
    p.press("s", r"Sleep timer off\.")

    p.child.send("h")
    p.line(r"Keys, pressed on their own, without Enter:")
    p.line(r"Space bar, or the letter p: pause or resume\.")
    p.line(r"q, or Control and c: stop\. Your place is kept for next time\.")
    p.press("x", r"The x key does nothing here\. Press h for the list of keys\.")

    p.press(" ", r"Playing from 0 s of chapter 2\.")
    stopped = p.press("q", rf"Stopped at {SECONDS} of chapter 2\. Next time, it goes on from there\.")
    assert p.close() == 0
    assert p.place()["chapter"] == 2
    assert abs(p.place()["position_s"] - seconds(stopped.group(1))) <= 1


def test_it_resumes_after_q(listen):
    p = listen("--no-transcript", "3")
    p.line(INTRO)
    p.line(p.chapter_line(3))
    p.press(RIGHT, rf"Forward to {SECONDS} of chapter 3\.")
    p.press("q", rf"Stopped at {SECONDS} of chapter 3\. .*")
    assert p.close() == 0
    saved = p.place()["position_s"]
    assert saved >= 10

    again = listen("--no-transcript")
    again.line(INTRO)
    resumed = seconds(again.line(rf"Resuming chapter 3 at {SECONDS}\. Press 1 to start from the beginning\.").group(1))
    starts = [s.start_s for s in p.built.manifest.chapters[2].sentences]
    expected = max(s for s in starts if s <= saved)  # the start of the sentence it stopped in
    assert resumed == round(expected)
    again.press(" ", r"Paused at .* of chapter 3\.")
    again.press("q", r"Stopped at .*")
    assert again.close() == 0

    fresh = listen("--no-transcript", "--from-start")
    fresh.line(INTRO)
    fresh.line(fresh.chapter_line(1))
    fresh.press("q", r"Stopped at .* of chapter 1\. .*")
    assert fresh.close() == 0


def test_it_resumes_after_ctrl_c(listen):
    p = listen("--no-transcript", "2")
    p.line(INTRO)
    p.line(p.chapter_line(2))
    p.press(RIGHT, rf"Forward to {SECONDS} of chapter 2\.")
    p.child.sendintr()
    stopped = seconds(p.line(rf"Stopped at {SECONDS} of chapter 2\. Next time, it goes on from there\.").group(1))
    assert p.close() == 130
    assert p.place()["chapter"] == 2
    assert abs(p.place()["position_s"] - stopped) <= 1

    again = listen("--no-transcript")
    again.line(INTRO)
    again.line(rf"Resuming chapter 2 at {SECONDS}\. Press 1 to start from the beginning\.")
    again.child.sendintr()
    again.line(r"Stopped at .* of chapter 2\. .*")
    assert again.close() == 130


def test_playing_on_announces_chapters_prints_the_transcript_and_ends(listen):
    p = listen("3", "--speed", "300")
    p.line(INTRO)
    p.line(p.chapter_line(3))
    p.line(re.escape("If you notice a sign, call the clinic."))
    p.line(re.escape("Do not wait until the next day."))
    p.line(re.escape("Keep the clinic's number near your phone."))
    p.line(p.chapter_line(4))
    p.line(re.escape("That is all."))
    p.line(re.escape("Thank you for listening."))
    p.line(r"End of the guide\. Next time, it starts from the beginning\.")
    assert p.close() == 0
    assert p.place()["finished"] is True

    again = listen("--no-transcript")
    again.line(INTRO)
    again.line(r"You listened to the end last time, so this starts from the beginning\.")
    again.line(again.chapter_line(1))
    again.press("q", r"Stopped at .* of chapter 1\. .*")
    assert again.close() == 0


def test_the_sleep_timer_pauses_at_the_end_of_the_chapter(listen):
    p = listen("--no-transcript", "3", "--speed", "300")
    p.line(INTRO)
    p.line(p.chapter_line(3))
    p.press("s", r"Sleep timer: pause at the end of this chapter\.")
    p.line(r"Sleep timer: paused at the end of chapter 3\. Press the space bar to play\.")
    assert (p.place()["chapter"], p.place()["position_s"]) == (4, 0.0)
    p.press("t", r"Paused\. Chapter 4 of 4: The end\. 0 s in, .*")
    p.press(" ", r"Playing from 0 s of chapter 4\.")
    p.press("q", r"Stopped at .* of chapter 4\. .*")
    assert p.close() == 0


def test_screen_reader_mode_prints_no_escape_or_carriage_return_and_nothing_unasked(listen):
    p = listen("--screen-reader", "1", raw=True)
    p.child.expect(b"Chapter 1 of 4: First steps\\. [^\n]*\n")
    # Playing on, with no key pressed, prints nothing (no transcript in this mode).
    p.child.expect(pexpect.TIMEOUT, timeout=3)
    assert p.child.before == b""
    for key, answer in [(RIGHT, b"Forward to "), ("t", b"Chapter 1 of 4"), ("]", b"Speed 110 percent."),
                        ("l", b"4. The end"), ("h", b"q, or Control and c"), (PAGE_DOWN, b"Chapter 2 of 4"),
                        ("\x1b[A", b"Up arrow does nothing"), (" ", b"Paused at"), ("q", b"Stopped at")]:
        p.child.send(key)
        p.child.expect(re.escape(answer) + b"[^\n]*\n")
    assert p.close() == 0
    printed = p.log.getvalue()
    assert printed.count(b"\n") >= 25  # the help, the list, and every answer above
    assert b"\x1b" not in printed
    assert b"\r" not in printed


def test_ordinary_mode_prints_the_transcript_while_playing(listen):
    p = listen("1", "--speed", "300")
    p.line(p.chapter_line(1))
    p.line(re.escape("This guide is here to test the player."))
    p.press("q", r"Stopped at .*")
    assert p.close() == 0


def test_ctrl_z_pauses_first_and_says_how_to_come_back(listen):
    """Under pexpect the player has no job-control shell, so the stop itself is skipped (POSIX)."""
    p = listen("--no-transcript")
    p.line(INTRO)
    p.line(p.chapter_line(1))
    p.child.sendcontrol("z")
    p.line(r"Paused, because the program was put in the background\. Type fg to come back\.")
    p.line(rf"Back, and paused at {SECONDS} of chapter 1\. Press the space bar to play\.")
    assert p.place()["chapter"] == 1
    p.press(" ", r"Playing from .* of chapter 1\.")
    p.press("q", r"Stopped at .*")
    assert p.close() == 0


def mpv_children(pid: int) -> list[int]:
    """The mpv processes started by process ``pid``."""
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        for child in (task / "children").read_text().split():
            if Path(f"/proc/{child}/comm").read_text().strip() == "mpv":
                found.append(int(child))
    return found


def wait_for(condition, timeout: float = 60.0) -> bool:
    """Poll ``condition`` until it holds (``False`` after ``timeout``); errors count as not yet."""
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if condition():
                return True
        except (OSError, ValueError, KeyError):
            pass
        time.sleep(0.05)
    return False


def gone(pid: int, timeout: float = 10.0) -> bool:
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
        except FileNotFoundError:
            return True
        if state == "Z":
            return True
        time.sleep(0.05)
    return False


def test_sigterm_keeps_the_place_and_stops_mpv(listen):
    p = listen("--no-transcript", "2")
    p.line(INTRO)
    p.line(p.chapter_line(2))
    mpv = mpv_children(p.child.pid)
    assert len(mpv) == 1
    p.child.kill(15)
    p.line(r"Stopped at .* of chapter 2\. Next time, it goes on from there\.")
    p.close()
    assert p.place()["chapter"] == 2
    assert gone(mpv[0])


def test_a_killed_player_leaves_no_mpv_playing_and_its_place_was_saved_as_it_went(listen):
    p = listen("--no-transcript", "1", "--speed", "300")
    p.line(INTRO)
    p.line(p.chapter_line(1))
    mpv = mpv_children(p.child.pid)
    argv = Path(f"/proc/{mpv[0]}/cmdline").read_bytes().decode().split("\0")
    socket_folder = Path(next(a for a in argv if a.startswith("--input-ipc-server=")).split("=", 1)[1]).parent
    # Wait for the event, a save made while playing past 5 s, however busy the machine is.
    assert wait_for(lambda: p.place().get("chapter") == 1 and p.place().get("position_s", 0) > 5)
    p.child.kill(9)
    assert gone(mpv[0])
    assert p.place()["chapter"] == 1 and p.place()["position_s"] > 5
    assert socket_folder.is_dir()  # a killed player cannot tidy up after itself...
    again = listen("--no-transcript", "1")
    again.line(INTRO)
    again.line(again.chapter_line(1))
    assert not socket_folder.exists()  # ...so the next one does
    again.press("q", r"Stopped at .*")


def test_if_mpv_dies_the_place_is_kept_and_the_reason_is_one_sentence(listen):
    p = listen("--no-transcript", "2")
    p.line(INTRO)
    p.line(p.chapter_line(2))
    os.kill(mpv_children(p.child.pid)[0], 9)
    p.line(r"Stopped at .* of chapter 2\. Next time, it goes on from there\.")
    p.line(r"The audio player mpv stopped answering\.")
    assert p.close() == 1
    assert p.place()["chapter"] == 2
