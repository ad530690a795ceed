"""English, for every ``en`` tag: the language module of :mod:`guide.speech.languages`.

It provides what :mod:`guide.speech` says a language module must.  The
tables are in :mod:`.rules` (shared ones in :mod:`guide.speech.common`), the
normaliser's stages in :mod:`.stages`, numbers in :mod:`.numbers` and web
addresses in :mod:`.web`; they are imported, and their patterns compiled,
only when text is normalised.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from guide.speech.en.rules import ABBREVIATIONS, CONJUNCTIONS, SENTENCE_STARTERS

if TYPE_CHECKING:
    from guide.speech.lexicon import Lexicon

__all__ = ["ABBREVIATIONS", "CONJUNCTIONS", "LEXICON_PATH", "NAME", "SENTENCE_STARTERS",
           "announcement", "normalise"]

NAME = "English"
"The language's name, in English, for messages."

LEXICON_PATH = Path(__file__).parent.parent.parent / "data" / "lexicon.toml"
"The built-in English lexicon (``guide/data/lexicon.toml``)."


def normalise(text: str, lexicon: Lexicon, region: str | None = None) -> str:
    """The spoken form of English ``text``: every stage of :mod:`.stages`, in order.

    ``region`` (``US``, ``GB`` or ``None``) changes nothing yet: one set of rules
    speaks every English.
    """
    from guide.speech.en.stages import normalise as english

    return english(text, lexicon, region)


def announcement(number: int, total: int, title: str) -> str:
    """The line that opens a chapter: 'Chapter 2 of 11: Signs.'"""
    title = title.rstrip(" .:;,")
    end = "" if title.endswith(("?", "!")) else "."
    return f"Chapter {number} of {total}: {title}{end}"
