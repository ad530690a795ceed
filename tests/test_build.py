"""The build, end to end: with the real espeak-ng and ffmpeg, and with the fake engine."""

from __future__ import annotations

import json
import wave
from pathlib import Path

import pytest
from mutagen.id3 import ID3

from guide import manifest as manifest_io
from guide.audio.ffmpeg import LoudnessTarget
from guide.build.run import BuildOptions, build
from guide.errors import SynthesisError
from guide.scripts.store import load_guide

from .helpers import ffprobe_json, loudnorm_measure

# ------------------------------------------------------------ real pipeline


def test_real_build_writes_every_output(real_built):
    report, _ = real_built
    out = report.out_dir
    m = report.manifest
    assert (out / "manifest.json").is_file()
    assert (out / "tiny.mp3").is_file() and (out / "tiny.m3u").is_file()
    assert [ch.file for ch in m.chapters] == [
        "chapters/01-welcome.mp3", "chapters/02-a-list.mp3", "chapters/03-the-end.mp3"]
    for ch in m.chapters:
        assert (out / ch.file).is_file()
        assert (out / ch.transcript).read_text(encoding="utf-8").startswith(
            f"Chapter {ch.number} of 3: {ch.title}.")
    assert not [p for p in out.parent.iterdir() if ".staging-" in p.name]


def test_chapter_durations_match_ffprobe(real_built):
    report, _ = real_built
    for ch in report.manifest.chapters:
        probed = float(ffprobe_json(report.out_dir / ch.file, "-show_format")["format"]["duration"])
        assert abs(probed - ch.duration_s) < 0.1, ch.file
    whole = float(ffprobe_json(report.out_dir / "tiny.mp3", "-show_format")["format"]["duration"])
    assert abs(whole - report.manifest.duration_s) < 0.1
    # Each join adds only the encoder's delay and padding: under 0.1 s a chapter.
    extra = whole - sum(ch.duration_s for ch in report.manifest.chapters)
    assert 0 <= extra < 0.1 * len(report.manifest.chapters)


def test_whole_guide_chapters_read_back_by_ffprobe(real_built):
    report, _ = real_built
    chapters = ffprobe_json(report.out_dir / "tiny.mp3", "-show_chapters")["chapters"]  # in file order
    assert [c["tags"]["title"] for c in chapters] == ["Welcome", "A short list", "The end"]
    for probed, ch in zip(chapters, report.manifest.chapters):
        assert abs(float(probed["start_time"]) - ch.start_s) < 0.002
    for probed, following in zip(chapters, chapters[1:]):
        assert probed["end_time"] == following["start_time"]


def test_tags_read_back_by_mutagen(real_built):
    report, _ = real_built
    for ch in report.manifest.chapters:
        tags = ID3(report.out_dir / ch.file)
        assert tags.version[:2] == (2, 3)
        assert str(tags["TIT2"]) == ch.title
        assert str(tags["TALB"]) == "Tiny test guide"
        assert str(tags["TPE1"]) == "Test clinic"
        assert str(tags["TRCK"]) == f"{ch.number}/3"
        assert str(tags["TLAN"]) == "eng"
        assert "Built " in str(tags.getall("COMM")[0])
    whole = ID3(report.out_dir / "tiny.mp3")
    toc = whole.getall("CTOC")[0]
    assert len(toc.child_element_ids) == 3
    titles = [str(whole[f"CHAP:{cid}"].sub_frames["TIT2"]) for cid in toc.child_element_ids]
    assert titles == ["Welcome", "A short list", "The end"]


def test_playlist_lists_chapters_with_titles(real_built):
    report, _ = real_built
    lines = (report.out_dir / "tiny.m3u").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "#EXTM3U"
    files = [line for line in lines if not line.startswith("#")]
    assert files == [ch.file for ch in report.manifest.chapters]
    extinf = [line for line in lines if line.startswith("#EXTINF:")]
    assert extinf[1] == f"#EXTINF:{round(report.manifest.chapters[1].duration_s)},A short list"
    for f in files:
        assert (report.out_dir / f).is_file()


def test_loudness_within_target(real_built):
    report, _ = real_built
    target = LoudnessTarget()
    levels = []
    for ch in report.manifest.chapters:
        measured = loudnorm_measure(report.out_dir / ch.file)
        levels.append(float(measured["input_i"]))
        assert abs(float(measured["input_i"]) - target.integrated_lufs) <= 1.0, ch.file
        assert float(measured["input_tp"]) <= target.true_peak_dbtp, ch.file
    assert max(levels) - min(levels) <= 1.0


