"""Every key of ``guide play``, with a fake backend: fast, exact, and no sound."""

from __future__ import annotations

from dataclasses import replace

import pytest

from guide.errors import FileError
from guide.player import lines
from guide.player.session import ACTIONS, Session
from guide.player.timeline import Spot, Timeline

from .fakes import FakeBackend, FakeClock, made_up_manifest


class Player:
    """A session on the made-up guide, with everything it says and saves recorded."""

    def __init__(self, start: float = 0.0, transcript: bool = False, speed: int = 100):
        self.clock = FakeClock()
        self.timeline = Timeline(made_up_manifest())
        self.backend = FakeBackend(self.clock, start)
        self.said: list[str] = []
        self.saved = []
        self.session = Session(self.timeline, self.backend, self.said.append, self.saved.append,
                               transcript=transcript, speed=speed, clock=self.clock)
        self.session.begin(self.timeline.spot(start))
        self.said.clear()

    def press(self, *keys: str) -> list[str]:
        """Press keys; the lines they printed."""
        before = len(self.said)
        for key in keys:
            self.session.press(key)
        return self.said[before:]

    def play(self, seconds: float, step: float = 0.1) -> list[str]:
        """Let it play, ticking as the real loop does; the lines printed meanwhile."""
        before = len(self.said)
        for _ in range(round(seconds / step)):
            self.backend.advance(step)
            self.session.tick()
        return self.said[before:]


def test_begin_says_the_guide_and_the_chapter_and_starts_playing():
    clock = FakeClock()
    backend = FakeBackend(clock)
    said = []
    session = Session(Timeline(made_up_manifest()), backend, said.append, lambda place: None, clock=clock)
    session.begin(Spot(0, 0.0))
    assert said == ["Made-up guide. 3 chapters, 1 min 15 s. Press h for help, or q to stop.",
                    "Chapter 1 of 3: Welcome. 20 s."]
    assert backend.paused is False


def test_begin_when_resuming_says_how_to_start_over():
    clock = FakeClock()
    said = []
    session = Session(Timeline(made_up_manifest()), FakeBackend(clock, 28.4), said.append,
                      lambda place: None, clock=clock)
    session.begin(Spot(1, 8.4), "resume")
    assert said[1:] == ["Resuming chapter 2 at 8 s. Press 1 to start from the beginning."]


def test_begin_after_a_finished_guide_says_so():
    clock = FakeClock()
    said = []
    session = Session(Timeline(made_up_manifest()), FakeBackend(clock), said.append,
                      lambda place: None, clock=clock)
    session.begin(Spot(0, 0.0), "finished")
    assert said[1:] == ["You listened to the end last time, so this starts from the beginning.",
                        "Chapter 1 of 3: Welcome. 20 s."]


def test_begin_when_resuming_and_without_input():
    clock = FakeClock()
    said = []
    session = Session(Timeline(made_up_manifest()), FakeBackend(clock, 28.4), said.append,
                      lambda place: None, clock=clock)
    session.begin(Spot(1, 8.4), "resume", interactive=False)
    assert said == ["Made-up guide. 3 chapters, 1 min 15 s.", "Resuming chapter 2 at 8 s."]


@pytest.mark.parametrize("key", ["space", "p", "P"])
def test_space_or_p_pauses_and_resumes(key):
    player = Player(start=5.2)
    assert player.press(key) == ["Paused at 5 s of chapter 1."]
    assert player.backend.paused is True
    assert (player.saved[-1].chapter, player.saved[-1].position_s) == (1, 5.2)
    player.play(3)
    assert player.backend.t == 5.2  # a paused player stays put
    assert player.press(key) == ["Playing from 5 s of chapter 1."]
    assert player.backend.paused is False


@pytest.mark.parametrize("key", ["n", "N", "pagedown"])
def test_n_or_page_down_goes_to_the_next_chapter(key):
    player = Player(start=5.0)
    assert player.press(key) == ["Chapter 2 of 3: Signs. 30 s."]
    assert player.backend.t == 20.0
    assert (player.saved[-1].chapter, player.saved[-1].position_s) == (2, 0.0)
    assert player.press(key) == ["Chapter 3 of 3: How it is found. 25 s."]
    assert player.press(key) == ["This is the last chapter, 3 of 3."]
    assert player.backend.t == 50.0


