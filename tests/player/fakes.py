"""A made-up built guide and a fake audio backend, for fast tests of the player's logic."""

from __future__ import annotations

from guide.manifest import Manifest, ManifestChapter, ManifestSentence


def sentence(text: str, start: float, end: float, kind: str = "sentence") -> ManifestSentence:
    return ManifestSentence(text=text, spoken=text, start_s=start, end_s=end, kind=kind)


def made_up_manifest() -> Manifest:
    """Three chapters: 20 s, 30 s and 25 s long, 75 s in all."""
    chapters = [
        ManifestChapter(1, "Welcome", "chapters/01-welcome.mp3", "chapters/01-welcome.txt", 0.0, 20.0, [
            sentence("Chapter 1 of 3: Welcome.", 0.3, 2.5, "announcement"),
            sentence("This guide is short.", 3.5, 8.0),
            sentence("It has three chapters.", 8.4, 12.0),
            sentence("You can stop at any time.", 12.8, 18.0)]),
        ManifestChapter(2, "Signs", "chapters/02-signs.mp3", "chapters/02-signs.txt", 20.0, 30.0, [
            sentence("Chapter 2 of 3: Signs.", 0.3, 2.4, "announcement"),
            sentence("Watch for pain.", 3.4, 9.0),
            sentence("Call the clinic.", 9.8, 27.0, "item")]),
        ManifestChapter(3, "How it is found", "chapters/03-how.mp3", "chapters/03-how.txt", 50.0, 25.0, [
            sentence("Chapter 3 of 3: How it is found.", 0.3, 3.0, "announcement"),
            sentence("A scan shows it.", 4.0, 22.0)]),
    ]
    return Manifest(title="Made-up guide", slug="made-up", language="en-US", engine="fake",
                    voice="en-us", rate_wpm=150, duration_s=75.0, chapters=chapters, file="made-up.mp3")


class FakeClock:
    """A clock that moves only when told to."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class FakeBackend:
    """Plays nothing; its position moves with the fake clock while it is not paused."""

    def __init__(self, clock: FakeClock, start: float = 0.0, duration: float = 75.0):
        self.clock = clock
        self.t = start
        self.duration = duration
        self.paused = True
        self.speed = 1.0
        self.seeks: list[float] = []

    def advance(self, seconds: float) -> None:
        self.clock.now += seconds
        if not self.paused:
            self.t = min(self.duration, self.t + seconds * self.speed)

    def position(self) -> float | None:
        return self.t

    def seek(self, seconds: float) -> None:
        self.seeks.append(seconds)
        self.t = min(self.duration, max(0.0, seconds))

    def set_paused(self, paused: bool) -> None:
        self.paused = paused

    def set_speed(self, factor: float) -> None:
        self.speed = factor

    def at_end(self) -> bool:
        return self.t >= self.duration
