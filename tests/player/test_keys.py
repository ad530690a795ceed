"""Decoding key presses, and cbreak mode on a real pseudo-terminal."""

from __future__ import annotations

import os
import termios

import pytest

from guide.player.keys import KeyReader, decode


@pytest.mark.parametrize("data, keys", [
    (b" ", ["space"]),
    (b"p", ["p"]),
    (b"R", ["R"]),
    (b"]", ["]"]),
    (b"?", ["?"]),
    (b"\x7f", ["backspace"]),
    (b"\x08", ["backspace"]),
    (b"\x03", ["ctrl-c"]),
    (b"\x04", ["ctrl-d"]),
    (b"\r", ["enter"]),
    (b"\x1b[C", ["right"]),
    (b"\x1b[D", ["left"]),
    (b"\x1bOC", ["right"]),  # application cursor mode
    (b"\x1b[A", ["up"]),
    (b"\x1b[5~", ["pageup"]),
    (b"\x1b[6~", ["pagedown"]),
    (b"\x1b[1;5C", ["right"]),  # Control and right arrow
    (b"\x1b[3~", ["delete"]),
    (b"\x1b[15~", ["unknown"]),  # F5
    (b"\x1b[Z", ["unknown"]),
    ("é".encode(), ["é"]),
    (b"nn\x1b[Cq", ["n", "n", "right", "q"]),
    (b"\x1b[6~\x1b[5~3", ["pagedown", "pageup", "3"]),
])
def test_decode(data, keys):
    assert decode(data) == (keys, b"")


@pytest.mark.parametrize("partial", [b"\x1b", b"\x1b[", b"\x1b[5", b"\x1bO", "é".encode()[:1]])
def test_an_unfinished_key_is_kept_for_the_next_read(partial):
    assert decode(b"q" + partial) == (["q"], partial)


def test_a_lone_escape_is_the_escape_key_once_nothing_more_comes():
    assert decode(b"\x1b", final=True) == (["escape"], b"")
    assert decode(b"\x1bx") == (["escape", "x"], b"")  # Alt and x


@pytest.fixture
def pty_pair():
    master, slave = os.openpty()
    yield master, slave
    os.close(master)
    os.close(slave)


def test_key_reader_reads_single_keys_without_enter(pty_pair):
    master, slave = pty_pair
    with KeyReader(slave) as reader:
        assert reader.read(0.01) == []
        os.write(master, b"n")
        assert reader.read(2) == ["n"]
        os.write(master, b"\x1b[C\x7f")
        assert reader.read(2) == ["right", "backspace"]
        os.write(master, b"\x1b")  # Escape alone: taken as Escape once nothing follows
        assert reader.read(2) == ["escape"]


def test_key_reader_waits_for_the_rest_of_an_escape_sequence(pty_pair):
    master, slave = pty_pair
    with KeyReader(slave) as reader:
        os.write(master, b"\x1b[")
        os.write(master, b"6~")
        assert reader.read(2) == ["pagedown"]


def test_cbreak_mode_keeps_output_processing_and_signals_and_is_undone(pty_pair):
    master, slave = pty_pair
    before = termios.tcgetattr(slave)
    with KeyReader(slave):
        during = termios.tcgetattr(slave)
        assert not during[3] & termios.ICANON and not during[3] & termios.ECHO
        assert during[3] & termios.ISIG  # Ctrl-C still interrupts
        assert during[1] == before[1]  # OPOST and ONLCR as they were: the terminal ends lines
        os.write(slave, b"one\n")
        assert os.read(master, 100) == b"one\r\n"
    assert termios.tcgetattr(slave) == before