@pytest.mark.parametrize("key", ["b", "B", "pageup"])
def test_b_or_page_up_goes_to_the_previous_chapter(key):
    player = Player(start=60.0)
    assert player.press(key) == ["Chapter 2 of 3: Signs. 30 s."]
    assert player.backend.t == 20.0
    assert player.press(key) == ["Chapter 1 of 3: Welcome. 20 s."]
    assert player.press(key) == ["This is the first chapter. Press capital R to start it again."]
    assert player.backend.t == 0.0


def test_moving_while_paused_stays_paused_and_says_so():
    player = Player(start=5.0)
    player.press("space")
    assert player.press("n") == ["Chapter 2 of 3: Signs. 30 s. Paused. Press the space bar to play."]
    assert player.backend.paused is True
    assert player.press("right") == ["Forward to 10 s of chapter 2. Paused. Press the space bar to play."]


def test_right_and_left_arrows_move_10_seconds():
    player = Player(start=3.0)
    assert player.press("right") == ["Forward to 13 s of chapter 1."]
    assert player.backend.t == 13.0
    assert player.press("right") == ["Forward to 3 s of chapter 2: Signs."]
    assert player.backend.t == 23.0
    assert player.press("left") == ["Back to 13 s of chapter 1: Welcome."]
    assert player.press("left", "left") == ["Back to 3 s of chapter 1.", "Back to 0 s of chapter 1."]
    assert player.backend.t == 0.0


def test_a_move_across_a_chapter_is_not_announced_twice():
    player = Player(start=15.0)
    player.press("right")
    assert player.play(0.5) == []


def test_right_arrow_near_the_end_does_not_end_the_guide():
    player = Player(start=68.0)
    assert player.press("right") == ["Less than 10 s is left in the guide."]
    assert player.backend.t == 68.0
    assert not player.session.done


def test_r_hears_the_current_sentence_again():
    player = Player(start=10.0)  # in "It has three chapters." (8.4 to 12.0)
    assert player.press("r") == ["Again: sentence 3 of 4 in chapter 1."]
    assert player.backend.t == 8.4
    player.backend.t = 12.5  # in the pause after it: still that sentence
    assert player.press("r") == ["Again: sentence 3 of 4 in chapter 1."]
    assert player.backend.t == 8.4
    player.backend.t = 1.0  # in the announcement
    assert player.press("r") == ["Again: sentence 1 of 4 in chapter 1."]
    assert player.backend.t == 0.3


def test_r_just_after_a_sentence_starts_means_the_one_before():
    player = Player(start=8.6)  # 0.2 s into sentence 3, still taking sentence 2 in
    assert player.press("r") == ["Again: sentence 2 of 4 in chapter 1."]
    assert player.backend.t == 3.5


def test_capital_r_restarts_the_chapter():
    player = Player(start=44.0)
    assert player.press("R") == ["Chapter 2 of 3: Signs. 30 s."]
    assert player.backend.t == 20.0
    assert (player.saved[-1].chapter, player.saved[-1].position_s) == (2, 0.0)


def test_digits_go_to_that_chapter():
    player = Player(start=5.0)
    assert player.press("3") == ["Chapter 3 of 3: How it is found. 25 s."]
    assert player.backend.t == 50.0
    assert player.press("1") == ["Chapter 1 of 3: Welcome. 20 s."]
    assert player.backend.t == 0.0
    assert player.press("9") == ["There is no chapter 9. This guide has chapters 1 to 3."]
    assert player.backend.t == 0.0


def test_square_brackets_change_speed_and_backspace_makes_it_normal():
    player = Player()
    assert player.press("]") == ["Speed 110 percent."]
    assert player.backend.speed == pytest.approx(1.1)
    assert player.press("[", "[", "[") == ["Speed 100 percent, normal.", "Speed 90 percent.",
                                          "Speed 80 percent."]
    assert player.backend.speed == pytest.approx(0.8)
    assert player.press("backspace") == ["Speed 100 percent, normal."]
    assert player.backend.speed == 1.0


