"""A worker process that speaks sentences to WAV files with pyttsx3.

Run as ``python -m guide.engines.pyttsx3_worker``. It reads one JSON request per line
on stdin, ``{"text", "voice", "rate", "out"}``, and answers one JSON line on
the protocol pipe, ``{"ok": true, "frames": N}`` or ``{"ok": false,
"error": "..."}``.

Why pyttsx3's espeak driver needs three corrections here
--------------------------------------------------------
pyttsx3 2.99 runs espeak-ng in ``AUDIO_OUTPUT_RETRIEVAL`` mode: ``Synth``
only queues the text, espeak-ng's own thread synthesises it, and the driver
writes the WAV from that thread's callback when ``MSG_TERMINATED`` arrives.

1. **It cancels speech it was never asked to stop.** Every ``runAndWait()``
   queues ``endLoop``, which calls the driver's ``stop()``, which calls
   ``espeak_Cancel()`` whenever ``espeak_IsPlaying()`` is true. In retrieval
   mode that is true whenever espeak-ng's thread is busy: still applying the
   rate and volume queued at start-up, finishing the last callback of the
   sentence before, or in its idle check (``close_stream``). ``stop()`` also
   leaves ``_stopping`` set, so a later loop calls ``espeak_Cancel()`` again
   right after the *next* ``Synth``: espeak-ng then drops that sentence's text
   but still delivers its ``MSG_TERMINATED``, and the driver writes a WAV with
   a header and no samples: the "empty clip". ``espeak_Cancel()`` also resets
   the rate and voice parameters to the values saved at the last ``Synth``, so
   the sentence after a spurious cancel could be spoken at another rate. How
   often this happens depends on thread timing, so it came with CPU load.
   This worker never interrupts an utterance (a hung worker is killed from
   outside), so ``stop()`` is made a no-op: nothing here ever cancels.
2. **It tells espeak-ng the text is ten times longer than it is.** Its ``Synth``
   passes ``len(text) * 10`` as the size, and espeak-ng copies that many bytes,
   so a long text made it read far past the end of the string and crash (an
   8,000-word line stopped the worker with a segmentation fault). The worker
   passes the true size.
3. **It has no completion event for files.** ``runAndWait()`` may return
   before the file is written (it did, for the first sentence of a process),
   and the callback thread goes on touching the driver's queue after writing
   the file. The worker waits for the driver's own end of the utterance: the
   ``finished-utterance`` notification followed by the callback's
   ``endLoop()``, which is the last thing the callback does. Only then is the
   file read and the next request taken, so two utterances never overlap.

``GUIDE_TTS_TRACE=FILE`` appends one JSON line per utterance with every
callback espeak-ng made (event types, sample counts) and every
``Synth``/``Cancel`` call: the evidence the stress harness (``make stress``)
collects.

The driver prints "Audio saved to …" on stdout, so the protocol uses a copy of
the original stdout and fd 1 is pointed at stderr. This module imports nothing
from the rest of the package, so a worker starts quickly.
"""

from __future__ import annotations

import json
import os
import struct
import sys
import threading
import time

WAIT_S = 300.0
"A safety net: the parent kills a worker that takes longer than its own, shorter limit."


def wav_frames(path: str) -> int | None:
    """The frame count of a complete 16-bit mono WAV (0 for a header-only one), or ``None``."""
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


class Speaker:
    """One pyttsx3 engine, set to a voice and rate, that writes whole files."""

    def __init__(self) -> None:
        import types

        import pyttsx3
        import pyttsx3.drivers.espeak as driver

        self._done = threading.Event()
        self._finished = False
        self._trace: list[dict] | None = [] if os.environ.get("GUIDE_TTS_TRACE") else None
        speaker = self

        def never_cancel(drv) -> None:
            """See correction 1 in the module docstring."""

        def end_loop(drv) -> None:
            drv._looping = False
            if speaker._finished:  # the callback's own last step: see correction 3
                speaker._finished = False
                speaker._done.set()

        driver.EspeakDriver.stop = never_cancel
        driver.EspeakDriver.endLoop = end_loop
        driver._espeak.Synth = _synth_with_true_size(driver._espeak)
        # The driver's run loop sleeps 10 ms after every utterance; 1 ms loses less time.
        driver.time = types.SimpleNamespace(sleep=lambda s: time.sleep(min(s, 0.001)))
        if self._trace is not None:
            _install_trace(driver, self._trace)
        self.engine = pyttsx3.init("espeak")
        self.engine.connect("finished-utterance", self._on_finished)
        self.voice: str | None = None
        self.rate: int | None = None

    def _on_finished(self, name=None, completed=True) -> None:
        self._finished = True

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
        self._done.clear()
        self.engine.save_to_file(text, out)
        self.engine.runAndWait()
        finished = self._done.wait(WAIT_S)
        if self._trace is not None:
            _write_trace(text, self._trace)
        if not finished:
            raise RuntimeError("the engine did not finish the sentence")
        frames = wav_frames(out)
        if frames is None:
            raise RuntimeError("the engine wrote no complete file")
        if frames == 0:
            raise RuntimeError("the engine wrote a file with no sound")
        return frames


def _synth_with_true_size(espeak):
    """pyttsx3's ``Synth`` with the text's true size: see correction 2."""

    def synth(text, position=0, position_type=espeak.POS_CHARACTER, end_position=0, flags=0,
              user_data=None):
        data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
        return espeak.cSynth(data, len(data) + 1, position, position_type, end_position, flags,
                             None, user_data)

    return synth


def _install_trace(driver, trace: list[dict]) -> None:
    """Record every espeak-ng callback and every Synth/Cancel call into ``trace``."""
    start = time.monotonic()
    on_synth = driver.EspeakDriver._onSynth

    def traced(drv, wav, numsamples, events):
        types, i = [], 0
        while events[i].type != 0:
            types.append(events[i].type)
            i += 1
        trace.append({"t": round(time.monotonic() - start, 4), "samples": numsamples,
                      "events": types, "uid": events[0].unique_identifier})
        return on_synth(drv, wav, numsamples, events)

    driver.EspeakDriver._onSynth = traced
    espeak = driver._espeak
    def traced_call(name: str):
        real = getattr(espeak, name)

        def wrapped(*args, **kwargs):
            trace.append({"t": round(time.monotonic() - start, 4), "call": name})
            return real(*args, **kwargs)
        return wrapped

    for name in ("Synth", "Cancel"):
        setattr(espeak, name, traced_call(name))


def _write_trace(text: str, trace: list[dict]) -> None:
    with open(os.environ["GUIDE_TTS_TRACE"], "a", encoding="utf-8") as f:
        f.write(json.dumps({"pid": os.getpid(), "text": text, "trace": trace}) + "\n")
    trace.clear()


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
            answer: dict[str, object] = {"ok": True, "frames": frames}
        except Exception as exc:  # reported to the parent, which decides
            answer = {"ok": False, "error": f"{type(exc).__name__}: {exc}"}
        protocol.write(json.dumps(answer) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
