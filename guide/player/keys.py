"""Single key presses from a terminal, read without waiting for Enter.

:class:`KeyReader` puts the terminal in cbreak mode: only ``ICANON`` and
``ECHO`` are turned off. Output processing (``OPOST``/``ONLCR``) is left as
the terminal has it, so the terminal's own line discipline turns each
``"\\n"`` the player prints into a new line; the player itself never prints
a carriage return. ``ISIG`` stays on, so Ctrl-C still interrupts the
program. The old settings are put back on exit.

:func:`decode` turns the bytes a terminal sends into key names: ``"space"``,
``"backspace"``, ``"enter"``, ``"escape"``, ``"ctrl-c"``, ``"up"``,
``"down"``, ``"left"``, ``"right"``, ``"pageup"``, ``"pagedown"``,
``"home"``, ``"end"``, ``"insert"``, ``"delete"``, ``"unknown"`` for other
escape sequences, ``"ctrl-x"`` for other control keys, or the character
typed (``"q"``, ``"R"``, ``"]"``).
"""

from __future__ import annotations

import os
import select
import termios

ESC = 0x1B
_SINGLE = {0x20: "space", 0x7F: "backspace", 0x08: "backspace", 0x0D: "enter", 0x0A: "enter",
           0x09: "tab", 0x03: "ctrl-c"}
_CSI_FINAL = {"A": "up", "B": "down", "C": "right", "D": "left", "H": "home", "F": "end"}
_CSI_TILDE = {1: "home", 7: "home", 4: "end", 8: "end", 2: "insert", 3: "delete",
              5: "pageup", 6: "pagedown"}
ESCAPE_WAIT_S = 0.05
"How long to wait for the rest of an escape sequence before taking Escape alone."


def _escape(data: bytes, i: int, final: bool) -> tuple[str | None, int]:
    """The key of the escape sequence at ``data[i]`` and where it ends; ``None`` if cut short."""
    if i + 1 >= len(data):
        return (("escape", i + 1) if final else (None, i))
    kind = data[i + 1]
    if kind == ord("O"):  # SS3: ESC O C, sent by terminals in application mode
        if i + 2 >= len(data):
            return (("escape", i + 1) if final else (None, i))
        return _CSI_FINAL.get(chr(data[i + 2]), "unknown"), i + 3
    if kind != ord("["):
        return "escape", i + 1  # Alt+key arrives as Escape, then the key
    j = i + 2
    while j < len(data) and 0x20 <= data[j] <= 0x3F:  # parameter and intermediate bytes
        j += 1
    if j >= len(data):
        return (("unknown", j) if final else (None, i))
    if not 0x40 <= data[j] <= 0x7E:
        return "unknown", j  # not a finished sequence: drop what came so far
    end = chr(data[j])
    if end == "~":
        first = data[i + 2:j].split(b";")[0]
        return _CSI_TILDE.get(int(first) if first.isdigit() else -1, "unknown"), j + 1
    return _CSI_FINAL.get(end, "unknown"), j + 1


def _utf8_length(lead: int) -> int:
    if lead >= 0xF0:
        return 4
    if lead >= 0xE0:
        return 3
    return 2 if lead >= 0xC0 else 1


def decode(data: bytes, final: bool = False) -> tuple[list[str], bytes]:
    """The keys in ``data``, and the bytes of an unfinished key that may still go on.

    With ``final`` (no more bytes came), an unfinished sequence is taken as
    it is: a lone Escape is the Escape key.
    """
    keys: list[str] = []
    i = 0
    while i < len(data):
        byte = data[i]
        if byte == ESC:
            key, end = _escape(data, i, final)
            if key is None:
                return keys, data[i:]
            keys.append(key)
            i = end
        elif byte in _SINGLE:
            keys.append(_SINGLE[byte])
            i += 1
        elif byte < 0x20:
            keys.append(f"ctrl-{chr(byte + 0x60)}")
            i += 1
        elif byte < 0x80:
            keys.append(chr(byte))
            i += 1
        else:
            size = _utf8_length(byte)
            if i + size > len(data) and not final:
                return keys, data[i:]
            try:
                keys.append(data[i:i + size].decode("utf-8"))
            except UnicodeDecodeError:
                keys.append("unknown")
            i += size
    return keys, b""


class KeyReader:
    """Key presses from a terminal in cbreak mode; use as a context manager."""

    def __init__(self, fd: int):
        self.fd = fd
        "The terminal's file descriptor (stdin)."
        self._saved: list | None = None
        self._pending = b""

    def __enter__(self) -> KeyReader:
        self._saved = termios.tcgetattr(self.fd)
        mode = termios.tcgetattr(self.fd)
        mode[3] &= ~(termios.ICANON | termios.ECHO)  # lflags; oflags (OPOST, ONLCR) untouched
        mode[6][termios.VMIN] = 1
        mode[6][termios.VTIME] = 0
        termios.tcsetattr(self.fd, termios.TCSAFLUSH, mode)  # keys typed before now are dropped
        return self

    def __exit__(self, *exc) -> None:
        self.restore()

    def restore(self) -> None:
        """Put the terminal back as it was."""
        if self._saved is not None:
            try:
                termios.tcsetattr(self.fd, termios.TCSADRAIN, self._saved)
            except termios.error:
                pass  # the terminal is gone

    def resume(self) -> None:
        """Go back into cbreak mode, e.g. after the program was suspended and continued."""
        self.__enter__()

    def read(self, timeout: float) -> list[str]:
        """The keys pressed within ``timeout`` seconds (often none, sometimes several).

        Raises :class:`EOFError` when the terminal has gone away.
        """
        if not self._ready(timeout):
            return []
        data = self._pending + self._read_bytes()
        keys, self._pending = decode(data)
        while self._pending and self._ready(ESCAPE_WAIT_S):
            keys2, self._pending = decode(self._pending + self._read_bytes())
            keys += keys2
        if self._pending:
            keys2, self._pending = decode(self._pending, final=True)
            keys += keys2
        return keys

    def _ready(self, timeout: float) -> bool:
        return bool(select.select([self.fd], [], [], timeout)[0])

    def _read_bytes(self) -> bytes:
        try:
            data = os.read(self.fd, 256)
        except OSError:
            data = b""
        if not data:
            raise EOFError("the terminal closed")
        return data