def test_sentence_timings_are_ordered_and_inside_the_chapter(real_built):
    report, _ = real_built
    for ch in report.manifest.chapters:
        assert ch.sentences[0].kind == "announcement"
        assert ch.sentences[0].text == f"Chapter {ch.number} of 3: {ch.title}."
        previous_end = 0.0
        for s in ch.sentences:
            assert previous_end <= s.start_s < s.end_s <= ch.duration_s
            previous_end = s.end_s
    list_chapter = report.manifest.chapters[1]
    assert [s.kind for s in list_chapter.sentences] == ["announcement", "sentence", "item", "item"]


def _decode(path: Path) -> bytes:
    import subprocess

    return subprocess.run(["ffmpeg", "-v", "error", "-i", str(path), "-f", "s16le", "-ac", "1",
                           "-ar", "22050", "-"], capture_output=True, check=True).stdout


def _assert_speech_where_said(pcm: bytes, sentences, offset: float) -> None:
    """Loud inside each sentence, silent in the pauses, with ``offset`` added to every time."""
    import audioop

    def rms(start: float, end: float) -> int:
        return audioop.rms(pcm[int((start + offset) * 22050) * 2:int((end + offset) * 22050) * 2], 2)

    for s, following in zip(sentences, sentences[1:]):
        assert rms(s.start_s, s.end_s) > 500, s.text
        assert rms(s.end_s + 0.05, following.start_s - 0.05) < 60, s.text
        # the sentence's own edges: its sound starts and stops within 100 ms of its times
        assert rms(s.start_s - 0.1, s.start_s) < rms(s.start_s, s.start_s + 0.3)
        assert rms(s.end_s - 0.15, s.end_s - 0.05) > 100, s.text


def test_speech_really_is_where_the_manifest_says(real_built):
    """Decode each chapter file with ffmpeg and check the sentence timings against the sound."""
    report, _ = real_built
    for ch in report.manifest.chapters:
        _assert_speech_where_said(_decode(report.out_dir / ch.file), ch.sentences, 0.0)


def test_whole_guide_sentences_are_at_chapter_start_plus_sentence_time(real_built):
    report, _ = real_built
    whole = _decode(report.out_dir / report.manifest.file)
    for ch in report.manifest.chapters:
        _assert_speech_where_said(whole, ch.sentences, ch.start_s)


def test_rebuild_with_nothing_changed_is_up_to_date(real_built):
    from guide.engines.base import Pyttsx3Engine

    report, folder = real_built
    options = BuildOptions(out_root=report.out_dir.parent, cache_dir=report.out_dir.parent.parent / "cache")
    again = build(load_guide(folder), Pyttsx3Engine(), options)
    assert again.up_to_date and again.clips_made == 0
    assert again.manifest.to_dict() == report.manifest.to_dict()


# ------------------------------------------------------------ fake engine


def _opts(tmp_path: Path, **kw) -> BuildOptions:
    return BuildOptions(out_root=tmp_path / "audio_out", cache_dir=tmp_path / "cache", **kw)


def test_edit_one_chapter_resynthesises_only_its_changed_sentences(tiny_folder, fake_engine, tmp_path):
    first = build(load_guide(tiny_folder), fake_engine, _opts(tmp_path))
    assert first.clips_made == first.clips_total
    script = tiny_folder / "03-the-end.txt"
    script.write_text(script.read_text().replace("Thank you for listening.", "Goodbye for now."))
    fake_engine.spoken.clear()
    second = build(load_guide(tiny_folder), fake_engine, _opts(tmp_path))
    assert fake_engine.spoken == ["Goodbye for now."]
    assert not second.up_to_date
    old = {ch.number: ch for ch in first.manifest.chapters}
    new = {ch.number: ch for ch in second.manifest.chapters}
    assert new[1].key == old[1].key and new[3].key != old[3].key


def test_failed_synthesis_names_chapter_and_sentence_and_keeps_old_outputs(tiny_folder, tmp_path):
    from .helpers import FakeEngine

    first = build(load_guide(tiny_folder), FakeEngine(), _opts(tmp_path))
    before = (first.out_dir / "manifest.json").read_bytes()
    script = tiny_folder / "02-a-list.txt"
    script.write_text(script.read_text().replace("Drink water.", "Drink more water."))
    with pytest.raises(SynthesisError, match=r"Chapter 2, sentence 2.*Drink more water"):
        build(load_guide(tiny_folder), FakeEngine(fail_on={"Drink more water."}), _opts(tmp_path))
    assert (first.out_dir / "manifest.json").read_bytes() == before
    assert all((first.out_dir / ch.file).is_file() for ch in first.manifest.chapters)


