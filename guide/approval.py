"""Approval: who signed a guide off for patient use, and whether that still holds.

``guide approve`` writes ``approval.toml`` into the guide folder: who approved
it, their role, the date, a note, and a SHA-256 of every input the audio is
made from (each script, ``guide.toml``, the guide's ``lexicon.toml`` and the
built-in lexicon). :func:`status` compares those with the folder today and
gives one of four states:

``draft``     never approved;
``approved``  approved, nothing changed, and the review is not yet due;
``changed``   an input changed after approval (the files are named);
``overdue``   past the review date (``review_every_months`` in guide.toml, 24 by default).

A guide that is not ``approved`` says so out loud at the start of chapter 1
(:func:`notice`). Nothing here prints.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from calendar import monthrange
from dataclasses import asdict, dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from guide.durations import spoken_day
from guide.errors import GuideError, ScriptError
from guide.files import atomic_write_text
from guide.i18n import DEFAULT, message, primary
from guide.model import Block, Chapter, Guide

FILE = "approval.toml"
"The approval's file name, in the guide folder."
BUILTIN_NAME = "built-in lexicon"
"How the built-in lexicon is named among the inputs."
STATES = ("draft", "approved", "changed", "overdue")
"Every approval state."
DRAFT_LINE = message(DEFAULT, "approval.draft_line")
"What every place that shows the state says of a guide never approved (in English; see :func:`line`)."
NOTICES = {state: message(DEFAULT, f"approval.notice_{state}") for state in ("draft", "changed", "overdue")}
"What chapter 1 says after its announcement when the guide is not approved (in English; see :func:`notice`)."
SHA256 = re.compile(r"[0-9a-f]{64}")


def today() -> date:
    """Today's date (tests replace this)."""
    return date.today()


