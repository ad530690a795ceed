"""MP3 export: the chapter files with transcripts, a playlist, and the whole guide."""

from __future__ import annotations

from pathlib import Path

from guide.audio.tags import write_playlist
from guide.export.common import check_built, target
from guide.files import atomic_copy, make_dirs
from guide.manifest import Manifest


def write(manifest: Manifest, built_dir: Path, out_dir: Path, chapters: list[int]) -> list[Path]:
    """Copy the chosen chapters (and the whole guide when all are chosen) to ``out_dir``,
    each MP3 checked against the manifest first."""
    chosen = [ch for ch in manifest.chapters if ch.number in chapters]
    whole = len(chosen) == len(manifest.chapters)
    check_built(manifest, built_dir, chapters, whole)
    make_dirs(target(out_dir, "chapters"))
    written: list[Path] = []
    for ch in chosen:
        for rel in (ch.file, ch.transcript):
            written.append(atomic_copy(built_dir / rel, target(out_dir, rel)))
    if whole:
        written.append(atomic_copy(built_dir / manifest.file, target(out_dir, manifest.file)))
    playlist = target(out_dir, manifest.playlist)
    write_playlist(playlist, manifest.title, [(ch.file, ch.duration_s, ch.title) for ch in chosen])
    written.append(playlist)
    return written
