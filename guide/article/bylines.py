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
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from guide.article.dates import MONTHS, WrittenDate, dates_in

_REVIEWED = re.compile(r"review|updat", re.I)


@dataclass
class KeptBylines:
    """Where the bylines of an article went in a draft."""

    chapter_notes: list[str] = field(default_factory=list)
    "Editor notes for the first chapter's script, without the leading ``#``."
    source_reviewed: str | None = None
    "The review date for ``guide.toml``, ``YYYY-MM-DD``, when one is clear."
    notes: list[str] = field(default_factory=list)
    "One sentence for each thing done, for ``guide new`` to say."


def keep_bylines(bylines: list[str], script: str) -> KeptBylines:
    """What to do with ``bylines`` in a draft whose first script is the file ``script``."""
    kept = KeptBylines(chapter_notes=[f"Byline: {line}" for line in bylines])
    if not bylines:
        return kept
    if len(bylines) == 1:
        kept.notes.append(f'The byline "{bylines[0]}" is kept as an editor note '
                          f"at the top of {script}.")
    else:
        kept.notes.append(f"The {len(bylines)} byline lines are kept as editor notes "
                          f"at the top of {script}.")
    found = [(written, line) for line in bylines for written in dates_in(line)]
    reviewed = [pair for pair in found if pair[0].clear and _REVIEWED.search(pair[1])]
    chosen = max(reviewed or [pair for pair in found if pair[0].clear],
                 key=lambda pair: pair[0].readings[0], default=None)
    if chosen is not None:
        kept.source_reviewed = chosen[0].iso
        kept.notes.append(f'guide.toml has source_reviewed = "{kept.source_reviewed}", '
                          f'from the byline "{chosen[1]}".')
    kept.notes += [_unclear(written, line) for written, line in found if not written.clear]
    return kept


def _unclear(written: WrittenDate, line: str) -> str:
    """The sentence for a date whose order of day and month is not clear."""
    first, second = written.readings
    return (f'The date {written.text} in the byline "{line}" could be {_said(first)} or '
            f"{_said(second)}, so it is not in guide.toml. Once you know which, add "
            f'source_reviewed = "{first.isoformat()}" or "{second.isoformat()}" there.')


def _said(day: date) -> str:
    """A day as it is said: "March 4, 2025"."""
    return f"{MONTHS[day.month - 1].capitalize()} {day.day}, {day.year}"
