"""The built-in Spanish lexicon, ``guide/data/lexicon.es.toml``, and its bilingual term map.

The file has the format of ``guide/data/lexicon.toml`` with one more key,
``en``: the English term of the built-in English lexicon (or of the English
guide) that the entry translates, such as ``en = "cerclage"``.  The
translation check reads it through :func:`term_map`; the pronunciation
lexicon (:func:`builtin_lexicon`) keeps it as each entry's ``en``, and says
nothing differently for it.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from guide.speech.lexicon import Lexicon

LEXICON_PATH = Path(__file__).parent.parent.parent / "data" / "lexicon.es.toml"
"The Spanish lexicon shipped with the package."

TRANSLATION_KEY = "en"
"The key that names an entry's English term."


@cache
def _tables() -> dict[str, dict[str, Any]]:
    return tomllib.loads(LEXICON_PATH.read_text(encoding="utf-8"))


def builtin_lexicon() -> Lexicon:
    """The built-in Spanish pronunciation lexicon (read once), each entry with its ``en``."""
    return _builtin()


@cache
def _builtin() -> Lexicon:
    from guide.speech.lexicon import Entry, Lexicon

    entries = []
    for term, table in _tables().items():
        entries.append(Entry.from_dict(term, table, f" ({LEXICON_PATH.name})"))
    return Lexicon(entries)


def term_map() -> dict[str, tuple[str, ...]]:
    """English term → the Spanish written forms that translate it.

    ``{"cerclage": ("cerclaje", "cerclajes", "cerclaje cervical"), ...}``.
    Several Spanish entries may translate one English term; their forms are
    all listed, the entry's own term first.
    """
    found: dict[str, list[str]] = {}
    for term, table in _tables().items():
        english = table.get(TRANSLATION_KEY)
        if not isinstance(english, str) or not english.strip():
            continue
        forms = table.get("forms", [])
        spanish = [term, *(forms if isinstance(forms, list) else forms.keys())]
        found.setdefault(english.strip(), []).extend(spanish)
    return {english: tuple(dict.fromkeys(forms)) for english, forms in found.items()}
