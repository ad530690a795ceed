"""``guide export``: a built guide in the forms clinics hand out.

Each format is one module with a ``write(manifest, built_dir, out_dir,
chapters)`` function; :data:`FORMATS` maps the ``--format`` names to them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from guide.errors import UnknownChapter
from guide.export import captions, daisy, epub, m4b, mp3, pack, web
from guide.manifest import Manifest

FORMATS = {
    "mp3": mp3.write,
    "vtt": captions.write_vtt,
    "srt": captions.write_srt,
    "html": web.write,
    "m4b": m4b.write,
    "epub": epub.write,
    "daisy": daisy.write,
    "zip": pack.write,
}
"Every format ``--format`` accepts, except ``all`` (every one, each in its own folder)."

WHAT = {
    "mp3": "the MP3 files",
    "vtt": "the WebVTT captions",
    "srt": "the SRT captions",
    "html": "the web player",
    "m4b": "the audiobook",
    "epub": "the read-along book",
    "daisy": "the DAISY talking book",
    "zip": "the clinic pack",
}
"What each format is, in words, for the progress lines."


def progress_line(fmt: str) -> str:
    """The line ``guide export`` says as it starts a format: ``Writing the clinic pack (zip).``"""
    return f"Writing {WHAT[fmt]} ({fmt})."


def done_line(fmt: str, out_dir: Path, written: list[Path]) -> str:
    """The last line of ``guide export``: what it wrote, by name when it is one file."""
    if fmt == "zip" or (fmt != "all" and len(written) == 1):
        return f"Wrote {WHAT[fmt]}: {written[0]}."
    line = f"Wrote {len(written)} file{'' if len(written) == 1 else 's'} to {out_dir}."
    packs = [path for path in written if path.suffix == ".zip"]
    return line + (f" The clinic pack is {packs[0]}." if packs else "")


def parse_chapters(text: str | None, total: int) -> list[int]:
    """``"2,4-5"`` → ``[2, 4, 5]``; ``None`` → every chapter."""
    if not text:
        return list(range(1, total + 1))
    wanted: list[int] = []
    for part in text.split(","):
        match = re.fullmatch(r"\s*(\d+)\s*(?:-\s*(\d+)\s*)?", part)
        if not match:
            raise UnknownChapter(f"{part.strip()!r} is not a chapter number or a range such as 4-5.")
        low, high = int(match[1]), int(match[2] or match[1])
        if low > high:
            raise UnknownChapter(f"{part.strip()!r} counts down. Write the smaller number first, "
                                 f"as in {high}-{low}.")
        for number in range(low, high + 1):
            if not 1 <= number <= total:
                raise UnknownChapter(f"There is no chapter {number}. This guide has chapters 1 to {total}.")
            if number not in wanted:
                wanted.append(number)
    return wanted


def export(manifest: Manifest, built_dir: Path, out_dir: Path, fmt: str,
           chapters: list[int], progress: Callable[[str], None] | None = None) -> list[Path]:
    """Write one format (or ``all``, each in its own folder) and return what was written.

    ``progress`` is called with :func:`progress_line` as each format starts."""
    tell = progress or (lambda line: None)
    if fmt == "all":
        written: list[Path] = []
        for name, writer in FORMATS.items():
            tell(progress_line(name))
            written += writer(manifest, built_dir, Path(out_dir) / name, chapters)
        return written
    tell(progress_line(fmt))
    return FORMATS[fmt](manifest, built_dir, Path(out_dir), chapters)
