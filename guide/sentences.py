"""Splitting a block of text into sentences (placeholder, to be replaced)."""

from __future__ import annotations

import re

MAX_WORDS = 40


def split_sentences(text: str, max_words: int = MAX_WORDS) -> list[str]:
    """Split text into sentences of at most ``max_words`` words."""
    parts = [p.strip() for p in re.split(r"(?<=[.!?])\s+", text) if p.strip()]
    out: list[str] = []
    for part in parts:
        words = part.split()
        for i in range(0, len(words), max_words):
            out.append(" ".join(words[i : i + max_words]))
    return out
