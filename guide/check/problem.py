"""What ``guide check`` reports: one :class:`Problem` for each thing to fix or look at.

It lives on its own so that every checking module (:mod:`guide.check.run`,
:mod:`guide.check.ear`, :mod:`guide.check.lexicon`) can make problems without
importing the others.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Problem:
    """One thing to fix or look at."""

    level: str
    "``error``, ``warning`` or ``info``."
    chapter: int | None
    "The chapter it is in, or ``None`` for the whole guide."
    message: str
    "One plain sentence, starting in lower case, to follow 'Error, chapter 4: '."
    kind: str
    ("What was checked: grade, inflesz, sentence, length, term, glossary, pronunciation, "
     "dictionary, language, coverage, source, drift, translation, visual, date, number, item, "
     "address, lexicon.")
    detail: dict = field(default_factory=dict)
    "The facts behind the message (the sentence, word, phonemes ...), for --json."
