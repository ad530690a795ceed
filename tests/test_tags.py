"""ID3 chapters are written in chapter order: ffprobe and ffmpeg take the frames' order."""

from __future__ import annotations

import subprocess

from guide.audio.tags import TagInfo, tag_guide

from .helpers import ffprobe_json

INFO = TagInfo(album="Guide", artist="Clinic", language="eng", comment="c", year="2026")


def _silent_mp3(path, seconds: float) -> None:
    subprocess.run(["ffmpeg", "-v", "error", "-f", "lavfi", "-i", "anullsrc=r=22050:cl=mono",
                    "-t", str(seconds), "-c:a", "libmp3lame", "-b:a", "32k", str(path)], check=True)


def test_chapters_are_listed_in_order_whatever_their_title_lengths(tmp_path):
    mp3 = tmp_path / "guide.mp3"
    _silent_mp3(mp3, 12)
    # Titles that shrink and grow, so that mutagen's sort by frame size would reorder them.
    titles = ["A rather long first chapter title", "Two", "Third one", "4", "The fifth and last"]
    marks = [(t, 2.0 * i, 2.0 * (i + 1)) for i, t in enumerate(titles)]
    tag_guide(mp3, INFO, marks)
    probed = ffprobe_json(mp3, "-show_chapters")["chapters"]
    assert [c["tags"]["title"] for c in probed] == titles
    assert [float(c["start_time"]) for c in probed] == [2.0 * i for i in range(5)]
    m4b = tmp_path / "guide.m4b"
    subprocess.run(["ffmpeg", "-v", "error", "-i", str(mp3), "-c:a", "aac", "-b:a", "32k",
                    str(m4b)], check=True)
    assert [c["tags"]["title"] for c in ffprobe_json(m4b, "-show_chapters")["chapters"]] == titles
