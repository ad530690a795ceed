"""What every export shares: the chosen chapters, paragraphs, names, dates and temp files.

Exports read only the built folder and its manifest. The manifest gives every
sentence and its timing; the chapter transcript beside each MP3 gives the
paragraphs and list items those sentences belong to. Every MP3 an export reads
is checked against the manifest's size and SHA-256 first (:func:`check_built`),
and every path an export writes must stay inside its ``--out`` folder
(:func:`target`).
"""

from __future__ import annotations

import contextlib
import os
import re
from dataclasses import dataclass, field
from datetime import datetime
from importlib import resources
from pathlib import Path, PurePath
from typing import Iterator

from guide.errors import FileError, UnsafeOutput
from guide.files import make_dirs
from guide.manifest import Manifest, ManifestChapter, verify_files

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


@dataclass
class Paragraph:
    """Sentences of a chapter that are shown together."""

    kind: str
    "``heading`` (the chapter announcement), ``paragraph`` or ``item`` (one list item)."
    sentences: list[int] = field(default_factory=list)
    "Indexes into the chapter's ``sentences``."


def chosen(manifest: Manifest, chapters: list[int]) -> list[ManifestChapter]:
    """The manifest's chapters whose numbers are in ``chapters``, in guide order."""
    return [ch for ch in manifest.chapters if ch.number in chapters]


def is_whole(manifest: Manifest, chapters: list[int]) -> bool:
    """Whether every chapter is chosen, so whole-guide files make sense."""
    return len(chosen(manifest, chapters)) == len(manifest.chapters)


def template(name: str) -> str:
    """The text of a file in ``guide/export/templates``."""
    return resources.files(__package__).joinpath("templates", name).read_text(encoding="utf-8")


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _transcript_blocks(text: str) -> list[tuple[str, str]]:
    """(kind, text) for each paragraph or list item of a transcript file."""
    blocks: list[tuple[str, str]] = []
    open_paragraph = False
    for line in text.splitlines():
        line = line.strip()
        if not line:
            open_paragraph = False
        elif line.startswith("- "):
            blocks.append(("item", line[2:]))
            open_paragraph = False
        elif open_paragraph:
            blocks[-1] = ("paragraph", f"{blocks[-1][1]} {line}")
        else:
            blocks.append(("paragraph", line))
            open_paragraph = True
    return blocks


def _by_kind(chapter: ManifestChapter) -> list[Paragraph]:
    """Paragraphs guessed from sentence kinds alone, when the transcript does not match."""
    out: list[Paragraph] = []
    for i, s in enumerate(chapter.sentences):
        kind = "heading" if s.kind == "announcement" else "item" if s.kind == "item" else "paragraph"
        if out and kind == "paragraph" and out[-1].kind == "paragraph":
            out[-1].sentences.append(i)
        else:
            out.append(Paragraph(kind, [i]))
    return out


def paragraphs(built_dir: Path, chapter: ManifestChapter) -> list[Paragraph]:
    """The chapter's sentences grouped as its transcript groups them."""
    try:
        text = (Path(built_dir) / chapter.transcript).read_text(encoding="utf-8")
    except OSError:
        return _by_kind(chapter)
    sentences = [_squash(s.text) for s in chapter.sentences]
    out: list[Paragraph] = []
    i = 0
    for kind, block in _transcript_blocks(text):
        target, taken, got = _squash(block), [], ""
        while i < len(sentences) and target.startswith(got + sentences[i]) and got != target:
            got += sentences[i]
            taken.append(i)
            i += 1
        if got != target:
            return _by_kind(chapter)
        out.append(Paragraph("heading" if not out else kind, taken))
    return out if i == len(sentences) and out else _by_kind(chapter)


def check_built(manifest: Manifest, built_dir: Path, chapters: list[int], whole: bool = False) -> None:
    """:class:`~guide.errors.DamagedOutput` if a chosen chapter's MP3 (and the whole guide's, with
    ``whole``) is missing, cut short or not what the manifest's SHA-256 says."""
    verify_files(manifest, Path(built_dir), chosen(manifest, chapters), whole)


def target(out_dir: Path, rel: str | PurePath) -> Path:
    """``out_dir / rel``, or :class:`UnsafeOutput` if that leads outside ``out_dir``
    (through ``..``, an absolute path, or a link)."""
    path = Path(out_dir) / rel
    try:
        within = path.resolve().is_relative_to(Path(out_dir).resolve())
    except (OSError, RuntimeError):  # a loop of links
        within = False
    if PurePath(rel).is_absolute() or ".." in PurePath(rel).parts or not within:
        raise UnsafeOutput(path, f"would be written outside {out_dir}, so nothing was written "
                                 "there; choose another folder with --out.")
    return path


def publisher(built_dir: Path, manifest: Manifest) -> str:
    """Who publishes the guide: the artist tag of the built MP3s."""
    from mutagen.id3 import ID3, ID3NoHeaderError

    for rel in [manifest.file, *(ch.file for ch in manifest.chapters)]:
        try:
            artist = ID3(Path(built_dir) / rel).get("TPE1")
        except (ID3NoHeaderError, OSError):
            continue
        if artist and str(artist).strip():
            return str(artist)
    return "guide"


def made_by(built_dir: Path, manifest: Manifest) -> str:
    """``" by Test clinic"``, or nothing when the guide names no publisher (the tag says "guide")."""
    name = publisher(built_dir, manifest)
    return "" if name == "guide" else f" by {name}"


def built_date(manifest: Manifest) -> datetime | None:
    """When the guide was built, or ``None`` if the manifest does not say."""
    try:
        return datetime.fromisoformat(manifest.built_at.replace("Z", "+00:00"))
    except ValueError:
        return None


def spoken_date(manifest: Manifest) -> str:
    """The build date as it is said: ``"5 June 2025"``."""
    when = built_date(manifest)
    return f"{when.day} {MONTHS[when.month - 1]} {when.year}" if when else "an unknown date"


@contextlib.contextmanager
def atomic_output(dest: Path) -> Iterator[Path]:
    """A temporary path beside ``dest`` for a program to write; renamed to ``dest`` at the end."""
    dest = Path(dest)
    make_dirs(dest.parent)
    tmp = dest.with_name(f".{dest.stem}.part{dest.suffix}")
    try:
        yield tmp
        os.replace(tmp, dest)
    except OSError as exc:
        raise FileError(dest, f"could not be written ({exc.strerror or exc}).") from None
    finally:
        tmp.unlink(missing_ok=True)
