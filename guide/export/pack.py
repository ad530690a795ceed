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

from guide.durations import spoken_duration
from guide.export import captions, daisy, m4b, mp3, printable, web
from guide.export.common import (
    chapter_count,
    check_built,
    chosen,
    is_whole,
    language,
    say,
    spoken_date,
    target,
)
from guide.files import atomic_output, atomic_write_text, make_dirs
from guide.i18n import DEFAULT, message
from guide.manifest import Manifest

STORED = {".mp3", ".m4b", ".png"}
"Files that do not shrink in a zip, so they are stored as they are."
WIDTH = 72
"The widest line of README.txt."


def pack_name(manifest: Manifest) -> str:
    """The zip's file name: ``<slug>-clinic-pack.zip``."""
    return f"{manifest.slug}-clinic-pack.zip"


def _fill(text: str) -> str:
    return textwrap.fill(text, WIDTH, break_on_hyphens=False)


def _file_list(manifest: Manifest) -> str:
    slug = manifest.slug
    rows = [("README.txt", "file_readme"), ("index.html", "file_index"), (printable.PAGE, "file_print"),
            ("chapters", "file_chapters"), (f"{slug}.m3u", "file_playlist"),
            (f"{slug}.m4b", "file_audiobook")]
    return "\n\n".join(f"{name}\n" + textwrap.fill(say(manifest, key), WIDTH, initial_indent="    ",
                                                     subsequent_indent="    ")
                       for name, key in rows)


def voice_sentence(manifest: Manifest) -> str:
    """Which computer voice speaks, and its licence, as the manifest records them."""
    voice = manifest.voice_info or {"name": manifest.voice}
    licence = voice.get("licence") or say(manifest, "no_licence")
    return _fill(say(manifest, "voice", voice=voice.get("name", manifest.voice), licence=licence))


def size_text(size: int, manifest: Manifest | None = None) -> str:
    """A pack's size in words, rounded: "about 15 MB" (1 MB is 1,000,000 bytes, as e-mail limits count),
    in the language of ``manifest`` (English without one)."""
    lang = language(manifest) if manifest is not None else DEFAULT
    if size < 1_000_000:
        return message(lang, "export.size_small")
    return message(lang, "export.size", megabytes=round(size / 1_000_000))


def clinic_lines(manifest: Manifest) -> str:
    """Whom to call: the clinic's name and phone from ``[clinic]``, or a line asking the clinic to
    add them."""
    clinic = manifest.clinic or {}
    name, phone = clinic.get("name", "").strip(), clinic.get("phone", "").strip()
    if not (name or phone):
        return say(manifest, "clinic_missing")
    who = name or say(manifest, "your_clinic")
    if phone:
        return _fill(say(manifest, "clinic_call_phone", who=who, phone=phone))
    return _fill(say(manifest, "clinic_call", who=who))


def _made(manifest: Manifest) -> str:
    if manifest.publisher:
        return say(manifest, "readme_made_by", date=spoken_date(manifest), publisher=manifest.publisher)
    return say(manifest, "readme_made", date=spoken_date(manifest))


def readme(manifest: Manifest, chapters: list[int], size: int = 0) -> str:
    """README.txt: how to play the guide on a computer, a phone and a USB stick, how to share it,
    whom to call, and what each file is, in the guide's language. ``size`` is the bytes of the
    pack's other files."""
    picked = chosen(manifest, chapters)
    lang = language(manifest)
    lines = "\n".join(f"{ch.number}. {ch.title} ({spoken_duration(ch.duration_s, lang)})" for ch in picked)
    text = say(manifest, "readme",
               title=manifest.title, count=chapter_count(manifest, len(picked)),
               length=spoken_duration(sum(c.duration_s for c in picked), lang),
               source=manifest.source or say(manifest, "an_article"), made=_made(manifest),
               slug=manifest.slug, chapter_list=lines, voice=voice_sentence(manifest),
               approval=textwrap.fill(web.approval_line(manifest.approval, lang), WIDTH),
               clinic=clinic_lines(manifest), size=size_text(size, manifest),
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
