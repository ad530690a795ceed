"""Written text to spoken text (placeholder, to be replaced)."""

from __future__ import annotations


def normalise(text: str, lexicon=None) -> str:
    """Return the form of ``text`` that the speech engine is given."""
    return " ".join(text.split())