def _text(data: dict, name: str, required: bool = True) -> str:
    value = data.get(name, "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise ValueError(f"{name} must be text in quotes")
    return value


@dataclass
class Approval:
    """What ``approval.toml`` records."""

    by: str
    "The name of who approved the guide."
    role: str
    "Their role, such as RN or MD."
    date: str
    "The day it was approved, YYYY-MM-DD."
    note: str = ""
    "Anything they want on record; may be empty."
    inputs: dict[str, str] = field(default_factory=dict)
    "SHA-256 (hex) of each input the audio is made from, by file name."

    @classmethod
    def from_dict(cls, data: Any) -> Approval:
        """The approval in ``data``; :class:`ValueError` saying what is wrong."""
        if not isinstance(data, dict):
            raise ValueError("it is not a table")
        when = data.get("date")
        if isinstance(when, date):
            when = when.isoformat()
        try:
            date.fromisoformat(when) if isinstance(when, str) else None
        except ValueError:
            when = None
        if not isinstance(when, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", when):
            raise ValueError('date must be a date written like "2026-12-06"')
        inputs = data.get("inputs", {})
        if not isinstance(inputs, dict) or not all(
                isinstance(k, str) and isinstance(v, str) and SHA256.fullmatch(v)
                for k, v in inputs.items()):
            raise ValueError("inputs must be a table of file names and SHA-256 hashes")
        return cls(_text(data, "by"), _text(data, "role"), when, _text(data, "note", False),
                   dict(inputs))

    def to_dict(self) -> dict[str, Any]:
        """The approval as ``approval.toml`` holds it."""
        return asdict(self)


@dataclass
class ApprovalStatus:
    """Where a guide stands today; the manifest, ``guide check --json`` and the exports carry it."""

    status: str = "draft"
    "One of :data:`STATES`."
    by: str = ""
    "Who approved it; empty for a draft."
    role: str = ""
    "Their role; empty for a draft."
    date: str = ""
    "When it was approved, YYYY-MM-DD; empty for a draft."
    due: str = ""
    "When its next review is due, YYYY-MM-DD; empty for a draft."
    changed_files: list[str] = field(default_factory=list)
    "Inputs that changed (or came or went) since it was approved."

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def parse_by(text: str) -> tuple[str, str]:
    """``"Dana Lee, RN"`` as (name, role); a :class:`GuideError` if either is missing."""
    name, comma, role = text.partition(",")
    if not comma or not name.strip() or not role.strip():
        raise GuideError(f'Who approves must be given as a name and a role, such as "Dana Lee, RN", '
                         f'not "{text}".')
    return name.strip(), role.strip()


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def builtin_lexicon(language: str) -> Path:
    """The built-in lexicon a guide in ``language`` is spoken with (English for a language that
    has no speech rules of its own, as ``guide check`` reads it)."""
    from guide.errors import UnknownLanguage
    from guide.speech import languages

    try:
        return Path(languages.speech(language).LEXICON_PATH)
    except UnknownLanguage:
        return Path(languages.speech(languages.DEFAULT).LEXICON_PATH)


def inputs(folder: Path, language: str = "en-US") -> dict[str, str]:
    """The SHA-256 of every input the audio of the guide in ``folder`` is made from, in ``language``."""
    from guide.scripts.store import SCRIPT_GLOB

    folder = Path(folder)
    names = sorted(p.name for p in folder.glob(SCRIPT_GLOB) if p.is_file())
    names += [n for n in ("guide.toml", "lexicon.toml") if (folder / n).is_file()]
    try:
        hashes = {name: _sha256(folder / name) for name in names}
        hashes[BUILTIN_NAME] = _sha256(builtin_lexicon(language))
    except OSError as exc:
        raise ScriptError(folder, f"could not be read for its approval ({exc.strerror or exc}).") from exc
    return hashes


def read(folder: Path) -> Approval | None:
    """The approval in ``folder``, or ``None``; a :class:`ScriptError` if it cannot be read."""
    path = Path(folder) / FILE
    if not path.is_file():
        return None
    try:
        return Approval.from_dict(tomllib.loads(path.read_text(encoding="utf-8")))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        error = ScriptError(path, "cannot be read.", hint="approve")
        error.advice_joins = "clause"
        raise error from exc
    except ValueError as exc:
        raise ScriptError(path, f"is not an approval: {exc}; approve the guide again.") from exc


def approve(guide: Guide, by: str, note: str = "", on: date | None = None) -> Approval:
    """Approve ``guide`` as it is now, by ``"NAME, ROLE"``; writes ``approval.toml``."""
    if guide.folder is None:
        raise GuideError("Only a guide folder can be approved.")
    name, role = parse_by(by)
    approval = Approval(name, role, (on or today()).isoformat(), note, inputs(guide.folder, guide.language))
    import tomli_w  # only when an approval is written

    atomic_write_text(Path(guide.folder) / FILE, tomli_w.dumps(approval.to_dict()))
    return approval


def revoke(guide: Guide) -> bool:
    """Remove ``approval.toml``; whether there was one."""
    path = Path(guide.folder or ".") / FILE
    if not path.is_file():
        return False
    try:
        path.unlink()
    except OSError as exc:
        raise ScriptError(path, f"could not be removed ({exc.strerror or exc}).") from exc
    return True


def add_months(day: date, months: int) -> date:
    """``day`` plus whole months, on the last day of the month where that day is missing."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, monthrange(year, month)[1]))


def status(guide: Guide, on: date) -> ApprovalStatus:
    """Where ``guide`` stands on the day ``on``."""
    folder = guide.folder
    approval = read(folder) if folder is not None else None
    if folder is None or approval is None:
        return ApprovalStatus()
    due = add_months(date.fromisoformat(approval.date), guide.review_every_months)
    now = inputs(folder, guide.language)
    changed = sorted(n for n in set(now) | set(approval.inputs)
                     if now.get(n) != approval.inputs.get(n))
    state = "changed" if changed else "overdue" if on > due else "approved"
    return ApprovalStatus(state, approval.by, approval.role, approval.date, due.isoformat(), changed)


def _day(iso: str, language: str) -> str:
    """A day of the approval as the line says it: English keeps the ISO date (``2026-12-06``) that
    ``guide check`` has always printed; other languages say it in words ("6 de diciembre de 2026")."""
    if primary(language) == DEFAULT:
        return iso
    try:
        return spoken_day(date.fromisoformat(iso), language)
    except (TypeError, ValueError):
        return iso


def line(approval: dict[str, Any] | ApprovalStatus | None, language: str = DEFAULT) -> str:
    """The state in one sentence, in ``language``, from an :class:`ApprovalStatus` or its dict (the
    manifest's)."""
    a = approval.to_dict() if isinstance(approval, ApprovalStatus) else dict(approval or {})
    state = a.get("status", "draft")
    if state not in STATES[1:]:
        return message(language, "approval.draft_line")
    who = message(language, "approval.who", by=a.get("by"), role=a.get("role"),
                  date=_day(str(a.get("date")), language))
    if state == "changed":
        return message(language, "approval.changed", who=who, files=", ".join(a.get("changed_files") or []))
    return message(language, f"approval.{state}", who=who, due=_day(str(a.get("due")), language))


def notice(state: ApprovalStatus, language: str = DEFAULT) -> str:
    """The sentence chapter 1 says after its announcement, in ``language``; empty when the guide is
    approved."""
    if state.status not in NOTICES:
        return ""
    return message(language, f"approval.notice_{state.status}")


def with_notice(chapter: Chapter, state: ApprovalStatus, language: str = DEFAULT) -> Chapter:
    """Chapter 1 with :func:`notice` as its first paragraph (so the transcript has it too)."""
    said = notice(state, language)
    if chapter.number != 1 or not said:
        return chapter
    return replace(chapter, blocks=[Block(said), *chapter.blocks])
