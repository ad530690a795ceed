"""Spanish, for every ``es`` tag: the language module of :mod:`guide.speech.languages`.

It provides what :mod:`guide.speech` says a language module must: ``NAME``,
``ABBREVIATIONS`` (word by word, as the splitter reads them),
``SENTENCE_STARTERS``, ``CONJUNCTIONS``, ``LEXICON_PATH``
(``guide/data/lexicon.es.toml``), ``normalise(text, lexicon, region)`` and
``announcement(number, total, title)``.  Besides:

* :func:`normalise_es` ``(text, region='es-419', lexicon=None) -> str``: the
  spoken form of a written sentence for a region ('es-US', 'es-419',
  'es-MX', 'es-ES', or the region alone, 'MX');
* :func:`split_es` ``(text, max_words=40) -> list[str]``: the splitter, with
  this module's tables;
* for ``guide check``: :func:`ambiguous_numbers` (numbers that regions read
  differently, "2.400") and :func:`ambiguous_dates` (day and month that
  could be swapped, "03/04/2025");
* :func:`builtin_lexicon` and :func:`term_map` (English term → Spanish
  forms, from the lexicon's ``en`` keys, for the translation check);
* :func:`decimal_mark` ``(region) -> '.' or ','``.

The tables and judgement calls are in :mod:`.rules`, number words in
:mod:`.words`, the stages in :mod:`.numbers`, :mod:`.dates`, :mod:`.web` and
:mod:`.stages`; those are imported, and their patterns compiled, only
when text is normalised.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from guide.speech.es.lexicon import LEXICON_PATH, builtin_lexicon, term_map
from guide.speech.es.rules import decimal_mark
from guide.speech.es.sentences import CONJUNCTIONS, SENTENCE_STARTERS, split_es
from guide.speech.es.sentences import SPLIT_ABBREVIATIONS as ABBREVIATIONS

if TYPE_CHECKING:
    from guide.speech.lexicon import Lexicon

__all__ = ["ABBREVIATIONS", "CONJUNCTIONS", "LEXICON_PATH", "NAME", "SENTENCE_STARTERS",
           "ambiguous_dates", "ambiguous_numbers", "announcement", "builtin_lexicon",
           "decimal_mark", "normalise", "normalise_es", "split_es", "term_map"]

NAME = "Spanish"
"The language's name, in English, for messages."

_LAZY = {
    "normalise_es": "guide.speech.es.stages",
    "ambiguous_numbers": "guide.speech.es.numbers",
    "ambiguous_dates": "guide.speech.es.dates",
}


def __getattr__(name: str) -> Any:
    """The normaliser's functions, imported on first use."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def normalise(text: str, lexicon: Lexicon, region: str | None = None) -> str:
    """The spoken form of Spanish ``text`` for ``region`` ('MX', '419', 'ES', or ``None``).

    ``None`` (a bare 'es' tag) follows Spain: decimal comma, "uno de abril".
    """
    from guide.speech.es.stages import normalise_es

    return normalise_es(text, region or "es", lexicon)


def announcement(number: int, total: int, title: str) -> str:
    """The line that opens a chapter: 'Capítulo 2 de 11: Señales.'"""
    title = title.rstrip(" .:;,")
    end = "" if title.endswith(("?", "!")) else "."
    return f"Capítulo {number} de {total}: {title}{end}"
