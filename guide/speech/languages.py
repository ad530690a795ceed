"""Which speech rules speak which language: language tags to language modules.

A guide's ``language`` is a BCP 47 tag (``en-US``, ``en``, ``es-US``,
``es-419``, ``es-ES``, ``es-MX``).  Its primary subtag chooses the language
module that splits, normalises and announces the text (``es-MX`` and
``es-ES`` are both :mod:`guide.speech.es`); its region (``MX``, ``419``) is
kept and handed to the module's ``normalise`` for the rules that differ by
place.  A module is imported the first time its language is used, so
importing this one costs nothing.  What a language module must provide is
written down in :mod:`guide.speech`.

    speech("es-MX").normalise(text, lexicon, "MX")
    find("es-419").region          # "419"
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import cache
from types import ModuleType

from guide.errors import UnknownLanguage
from guide.speech.common import LazyPattern

DEFAULT = "en-US"
"The language of a guide that does not say, and of every call that does not either."

MODULES: dict[str, str] = {
    "en": "guide.speech.en",
    "es": "guide.speech.es",
}
"The language module for each primary subtag (lower case)."

PROTOCOL = ("NAME", "ABBREVIATIONS", "SENTENCE_STARTERS", "CONJUNCTIONS", "LEXICON_PATH",
            "normalise", "announcement")
"What a language module must provide (see :mod:`guide.speech`); one without all of it speaks nothing."

_PRIMARY = LazyPattern(r"[a-z]{2,3}")
_SUBTAG = LazyPattern(r"[A-Za-z0-9]{1,8}")
_REGION = LazyPattern(r"[A-Za-z]{2}|[0-9]{3}")


@dataclass(frozen=True)
class Language:
    """A language tag, read: which module speaks it, and for which region."""

    tag: str
    "The tag as it was given: ``es-MX``."
    primary: str
    "Its primary subtag, lower case: ``es``."
    region: str | None
    "Its region subtag, upper case (``MX``, ``US``, ``419``), or ``None`` (``en``, ``es``)."
    module_name: str
    "The language module that speaks it: ``guide.speech.es``."

    @property
    def module(self) -> ModuleType:
        """The language module, imported the first time it is needed."""
        return _imported(self.module_name, self.tag)


def find(tag: str = DEFAULT) -> Language:
    """The :class:`Language` for a tag; :class:`UnknownLanguage` when none speaks it.

    The module itself is imported only when :attr:`Language.module` is read.
    """
    return _parsed(tag)


def speech(tag: str = DEFAULT) -> ModuleType:
    """The language module that speaks ``tag``, imported on first use."""
    return _module(tag)


def is_supported(tag: str) -> bool:
    """Whether the guide can speak ``tag``: a module is registered for it and installed."""
    try:
        _module(tag)
    except UnknownLanguage:
        return False
    return True


def installed() -> list[str]:
    """The primary subtags of the language modules that are installed, in order."""
    return [primary for primary, name in MODULES.items() if _installed(name)]


@cache
def _parsed(tag: str) -> Language:
    parts = str(tag).replace("_", "-").split("-")
    primary = parts[0].lower()
    if not _PRIMARY.fullmatch(primary) or not all(_SUBTAG.fullmatch(p) for p in parts[1:]):
        raise UnknownLanguage(_cannot_speak(tag))
    if primary not in MODULES:
        raise UnknownLanguage(_cannot_speak(tag))
    region = next((p.upper() for p in parts[1:] if _REGION.fullmatch(p)), None)
    return Language(str(tag), primary, region, MODULES[primary])


@cache
def _module(tag: str) -> ModuleType:
    return _parsed(tag).module


def _imported(module_name: str, tag: str) -> ModuleType:
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name != module_name:  # the module is there but needs something missing: a bug
            raise
        raise UnknownLanguage(_cannot_speak(tag)) from exc
    if not _complete(module):  # a folder without its __init__.py yet, or half written
        raise UnknownLanguage(_cannot_speak(tag))
    return module


def _complete(module: ModuleType) -> bool:
    return all(hasattr(module, name) for name in PROTOCOL)


def _installed(module_name: str) -> bool:
    import importlib.util

    try:
        return importlib.util.find_spec(module_name) is not None
    except ModuleNotFoundError:  # pragma: no cover - a parent package missing
        return False


def _cannot_speak(tag: object) -> str:
    """'The guide cannot speak fr-FR yet: it speaks English (en) and Spanish (es).'"""
    names = []
    for primary in installed():
        try:
            module = importlib.import_module(MODULES[primary])
        except ImportError:  # pragma: no cover - a module that does not import speaks nothing
            continue
        if _complete(module):
            names.append(f"{module.NAME} ({primary})")
    spoken = " and ".join([", ".join(names[:-1]), names[-1]] if len(names) > 2 else names)
    return f"The guide cannot speak {tag} yet: it speaks {spoken or 'no language'}."
