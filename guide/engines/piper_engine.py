"""The natural voice: a Piper (VITS) voice run offline with onnxruntime.

An optional engine beside pyttsx3, behind the same three members as every
engine (``id``, ``voices``, ``synthesize``). It needs the ``natural`` extra
(``make natural``: piper-tts, which is GPL-3.0, and a voice). Each call to
:meth:`PiperEngine.synthesize` (one chapter) runs in a worker process that
reads the model once and starts each chapter with a new, seeded session, so a
chapter's audio depends only on its own sentences, as if the worker were fresh
(see ``guide/piper_worker.py``); a worker that finished a chapter serves the
next, which saves starting Python and onnxruntime for every chapter. Every clip is checked like
espeak-ng's, with the voice's own leading silence trimmed so that a
sentence's timing starts where its sound starts.
"""

from __future__ import annotations

import hashlib
import sys
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

from guide.engines.base import Clip, Voice, WorkerProcess, check_clip, plausible_range, read_wav
from guide.engines.piper_voices import PiperVoiceFile, VoiceFileError, find_voices, resolve
from guide.errors import GuideError, SynthesisError

NATURAL_WPM = 190
"""Words a minute the voices speak at Piper's own length scale (1.0), about; a guide's ``rate``
is turned into a length scale against it, so 150 words a minute is a length scale of 1.27."""
LEAD_KEEP_MS = 20
"Silence kept before the first sound of a clip."
SILENCE = 300
"Samples quieter than this (of 32767) count as silence when the lead is trimmed."


class NaturalVoiceMissing(GuideError):
    "The natural voice's engine (the piper-tts package) is not installed"


def require_piper() -> str:
    """The installed piper-tts version, or :class:`NaturalVoiceMissing`."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("piper-tts")
    except PackageNotFoundError:
        raise NaturalVoiceMissing(
            "The natural voice is not installed. Install it with: make natural") from None


def length_scale(rate: int) -> float:
    """Piper's length scale for ``rate`` words a minute."""
    return round(NATURAL_WPM / rate, 4)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def trim_lead(clip: Clip) -> Clip:
    """The clip without the voice's own leading silence (``LEAD_KEEP_MS`` kept)."""
    from array import array

    samples = array("h", clip.pcm)
    first = next((i for i, s in enumerate(samples) if abs(s) > SILENCE), len(samples))
    start = max(0, first - clip.sample_rate * LEAD_KEEP_MS // 1000)
    return Clip(clip.pcm[2 * start:], clip.sample_rate) if start else clip


class _Worker(WorkerProcess):
    """One ``python -m guide.engines.piper_worker`` process for one voice."""

    CLOSE_WAIT_S = 10.0

    def __init__(self, voice: PiperVoiceFile) -> None:
        self._start([sys.executable, "-m", "guide.engines.piper_worker", str(voice.model), str(voice.config)])


class PiperEngine:
    """Piper voices, each clip checked; a failed clip is made again in a fresh worker."""

    name = "piper"

    def __init__(self, timeout_s: float = 120.0, retries: int = 1) -> None:
        self.piper_version = require_piper()
        self.timeout_s = timeout_s
        "Longest wait for one clip (the first includes loading the model)."
        self.retries = retries
        "How many times a failed clip is tried again, each in a fresh worker."
        self.clips_retried = 0
        "Clips made again after a failed try, since this engine was made."
        self._ids: dict[str, str] = {}
        self._lock = threading.Lock()
        self._idle: dict[str, list[_Worker]] = {}
        "Workers that finished a chapter, by voice, waiting for the next one."

    def voice_file(self, voice: str) -> PiperVoiceFile:
        """The voice called ``voice`` (a name or a path to an ``.onnx``)."""
        return resolve(voice)

    def id(self, voice: str, rate: int) -> str:
        found = self.voice_file(voice)
        if found.name not in self._ids:
            self._ids[found.name] = (f"model={_sha256(found.model)[:16]} "
                                     f"config={_sha256(found.config)[:16]}")
        return (f"{self.name} {self.piper_version} voice={found.name} {self._ids[found.name]} "
                f"rate={rate} length_scale={length_scale(rate)}")

    def describe_voice(self, voice: str) -> dict:
        return self.voice_file(voice).to_dict()

    def voices(self) -> list[Voice]:
        return [Voice(v.name, f"{v.name} ({v.quality})", (v.language.lower(),))
                for v in find_voices()]

    def synthesize(self, texts: Iterable[str], voice: str, rate: int) -> Iterator[Clip]:
        from guide.tempdirs import private

        found = self.voice_file(voice)
        scale = length_scale(rate)
        with private("piper") as tmp:
            worker = self._begin(found)
            spoken: list[str] = []
            finished = False
            try:
                for i, text in enumerate(texts):
                    out = str(Path(tmp) / f"{i}.wav")
                    clip, worker = self._one(worker, found, spoken, text, scale, rate, out)
                    spoken.append(text)
                    yield clip
                finished = True
            finally:
                if finished:  # a worker that finished a chapter cleanly serves the next one
                    with self._lock:
                        self._idle.setdefault(found.name, []).append(worker)
                else:
                    worker.close(kill=True)

    def _begin(self, found: PiperVoiceFile) -> _Worker:
        """An idle worker for this voice, or a new one, with a new session: as good as fresh."""
        with self._lock:
            idle = self._idle.get(found.name, [])
            worker = idle.pop() if idle else None
        if worker is not None:
            answer = worker.ask({"begin": True}, timeout=self.timeout_s)
            if answer.get("ok"):
                return worker
            worker.close(kill=True)
        return _Worker(found)

    def close(self) -> None:
        """Stop every idle worker (they also stop by themselves when this process ends)."""
        with self._lock:
            workers = [w for idle in self._idle.values() for w in idle]
            self._idle.clear()
        for worker in workers:
            worker.close()

    def _one(self, worker, found, spoken, text, scale, rate, out):
        """One clip, tried again in a fresh worker (after replaying the chapter so far) when it fails."""
        problems: list[str] = []
        for attempt in range(self.retries + 1):
            if attempt:
                worker.close(kill=True)
                worker = _Worker(found)
                for said in spoken:  # the same noise state as a run without the failure
                    if self._ask(worker, found, said, scale, rate, out):
                        break
            problem = self._ask(worker, found, text, scale, rate, out)
            if not problem:
                if attempt:
                    with self._lock:
                        self.clips_retried += 1
                return trim_lead(read_wav(Path(out))), worker
            problems.append(problem)
        worker.close(kill=True)
        raise SynthesisError("; then ".join(dict.fromkeys(problems)))

    def _ask(self, worker, found, text, scale, rate, out) -> str:
        _, high = plausible_range(text, rate)
        answer = worker.ask({"text": text, "length_scale": scale, "out": out},
                            timeout=self.timeout_s)
        if answer.get("fatal"):
            worker.close(kill=True)
            raise VoiceFileError(f"The voice {found.name} cannot be loaded; its model file "
                                 f"{found.model} may be damaged ({answer.get('error')}).")
        if not answer.get("ok"):
            return answer.get("error", "unknown error")
        try:
            clip = trim_lead(read_wav(Path(out)))
        except (OSError, ValueError, EOFError) as exc:
            return f"the file was not a complete WAV ({exc})"
        return check_clip(clip, text, rate) or ""
