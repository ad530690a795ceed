"""The settings of a guide folder's ``guide.toml``: one schema, checked on reading.

:class:`GuideConfig` has one field per setting. Each field says its type and
its default, carries the check its value must pass (:func:`setting`), and has
a docstring under it; adding a setting is adding one field here. Reading::

    config, warnings = GuideConfig.from_dict(tomllib.loads(text), path)

A value of the wrong type or out of range is a :class:`~guide.errors.ScriptError`
whose one sentence names the file and the setting ("scripts/tiny/guide.toml:
rate must be a whole number of words a minute from 60 to 400, not -5."). A
setting this version does not know is not an error, so a guide made for a
newer version still builds: it is ignored, with a warning sentence returned
for the caller to show.
"""

from __future__ import annotations

import difflib
import json
import math
import re
from collections.abc import Callable
from dataclasses import MISSING, dataclass, field, fields
from datetime import date, datetime
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

from guide.errors import ScriptError
from guide.slug import slugify

Check = Callable[[str, Any], Any]
"A check: given the setting's name and its value, the value to keep, or ValueError(reason)."


def shown(value: Any) -> str:
    """A value as the editor wrote it in TOML: ``-5``, ``true``, ``"fast"``, ``nan``."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, float) and not math.isfinite(value):
        return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    return str(value)


def _must(name: str, what: str, value: Any) -> ValueError:
    return ValueError(f"{name} must be {what}, not {shown(value)}.")


def whole(low: int, high: int, what: str) -> Check:
    """A whole number from ``low`` to ``high``; ``what`` says what it counts."""
    def check(name: str, value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise _must(name, f"a whole number of {what} from {low} to {high}", value)
        return value
    return check


def number(low: float, high: float, what: str) -> Check:
    """A number (whole or not) from ``low`` to ``high``; ``what`` says what it is."""
    def check(name: str, value: Any) -> float:
        if (isinstance(value, bool) or not isinstance(value, (int, float))
                or not math.isfinite(value) or not low <= value <= high):
            raise _must(name, f"{what} from {low:g} to {high:g}", value)
        return float(value)
    return check


def text(what: str = "text in quotes", pattern: str | None = None, empty: bool = True) -> Check:
    """Text; when ``pattern`` is given, text that matches it (``empty`` text always may, if allowed)."""
    shape = re.compile(pattern) if pattern else None

    def check(name: str, value: Any) -> str:
        if not isinstance(value, str) or (not value.strip() and not empty):
            raise _must(name, what, value)
        if value and shape is not None and not shape.fullmatch(value):
            raise _must(name, what, value)
        return value
    return check


def day() -> Check:
    """A date written YYYY-MM-DD that is on the calendar (a TOML date without quotes too), or ""."""
    def check(name: str, value: Any) -> str:
        if isinstance(value, date) and not isinstance(value, datetime):
            return value.isoformat()
        if value == "":
            return value
        try:
            if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                return date.fromisoformat(value).isoformat()
        except ValueError:
            pass
        raise _must(name, 'a date in quotes, written like "2025-04-03"', value)
    return check


def choice(*allowed: str) -> Check:
    """One of ``allowed``, in quotes."""
    def check(name: str, value: Any) -> str:
        if value not in allowed:
            names = " or ".join(f'"{a}"' for a in allowed)
            raise _must(name, names, value)
        return value
    return check


def source_check(name: str, value: Any) -> str:
    """A file name inside the guide folder, or a citation: never a path that leads out of it."""
    value = text()(name, value)
    for flavour in (PurePosixPath, PureWindowsPath):
        path = flavour(value)
        if path.is_absolute() or path.drive or path.root or ".." in path.parts or value.startswith("~"):
            raise ValueError(f"{name} must be the name of a file inside the guide folder, "
                             f"or a citation, not {shown(value)}.")
    return value


def clinic_check(name: str, value: Any) -> dict[str, str]:
    """A ``[clinic]`` table: the clinic's ``name`` and ``phone``, each text in quotes."""
    if not isinstance(value, dict):
        raise _must(name, 'a table, such as [clinic] with name = "..." and phone = "..."', value)
    extra = sorted(set(value) - {"name", "phone"})
    if extra:
        raise ValueError(f"[{name}] may have only name and phone, not {', '.join(extra)}.")
    return {key: text()(f"{name}.{key}", value[key]) for key in ("name", "phone") if key in value}


def slug_check(name: str, value: Any) -> str:
    """A plain name: lower-case letters, digits and hyphens."""
    if not isinstance(value, str) or slugify(value, "guide") != value:
        raise ValueError(f"has a slug that is not a plain name ({str(value)!r}). "
                         "Use only lower-case letters, digits and hyphens.")
    return value


def setting(default: Any, check: Check, quiet: bool = False) -> Any:
    """A :class:`GuideConfig` field: its default and the check its value must pass. A ``quiet``
    setting is written to ``guide.toml`` only when it is not its default, so that a new draft
    shows the settings an editor usually changes, and no more."""
    return field(default=default, metadata={"check": check, "quiet": quiet})


