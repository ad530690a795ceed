"""Does every entry of a guide's own ``lexicon.toml`` do something?

An entry that matches no word of the guide (its chapter titles and scripts)
changes nothing: a typo in its name, a form that is missing, or a word that
is written inside a code ("FAQ" in "FAQ006"), which an entry matches only
with ``inside_codes = true``. Each is a ``lexicon`` warning. The built-in
lexicon (``guide/data/lexicon.toml``) is for every guide, so its entries are
not checked.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from guide.check.messages import check_message
from guide.check.problem import Problem
from guide.errors import GuideError
from guide.model import Guide
from guide.speech.lexicon import FILE_NAME, Lexicon


def own_terms(guide: Guide) -> list[str]:
    """The terms of the guide folder's own ``lexicon.toml``, in order ([] when it has none)."""
    if guide.folder is None or not os.path.lexists(Path(guide.folder) / FILE_NAME):
        return []
    try:
        return [entry.term for entry in Lexicon.from_file(Path(guide.folder) / FILE_NAME)]
    except GuideError:
        return []


def guide_text(guide: Guide) -> str:
    """Every word the guide says: chapter titles and scripts."""
    return "\n".join(f"{chapter.title}\n{chapter.text}" for chapter in guide.chapters)


def unused_entries(guide: Guide, lexicon: Lexicon) -> list[Problem]:
    """A warning for each entry of the guide's own lexicon that matches no word of the guide,
    as ``lexicon`` (the built-in one with the guide's added) matches them."""
    text = guide_text(guide)
    used = {use.entry.term.casefold() for use in lexicon.terms_in(text)}
    problems = []
    for term in own_terms(guide):
        entry = lexicon.lookup(term)
        if entry is None or entry.term.casefold() in used:
            continue
        codes = [] if entry.inside_codes else Lexicon([replace(entry, inside_codes=True)]).terms_in(text)
        if codes:
            code = _code_at(text, codes[0].position)
            advice = check_message(guide.language, "lexicon_inside_codes", code=code)
        else:
            advice = check_message(guide.language, "lexicon_check_spelling")
        problems.append(Problem("warning", None, check_message(
            guide.language, "lexicon_unused", term=term, advice=advice), "lexicon", {"term": term}))
    return problems


def _code_at(text: str, position: int) -> str:
    """The whole code around ``position``: "FAQ006" for the "FAQ" in it."""
    start, end = position, position
    while start and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return text[start:end]
