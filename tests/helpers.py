"""What many tests share: small guides, a fake engine, and readers of audio files.

Fixtures stay in conftest.py; plain helpers live here, imported by name."""

from __future__ import annotations

import hashlib
import json
import math
import subprocess
from array import array
from collections.abc import Iterable, Iterator
from pathlib import Path

from guide.engines.base import SAMPLE_RATE, Clip, Voice
from guide.errors import SynthesisError, UnknownVoice


TINY = {
    "guide.toml": 'title = "Tiny test guide"\nlanguage = "en-US"\nvoice = "en-us"\nrate = 150\n'
                  'source = "none"\npublisher = "Test clinic"\n',
    "01-welcome.txt": "# Title: Welcome\n# Source: none (framing)\n\n"
                      "This is a short guide. It has three chapters.\n\nYou can stop at any time.\n",
    "02-a-list.txt": "# Title: A short list\n# Source: Introduction\n\n"
                     "Here are two things.\n\n- Drink water.\n- Rest when you are tired.\n",
    "03-the-end.txt": "# Title: The end\n# Source: none (framing)\n\nThat is all. Thank you for listening.\n",
}
"Three chapters, about twenty seconds of speech: small enough for the real engine."


def write_guide_folder(folder: Path, files: dict[str, str] = TINY) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def ffprobe_json(path: Path, *entries: str) -> dict:
    """ffprobe's JSON for a file (``-show_format``, ``-show_chapters``, ...)."""
    out = subprocess.run(["ffprobe", "-v", "error", "-of", "json", *entries, str(path)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def loudnorm_measure(path: Path) -> dict:
    """ffmpeg's loudnorm filter (its own BS.1770 code) measuring a file: input_i, input_tp."""
    out = subprocess.run(["ffmpeg", "-hide_banner", "-nostats", "-i", str(path), "-af",
                          "loudnorm=print_format=json", "-f", "null", "-"],
                         capture_output=True, text=True, check=True).stderr
    return json.loads(out[out.rindex("{"):out.rindex("}") + 1])


class FakeEngine:
    """A fast, deterministic engine for unit tests: a tone as long as the text."""

    name = "fake"
    version = "1"
    clips_retried = 0
    "The fake engine never retries."

    def __init__(self, fail_on: Iterable[str] = ()) -> None:
        self.fail_on = set(fail_on)
        "Texts for which synthesis fails, to test error handling."
        self.spoken: list[str] = []
        "Every text synthesised, in order, to count the work done."

    def id(self, voice: str, rate: int) -> str:
        return f"{self.name} {self.version} voice={voice} rate={rate}"

    def voices(self) -> list[Voice]:
        return [Voice("en-us", "Fake American English", ("en-us",))]

    def describe_voice(self, voice: str) -> dict:
        if voice.lower() != "en-us":
            raise UnknownVoice(f"There is no voice called {voice!r}.", hint="voices")
        return {"name": voice, "language": "en-us", "quality": "", "licence": "a test tone",
                "origin": "the fake engine"}

    def synthesize(self, texts: Iterable[str], voice: str, rate: int) -> Iterator[Clip]:
        for text in texts:
            if text in self.fail_on:
                raise SynthesisError("the fake engine was told to fail")
            self.spoken.append(text)
            yield self.tone(text, rate)

    @staticmethod
    def tone(text: str, rate: int) -> Clip:
        """A tone whose length follows the text and whose pitch follows its hash."""
        seconds = max(1, len(text.split())) * 60 / rate
        frames = int(seconds * SAMPLE_RATE)
        pitch = 200 + int(hashlib.sha256(text.encode()).hexdigest()[:2], 16)
        step = 2 * math.pi * pitch / SAMPLE_RATE
        return Clip(array("h", (int(8000 * math.sin(step * n)) for n in range(frames))).tobytes())
