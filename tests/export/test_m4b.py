"""The M4B audiobook, read back with ffprobe and mutagen."""

from __future__ import annotations

import subprocess

from mutagen.mp4 import MP4, MP4Cover

from guide.export.m4b import ffmetadata

from ..helpers import ffprobe_json

TOLERANCE_S = 0.1


def test_ffprobe_shows_every_chapter_at_its_time(exported):
    """The chapters are joined without gaps: each starts where the ones before it end."""
    path = exported.out / "m4b" / "tiny.m4b"
    chapters = ffprobe_json(path, "-show_chapters")["chapters"]
    m = exported.manifest
    assert [c["tags"]["title"] for c in chapters] == [ch.title for ch in m.chapters]
    start = 0.0
    for probed, ch in zip(chapters, m.chapters):
        assert abs(float(probed["start_time"]) - start) <= TOLERANCE_S, ch.title
        assert abs(float(probed["end_time"]) - float(probed["start_time"]) - ch.duration_s) <= TOLERANCE_S
        start += ch.duration_s


def test_each_chapter_mark_is_where_its_announcement_is_heard(exported):
    """Decoded AAC: silence just before each chapter mark, speech at its announcement."""
    path = exported.out / "m4b" / "tiny.m4b"
    for probed, ch in zip(ffprobe_json(path, "-show_chapters")["chapters"], exported.manifest.chapters):
        at = float(probed["start_time"])
        announcement = ch.sentences[0]
        assert _level(path, at + announcement.start_s + 0.1, announcement.end_s - announcement.start_s - 0.2) > -35
        assert _level(path, at + 0.02, announcement.start_s - 0.04) < -55


def _level(path, start, length):
    """Mean loudness in dBFS of a stretch of the file, measured by ffmpeg's astats."""
    out = subprocess.run(["ffmpeg", "-v", "info", "-ss", f"{start:.3f}", "-t", f"{length:.3f}", "-i", str(path),
                          "-af", "astats=measure_perchannel=none:measure_overall=RMS_level", "-f", "null", "-"],
                         capture_output=True, text=True, check=True).stderr
    value = [line.split(":")[-1].strip() for line in out.splitlines() if "RMS level dB" in line][-1]
    return float(value) if value != "-inf" else -200.0


def test_audio_is_mono_aac_at_a_speech_bitrate_and_as_long_as_the_chapters(exported):
    info = ffprobe_json(exported.out / "m4b" / "tiny.m4b", "-show_streams", "-show_format")
    audio = [s for s in info["streams"] if s["codec_type"] == "audio"]
    assert len(audio) == 1
    assert audio[0]["codec_name"] == "aac" and audio[0]["channels"] == 1
    assert 12_000 <= int(audio[0]["bit_rate"]) <= 48_000  # 32 kbps asked; AAC at 22 kHz goes a little over
    total = sum(ch.duration_s for ch in exported.manifest.chapters)
    assert abs(float(audio[0]["duration"]) - total) <= TOLERANCE_S
    assert info["format"]["format_name"].startswith("mov,mp4")


def test_mutagen_reads_tags_cover_and_chapters(exported):
    book = MP4(exported.out / "m4b" / "tiny.m4b")
    assert book.tags["\xa9nam"] == ["Tiny test guide"]
    assert book.tags["\xa9alb"] == ["Tiny test guide"]
    assert book.tags["\xa9ART"] == ["Test clinic"]
    assert book.tags["stik"] == [2]  # audiobook
    cover = book.tags["covr"][0]
    assert cover.imageformat == MP4Cover.FORMAT_PNG and bytes(cover).startswith(b"\x89PNG")
    assert [c.title for c in book.chapters] == [ch.title for ch in exported.manifest.chapters]


def test_cover_is_a_large_square_png_with_light_text_on_black(exported, tmp_path):
    png = tmp_path / "cover.png"
    png.write_bytes(bytes(MP4(exported.out / "m4b" / "tiny.m4b").tags["covr"][0]))
    stream = ffprobe_json(png, "-show_streams")["streams"][0]
    assert stream["width"] == stream["height"] >= 1400
    gray = subprocess.run(["ffmpeg", "-v", "error", "-i", str(png), "-vf", "scale=100:100", "-f", "rawvideo",
                           "-pix_fmt", "gray", "-"], capture_output=True, check=True).stdout
    assert sum(1 for v in gray if v < 20) > 7000  # mostly black
    assert max(gray) > 200  # with bright text


def test_ffmetadata_escapes_special_characters(exported):
    m = exported.manifest
    m_copy = type(m).from_dict({**m.to_dict(), "title": "A=B; #1 \\ test"})
    text = ffmetadata(m_copy, "Clinic", m_copy.chapters)
    assert "title=A\\=B\\; \\#1 \\\\ test" in text.splitlines()
    assert text.count("[CHAPTER]") == len(m.chapters)
