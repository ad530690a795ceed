"""The clinic pack: one zip with everything a clinic hands out, and a README in plain words.

Inside one folder named after the guide: the chapter MP3s with their playlist
and transcripts, the web player (``index.html``, which plays those same MP3s),
captions beside each MP3, the DAISY 2.02 book's files in that same chapters folder (the
MP3s are not copied twice), the M4B audiobook, the printable large-print
transcript and ``README.txt``. The whole-guide MP3 (and its captions) is left
out: the chapters and the M4B already hold the whole guide, and without it the
shipped guide's pack stays under 20 MB, small enough to share. The parts are made in a temporary folder and
zipped to a temporary name, which is renamed at the end.
"""

from __future__ import annotations

import tempfile
import textwrap
import zipfile
from pathlib import Path
from string import Template

from guide.durations import spoken_duration
from guide.export import captions, daisy, m4b, mp3, printable, web
from guide.export.common import check_built, chosen, is_whole, made_by, spoken_date, target, template
from guide.files import atomic_output, atomic_write_text, make_dirs
from guide.manifest import Manifest

STORED = {".mp3", ".m4b", ".png"}
"Files that do not shrink in a zip, so they are stored as they are."


def pack_name(manifest: Manifest) -> str:
    """The zip's file name: ``<slug>-clinic-pack.zip``."""
    return f"{manifest.slug}-clinic-pack.zip"


def _file_list(manifest: Manifest) -> str:
    slug = manifest.slug
    rows = [("README.txt", "This file."),
            ("index.html", "The player. Open it in a web browser to listen and read along."),
            (printable.PAGE, "All the words in large print. Open it and print it."),
            ("chapters", "One MP3 sound file for each chapter. Beside each one: a .txt file with "
                         "its words, and .vtt and .srt caption files for video players. The folder "
                         "is also a DAISY talking book (ncc.html, content.html and the .smil files), "
                         "for DAISY players."),
            (f"{slug}.m3u", "A playlist: it plays the chapters in order."),
            (f"{slug}.m4b", "The whole guide in one audiobook file with chapters, for phone and "
                            "tablet book apps.")]
    return "\n\n".join(f"{name}\n" + textwrap.fill(text, 72, initial_indent="    ", subsequent_indent="    ")
                       for name, text in rows)


def voice_sentence(manifest: Manifest) -> str:
    """Which computer voice speaks, and its licence, as the manifest records them."""
    voice = manifest.voice_info or {"name": manifest.voice}
    licence = voice.get("licence") or "none is on record, so check it before you share the guide"
    return textwrap.fill(f"The voice is a computer voice, {voice.get('name', manifest.voice)}. "
                         f"Its licence: {licence}.", 72, break_on_hyphens=False)


def size_text(size: int) -> str:
    """A pack's size in words, rounded: "about 15 MB" (1 MB is 1,000,000 bytes, as e-mail limits count)."""
    if size < 1_000_000:
        return "less than 1 MB"
    return f"about {round(size / 1_000_000)} MB"


def clinic_lines(manifest: Manifest) -> str:
    """Whom to call: the clinic's name and phone from ``[clinic]``, or a line asking the clinic to
    add them."""
    clinic = manifest.clinic or {}
    name, phone = clinic.get("name", "").strip(), clinic.get("phone", "").strip()
    if not (name or phone):
        return ("[Clinic: write your name and phone number here. Or add them to this guide's\n"
                "guide.toml as a [clinic] table (name, phone) and export the pack again.]")
    who = name or "your clinic"
    return textwrap.fill(f"Questions? Call {who}" + (f" at {phone}." if phone else "."), 72,
                         break_on_hyphens=False)


def readme(manifest: Manifest, chapters: list[int], size: int = 0) -> str:
    """README.txt: how to play the guide on a computer, a phone and a USB stick, how to share it,
    whom to call, and what each file is. ``size`` is the bytes of the pack's other files."""
    picked = chosen(manifest, chapters)
    count = f"{len(picked)} chapter" + ("" if len(picked) == 1 else "s")
    lines = "\n".join(f"{ch.number}. {ch.title} ({spoken_duration(ch.duration_s)})" for ch in picked)
    text = Template(template("README.txt")).substitute(
        title=manifest.title, count=count, length=spoken_duration(sum(c.duration_s for c in picked)),
        source=manifest.source or "an article", date=spoken_date(manifest),
        made_by=made_by(manifest), slug=manifest.slug, chapter_list=lines,
        voice=voice_sentence(manifest),
        approval=textwrap.fill(web.approval_line(manifest.approval), 72),
        clinic=clinic_lines(manifest), size=size_text(size),
        file_list=_file_list(manifest))
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


def assemble(manifest: Manifest, built_dir: Path, folder: Path, chapters: list[int]) -> list[Path]:
    """Write every part of the pack into ``folder``."""
    written = mp3.write(manifest, built_dir, folder, chapters)
    written += captions.write_captions(manifest, folder, chapters)
    whole = {target(folder, Path(manifest.file).with_suffix(suffix)) for suffix in (".mp3", ".vtt", ".srt")}
    for path in whole:  # the chapters and the M4B cover the whole-guide MP3
        path.unlink(missing_ok=True)
    written = [path for path in written if path not in whole]
    book = target(folder, Path(manifest.chapters[0].file).parent)  # the chapters folder is the DAISY book
    written += daisy.write_book(manifest, built_dir, book, chapters, copy_audio=False)
    written.append(web.write_page(manifest, built_dir, folder, chapters))
    written += printable.write(manifest, built_dir, folder, chapters)
    written += m4b.write(manifest, built_dir, folder, chapters)
    size = sum(path.stat().st_size for path in written)
    atomic_write_text(target(folder, "README.txt"), readme(manifest, chapters, size))
    return [*written, folder / "README.txt"]


def write(manifest: Manifest, built_dir: Path, out_dir: Path, chapters: list[int]) -> list[Path]:
    """``--format zip``: ``<slug>-clinic-pack.zip``."""
    check_built(manifest, built_dir, chapters, is_whole(manifest, chapters))
    dest = target(make_dirs(Path(out_dir)), pack_name(manifest))
    with tempfile.TemporaryDirectory(prefix=".pack-", dir=dest.parent) as work:
        folder = Path(work) / manifest.slug
        files = assemble(manifest, built_dir, folder, chapters)
        with atomic_output(dest) as tmp, zipfile.ZipFile(tmp, "w") as zf:
            for path in sorted(files, key=lambda p: p.relative_to(folder).as_posix()):
                kind = zipfile.ZIP_STORED if path.suffix in STORED else zipfile.ZIP_DEFLATED
                zf.write(path, f"{manifest.slug}/{path.relative_to(folder).as_posix()}", compress_type=kind)
    return [dest]
