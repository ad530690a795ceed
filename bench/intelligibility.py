"""Intelligibility: word error rate of a generic speech recogniser on a built guide's chapters.

pocketsphinx, with the US English model its package carries, stands in for a
listener who has never heard the voice before: it knows neither the voice nor
the text. Its word error rate (WER) against each chapter's spoken text is a
rough, repeatable figure for how clearly a voice speaks; lower is better.

    python bench/intelligibility.py audio_out/cervical-insufficiency 3,5,8
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

_ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
         "fifteen sixteen seventeen eighteen nineteen").split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def number_words(n: int) -> str:
    """An integer as a recogniser writes it: ``24`` → ``twenty four``."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS[n // 10] + ("" if n % 10 == 0 else " " + _ONES[n % 10])
    if n < 1000:
        return _ONES[n // 100] + " hundred" + ("" if n % 100 == 0 else " " + number_words(n % 100))
    if n < 1_000_000:
        rest = n % 1000
        return number_words(n // 1000) + " thousand" + ("" if rest == 0 else " " + number_words(rest))
    return " ".join(_ONES[int(d)] for d in str(n))


def words(text: str) -> list[str]:
    """Lower-case words, with numbers written out, for comparing."""
    text = re.sub(r"\d+", lambda m: f" {number_words(int(m.group()))} ", text.lower())
    return re.findall(r"[a-z']+", text)


def wer(reference: str, heard: str) -> float:
    """Word error rate: (substitutions + deletions + insertions) / words in the reference."""
    ref, hyp = words(reference), words(heard)
    row = list(range(len(hyp) + 1))
    for i in range(1, len(ref) + 1):
        previous, row[0] = row[:], i
        for j in range(1, len(hyp) + 1):
            row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (ref[i - 1] != hyp[j - 1]))
    return row[len(hyp)] / max(1, len(ref))


def recognise(path: Path) -> str:
    """What pocketsphinx hears in an audio file (decoded to 16 kHz mono by ffmpeg)."""
    from pocketsphinx import Decoder

    pcm = subprocess.run(["ffmpeg", "-v", "error", "-i", str(path), "-ac", "1", "-ar", "16000",
                          "-f", "s16le", "-"], capture_output=True, check=True).stdout
    decoder = Decoder(samprate=16000)
    decoder.start_utt()
    decoder.process_raw(pcm, full_utt=True)
    decoder.end_utt()
    hyp = decoder.hyp()
    return hyp.hypstr if hyp else ""


def chapter_wer(built: Path, numbers: list[int]) -> dict[int, float]:
    """WER of each chapter ``numbers`` of the guide built in ``built``."""
    manifest = json.loads((built / "manifest.json").read_text(encoding="utf-8"))
    result = {}
    for n in numbers:
        chapter = manifest["chapters"][n - 1]
        reference = " ".join(s["spoken"] for s in chapter["sentences"])
        result[n] = wer(reference, recognise(built / chapter["file"]))
    return result


if __name__ == "__main__":
    figures = chapter_wer(Path(sys.argv[1]), [int(n) for n in sys.argv[2].split(",")])
    for number, rate in figures.items():
        print(f"chapter {number}: WER {rate:.3f}")
    print(f"mean: {sum(figures.values()) / len(figures):.3f}")
