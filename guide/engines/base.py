"""The speech engine layer: text in, a verified clip and its length out.

Everything else in the package sees only :class:`Engine`: ``synthesize``
takes the sentences of one chapter and yields one :class:`Clip` per sentence,
in order, each one checked to be a complete WAV of plausible length. Another
offline engine can be added by writing one more class with the same three
members (``id``, ``voices``, ``synthesize``).

:class:`Pyttsx3Engine` runs pyttsx3 (espeak-ng on Linux) in a worker process,
a fresh one for each call: espeak-ng keeps state between utterances in one
process, so only the first utterance of a process is exactly what the
``espeak-ng`` command says. A fresh worker per chapter makes a chapter's audio
depend only on its own sentences, whatever the number of jobs.
"""

from __future__ import annotations

import ctypes.util
import json
import os
import select
import shutil
import subprocess
import sys
import threading
import wave
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from guide.errors import MissingTool, SynthesisError, UnknownVoice

SAMPLE_RATE = 22050
"espeak-ng speaks 16-bit mono at this rate."
ESPEAK_LICENCE = "espeak-ng's rule-based voice data (GPL-3.0-or-later); no recorded speech"
"What the manifest records as an espeak-ng voice's licence."


@dataclass(frozen=True)
class Clip:
    """One sentence of speech: 16-bit little-endian mono PCM."""

    pcm: bytes
    "The samples."
    sample_rate: int = SAMPLE_RATE
    "Samples per second."

    @property
    def frames(self) -> int:
        """Number of samples."""
        return len(self.pcm) // 2

    @property
    def duration_s(self) -> float:
        """Length in seconds."""
        return self.frames / self.sample_rate

    def write_wav(self, path: Path) -> None:
        """Write the clip as a WAV file."""
        with wave.open(str(path), "wb") as f:
            f.setnchannels(1)
            f.setsampwidth(2)
            f.setframerate(self.sample_rate)
            f.writeframes(self.pcm)


@dataclass(frozen=True)
class Voice:
    """A voice the engine offers."""

    id: str
    "What ``--voice`` and ``guide.toml`` take."
    name: str
    "The engine's name for it."
    languages: tuple[str, ...] = ()
    "Language tags it speaks."


class Engine(Protocol):
    """What the build needs from a speech engine."""

    clips_retried: int
    "Clips made again after a failed try, since the engine was made: the build reports them."

    def id(self, voice: str, rate: int) -> str:
        """Names engine, version, voice and rate: part of every cache key."""

    def voices(self) -> list[Voice]:
        """The voices this engine offers."""

    def synthesize(self, texts: Iterable[str], voice: str, rate: int) -> Iterator[Clip]:
        """One verified clip per text, in order."""

    def describe_voice(self, voice: str) -> dict:
        """What the manifest records about ``voice``: name, language, quality, licence, origin.

        Raises :class:`UnknownVoice` when the engine has no such voice."""


def plausible_range(text: str, rate: int) -> tuple[float, float]:
    """The shortest and longest a clip of ``text`` at ``rate`` wpm may be, in seconds."""
    words = max(1, len(text.split()))
    letters = sum(c.isalnum() for c in text)
    spoken_words = max(words, letters / 4.5)
    low = 0.25 * words * 60 / rate
    high = 3.0 * spoken_words * 60 / rate + 1.5
    return low, high


def check_clip(clip: Clip, text: str, rate: int) -> str | None:
    """Why a clip is not acceptable for ``text``, or ``None`` when it is."""
    if clip.frames == 0:
        return "the clip is empty"
    low, high = plausible_range(text, rate)
    if not low <= clip.duration_s <= high:
        return (f"the clip is {clip.duration_s:.1f} s long, where {low:.1f} to "
                f"{high:.1f} s was expected")
    return None


def read_wav(path: Path) -> Clip:
    """A complete 16-bit mono WAV as a clip; raises ValueError for anything else."""
    with wave.open(str(path), "rb") as f:
        if f.getnchannels() != 1 or f.getsampwidth() != 2:
            raise ValueError("not 16-bit mono")
        frames = f.getnframes()
        pcm = f.readframes(frames)
        rate = f.getframerate()
    if len(pcm) != frames * 2 or os.path.getsize(path) < 44 + len(pcm):
        raise ValueError("truncated")
    return Clip(pcm, rate)


# ------------------------------------------------------------------ pyttsx3


def require_espeak() -> None:
    """Raise :class:`MissingTool` unless espeak-ng and its library are installed."""
    if shutil.which("espeak-ng") is None or ctypes.util.find_library("espeak-ng") is None:
        raise MissingTool("espeak-ng", "espeak-ng libespeak-ng1")


class WorkerProcess:
    """A worker process that answers one JSON line per JSON request (both engines use one)."""

    CLOSE_WAIT_S = 5.0
    "How long a worker may take to finish after its input is closed, before it is killed."

    def _start(self, argv: list[str]) -> None:
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, text=True, bufsize=1)

    def ask(self, request: dict, timeout: float) -> dict:
        assert self.proc.stdin and self.proc.stdout
        try:
            self.proc.stdin.write(json.dumps(request) + "\n")
            self.proc.stdin.flush()
        except OSError:
            return {"ok": False, "error": "the worker stopped"}
        ready, _, _ = select.select([self.proc.stdout], [], [], timeout)
        if not ready:
            return {"ok": False, "error": f"no answer within {timeout:.0f} s"}
        line = self.proc.stdout.readline()
        return json.loads(line) if line else {"ok": False, "error": "the worker stopped"}

    def close(self, kill: bool = False) -> None:
        if kill:
            self.proc.kill()
        else:
            try:
                self.proc.stdin.close()  # type: ignore[union-attr]
                self.proc.wait(timeout=self.CLOSE_WAIT_S)
            except (OSError, subprocess.TimeoutExpired):
                self.proc.kill()
        self.proc.wait()
        self.proc.stdout.close()  # type: ignore[union-attr]


