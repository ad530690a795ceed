"""The engine layer, with the real pyttsx3 + espeak-ng; ``espeak-ng`` itself is the oracle."""

from __future__ import annotations

import json
import multiprocessing
import os
import subprocess
import sys
import wave
from pathlib import Path

import pytest

from guide.engines.base import Clip, Pyttsx3Engine, check_clip, plausible_range, read_wav

from .helpers import FakeEngine
from guide.errors import SynthesisError


def espeak_cli(text: str, tmp: Path, voice: str = "en-us", rate: int = 150) -> Clip:
    src, out = tmp / "oracle.txt", tmp / "oracle.wav"
    src.write_text(text, encoding="utf-8")
    subprocess.run(["espeak-ng", "-v", voice, "-s", str(rate), "-w", str(out), "-f", str(src)],
                   check=True)
    return read_wav(out)


def test_first_clip_of_a_worker_is_what_espeak_ng_says(tmp_path):
    text = "Your cervix is the lower part of your womb. It opens into the vagina."
    clip = next(Pyttsx3Engine().synthesize([text], "en-us", 150))
    assert clip.pcm == espeak_cli(text, tmp_path).pcm


def test_rate_and_voice_reach_the_engine(tmp_path):
    text = "Talk with your care team about how you feel."
    engine = Pyttsx3Engine()
    slow = next(engine.synthesize([text], "en-us", 120))
    fast = next(engine.synthesize([text], "en-us", 200))
    assert slow.duration_s > fast.duration_s * 1.3
    assert slow.pcm == espeak_cli(text, tmp_path, rate=120).pcm


def _burn(seconds: float) -> None:
    import time

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


@pytest.mark.slow
def test_200_utterances_under_load_none_lost_truncated_or_misplaced(tmp_path):
    """Both cores busy; every clip has its own sentence's length, as espeak-ng gives it."""
    texts = [f"Sentence number {n} is here, with {'some extra words ' * (n % 7)}to vary its length."
             for n in range(200)]
    oracle = {}
    for n in range(0, 200, 1):
        oracle[n] = espeak_cli(texts[n], tmp_path).duration_s
    burners = [multiprocessing.Process(target=_burn, args=(120,)) for _ in range(2)]
    for p in burners:
        p.start()
    try:
        engine = Pyttsx3Engine()
        clips = []
        for start in range(0, 200, 50):  # four workers in turn, as four chapters would be
            clips += list(engine.synthesize(texts[start:start + 50], "en-us", 150))
    finally:
        for p in burners:
            p.terminate()
    assert len(clips) == 200
    for n, clip in enumerate(clips):
        # espeak-ng keeps a little state between utterances in one process, so
        # only the first clip of a worker is byte-identical; lengths agree closely.
        assert clip.duration_s == pytest.approx(oracle[n], rel=0.02, abs=0.05), n


def test_plausibility_rejects_empty_short_and_long_clips():
    text = "This sentence has exactly eight words in it."
    low, high = plausible_range(text, 150)
    assert check_clip(Clip(b""), text, 150) == "the clip is empty"
    assert "expected" in check_clip(Clip(b"\0\0" * int(22050 * low * 0.5)), text, 150)
    assert "expected" in check_clip(Clip(b"\0\0" * int(22050 * (high + 1))), text, 150)
    assert check_clip(Clip(b"\0\0" * int(22050 * 3.2)), text, 150) is None


def test_a_worker_that_never_answers_is_killed_retried_and_reported(monkeypatch, tmp_path):
    import guide.engines.base as engine_mod

    hang = tmp_path / "hang.py"
    hang.write_text("import time\ntime.sleep(60)\n")
    real_init = engine_mod._Worker.__init__
    starts = []

    def hanging_worker(self):
        starts.append(1)
        self.proc = subprocess.Popen([engine_mod.sys.executable, str(hang)], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True, bufsize=1)

    monkeypatch.setattr(engine_mod._Worker, "__init__", hanging_worker)
    engine = Pyttsx3Engine(timeout_s=1.0, retries=1)
    with pytest.raises(SynthesisError, match="no answer within 1 s"):
        list(engine.synthesize(["Hello."], "en-us", 150))
    assert len(starts) == 2
    monkeypatch.setattr(engine_mod._Worker, "__init__", real_init)


