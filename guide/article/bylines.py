"""What a draft does with an article's bylines: editor notes, and the review date.

An article's bylines ("Reviewed by Dana Lee, RN", "Last updated 03/04/2025")
are never spoken, and never dropped either. :func:`keep_bylines` decides,
for ``guide new``:

* every byline becomes an editor note, ``Byline: ...``, written as a ``#``
  line at the top of the first chapter's script;
* the date of a review or update ("Last reviewed", "Reviewed", "Updated"),
  or failing that any date of a byline ("Published"), goes to ``guide.toml``
  as ``source_reviewed`` — the latest one, and only when its order is clear
  (see :mod:`.dates`);
* each thing it did is said in one sentence, for the editor.

The notes and sentences are in the guide's language (the ``draft`` messages
of :mod:`guide.i18n`), and so are the review words looked for ("Revisado",
"Última actualización") and the dates found ("3 de abril de 2025").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from guide.article.dates import MESES, MONTHS, WrittenDate, dates_in
from guide.i18n import message, primary

_REVIEWED = {"en": re.compile(r"review|updat", re.I),
             "es": re.compile(r"review|updat|revis|actualiz", re.I)}
"Words of a byline that say when the article was reviewed or updated, by language."
_MONTH_NAMES = {"en": tuple(m.capitalize() for m in MONTHS), "es": MESES}


@dataclass
class KeptBylines:
    """Where the bylines of an article went in a draft."""

    chapter_notes: list[str] = field(default_factory=list)
    "Editor notes for the first chapter's script, without the leading ``#``."
    source_reviewed: str | None = None
    "The review date for ``guide.toml``, ``YYYY-MM-DD``, when one is clear."
    notes: list[str] = field(default_factory=list)
    "One sentence for each thing done, for ``guide new`` to say."


def keep_bylines(bylines: list[str], script: str, language: str = "en-US") -> KeptBylines:
    """What to do with ``bylines`` in a draft in ``language`` whose first script is ``script``."""
    kept = KeptBylines(chapter_notes=[message(language, "draft.byline", line=line) for line in bylines])
    if not bylines:
        return kept
    if len(bylines) == 1:
        kept.notes.append(message(language, "draft.byline_kept", line=bylines[0], script=script))
    else:
        kept.notes.append(message(language, "draft.bylines_kept", count=len(bylines), script=script))
    found = [(written, line) for line in bylines for written in dates_in(line, language)]
    review = _REVIEWED.get(primary(language), _REVIEWED["en"])
    reviewed = [pair for pair in found if pair[0].clear and review.search(pair[1])]
    chosen = max(reviewed or [pair for pair in found if pair[0].clear],
                 key=lambda pair: pair[0].readings[0], default=None)
    if chosen is not None:
        kept.source_reviewed = chosen[0].iso
        kept.notes.append(message(language, "draft.reviewed", date=kept.source_reviewed, line=chosen[1]))
    kept.notes += [_unclear(written, line, language) for written, line in found if not written.clear]
    return kept


def _unclear(written: WrittenDate, line: str, language: str) -> str:
    """The sentence for a date whose order of day and month is not clear."""
    first, second = written.readings
    return message(language, "draft.unclear_date", text=written.text, line=line,
                   first=said_date(first, language), second=said_date(second, language),
                   first_iso=first.isoformat(), second_iso=second.isoformat())


def said_date(day: date, language: str = "en-US") -> str:
    """A day as it is said in ``language``: "March 4, 2025", "4 de marzo de 2025"."""
    names = _MONTH_NAMES.get(primary(language), _MONTH_NAMES["en"])
    return message(language, "draft.date", month=names[day.month - 1], day=day.day, year=day.year)
