"""ID3 tags, ID3 chapters (CHAP and CTOC frames) and the M3U playlist.

Tags are written with mutagen as ID3v2.3, which more car stereos, phones and
talking-book players read than v2.4; CHAP and CTOC are defined for both.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mutagen.id3 import CHAP, COMM, CTOC, ID3, TALB, TCON, TDRC, TIT2, TLAN, TPE1, TPUB, TRCK, CTOCFlags

from guide.files import atomic_write_text

GENRE = "Speech"


@dataclass(frozen=True)
class TagInfo:
    """What every MP3 of a guide is tagged with."""

    album: str
    "The guide's title."
    artist: str
    "Who publishes the guide."
    language: str
    "ISO 639-2 code for TLAN, e.g. ``eng``."
    comment: str
    "Source and build date."
    year: str
    "Year of the build."


_ISO639_2 = {"en": "eng", "es": "spa", "fr": "fra", "de": "deu", "pt": "por", "it": "ita",
             "nl": "nld", "pl": "pol", "zh": "zho", "ar": "ara", "vi": "vie", "ru": "rus"}


def iso639_2(language: str) -> str:
    """The three-letter code ID3 uses for a BCP 47 tag such as ``en-US``."""
    return _ISO639_2.get(language.split("-")[0].lower(), "und")


def _base(info: TagInfo, title: str, tags: ID3 | None = None) -> ID3:
    tags = ID3() if tags is None else tags
    tags.add(TIT2(encoding=3, text=title))
    tags.add(TALB(encoding=3, text=info.album))
    tags.add(TPE1(encoding=3, text=info.artist))
    tags.add(TPUB(encoding=3, text=info.artist))
    tags.add(TLAN(encoding=3, text=info.language))
    tags.add(TCON(encoding=3, text=GENRE))
    tags.add(TDRC(encoding=3, text=info.year))
    tags.add(COMM(encoding=3, lang=info.language, desc="", text=info.comment))
    return tags


def tag_chapter(path: Path, info: TagInfo, title: str, number: int, total: int) -> None:
    """Tag one chapter MP3: title, album, artist, track n/N, language, comment."""
    tags = _base(info, title)
    tags.add(TRCK(encoding=3, text=f"{number}/{total}"))
    tags.save(path, v2_version=3)


class _ChaptersInOrder(ID3):
    """ID3 tags whose CHAP frames are written in chapter order.

    mutagen writes frames sorted by size, which put the chapters out of order
    in the file. ID3 orders chapters by the CTOC, but ffprobe lists them, and
    ``ffmpeg -i guide.mp3 guide.m4b`` copies them, in the order of the frames.
    """

    def _write(self, config):
        from mutagen.id3._tags import save_frame  # mutagen's own frame writer

        chapters = self.getall("CHAP")
        self.delall("CHAP")
        try:
            data = super()._write(config)
        finally:
            for frame in chapters:
                self.add(frame)
        chapters.sort(key=lambda frame: (frame.start_time, frame.element_id))
        return data + b"".join(save_frame(frame, config=config) for frame in chapters)


def tag_guide(path: Path, info: TagInfo, chapters: list[tuple[str, float, float]]) -> None:
    """Tag the whole-guide MP3, with one CHAP frame per (title, start_s, end_s) and a CTOC."""
    tags = _base(info, info.album, _ChaptersInOrder())
    ids = [f"ch{i:03d}" for i in range(1, len(chapters) + 1)]
    tags.add(CTOC(element_id="toc", flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED,
                  child_element_ids=ids, sub_frames=[TIT2(encoding=3, text=info.album)]))
    for element_id, (title, start, end) in zip(ids, chapters, strict=True):
        tags.add(CHAP(element_id=element_id, start_time=round(start * 1000),
                      end_time=round(end * 1000), start_offset=0xFFFFFFFF,
                      end_offset=0xFFFFFFFF, sub_frames=[TIT2(encoding=3, text=title)]))
    tags.save(path, v2_version=3)


def write_playlist(path: Path, title: str, entries: list[tuple[str, float, str]]) -> None:
    """An extended M3U of (relative file, seconds, title), UTF-8."""
    lines = ["#EXTM3U", f"#PLAYLIST:{title}"]
    for file, seconds, entry_title in entries:
        lines.append(f"#EXTINF:{round(seconds)},{entry_title}")
        lines.append(file)
    atomic_write_text(path, "\n".join(lines) + "\n")