def test_a_truncated_file_is_not_accepted(tmp_path):
    clip = FakeEngine.tone("Some words to say here.", 150)
    path = tmp_path / "c.wav"
    clip.write_wav(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises((ValueError, EOFError, wave.Error)):
        read_wav(path)


def test_voices_lists_american_english():
    ids = [v.id for v in Pyttsx3Engine().voices()]
    assert any(i.endswith("en-us") for i in ids)


def test_missing_espeak_names_the_packages(monkeypatch):
    import guide.engines.base as engine_mod
    from guide.errors import MissingTool

    monkeypatch.setattr(engine_mod.shutil, "which", lambda name: None)
    with pytest.raises(MissingTool, match="sudo apt-get install espeak-ng libespeak-ng1"):
        Pyttsx3Engine()


def test_a_retry_gives_the_same_clip_as_no_failure(monkeypatch):
    """After a failure mid-chapter, the fresh worker repeats what came before, so the bytes agree."""
    import guide.engines.base as engine_mod

    texts = ["The first sentence is here.", "A second one follows it.", "And a third one ends it."]
    clean = list(Pyttsx3Engine().synthesize(texts, "en-us", 150))
    real_ask = engine_mod._Worker.ask
    calls = []

    def flaky(self, request, timeout):
        calls.append(request["text"])
        if len(calls) == 3:  # the third sentence, first try
            return {"ok": False, "error": "made to fail"}
        return real_ask(self, request, timeout)

    monkeypatch.setattr(engine_mod._Worker, "ask", flaky)
    again = list(Pyttsx3Engine().synthesize(texts, "en-us", 150))
    assert calls == texts + texts  # failed once, then the two before it replayed, then it again
    assert [c.pcm for c in again] == [c.pcm for c in clean]
    assert clean[2].pcm != next(Pyttsx3Engine().synthesize(texts[2:], "en-us", 150)).pcm


_BUSY_ESPEAK = """
import json, sys
import pyttsx3.drivers._espeak as espeak
espeak.IsPlaying = lambda: 1  # espeak-ng's thread says it is busy, as it often does between sentences
from guide.engines.pyttsx3_worker import Speaker
speaker = Speaker()
frames = []
for i, text in enumerate(json.loads(sys.argv[1])):
    try:
        frames.append(speaker.speak(text, "en-us", 150, f"{sys.argv[2]}/{i}.wav"))
    except RuntimeError as exc:
        frames.append(str(exc))
print(json.dumps(frames))
"""


def test_no_sentence_is_cancelled_when_espeak_ng_says_it_is_busy(tmp_path):
    """The cause of the empty clips: pyttsx3's stop() cancelled speech whenever espeak-ng was busy.

    With ``IsPlaying`` forced true, pyttsx3 2.99 cancels the second sentence right after queuing
    it; the worker must speak every sentence in full and never call ``espeak_Cancel``.
    """
    texts = ["Chapter 4 of 11: Who is at risk.", "Some women have a higher chance.",
             "Talk to your doctor.", "It is not your fault."]
    trace = tmp_path / "trace.jsonl"
    out = subprocess.run([sys.executable, "-c", _BUSY_ESPEAK, json.dumps(texts), str(tmp_path)],
                         capture_output=True, text=True, timeout=200,
                         env={**os.environ, "GUIDE_TTS_TRACE": str(trace)})
    frames = json.loads(out.stdout.splitlines()[-1])
    for text, got in zip(texts, frames):
        assert isinstance(got, int), (text, got)  # not "the engine did not finish the sentence"
        # espeak-ng keeps state between utterances, so only the first is byte-identical
        assert got == pytest.approx(espeak_cli(text, tmp_path).frames, rel=0.02)
    calls = [t.get("call") for line in trace.read_text().splitlines()
             for t in json.loads(line)["trace"]]
    assert "Cancel" not in calls and calls.count("Synth") == len(texts)


def test_every_utterance_has_its_sound_before_its_end_event(tmp_path):
    """The callback log of a real worker: samples for each sentence arrive before its end."""
    trace = tmp_path / "trace.jsonl"
    texts = [f"This is sentence {n}, said in one worker." for n in range(12)]
    env_before = os.environ.get("GUIDE_TTS_TRACE")
    os.environ["GUIDE_TTS_TRACE"] = str(trace)
    try:
        clips = list(Pyttsx3Engine(retries=0).synthesize(texts, "en-us", 150))
    finally:
        if env_before is None:
            del os.environ["GUIDE_TTS_TRACE"]
        else:
            os.environ["GUIDE_TTS_TRACE"] = env_before
    lines = [json.loads(line) for line in trace.read_text().splitlines()]
    assert [line["text"] for line in lines] == texts
    for line, clip in zip(lines, clips):
        callbacks = [t for t in line["trace"] if "samples" in t]
        end = [t for t in callbacks if 6 in t["events"]]  # espeakEVENT_MSG_TERMINATED
        assert len(end) == 1 and callbacks[-1] is end[0]
        assert sum(t["samples"] for t in callbacks) == clip.frames > 0
        assert {t["uid"] for t in callbacks} == {end[0]["uid"]}


_SIZES = """
import json, sys
import pyttsx3.drivers._espeak as espeak
sizes = []
real = espeak.cSynth
def recording(text, size, *rest):
    sizes.append([len(text), size])
    return real(text, size, *rest)
espeak.cSynth = recording
from guide.engines.pyttsx3_worker import Speaker
Speaker().speak(sys.argv[1], "en-us", 150, sys.argv[2])
print(json.dumps(sizes))
"""


def test_espeak_ng_is_told_the_true_size_of_the_text(tmp_path):
    """pyttsx3 says ten times the size, so espeak-ng read past a long text and crashed."""
    text = "Ask your care team. " * 50
    out = subprocess.run([sys.executable, "-c", _SIZES, text, str(tmp_path / "a.wav")],
                         capture_output=True, text=True, timeout=120, check=True)
    assert json.loads(out.stdout.splitlines()[-1]) == [[len(text.encode()), len(text.encode()) + 1]]
