"""Captions: read back with webvtt-py and srt, compared with the manifest and with the real audio."""

from __future__ import annotations

import array
import math
import subprocess

import srt
import webvtt
from hypothesis import given
from hypothesis import strategies as st

from guide.export.captions import LINE_WIDTH, MAX_LINES, sentence_cues, split_text

TOLERANCE_S = 0.1
RATE = 22050
HOP = 441
"Samples in one analysis frame: exactly 20 ms at 22050 Hz."
FPS = RATE / HOP

# ----------------------------------------------------------------- splitting

words = st.text(alphabet=st.characters(min_codepoint=33, max_codepoint=126), min_size=1, max_size=60)


@given(st.lists(words, min_size=1, max_size=60), st.floats(0, 500), st.floats(0.1, 60))
def test_cues_keep_every_word_within_the_line_limits(sentence, start, length):
    text = " ".join(sentence)
    cues = sentence_cues(text, start, start + length)
    assert all(1 <= len(c.lines) <= MAX_LINES for c in cues)
    assert all(0 < len(line) <= LINE_WIDTH for c in cues for line in c.lines)
    assert "".join("".join(c.lines) for c in cues).replace(" ", "") == text.replace(" ", "")
    assert abs(cues[0].start_s - start) < 1e-9 and abs(cues[-1].end_s - (start + length)) < 1e-6
    for before, after in zip(cues, cues[1:]):
        assert abs(before.end_s - after.start_s) < 1e-9 and before.start_s < before.end_s


def test_a_short_sentence_is_one_cue_on_one_line():
    assert split_text("Drink water.") == [["Drink water."]]


def test_a_long_sentence_uses_as_few_cues_as_fit_and_balances_them():
    text = ("The third is by Genevieve W. Ressel. Its title is \"ACOG Releases Bulletin on Managing "
            "Cervical Insufficiency.\" It was in American Family Physician, on January fifteenth, 2004.")
    cues = split_text(text)
    assert len(cues) == 3  # 170 characters: more than two cues of 84 can hold
    lengths = [len(" ".join(lines)) for lines in cues]
    assert max(lengths) - min(lengths) < 15


def test_longer_cues_get_more_of_the_time():
    cues = sentence_cues("Yes. " + "word " * 30, 10.0, 20.0)
    assert len(cues) == 2
    spans = [c.end_s - c.start_s for c in cues]
    chars = [len(" ".join(c.lines)) for c in cues]
    assert (spans[0] > spans[1]) == (chars[0] > chars[1])


# ---------------------------------------------------------- against the build


def _expected(manifest, chapter=None):
    """(start, end, text) of every sentence, in file time."""
    chapters = [chapter] if chapter else manifest.chapters
    return [(s.start_s + (0 if chapter else ch.start_s), s.end_s + (0 if chapter else ch.start_s), s.text)
            for ch in chapters for s in ch.sentences]


def _merge(cues):
    """Cues (start, end, text) joined back into sentences: the cues of one sentence touch, while
    a pause always lies between two sentences."""
    merged = []
    for start, end, text in cues:
        if merged and abs(merged[-1][1] - start) < 0.002:
            merged[-1] = (merged[-1][0], end, f"{merged[-1][2]} {text}")
        else:
            merged.append((start, end, text))
    return merged


def _vtt_cues(path):
    return [(c.start_time.in_milliseconds() / 1000, c.end_time.in_milliseconds() / 1000, "\n".join(c.lines))
            for c in webvtt.read(str(path))]


def _srt_cues(path):
    return [(c.start.total_seconds(), c.end.total_seconds(), c.content)
            for c in srt.parse(path.read_text(encoding="utf-8"))]


def _assert_match(cues, expected):
    assert all(len(line) <= LINE_WIDTH for _, _, text in cues for line in text.split("\n"))
    merged = _merge([(start, end, text.replace("\n", " ")) for start, end, text in cues])
    assert [t for _, _, t in merged] == [t for _, _, t in expected]
    for (start, end, _), (want_start, want_end, text) in zip(merged, expected):
        assert abs(start - want_start) <= TOLERANCE_S, text
        assert abs(end - want_end) <= TOLERANCE_S, text


def test_vtt_read_back_by_webvtt_py_matches_the_manifest(exported):
    m = exported.manifest
    for ch in m.chapters:
        path = exported.out / "vtt" / ch.file.replace(".mp3", ".vtt")
        for caption in webvtt.read(str(path)):
            assert 1 <= len(caption.lines) <= MAX_LINES
        _assert_match(_vtt_cues(path), _expected(m, ch))
    _assert_match(_vtt_cues(exported.out / "vtt" / "tiny.vtt"), _expected(m))


def test_srt_read_back_by_srt_matches_the_manifest(exported):
    m = exported.manifest
    for ch in m.chapters:
        path = exported.out / "srt" / ch.file.replace(".mp3", ".srt")
        for sub in srt.parse(path.read_text(encoding="utf-8")):
            assert 1 <= len(sub.content.split("\n")) <= MAX_LINES
        _assert_match(_srt_cues(path), _expected(m, ch))
    _assert_match(_srt_cues(exported.out / "srt" / "tiny.srt"), _expected(m))


def _frames_db(path):
    """Loudness of every 20 ms of the decoded audio, in dBFS."""
    raw = subprocess.run(["ffmpeg", "-v", "error", "-i", str(path), "-f", "s16le", "-ac", "1",
                          "-ar", str(RATE), "-"], capture_output=True, check=True).stdout
    samples = array.array("h", raw)
    out = []
    for i in range(0, len(samples) - HOP, HOP):
        energy = sum(x * x for x in samples[i:i + HOP]) / HOP
        out.append(10 * math.log10(max(energy, 1e-3) / 32768 ** 2))
    return out


def _rms_db(frames, start, end):
    part = frames[round(start * FPS):round(end * FPS)]
    energy = sum(10 ** (db / 10) for db in part) / max(1, len(part))
    return 10 * math.log10(max(energy, 1e-12))


def test_speech_is_inside_the_cues_and_silence_between_them(exported):
    """Decoded audio: loud inside every cue, silent between cues, speech starting at the cue."""
    m = exported.manifest
    frames = _frames_db(exported.built / m.file)
    cues = _merge(_vtt_cues(exported.out / "vtt" / "tiny.vtt"))
    for (start, end, text), (next_start, _, _) in zip(cues, cues[1:] + [(m.duration_s, 0, "")]):
        assert _rms_db(frames, start, end) > -35, text
        if next_start - end > 0.3:
            assert _rms_db(frames, end + 0.05, next_start - 0.05) < -60, f"sound after: {text}"
        onset = next(i / FPS for i in range(round((start - 0.3) * FPS), len(frames)) if frames[i] > -50)
        assert abs(onset - start) <= TOLERANCE_S, text
        spoken = [i for i in range(round(start * FPS), round(end * FPS)) if frames[i] > -50]
        assert spoken and (spoken[-1] + 1) / FPS <= end + 0.04, f"speech runs past the cue: {text}"