def test_speed_stops_at_its_limits():
    player = Player(speed=60)
    assert player.press("[", "[") == ["Speed 50 percent, the slowest.", "Speed 50 percent, the slowest."]
    player = Player(speed=290)
    assert player.press("]", "]") == ["Speed 300 percent, the fastest.", "Speed 300 percent, the fastest."]
    assert player.backend.speed == 3.0


@pytest.mark.parametrize("key", ["t", "T"])
def test_t_says_where_you_are_and_the_time_left(key):
    player = Player(start=25.0)
    assert player.press(key) == ["Chapter 2 of 3: Signs. 5 s in, 25 s left; 50 s left in the guide."]
    player.press("space", "]")
    assert player.press(key) == [
        "Paused. Chapter 2 of 3: Signs. 5 s in, 25 s left; 50 s left in the guide. Speed 110 percent."]


@pytest.mark.parametrize("key", ["l", "L"])
def test_l_lists_the_chapters(key):
    player = Player(start=25.0)
    assert player.press(key) == ["1. Welcome (20 s)", "2. Signs (30 s), you are here",
                                 "3. How it is found (25 s)"]


@pytest.mark.parametrize("key", ["h", "H", "?"])
def test_h_or_question_mark_lists_the_keys_in_words(key):
    player = Player()
    said = player.press(key)
    assert said == lines.HELP
    assert "A number from 1 to 9: go to that chapter." in said
    assert "Space bar, or the letter p: pause or resume." in said
    assert all(line.endswith(".") or line.endswith(":") for line in said)


def test_s_cycles_the_sleep_timer():
    player = Player()
    assert player.press("s", "s", "s", "s", "s", "S") == [
        "Sleep timer: pause at the end of this chapter.", "Sleep timer: pause in 15 min.",
        "Sleep timer: pause in 30 min.", "Sleep timer: pause in 60 min.", "Sleep timer off.",
        "Sleep timer: pause at the end of this chapter."]


def test_sleep_timer_at_the_end_of_the_chapter_pauses_before_the_next():
    player = Player(start=15.0)
    player.press("s")
    said = player.play(6)
    assert said == ["Sleep timer: paused at the end of chapter 1. Press the space bar to play."]
    assert player.backend.paused is True
    assert player.backend.t == 20.0
    assert (player.saved[-1].chapter, player.saved[-1].position_s) == (2, 0.0)
    assert player.press("space") == ["Playing from 0 s of chapter 2."]
    assert player.play(1) == []  # chapter 2 was announced by the timer's line already
    assert player.session.sleep is None


def test_sleep_timer_in_minutes_pauses_after_that_long():
    player = Player(start=30.0)
    assert player.press("s", "s") == ["Sleep timer: pause at the end of this chapter.",
                                      "Sleep timer: pause in 15 min."]
    player.clock.now += 15 * 60 - 1  # the clock moves on; the position is kept in chapter 2
    player.session.tick()
    assert player.backend.paused is False
    player.clock.now += 1
    player.session.tick()
    assert player.said[-1] == "Sleep timer: paused at 10 s of chapter 2. Press the space bar to play."
    assert player.backend.paused is True
    assert player.session.sleep is None


def test_sleep_timer_off_lets_it_play_on():
    player = Player(start=15.0)
    player.press("s", "s", "s", "s", "s")
    assert player.play(6) == ["Chapter 2 of 3: Signs. 30 s."]
    assert player.backend.paused is False


@pytest.mark.parametrize("key", ["q", "Q"])
def test_q_stops_and_keeps_the_place(key):
    player = Player(start=33.0)
    assert player.press(key) == ["Stopped at 13 s of chapter 2. Next time, it goes on from there."]
    assert player.session.done and player.session.exit_code == 0
    assert (player.saved[-1].chapter, player.saved[-1].position_s, player.saved[-1].finished) == (2, 13.0, False)
    assert player.press("n") == []  # nothing works after the end


def test_ctrl_c_as_a_key_stops_too():
    player = Player(start=33.0)
    assert player.press("ctrl-c") == ["Stopped at 13 s of chapter 2. Next time, it goes on from there."]
    assert player.session.exit_code == 130


