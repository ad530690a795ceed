"""The mpv IPC client against the real mpv, on its null sound output."""

from __future__ import annotations

import os
import time

import pytest

from guide.errors import AudioError, MissingTool
from guide.player import mpv as mpv_module
from guide.player.mpv import NO_SOUND, Mpv, find_mpv


def wait_until(condition, timeout=10.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


@pytest.fixture
def whole_file(player_guide):
    return player_guide.folder / player_guide.manifest.file


def test_mpv_starts_paused_where_asked_and_plays_seeks_and_changes_speed(whole_file):
    with Mpv(find_mpv(), "null") as player:
        player.start(whole_file, start_s=5.0, speed=1.5)
        assert player.get("pause") is True
        assert player.position() == pytest.approx(5.0, abs=0.05)
        assert player.get("speed") == 1.5
        assert player.get("audio-pitch-correction") is True
        assert player.get("current-ao") == "null"
        player.set_paused(False)
        assert wait_until(lambda: player.position() > 5.3)
        player.set_paused(True)
        player.seek(20.0)
        player.set_paused(False)
        assert player.position() == pytest.approx(20.0, abs=0.1)
        player.set_speed(0.9)
        assert player.get("speed") == 0.9
        assert player.at_end() is False


def test_the_chapters_mpv_reads_from_the_file_match_the_manifest(whole_file, player_guide):
    with Mpv(find_mpv(), "null") as player:
        player.start(whole_file)
        chapters = player.get("chapter-list")
        assert [c["title"] for c in chapters] == [ch.title for ch in player_guide.manifest.chapters]
        assert player.get("duration") == pytest.approx(player_guide.manifest.duration_s, abs=0.2)


def test_mpv_reports_the_end_of_the_file(whole_file, player_guide):
    with Mpv(find_mpv(), "null") as player:
        player.start(whole_file, start_s=player_guide.manifest.duration_s - 0.5, speed=2.0)
        player.set_paused(False)
        assert wait_until(player.at_end)


def test_close_stops_mpv_and_removes_its_folder(whole_file):
    player = Mpv(find_mpv(), "null")
    player.start(whole_file)
    process, folder = player.process, player.folder
    player.close()
    assert process.poll() is not None
    assert not folder.exists()
    player.close()  # twice is fine


def test_a_sound_output_that_cannot_open_is_one_sentence(whole_file):
    with Mpv(find_mpv(), "no-such-output") as player:
        with pytest.raises(AudioError) as caught:
            player.start(whole_file)
    assert str(caught.value) == NO_SOUND


def test_a_file_mpv_cannot_play_is_one_sentence(tmp_path):
    bad = tmp_path / "bad.mp3"
    bad.write_bytes(b"not an mp3 at all" * 100)
    with Mpv(find_mpv(), "null") as player:
        with pytest.raises(AudioError) as caught:
            player.start(bad)
    assert str(caught.value).startswith(f"mpv could not play {bad} (")


def test_a_command_to_a_dead_mpv_is_one_sentence(whole_file):
    with Mpv(find_mpv(), "null") as player:
        player.start(whole_file)
        player.process.kill()
        player.process.wait()
        with pytest.raises(AudioError) as caught:
            player.position()
    assert str(caught.value) == "The audio player mpv stopped answering."


def test_without_mpv_the_error_says_how_to_install_it(monkeypatch):
    monkeypatch.setattr(mpv_module.shutil, "which", lambda name: None)
    with pytest.raises(MissingTool) as caught:
        find_mpv()
    assert str(caught.value) == "mpv was not found. Install it with: sudo apt-get install mpv"


def test_mpv_is_in_its_own_session_so_ctrl_c_does_not_reach_it(whole_file):
    with Mpv(find_mpv(), "null") as player:
        player.start(whole_file)
        assert os.getsid(player.process.pid) != os.getsid(0)


def test_after_a_seek_the_position_is_the_new_one_at_once(whole_file):
    """Until a seek finishes mpv can still give the old position; seek() waits for it."""
    with Mpv(find_mpv(), "null") as player:
        player.start(whole_file)
        player.set_paused(False)
        for target in (20.0, 3.0, 40.0, 12.5, 30.0):
            player.seek(target)
            assert player.position() == pytest.approx(target, abs=0.1)
