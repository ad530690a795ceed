"""espeak-ng's own phonemes for a text: the oracle the spoken-form tests compare against."""

from __future__ import annotations

import re
import shutil
import subprocess

ESPEAK = shutil.which("espeak-ng") or "/usr/bin/espeak-ng"


def phonemes(text: str) -> str:
    """What ``espeak-ng -x -v en-us`` says ``text`` is, on one line."""
    result = subprocess.run(
        [ESPEAK, "-q", "-x", "-v", "en-us", text], capture_output=True, text=True, check=True
    )
    return " ".join(result.stdout.split())


def bare(phoneme_text: str) -> str:
    """Without stress marks, pauses and word gaps: 'n'aIn w'Vn w,Vn' → 'naInwVnwVn'."""
    return re.sub(r"[',_:;!\s-]|#", "", phoneme_text)