def test_stop_after_an_interruption_uses_the_last_known_place():
    player = Player(start=33.0)
    player.play(1)
    player.backend.t = None  # the player cannot be asked any more
    player.session.stop(130, ask_player=False)
    assert player.said[-1] == "Stopped at 14 s of chapter 2. Next time, it goes on from there."
    assert player.saved[-1].chapter == 2 and player.saved[-1].position_s == pytest.approx(14.0)


@pytest.mark.parametrize("key, name", [("x", "The x key"), ("up", "Up arrow"), ("ctrl-d", "Control and d"),
                                       ("unknown", "That key"), ("0", "The 0 key")])
def test_other_keys_say_how_to_get_help(key, name):
    assert Player().press(key) == [f"{name} does nothing here. Press h for the list of keys."]


def test_every_key_in_the_table_has_an_action():
    player = Player()
    for action in set(ACTIONS.values()):
        assert callable(getattr(player.session, f"_{action}"))


def test_a_new_chapter_is_announced_once_when_playback_reaches_it():
    player = Player(start=18.0)
    assert player.play(3) == ["Chapter 2 of 3: Signs. 30 s."]
    assert player.saved[-1].chapter == 2
    assert player.play(3) == []


def test_transcript_prints_each_sentence_as_it_starts():
    player = Player(start=0.0, transcript=True)
    assert player.play(13) == ["This guide is short.", "It has three chapters.", "You can stop at any time."]


def test_transcript_prints_a_sentence_again_when_it_is_heard_again():
    player = Player(start=0.0, transcript=True)
    player.play(10)
    assert player.press("r") == ["Again: sentence 3 of 4 in chapter 1."]
    assert player.play(0.2) == ["It has three chapters."]


def test_without_transcript_nothing_is_printed_while_playing_within_a_chapter():
    player = Player(start=0.0)
    assert player.play(19) == []


def test_the_place_is_saved_every_few_seconds_while_playing():
    player = Player(start=0.0)
    player.play(11)
    assert len(player.saved) == 2
    assert player.saved[-1].position_s == pytest.approx(10.0, abs=0.2)


def test_the_end_of_the_guide_ends_the_session_and_marks_it_finished():
    player = Player(start=70.0)
    assert player.play(6) == ["End of the guide. Next time, it starts from the beginning."]
    assert player.session.done and player.session.exit_code == 0
    assert player.saved[-1].finished is True


def test_a_place_that_cannot_be_saved_is_said_once_and_playing_goes_on():
    player = Player(start=0.0)

    def fail(place):
        raise FileError("/state/places/made-up.json", "the disk is full. Free some space and try again.")

    player.session.save = fail
    assert player.press("space", "space", "space") == [
        "Paused at 0 s of chapter 1.",
        "Your place could not be saved: /state/places/made-up.json: the disk is full. "
        "Free some space and try again.",
        "Playing from 0 s of chapter 1.", "Paused at 0 s of chapter 1."]


def test_suspend_pauses_and_saves():
    player = Player(start=5.0)
    player.session.suspend()
    assert player.backend.paused and player.saved[-1].position_s == 5.0
    assert player.said[-1] == "Paused, because the program was put in the background. Type fg to come back."
    player.session.resumed_from_background()
    assert player.said[-1] == "Back, and paused at 5 s of chapter 1. Press the space bar to play."


def test_help_says_how_to_reach_chapters_after_9():
    manifest = made_up_manifest()
    manifest.chapters = [replace(manifest.chapters[0], number=n, title=f"Part {n}") for n in range(1, 12)]
    help_lines = lines.help_lines(Timeline(manifest))
    assert "A number from 1 to 9: go to that chapter. For chapter 10 and later, press 9, then n." in help_lines
    assert len(help_lines) == len(lines.HELP)


def test_a_position_just_before_the_chapter_it_went_to_is_that_chapter():
    """mpv may report a position a little before the one it was sent to: after n, the sleep timer
    set to the end of the chapter does not fire, and the chapter before is not announced again."""
    player = Player(5.0)
    player.press("space", "s", "n")
    assert player.press("space") == ["Playing from 0 s of chapter 2."]
    player.backend.t = 19.85  # 20.0 is the start of chapter 2; the first tick sees 19.95
    assert player.play(1.0) == []
    assert player.session.sleep == "chapter" and not player.backend.paused