def test_manifest_round_trips_and_has_the_documented_keys(tiny_guide, fake_engine, tmp_path):
    report = build(tiny_guide, fake_engine, _opts(tmp_path))
    data = json.loads((report.out_dir / "manifest.json").read_text())
    for key in ("title", "slug", "language", "engine", "voice", "rate_wpm", "duration_s", "chapters"):
        assert key in data
    for key in ("number", "title", "file", "transcript", "start_s", "duration_s", "sentences"):
        assert key in data["chapters"][0]
    assert set(data["chapters"][0]["sentences"][0]) >= {"text", "spoken", "start_s", "end_s"}
    assert manifest_io.load(report.out_dir).to_dict() == data


def test_chapters_follow_each_other_in_the_whole_guide(tiny_guide, fake_engine, tmp_path):
    m = build(tiny_guide, fake_engine, _opts(tmp_path)).manifest
    assert 0 < m.chapters[0].start_s < 0.1
    for a, b in zip(m.chapters, m.chapters[1:]):
        assert 0 <= b.start_s - a.end_s < 0.1
    assert 0 <= m.duration_s - m.chapters[-1].end_s < 0.1


def test_slow_edition_goes_to_its_own_folder(tiny_guide, fake_engine, tmp_path):
    report = build(tiny_guide, fake_engine, _opts(tmp_path, rate=120, edition="slow"))
    assert report.out_dir.name == "tiny--slow"
    assert report.manifest.rate_wpm == 120
    assert (report.out_dir / "tiny--slow.mp3").is_file()


def test_output_is_identical_with_one_job_and_two(tmp_path):
    """Cold builds with the real engine, each by the command in a fresh process, as a user runs it:
    every MP3, transcript and playlist byte for byte.

    A sentence said in two chapters must not make the result depend on which finished first.
    """
    import os
    import subprocess
    import sys

    from .helpers import TINY, write_guide_folder

    files = dict(TINY)
    files["03-the-end.txt"] += "\nYou can stop at any time. You can stop at any time.\n"
    folder = write_guide_folder(tmp_path / "scripts" / "tiny", files)
    outs = []
    for jobs in (1, 2):
        root = tmp_path / f"jobs{jobs}"
        env = {**os.environ, "GUIDE_CACHE_DIR": str(root / "cache")}
        subprocess.run([sys.executable, "-m", "guide", "build", str(folder), "--out",
                        str(root / "audio_out"), "--jobs", str(jobs)],
                       env=env, check=True, capture_output=True)
        outs.append(root / "audio_out" / "tiny")
    one, two = outs
    manifests = [manifest_io.load(out).to_dict() for out in outs]
    for m in manifests:
        m.pop("built_at")
    assert manifests[0] == manifests[1]  # the same speech, clip for clip
    files = sorted(p.relative_to(one) for p in one.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(two) for p in two.rglob("*") if p.is_file())
    for rel in files:
        if rel.name != "manifest.json":
            assert (one / rel).read_bytes() == (two / rel).read_bytes(), rel


def test_a_damaged_cache_entry_is_synthesised_again(tiny_folder, tmp_path):
    from .helpers import FakeEngine

    engine = FakeEngine()
    build(load_guide(tiny_folder), engine, _opts(tmp_path))
    clips = sorted((tmp_path / "cache" / "clips").rglob("*.clip"))
    for clip in clips:
        clip.write_bytes(clip.read_bytes()[:-10])  # every entry truncated
    engine.spoken.clear()
    build(load_guide(tiny_folder), engine, _opts(tmp_path, force=True))
    assert len(engine.spoken) == len(clips)
    script = tiny_folder / "01-welcome.txt"
    script.write_text(script.read_text().replace("You can stop at any time.", "Stop when you like."))
    victim = next(p for p in (tmp_path / "cache" / "clips").rglob("*.clip"))
    data = bytearray(victim.read_bytes())
    data[100] ^= 0x55
    victim.write_bytes(bytes(data))
    engine.spoken.clear()
    report = build(load_guide(tiny_folder), engine, _opts(tmp_path))
    assert "Stop when you like." in engine.spoken
    assert report.clips_made == len(engine.spoken)
