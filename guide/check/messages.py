"""The sentences of ``guide check``, in the guide's language, from the ``check`` catalogue.

A guide in a language with a catalogue (English, Spanish) is reported in it; a guide in any
other language is checked by the English rules, and reported in English.
"""

from __future__ import annotations

SPANISH = "es"
"The one language besides English that ``guide check`` speaks."


def report_language(tag: str | None) -> str:
    """``es`` for a Spanish guide, else ``en``: the language its report is written in."""
    primary = (tag or "en").replace("_", "-").split("-", 1)[0].lower()
    return SPANISH if primary == SPANISH else "en"


def check_message(tag: str | None, key: str, /, **fields: object) -> str:
    """The ``check.<key>`` message in the report language of ``tag``, its fields filled."""
    from guide.i18n import message

    return message(report_language(tag), f"check.{key}", **fields)
