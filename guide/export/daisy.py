"""The DAISY 2.02 talking book: full text and full audio, navigable by chapter and by sentence.

Every file is in one folder, as players expect: ``ncc.html`` (the navigation
and the metadata), ``content.html`` (the transcript), one SMIL file per
chapter (``01.smil``...), ``master.smil``, and the chapter MP3s, copied byte
for byte (never encoded again) under their own names. The folder holds the
book's files and nothing else, so ``ncc:files`` counts them all: the book is
made in a new folder beside the chosen one and swapped in whole, and a folder
that holds anything but a DAISY book is never replaced. A book of some
chapters only is a book of its own (its own identifier), its times starting
from its first chapter. Everything comes from the manifest; the MP3s are read
only for their length, which no clip may pass.
"""

from __future__ import annotations

import os
import uuid
from datetime import UTC, datetime
from pathlib import Path

from guide import __version__
from guide.errors import FileError, UnsafeOutput
from guide.export.common import built_date, check_built, chosen, creator, is_whole, target
from guide.export.daisy_ncc import BookInfo, content, names, narrator, ncc
from guide.export.daisy_smil import CONTENT, Part, chapter_smil, clips, master_smil
from guide.files import atomic_copy, atomic_write_text, make_dirs, publish, staging
from guide.manifest import Manifest
from guide.manifest import identifier as folder_identifier

BOOK_SUFFIXES = {".html", ".smil", ".mp3"}
"What a folder may hold to be taken for a DAISY book that an export may replace."


def mp3_length_ms(path: Path) -> int | None:
    """The MP3's length in whole milliseconds as its frames give it, or ``None`` if unreadable."""
    from mutagen import MutagenError
    from mutagen.mp3 import MP3

    try:
        info = MP3(path).info
    except (MutagenError, OSError):
        return None
    return int(info.length * 1000) if info is not None else None


def plan(manifest: Manifest, built_dir: Path, chapters: list[int]) -> list[Part]:
    """The chosen chapters as parts of the book, each with its clips and the time before it."""
    parts: list[Part] = []
    elapsed = 0
    for ch in chosen(manifest, chapters):
        mp3 = Path(built_dir) / ch.file
        name = Path(ch.file).name
        part = Part(ch, f"{ch.number:02d}.smil", name, clips(ch, mp3_length_ms(mp3), mp3), elapsed)
        elapsed += part.duration_ms
        parts.append(part)
    return parts


def book_identifier(manifest: Manifest, built_dir: Path, chapters: list[int]) -> str:
    """``dc:identifier``: the manifest's (stable per guide and edition) for the whole guide; for
    some chapters only, one derived from it and the chapter numbers."""
    base = manifest.identifier or folder_identifier(Path(built_dir).name)
    if is_whole(manifest, chapters):
        return base
    numbers = ",".join(str(ch.number) for ch in chosen(manifest, chapters))
    return "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"{base}#chapters={numbers}"))


def book_info(manifest: Manifest, built_dir: Path, chapters: list[int]) -> BookInfo:
    """What the NCC says about the book, all of it from the manifest."""
    when = (built_date(manifest) or datetime.now(UTC)).astimezone(UTC)
    return BookInfo(title=manifest.title, identifier=book_identifier(manifest, built_dir, chapters),
                    publisher=creator(manifest), date=f"{when:%Y-%m-%d}",
                    language=manifest.language or "en", narrator=narrator(manifest),
                    generator=f"guide {__version__}", source_title=manifest.source_title,
                    source_date=manifest.source_date)


def write_book(manifest: Manifest, built_dir: Path, folder: Path, chapters: list[int],
               copy_audio: bool = True) -> list[Path]:
    """Write the book's files into ``folder`` (made if need be), ``ncc.html`` last; return what was written.

    With ``copy_audio`` false the chapter MP3s must already be in ``folder`` under their own
    names (as in the clinic pack's chapters folder): only the other files are written and returned.
    """
    folder = make_dirs(Path(folder))
    parts = plan(manifest, built_dir, chapters)
    info = book_info(manifest, built_dir, chapters)
    written: list[Path] = []
    for part in parts:
        dest = target(folder, part.audio)
        if copy_audio:
            written.append(atomic_copy(Path(built_dir) / part.chapter.file, dest))
        elif not dest.is_file():
            raise FileError(dest, "is missing, so the DAISY book beside it was not written.")
    texts = [(CONTENT, content(info, parts)),
             *((p.smil, chapter_smil(p, info.identifier, info.generator)) for p in parts),
             ("master.smil", master_smil(info.title, parts, info.identifier, info.generator)),
             ("ncc.html", ncc(info, parts, len(names(parts))))]
    for name, text in texts:
        dest = target(folder, name)
        atomic_write_text(dest, text)
        written.append(dest)
    return written


def is_book_folder(folder: Path) -> bool:
    """Whether ``folder`` may be replaced by a new book: empty, or a DAISY book (an ``ncc.html``
    beside nothing but HTML, SMIL and MP3 files)."""
    try:
        entries = list(Path(folder).iterdir())
    except OSError:
        return False
    if not entries:
        return True
    return (Path(folder, "ncc.html").is_file()
            and all(p.is_file() and not p.is_symlink() and p.suffix in BOOK_SUFFIXES for p in entries))


def write(manifest: Manifest, built_dir: Path, out_dir: Path, chapters: list[int]) -> list[Path]:
    """``--format daisy``: a DAISY 2.02 book of the chosen chapters, alone in ``out_dir``.

    An ``out_dir`` that holds anything other than a DAISY book is left as it is
    (:class:`~guide.errors.UnsafeOutput`)."""
    check_built(manifest, built_dir, chapters)
    final = Path(os.path.abspath(out_dir))  # "." has no name to stage beside
    make_dirs(final.parent)
    if os.path.lexists(final) and not is_book_folder(final):
        raise UnsafeOutput(final, "holds files that are not a DAISY book's, so it was not replaced: "
                                  "a DAISY book needs a folder of its own.", hint="move-out")
    with staging(final) as work:
        files = write_book(manifest, built_dir, work, chapters)
        publish(work, final, is_book_folder)
    return [Path(out_dir) / path.name for path in files]
