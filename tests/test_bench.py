"""`make bench` must not rot: its smoke run (a short guide, one repetition) prints the table."""

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_bench_smoke_prints_every_ratio():
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--smoke"],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    rows = [line for line in done.stdout.splitlines() if line.startswith("| ") and "---" not in line]
    names = [row.split("|")[1].strip() for row in rows[1:7]]
    assert names == ["cold build / baseline", "nothing changed / cold", "one chapter edited / cold",
                     "2x guide / 1x guide (cold)", "peak memory, 1x guide", "peak memory, 2x guide"]
    for row in rows[1:5]:
        assert re.fullmatch(r"\d+\.\d\d", row.split("|")[2].strip())
    startup = rows[8:]
    assert [row.split("|")[1].strip() for row in startup] == [
        '`python -c "import click"`', "`guide --version`", "`guide list`", "`guide build (nothing to do)`"]
    for row in startup[1:]:
        assert re.fullmatch(r"\d+\.\d\d", row.split("|")[3].strip())
        assert row.split("|")[5].strip() in ("PASS", "MISS")


def _intelligibility():
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import intelligibility
    finally:
        sys.path.remove(str(ROOT / "bench"))
    return intelligibility


def test_word_error_rate_counts_substitutions_deletions_and_insertions():
    w = _intelligibility()
    assert w.wer("call your doctor", "call your doctor") == 0
    assert w.wer("call your doctor", "call the doctor") == 1 / 3
    assert w.wer("call your doctor now", "call doctor") == 2 / 4
    assert w.wer("rest", "rest rest rest") == 2
    assert w.wer("at 24 weeks", "at twenty four weeks") == 0
    assert w.number_words(2400) == "two thousand four hundred"
    assert w.number_words(105) == "one hundred five"


def test_the_recogniser_hears_the_natural_voice_say_a_plain_sentence(tmp_path):
    from guide.engines.piper_engine import PiperEngine

    w = _intelligibility()
    wav = tmp_path / "s.wav"
    text = "The doctor will call you today about your test."
    next(PiperEngine().synthesize([text], "en_US-joe-medium", 150)).write_wav(wav)
    assert w.wer(text, w.recognise(wav)) <= 0.5


def test_natural_bench_smoke_prints_every_row():
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "natural.py"), "--smoke"],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    rows = [line for line in done.stdout.splitlines() if line.startswith("| ") and "---" not in line]
    names = [row.split("|")[1].strip() for row in rows[1:7]]
    assert names == ["natural cold build / bare piper", "natural cold build, seconds",
                     "peak memory, natural build",
                     "word error rate, natural (Piper, Joe), chapters 1, 2",
                     "word error rate, espeak-ng, chapters 1, 2", "natural WER / espeak-ng WER"]
    assert re.fullmatch(r"\d+\.\d\d", rows[1].split("|")[2].strip())
