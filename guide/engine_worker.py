"""A worker process that speaks sentences to WAV files with pyttsx3.

Run as ``python -m guide.engine_worker``. It reads one JSON request per line
on stdin, ``{"text", "voice", "rate", "out"}``, and answers one JSON line on
the protocol pipe, ``{"ok": true, "frames": N}`` or ``{"ok": false,
"error": "..."}``. It answers only once the WAV file is complete, which is
what makes pyttsx3's espeak driver reliable:

* ``runAndWait()`` may return before the audio is written (the driver writes
  the file from espeak's callback thread), so the worker waits for the file
  to exist with a header whose data size matches the file's size;
* it never queues a second sentence while the first is still being written,
  so late audio can never land under the next sentence's name;
* the driver prints "Audio saved to …" on stdout, so the protocol uses a
  copy of the original stdout and fd 1 is pointed at stderr.

This module imports nothing from the rest of the package, so a worker starts
quickly.
"""

from __future__ import annotations

import json
import os
import struct
import sys
import time

WAIT_S = 30.0
"How long to wait for the driver to finish writing one file."


def wav_is_complete(path: str) -> int | None:
    """Return the frame count of a complete 16-bit mono WAV, or ``None``."""
    try:
        size = os.path.getsize(path)
        with open(path, "rb") as f:
            header = f.read(44)
    except OSError:
        return None
    if len(header) < 44 or header[:4] != b"RIFF" or header[8:12] != b"WAVE":
        return None
    if header[36:40] != b"data":
        return None
    (data_size,) = struct.unpack("<I", header[40:44])
    if size != 44 + data_size:
        return None
    return data_size // 2


def _wait_for_file(path: str, deadline: float) -> int | None:
    while time.monotonic() < deadline:
        frames = wav_is_complete(path)
        if frames is not None:
            return frames
        time.sleep(0.002)
    return None


class Speaker:
    """One pyttsx3 engine, set to a voice and rate, that writes whole files."""

    def __init__(self) -> None:
        import types

        import pyttsx3
        import pyttsx3.drivers.espeak as driver

        # The driver's run loop sleeps 10 ms after every utterance; with one file
        # per call and our own wait for the file, 1 ms polls lose less time.
        driver.time = types.SimpleNamespace(sleep=lambda s: time.sleep(min(s, 0.001)))
        self.engine = pyttsx3.init("espeak")
        self.voice: str | None = None
        self.rate: int | None = None

    def speak(self, text: str, voice: str, rate: int, out: str) -> int:
        if voice != self.voice:
            self.engine.setProperty("voice", voice)
            self.voice = voice
        if rate != self.rate:
            self.engine.setProperty("rate", rate)
            self.rate = rate
        try:
            os.unlink(out)
        except FileNotFoundError:
            pass
        self.engine.save_to_file(text, out)
        self.engine.runAndWait()
        frames = _wait_for_file(out, time.monotonic() + WAIT_S)
        if frames is None:
            raise RuntimeError("the engine wrote no complete file")
        return frames


def main() -> int:
    protocol = os.fdopen(os.dup(1), "w", buffering=1)
    os.dup2(2, 1)  # the driver's prints go to stderr, never into the protocol
    speaker = None
    for line in sys.stdin:
        request = json.loads(line)
        try:
            if speaker is None:
                speaker = Speaker()
            frames = speaker.speak(
                request["text"], request["voice"], int(request["rate"]), request["out"]
            )
            answer = {"ok": True, "frames": frames}
        except Exception as exc:  # reported to the parent, which decides
            answer = {"ok": False, "error": f"{type(exc).__name__}: {exc}"}
        protocol.write(json.dumps(answer) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
