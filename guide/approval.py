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

import tomli_w

from guide.errors import GuideError, ScriptError
from guide.files import atomic_write_text
from guide.model import Block, Chapter, Guide
from guide.speech.lexicon import BUILTIN_PATH

FILE = "approval.toml"
"The approval's file name, in the guide folder."
BUILTIN_NAME = "built-in lexicon"
"How the built-in lexicon is named among the inputs."
STATES = ("draft", "approved", "changed", "overdue")
"Every approval state."
DRAFT_LINE = "Draft: not yet approved for patient use."
"What every place that shows the state says of a guide never approved."
NOTICES = {
    "draft": "This guide is a draft. A health professional has not yet checked it.",
    "changed": "This guide is a draft again: it changed after a health professional checked it.",
    "overdue": "This guide is a draft again: its review is overdue.",
}
"What chapter 1 says, after its announcement, when the guide is not approved."
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
        raise GuideError(f'--by must be a name and a role, such as "Dana Lee, RN", not "{text}".')
    return name.strip(), role.strip()


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def inputs(folder: Path) -> dict[str, str]:
    """The SHA-256 of every input the audio of the guide in ``folder`` is made from."""
    from guide.scripts.store import SCRIPT_GLOB

    folder = Path(folder)
    names = sorted(p.name for p in folder.glob(SCRIPT_GLOB) if p.is_file())
    names += [n for n in ("guide.toml", "lexicon.toml") if (folder / n).is_file()]
    try:
        hashes = {name: _sha256(folder / name) for name in names}
        hashes[BUILTIN_NAME] = _sha256(BUILTIN_PATH)
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
        raise ScriptError(path, "cannot be read; approve the guide again with guide approve.") from exc
    except ValueError as exc:
        raise ScriptError(path, f"is not an approval: {exc}; approve the guide again.") from exc


def approve(guide: Guide, by: str, note: str = "", on: date | None = None) -> Approval:
    """Approve ``guide`` as it is now, by ``"NAME, ROLE"``; writes ``approval.toml``."""
    if guide.folder is None:
        raise GuideError("Only a guide folder can be approved.")
    name, role = parse_by(by)
    approval = Approval(name, role, (on or today()).isoformat(), note, inputs(guide.folder))
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
    now = inputs(folder)
    changed = sorted(n for n in set(now) | set(approval.inputs)
                     if now.get(n) != approval.inputs.get(n))
    state = "changed" if changed else "overdue" if on > due else "approved"
    return ApprovalStatus(state, approval.by, approval.role, approval.date, due.isoformat(), changed)


def line(approval: dict[str, Any] | ApprovalStatus | None) -> str:
    """The state in one sentence, from an :class:`ApprovalStatus` or its dict (the manifest's)."""
    a = approval.to_dict() if isinstance(approval, ApprovalStatus) else dict(approval or {})
    state = a.get("status", "draft")
    if state not in STATES[1:]:
        return DRAFT_LINE
    who = f"{a.get('by')}, {a.get('role')}, on {a.get('date')}"
    if state == "changed":
        return f"Changed since it was approved by {who}: {', '.join(a.get('changed_files') or [])}."
    if state == "overdue":
        return f"Overdue: approved by {who}; its review was due {a.get('due')}."
    return f"Approved by {who}; next review due {a.get('due')}."


def notice(state: ApprovalStatus) -> str:
    """The sentence chapter 1 says after its announcement; empty when the guide is approved."""
    return NOTICES.get(state.status, "")


def with_notice(chapter: Chapter, state: ApprovalStatus) -> Chapter:
    """Chapter 1 with :func:`notice` as its first paragraph (so the transcript has it too)."""
    said = notice(state)
    if chapter.number != 1 or not said:
        return chapter
    return replace(chapter, blocks=[Block(said), *chapter.blocks])
