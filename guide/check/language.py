"""Which language's rules ``guide check`` reads a guide with.

A guide is checked with the rules of its own ``language`` when
:mod:`guide.speech.languages` speaks it (English, Spanish): its sentence
splitter, its normaliser and its built-in lexicon, and, for Spanish, the
Spanish readability formulas, term patterns and paper-only words. A guide in
a language the tool cannot speak yet (``fr-FR``) is checked with the English
rules, as before languages came in, and the report says so in a note
(:func:`unsupported_note`); only the English dictionary of words is never
used on it (see :mod:`guide.check.words`).
"""

from __future__ import annotations

from pathlib import Path

from guide.check.problem import Problem
from guide.speech import languages
from guide.speech.lexicon import Lexicon

FALLBACK = languages.DEFAULT
"The rules a guide in a language the tool cannot speak is checked with."


def rules_language(tag: str) -> str:
    """The language tag whose rules check a guide written in ``tag``: itself when the tool
    speaks it, else :data:`FALLBACK`."""
    return tag if tag and languages.is_supported(tag) else FALLBACK


def primary(tag: str) -> str:
    """The primary subtag of the rules that check ``tag``: ``es`` for ``es-US``, ``en`` for
    ``fr-FR`` (checked with English rules)."""
    return languages.find(rules_language(tag)).primary


def is_spanish(tag: str) -> bool:
    """Whether a guide in ``tag`` is checked with the Spanish rules."""
    return primary(tag) == "es"


def is_english(tag: str) -> bool:
    """Whether ``tag`` is English itself (not merely checked with English rules)."""
    return (tag or FALLBACK).replace("_", "-").split("-", 1)[0].lower() == "en"


def load_lexicon(folder: Path | str | None, tag: str) -> Lexicon:
    """The built-in lexicon of the rules' language, with the guide folder's own added."""
    return Lexicon.load(folder, rules_language(tag))


def chapter_narration(chapter, total: int, lexicon: Lexicon, tag: str):
    """The chapter's sentences as the build speaks them (:func:`guide.speech.narration.
    chapter_sentences`), in the rules' language."""
    from guide.speech.narration import chapter_sentences

    return chapter_sentences(chapter, total, lexicon, language=rules_language(tag))


def unsupported_note(tag: str) -> list[Problem]:
    """A note when ``tag`` is checked with rules of another language; [] when it is not."""
    if rules_language(tag) == tag or (tag or FALLBACK) == FALLBACK:
        return []
    return [Problem("info", None, f"the guide's language is {tag}, which the tool cannot speak "
                    "yet, so it was checked with the English rules: the reading grade, the "
                    "sentences and the medical words may be judged wrongly.", "language",
                    {"language": tag, "rules": FALLBACK})]