LANGUAGE_TAG = r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*"
"A BCP 47 language tag, in the plain form guides use: ``en``, ``en-US``, ``es-419``."
LANGUAGE = 'a language tag in quotes, such as "en-US"'
GUIDE_NAME = 'the short name of a guide in quotes, such as "cervical-insufficiency"'


@dataclass
class GuideConfig:
    """Every setting ``guide.toml`` may have, with its type, range and default."""

    title: str = setting("", text())
    "The guide's title, used as the album tag; the folder's name when it is not given."
    subtitle: str | None = setting(None, text())
    "A line under the title, optional."
    language: str = setting("en-US", text(LANGUAGE, LANGUAGE_TAG, empty=False))
    "BCP 47 language tag of the narration."
    engine: str = setting("pyttsx3", choice("pyttsx3", "piper"), quiet=True)
    "Speech engine: pyttsx3 (espeak-ng, the default) or piper (the natural voice, from make natural)."
    voice: str = setting("", text('a voice name in quotes, such as "en-us"'))
    """Engine voice name, as ``guide voices`` lists them; empty means the engine's own voice for
    ``language`` (espeak-ng's ``en-us`` for ``en-US``; an installed Piper voice for it)."""
    rate: int = setting(150, whole(60, 400, "words a minute"))
    "Speaking rate in words a minute."
    source: str = setting("", source_check)
    "The source article: a file name inside the guide folder, or a citation."
    source_title: str = setting("", text())
    "The source article's own title."
    source_reviewed: str | None = setting(None, day())
    """When the source article was last reviewed or updated, as YYYY-MM-DD; ``guide new`` fills it
    in from the article's byline when the date's order is clear."""
    source_age_years: int = setting(5, whole(1, 50, "years"), quiet=True)
    """How many years old the article's newest source, or its reviewed date, may be before
    ``guide check`` warns that care may have changed since."""
    publisher: str = setting("", text())
    "Who publishes the guide (the artist and publisher tags)."
    target_grade: float = setting(8.0, number(1, 20, "a reading grade"))
    "Highest reading grade ``guide check`` accepts (English guides)."
    target_inflesz: float = setting(65.0, number(0, 100, "an INFLESZ score"), quiet=True)
    """Lowest INFLESZ readability score ``guide check`` accepts in a Spanish guide: 65 is "bastante
    fácil" (fairly easy), 55 to 65 "normal"."""
    translation_of: str = setting("", text(GUIDE_NAME, r"[a-z0-9]+(?:-[a-z0-9]+)*"), quiet=True)
    """The slug of the guide this one is translated from, chapter for chapter; ``guide check`` then
    compares the two (chapter count, medical terms, numbers) instead of checking drift from the
    article, which is in the other language."""
    review_every_months: int = setting(24, whole(1, 120, "months"), quiet=True)
    "How often the guide's approval must be renewed (``guide approve``), in months."
    clinic: dict[str, str] | None = setting(None, clinic_check)
    """The clinic that hands the guide out, as a ``[clinic]`` table with ``name`` and ``phone``
    (text, both optional); the clinic pack's README.txt gives them so a family knows whom to call."""
    slug: str | None = setting(None, slug_check)
    "Short name for folders and files; the folder's name, made plain, when it is not given."

    @classmethod
    def from_dict(cls, data: dict[str, Any], path: Path | str = "guide.toml"
                  ) -> tuple[GuideConfig, list[str]]:
        """The settings in ``data`` (a parsed ``guide.toml``), checked, and a warning sentence for
        each setting that is not known. A bad value is a ScriptError naming ``path``."""
        known = {f.name: f for f in fields(cls)}
        values: dict[str, Any] = {}
        for name, value in data.items():
            if name not in known:
                continue
            try:
                values[name] = known[name].metadata["check"](name, value)
            except ValueError as error:
                raise ScriptError(path, str(error)) from None
        warnings = [unknown_setting(path, name, list(known)) for name in data if name not in known]
        return cls(**values), warnings

    def to_dict(self) -> dict[str, Any]:
        """The settings to write in ``guide.toml``: every one that is set, in schema order (a quiet
        one only when it is not its default)."""
        return {f.name: getattr(self, f.name) for f in fields(self)
                if getattr(self, f.name) not in (None, "")
                and not (f.metadata["quiet"] and getattr(self, f.name) == f.default)}

    @classmethod
    def names(cls) -> tuple[str, ...]:
        """The names of all settings, in schema order."""
        return tuple(f.name for f in fields(cls))

    @classmethod
    def defaults(cls) -> dict[str, Any]:
        """Each setting's default."""
        return {f.name: f.default for f in fields(cls) if f.default is not MISSING}


def unknown_setting(path: Path | str, name: str, known: list[str]) -> str:
    """The warning sentence for a setting that is not known, with the nearest known name."""
    near = difflib.get_close_matches(name, known, n=1)
    hint = f" (did you mean {near[0]}?)" if near else ""
    return f"{path}: {name} is not a setting this version knows{hint}, so it is ignored."
