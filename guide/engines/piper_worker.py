"""A worker process that speaks sentences to WAV files with a Piper voice.

Run as ``python -m guide.engines.piper_worker MODEL CONFIG``. It reads one JSON
request per line on stdin, ``{"text", "length_scale", "out"}``, and answers
one JSON line, ``{"ok": true, "frames": N}`` or ``{"ok": false, "error":
"...", "fatal": bool}``; ``fatal`` means the voice itself cannot be loaded, so
trying again cannot help.

Why the output is the same every time
-------------------------------------
A VITS voice adds random noise (two ``RandomNormalLike`` nodes in the model).
onnxruntime seeds those from its global seed when the session is created, and
each run then draws the next numbers. So the worker sets a fixed seed before
it creates a session, and makes a new session (from the model it read once)
at the start of every chapter (``{"begin": true}``): a chapter's audio depends
only on its own sentences, whatever the number of jobs, and a worker serves
one chapter after another without starting Python again. onnxruntime runs on
one thread, which keeps the floating-point sums in one order (and two workers
on two cores use the machine fully).

This module imports nothing from the rest of the package, so a worker starts
quickly, and it imports piper and onnxruntime only when it is run.
"""

from __future__ import annotations

import json
import os
import sys
import wave

SEED = 20260101
"The one random seed of every session: fixed, so that the same text gives the same samples."


class Voice:
    """One Piper voice, loaded once, on one thread."""

    _model_bytes: dict[str, bytes] = {}
    "Each model file, read once per worker: a new session for each chapter needs no disk."

    def __init__(self, model: str, config: str) -> None:
        import onnxruntime
        from piper import PiperVoice
        from piper.config import PiperConfig

        with open(config, encoding="utf-8") as f:
            piper_config = PiperConfig.from_dict(json.load(f))
        if model not in self._model_bytes:
            with open(model, "rb") as f:
                self._model_bytes[model] = f.read()
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        onnxruntime.set_seed(SEED)
        session = onnxruntime.InferenceSession(self._model_bytes[model], sess_options=options,
                                               providers=["CPUExecutionProvider"])
        self.voice = PiperVoice(config=piper_config, session=session)
        self.sample_rate = piper_config.sample_rate

    def speak(self, text: str, length_scale: float, out: str) -> int:
        from piper import SynthesisConfig

        config = SynthesisConfig(length_scale=length_scale, normalize_audio=False)
        pcm = b"".join(chunk.audio_int16_bytes for chunk in self.voice.synthesize(text, config))
        tmp = f"{out}.part"
        with wave.open(tmp, "wb") as f:
            f.setnchannels(1)
            f.setsampwidth(2)
            f.setframerate(self.sample_rate)
            f.writeframes(pcm)
        os.replace(tmp, out)
        return len(pcm) // 2


def main(argv: list[str]) -> int:
    model, config = argv[1], argv[2]
    voice = None
    for line in sys.stdin:
        request = json.loads(line)
        if voice is None or request.get("begin"):
            try:  # a fresh session, so a new chapter draws the same noise as in a fresh worker
                voice = Voice(model, config)
            except Exception as exc:  # a damaged model: the parent says so in one sentence
                answer = {"ok": False, "fatal": True, "error": f"{type(exc).__name__}: {exc}"}
                sys.stdout.write(json.dumps(answer) + "\n")
                sys.stdout.flush()
                continue
        if request.get("begin"):
            sys.stdout.write(json.dumps({"ok": True}) + "\n")
            sys.stdout.flush()
            continue
        try:
            frames = voice.speak(request["text"], float(request["length_scale"]), request["out"])
            answer = {"ok": True, "frames": frames}
        except Exception as exc:  # reported to the parent, which decides
            answer = {"ok": False, "fatal": False, "error": f"{type(exc).__name__}: {exc}"}
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    sys.exit(main(sys.argv))
