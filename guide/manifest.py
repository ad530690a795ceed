"""``manifest.json``: what a build made, with every sentence's timing.

The player, the exports and the checks read a built guide only through
:func:`load`, which checks every key's type, the layout's ``format`` and that
every path stays inside the guide's output folder; anything else is a
:class:`~guide.errors.DamagedOutput`. Paths are relative to the guide's output
folder. A chapter's ``start_s`` is its start in the whole-guide MP3; a
sentence's times are seconds from the start of its chapter file. ``bytes``
and ``sha256`` describe each MP3 as the build wrote it: :func:`check_files`
compares sizes (cheap), :func:`verify_files` the hashes.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from guide.audio.ffmpeg import Loudness
from guide.errors import DamagedOutput, NotBuilt
from guide.files import atomic_write_text
from guide.model import SentenceKind
from guide.typed import from_json, to_json

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
    kind: SentenceKind = SentenceKind.SENTENCE
    "``announcement``, ``sentence`` or ``item``."
    paragraph: int = -1
    """0-based index of the paragraph or list item of its chapter the sentence comes from; sentences
    with the same index make one paragraph. -1 for the chapter announcement."""

    def __post_init__(self) -> None:
        self.kind = SentenceKind(self.kind)  # a plain "sentence" is taken; anything else is refused


@dataclass
class GuideLoudness:
    """The loudness target of a build and what its chapters measured."""

    target_lufs: float
    "Integrated loudness every chapter is normalised to."
    max_true_peak_dbtp: float
    "Highest true peak allowed."
    chapters_lufs_min: float
    "Integrated loudness of the quietest chapter file."
    chapters_lufs_max: float
    "Integrated loudness of the loudest chapter file."
    sample_peak_dbfs: float | None = None
    "Highest sample peak of any chapter file; ``None`` when no chapter's was measured."


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
    loudness: Loudness | None = None
    """BS.1770 measurement of the chapter file (``integrated_lufs``, ``sample_peak_dbfs``);
    ``None`` in a manifest from before it was recorded."""
    key: str = ""
    "Hash of everything the chapter's audio is made from; unchanged means reusable."
    mp3_frames: int = 0
    "MP3 frames in the chapter file; places the chapter in the joined whole-guide MP3."
    bytes: int = 0
    "Size of the chapter MP3; 0 in a manifest from before it was recorded."
    sha256: str = ""
    "SHA-256 of the chapter MP3, hex; empty in a manifest from before it was recorded."

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
    loudness: GuideLoudness | None = None
    "Target and measurement of the whole guide; ``None`` in a manifest from before it was recorded."
    built_at: str = ""
    "When the build finished, ISO 8601 in UTC."
    source: str = ""
    "The source article."
    key: str = ""
    "Hash of everything the build is made from; unchanged means up to date."
    format: int = FORMAT
    "Version of this layout."
    bytes: int = 0
    "Size of the whole-guide MP3; 0 in a manifest from before it was recorded."
    sha256: str = ""
    "SHA-256 of the whole-guide MP3, hex; empty in a manifest from before it was recorded."
    engine_name: str = ""
    "The engine alone: ``pyttsx3-espeak`` or ``piper``; ``engine`` gives its version and settings."
    voice_info: dict = field(default_factory=dict)
    """The voice: ``name``, ``language``, ``quality``, ``licence`` (the dataset's licence and what it
    was fine-tuned from, as its model card says; empty when nothing says) and ``origin``."""
    approval: dict = field(default_factory=dict)
    """The guide's approval when it was built (:class:`guide.approval.ApprovalStatus`): ``status``
    (draft, approved, changed or overdue), ``by``, ``role``, ``date``, ``due``, ``changed_files``;
    empty in a manifest from before it was recorded, which counts as a draft."""

    clinic: dict = field(default_factory=dict)
    """The clinic that hands the guide out, from ``guide.toml``'s ``[clinic]``: ``name`` and
    ``phone`` when given; empty when it has none (the clinic pack then asks the clinic to add them)."""
    subtitle: str = ""
    "The guide's subtitle; empty when it has none."
    publisher: str = ""
    "Who publishes the guide, from ``guide.toml``; empty when it does not say."
    source_title: str = ""
    "The source article's own title, from ``guide.toml``; empty when it does not say."
    source_date: str = ""
    "When the source article was last reviewed, ``YYYY-MM-DD``; empty when unknown."
    identifier: str = ""
    "A URN that stays the same for every build of this guide and edition (:func:`identifier`)."
    edition: str = ""
    "The edition label of the output folder; empty for the guide's own edition."

    def to_dict(self) -> dict:
        """The manifest as JSON values; a value that is ``None`` is left out."""
        return to_json(self)

    @classmethod
    def from_dict(cls, data: object) -> Manifest:
        """The manifest in ``data``; :class:`ValueError` if a key is missing or of the wrong type.

        Keys the layout does not know are ignored.
        """
        manifest = from_json(cls, data)
        _check_sound(manifest)
        return manifest


def identifier(folder_name: str) -> str:
    """The stable identifier of the guide built into the output folder ``folder_name``."""
    import uuid

    return "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, "guide:" + folder_name))


SLUG = re.compile(r"[a-z0-9]+(?:--?[a-z0-9]+)*")
"An output folder's name: a slug, or a slug, ``--`` and an edition label."


def _check_sound(m: Manifest) -> None:
    """What types alone do not say: numbering, non-empty lists, plain relative paths."""
    if not SLUG.fullmatch(m.slug):
        raise ValueError("slug is not a plain name")
    if not m.chapters or [ch.number for ch in m.chapters] != list(range(1, len(m.chapters) + 1)):
        raise ValueError("chapters are not numbered 1 to N")
    numbers = [m.duration_s, m.bytes, *(v for ch in m.chapters
                                         for v in (ch.start_s, ch.duration_s, ch.bytes, ch.mp3_frames))]
    if min(numbers) < 0 or any(not ch.sentences for ch in m.chapters):
        raise ValueError("a length is negative or a chapter has no sentences")
    for rel in paths(m):
        plain_path(rel)


def paths(m: Manifest) -> list[str]:
    """Every path the manifest names, relative to its folder."""
    return [m.file, m.playlist, *(p for ch in m.chapters for p in (ch.file, ch.transcript))]


def plain_path(rel: str) -> PurePosixPath:
    """``rel`` if it is a relative path that stays where it is put; :class:`ValueError` if not."""
    path = PurePosixPath(rel)
    if (not rel or path.is_absolute() or ".." in path.parts or "\\" in rel or "\0" in rel
            or path.parts in ((), (".",))):
        raise ValueError(f"{rel!r} is not a plain relative path")
    return path


def inside(folder: Path, rel: str) -> Path:
    """``folder / rel``, or :class:`DamagedOutput` if it (or a link on the way) leads outside ``folder``."""
    try:
        plain_path(rel)
    except ValueError as exc:
        raise DamagedOutput(Path(folder) / "manifest.json") from exc
    path = Path(folder) / rel
    try:
        resolved = path.resolve()
    except (OSError, RuntimeError) as exc:  # a loop of links
        raise DamagedOutput(path) from exc
    if not resolved.is_relative_to(Path(folder).resolve()):
        raise DamagedOutput(path, f"leads outside {folder}")
    return path


def save(manifest: Manifest, folder: Path) -> Path:
    """Write ``manifest.json`` atomically."""
    path = Path(folder) / "manifest.json"
    atomic_write_text(path, json.dumps(manifest.to_dict(), indent=2, ensure_ascii=False) + "\n")
    return path


def read(folder: Path) -> Manifest:
    """The manifest of a built guide, its shape checked but not its files.

    :class:`NotBuilt` if there is none; :class:`DamagedOutput` if it is not
    JSON, has the wrong shape, or comes from another ``format``.
    """
    path = Path(folder) / "manifest.json"
    try:
        text = path.read_bytes().decode("utf-8")
    except FileNotFoundError as exc:
        raise NotBuilt(f"{folder} has no built guide yet.", hint="build") from exc
    except OSError as exc:
        raise NotBuilt(f"{path} cannot be read ({exc.strerror or exc}).", hint="rebuild") from exc
    except UnicodeDecodeError as exc:
        raise DamagedOutput(path) from exc
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise DamagedOutput(path) from exc
    version = data.get("format") if isinstance(data, dict) else None
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT:
        raise DamagedOutput(path, "was made by a newer version of guide")
    if version != FORMAT:
        raise DamagedOutput(path)
    try:
        return Manifest.from_dict(data)
    except (ValueError, TypeError, RecursionError) as exc:
        raise DamagedOutput(path) from exc


def load(folder: Path) -> Manifest:
    """The manifest of a built guide (see :func:`read`), every path checked to stay inside ``folder``.

    A path with ``..``, an absolute path, or a link that leads out of the
    folder is a :class:`DamagedOutput`.
    """
    manifest = read(folder)
    for rel in paths(manifest):
        inside(folder, rel)
    return manifest


def file_sha256(path: Path) -> str:
    """SHA-256 of a file, hex."""
    with open(path, "rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def _mp3s(m: Manifest, chapters: list[ManifestChapter] | None, whole: bool) -> list[tuple[str, int, str]]:
    picked = m.chapters if chapters is None else chapters
    out = [(ch.file, ch.bytes, ch.sha256) for ch in picked]
    return out + [(m.file, m.bytes, m.sha256)] if whole else out


def check_files(m: Manifest, folder: Path, chapters: list[ManifestChapter] | None = None,
                whole: bool = True) -> None:
    """:class:`DamagedOutput` if an MP3 (or a transcript, or the playlist) is missing, or an MP3's
    size is not what the manifest says. Cheap: no file is read."""
    texts = [ch.transcript for ch in (m.chapters if chapters is None else chapters)]
    for rel in [*texts, *([m.playlist] if whole else [])]:
        if not inside(folder, rel).is_file():
            raise DamagedOutput(Path(folder) / rel, "is missing")
    for rel, size, _ in _mp3s(m, chapters, whole):
        path = inside(folder, rel)
        try:
            actual = os.stat(path).st_size if path.is_file() else None
        except OSError:
            actual = None
        if actual is None:
            raise DamagedOutput(path, "is missing")
        if size and actual != size:
            raise DamagedOutput(path, "is cut short" if actual < size else "is damaged")


def verify_files(m: Manifest, folder: Path, chapters: list[ManifestChapter] | None = None,
                 whole: bool = True) -> None:
    """:func:`check_files`, then each MP3's SHA-256 against the manifest's (where it has one)."""
    check_files(m, folder, chapters, whole)
    for rel, _, digest in _mp3s(m, chapters, whole):
        if digest and file_sha256_or_none(inside(folder, rel)) != digest:
            raise DamagedOutput(Path(folder) / rel)


def file_sha256_or_none(path: Path) -> str | None:
    """:func:`file_sha256`, or ``None`` if the file cannot be read."""
    try:
        return file_sha256(path)
    except OSError:
        return None


def has_checksums(m: Manifest) -> bool:
    """Whether the manifest records every MP3's size and hash (older ones did not)."""
    return all(size and digest for _, size, digest in _mp3s(m, None, True))
