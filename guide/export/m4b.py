"""The M4B audiobook: one AAC file with named chapters, cover art and tags.

The chosen chapter MP3s are decoded and joined sample for sample by ffmpeg's
``concat`` filter, then encoded with ffmpeg's own ``aac`` encoder (mono,
32 kbps: a speech bitrate, so that the clinic pack stays small enough to
send). Chapters and tags come from an FFMETADATA file; ffmpeg writes the
chapters both as a QuickTime chapter track (Apple Books) and as a Nero
``chpl`` list (most other players), and the cover as the ``covr`` tag.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from guide.audio.ffmpeg import require_ffmpeg, run_ffmpeg
from guide.audio.tags import iso639_2
from guide.export.common import check_built, chosen, creator, say, spoken_date, target
from guide.export.cover import make_cover
from guide.files import atomic_output, make_dirs
from guide.manifest import Manifest, ManifestChapter

BITRATE_KBPS = 32
"AAC bitrate: a speech bitrate, plenty for one voice, half the size of the 64 kbps MP3s."


def _escape(value: str) -> str:
    """A value as FFMETADATA needs it: ``=``, ``;``, ``#``, ``\\`` and newlines escaped."""
    for char in ("\\", "=", ";", "#", "\n"):
        value = value.replace(char, "\\" + char)
    return value


def ffmetadata(manifest: Manifest, artist: str, chapters: list[ManifestChapter]) -> str:
    """The FFMETADATA1 text: the book's tags, then one ``[CHAPTER]`` per chapter, in ms."""
    tags = {"title": manifest.title, "album": manifest.title, "artist": artist,
            "album_artist": artist, "composer": artist, "genre": say(manifest, "audiobook_genre"),
            "date": manifest.built_at[:4],
            "comment": say(manifest, "audiobook_comment", date=spoken_date(manifest),
                           source=manifest.source or say(manifest, "an_article")),
            "media_type": "2"}
    lines = [";FFMETADATA1", *(f"{k}={_escape(v)}" for k, v in tags.items() if v)]
    start = 0.0
    for ch in chapters:
        end = start + ch.duration_s
        lines += ["", "[CHAPTER]", "TIMEBASE=1/1000", f"START={round(start * 1000)}",
                  f"END={round(end * 1000)}", f"title={_escape(ch.title)}"]
        start = end
    return "\n".join(lines) + "\n"


def encode(manifest: Manifest, built_dir: Path, dest: Path, chapters: list[ManifestChapter],
           cover: Path) -> None:
    """Join the chapter MP3s into ``dest`` (an M4B) with chapters, tags and ``cover``."""
    with tempfile.TemporaryDirectory(prefix="guide-m4b-") as work:
        meta = Path(work) / "chapters.txt"
        meta.write_text(ffmetadata(manifest, creator(manifest), chapters), encoding="utf-8")
        inputs = [arg for ch in chapters for arg in ("-i", str(Path(built_dir) / ch.file))]
        n = len(chapters)
        graph = "".join(f"[{i}:a]" for i in range(n)) + f"concat=n={n}:v=0:a=1[a]"
        run_ffmpeg([*inputs, "-i", str(cover), "-i", str(meta), "-filter_complex", graph,
                    "-map", "[a]", "-map", f"{n}:v", "-map_metadata", str(n + 1),
                    "-map_chapters", str(n + 1), "-c:a", "aac", "-b:a", f"{BITRATE_KBPS}k", "-ac", "1",
                    "-metadata:s:a:0", f"language={iso639_2(manifest.language)}",
                    "-c:v", "png", "-disposition:v:0", "attached_pic",
                    "-movflags", "+faststart", "-f", "ipod", str(dest)])


def write(manifest: Manifest, built_dir: Path, out_dir: Path, chapters: list[int]) -> list[Path]:
    """``--format m4b``: ``<slug>.m4b`` with the chosen chapters."""
    check_built(manifest, built_dir, chapters)
    require_ffmpeg()
    picked = chosen(manifest, chapters)
    dest = target(make_dirs(Path(out_dir)), f"{manifest.slug}.m4b")
    with tempfile.TemporaryDirectory(prefix="guide-cover-") as work:
        cover = make_cover(manifest.title, say(manifest, "spoken_guide"), Path(work) / "cover.png")
        with atomic_output(dest) as tmp:
            encode(manifest, built_dir, tmp, picked, cover)
    return [dest]
