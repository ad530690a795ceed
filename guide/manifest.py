"""``manifest.json``: what a build made, with every sentence's timing.

The player, the exports and the checks read a built guide only through
:func:`load`. Paths are relative to the guide's output folder. A chapter's
``start_s`` is its start in the whole-guide MP3; a sentence's times are
seconds from the start of its chapter file.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from .errors import NotBuilt
from .files import atomic_write_text

FORMAT = 1
"Version of the manifest's layout; raised when a key changes meaning."


@dataclass
class ManifestSentence:
    """One clip's place in its chapter file."""

    text: str
    "As written in the script."
    spoken: str
    "What the engine was given."
    start_s: float
    "Start of the clip in the chapter file."
    end_s: float
    "End of the clip, before the pause that follows it."
    kind: str = "sentence"
    "``announcement``, ``sentence`` or ``item``."


@dataclass
class ManifestChapter:
    """One chapter file and its transcript."""

    number: int
    "1-based chapter number."
    title: str
    "Chapter title."
    file: str
    "The chapter MP3, relative to the output folder."
    transcript: str
    "The chapter's transcript, relative to the output folder."
    start_s: float
    "Start of this chapter in the whole-guide MP3."
    duration_s: float
    "Length of the chapter file."
    sentences: list[ManifestSentence] = field(default_factory=list)
    "Every clip, the announcement first."
    sources: list[str] = field(default_factory=list)
    "The article sections the chapter comes from."
    loudness: dict = field(default_factory=dict)
    "BS.1770 measurement of the chapter file: integrated_lufs, true_peak_dbtp."
    key: str = ""
    "Hash of everything the chapter's audio is made from; unchanged means reusable."
    mp3_frames: int = 0
    "MP3 frames in the chapter file; places the chapter in the joined whole-guide MP3."

    @property
    def end_s(self) -> float:
        """End of this chapter in the whole-guide MP3."""
        return self.start_s + self.duration_s


@dataclass
class Manifest:
    """A built guide."""

    title: str
    "Guide title."
    slug: str
    "Guide slug; also the name of the output folder."
    language: str
    "BCP 47 language tag."
    engine: str
    "Engine, version, voice and rate."
    voice: str
    "Engine voice."
    rate_wpm: int
    "Speaking rate."
    duration_s: float
    "Length of the whole-guide MP3."
    chapters: list[ManifestChapter] = field(default_factory=list)
    "Chapters in order."
    file: str = ""
    "The whole-guide MP3."
    playlist: str = ""
    "The M3U playlist."
    bitrate_kbps: int = 64
    "MP3 bitrate."
    sample_rate: int = 22050
    "Samples per second of every file."
    loudness: dict = field(default_factory=dict)
    "Target and measurement of the whole guide."
    built_at: str = ""
    "When the build finished, ISO 8601 in UTC."
    source: str = ""
    "The source article."
    key: str = ""
    "Hash of everything the build is made from; unchanged means up to date."
    format: int = FORMAT
    "Version of this layout."

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> Manifest:
        known = {f.name for f in fields(cls)}
        chapter_keys = {f.name for f in fields(ManifestChapter)}
        sentence_keys = {f.name for f in fields(ManifestSentence)}
        chapters = []
        for ch in data.get("chapters", []):
            sentences = [ManifestSentence(**{k: v for k, v in s.items() if k in sentence_keys})
                         for s in ch.get("sentences", [])]
            values = {k: v for k, v in ch.items() if k in chapter_keys and k != "sentences"}
            chapters.append(ManifestChapter(sentences=sentences, **values))
        values = {k: v for k, v in data.items() if k in known and k != "chapters"}
        return cls(chapters=chapters, **values)


def save(manifest: Manifest, folder: Path) -> Path:
    """Write ``manifest.json`` atomically."""
    path = Path(folder) / "manifest.json"
    atomic_write_text(path, json.dumps(manifest.to_dict(), indent=2, ensure_ascii=False) + "\n")
    return path


def load(folder: Path) -> Manifest:
    """Read the manifest of a built guide."""
    path = Path(folder) / "manifest.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise NotBuilt(f"{folder} has no built guide yet. Run: guide build") from None
    except (OSError, ValueError) as exc:
        raise NotBuilt(f"{path} cannot be read ({exc}). Run: guide build --force") from None
    return Manifest.from_dict(data)