class _Worker(WorkerProcess):
    """One ``python -m guide.engines.pyttsx3_worker`` process."""

    def __init__(self) -> None:
        self._start([sys.executable, "-m", "guide.engines.pyttsx3_worker"])


class Pyttsx3Engine:
    """pyttsx3 driving espeak-ng, made reliable by checking every clip."""

    name = "pyttsx3-espeak"

    def __init__(self, timeout_s: float = 30.0, retries: int = 1) -> None:
        require_espeak()
        self.timeout_s = timeout_s
        "Longest wait for one clip before the worker is killed."
        self.retries = retries
        "How many times a failed clip is tried again, each in a fresh worker."
        self.clips_retried = 0
        "Clips that were made again after a failed try, since this engine was made."
        self._count_lock = threading.Lock()
        self._known: dict | None = None

    def _facts(self) -> dict:
        """The versions and voices, kept on disk between runs (:mod:`guide.engines.espeak_facts`)."""
        if self._known is None:
            from guide.engines.espeak_facts import facts
            from guide.layout import default_cache_dir

            self._known = facts(default_cache_dir(), _find_facts)
        return self._known

    @property
    def version(self) -> str:
        """pyttsx3 and espeak-ng versions."""
        return str(self._facts()["version"])

    def id(self, voice: str, rate: int) -> str:
        return f"{self.name} {self.version} voice={voice} rate={rate}"

    def voices(self) -> list[Voice]:
        return [Voice(id_, name, tuple(languages)) for id_, name, languages in self._facts()["voices"]]

    def describe_voice(self, voice: str) -> dict:
        wanted = voice.lower()
        for v in self.voices():
            names = {v.id.lower(), v.id.lower().rsplit("/", 1)[-1], *(x.lower() for x in v.languages)}
            if wanted in names:
                language = v.languages[0] if v.languages else wanted
                return {"name": voice, "language": language, "quality": "", "licence": ESPEAK_LICENCE,
                        "origin": f"espeak-ng voice {v.id}"}
        raise UnknownVoice(f"There is no voice called {voice!r}.", hint="voices")

    def synthesize(self, texts: Iterable[str], voice: str, rate: int) -> Iterator[Clip]:
        from guide.tempdirs import private

        with private("tts") as tmp:
            worker = _Worker()
            spoken: list[str] = []
            try:
                for i, text in enumerate(texts):
                    out = os.path.join(tmp, f"{i}.wav")
                    clip, worker = self._one(worker, spoken, text, voice, rate, out)
                    spoken.append(text)
                    yield clip
            finally:
                worker.close()

    def _one(self, worker: _Worker, spoken: list[str], text: str, voice: str, rate: int, out: str):
        """One clip, tried again in a fresh worker when it fails.

        A fresh worker first says again, into a scratch file, what the old one
        had said in this call, so that espeak-ng is in the same state and the
        clip comes out exactly as it would have without the failure.
        """
        problems: list[str] = []
        for attempt in range(self.retries + 1):
            if attempt:
                worker.close(kill=True)
                worker = _Worker()
                if not self._replay(worker, spoken, voice, rate, out):
                    # The replay itself hit a bad clip: say this one in a fresh worker after all.
                    # The audio is right, only no longer byte-identical to an undisturbed run.
                    worker.close(kill=True)
                    worker = _Worker()
            problem = self._ask(worker, text, voice, rate, out)
            if not problem:
                if attempt:
                    with self._count_lock:
                        self.clips_retried += 1
                return read_wav(Path(out)), worker
            problems.append(problem)
        worker.close(kill=True)
        raise SynthesisError("; then ".join(dict.fromkeys(problems)))

    def _ask(self, worker: _Worker, text: str, voice: str, rate: int, out: str) -> str:
        """Speak one text into ``out``; why the result is not acceptable, or ``""``."""
        _, high = plausible_range(text, rate)
        answer = worker.ask({"text": text, "voice": voice, "rate": rate, "out": out},
                            timeout=min(self.timeout_s, high * 2 + 10))
        if not answer.get("ok"):
            return answer.get("error", "unknown error")
        try:
            clip = read_wav(Path(out))
        except (OSError, ValueError, EOFError, wave.Error) as exc:
            return f"the file was not a complete WAV ({exc})"
        return check_clip(clip, text, rate) or ""

    def _replay(self, worker: _Worker, spoken: list[str], voice: str, rate: int, out: str) -> bool:
        return all(not self._ask(worker, text, voice, rate, out) for text in spoken)


def make_engine(name: str) -> Engine:
    """The engine called ``name`` (see :data:`guide.editions.ENGINES`)."""
    if name == "piper":
        from guide.engines.piper_engine import PiperEngine

        return PiperEngine()
    return Pyttsx3Engine()


def _find_facts() -> dict:
    """Ask espeak-ng and pyttsx3 themselves: versions, data folder, voices (sorted by id)."""
    from importlib.metadata import version

    import pyttsx3

    out = subprocess.run(["espeak-ng", "--version"], capture_output=True, text=True).stdout
    espeak = out.split("text-to-speech:")[-1].split("Data")[0].strip()
    data = out.split("Data at:")[-1].strip() if "Data at:" in out else None
    engine = pyttsx3.init("espeak")
    voices = sorted([v.id, v.name, list(v.languages or ())] for v in engine.getProperty("voices"))
    return {"version": f"pyttsx3 {version('pyttsx3')}, espeak-ng {espeak}", "data": data,
            "voices": voices}
