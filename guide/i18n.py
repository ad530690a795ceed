"""What a listener sees or hears, in the guide's language: one small catalogue per domain and language.

A message is named ``domain.key`` (``player.help``, ``draft.introduction``). Its
text is in ``guide/data/messages/<domain>.<lang>.toml``, one file per domain
and primary language (``player.en.toml``, ``player.es.toml``), as plain TOML
strings with ``{name}`` fields filled by :meth:`str.format`::

    message("es-US", "player.chapter", number=3, total=11, title="Señales")

There is no fall-back: a language without a catalogue, or a catalogue without
the key, is an error, so a missing translation fails the tests (every
catalogue of a domain must have the same keys as the English one) instead of
slipping English into a Spanish guide.
"""

from __future__ import annotations

import functools
import tomllib
from pathlib import Path

from guide.errors import GuideError

FOLDER = Path(__file__).parent / "data" / "messages"
"Where the catalogues are."

DEFAULT = "en"
"The language of messages that belong to no guide."


class MissingMessage(GuideError):
    "A catalogue has no text for a message in the language asked for"


def primary(language: str) -> str:
    """The primary subtag of a BCP 47 tag, lower-case: ``es-US`` → ``es``."""
    return (language or DEFAULT).replace("_", "-").split("-", 1)[0].lower()


@functools.cache
def catalogue(domain: str, lang: str) -> dict[str, str]:
    """The messages of one domain in one primary language (``{}`` when there is no such file)."""
    path = FOLDER / f"{domain}.{lang}.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    return {key: value for key, value in data.items() if isinstance(value, str)}


def message(language: str, name: str, /, **values: object) -> str:
    """The text of ``domain.key`` in ``language``, its ``{fields}`` filled from ``values``."""
    domain, _, key = name.partition(".")
    lang = primary(language)
    text = catalogue(domain, lang).get(key)
    if text is None:
        raise MissingMessage(f"There is no {lang} text for the message {name}.")
    return text.format(**values)


def translator(language: str):
    """``message`` with the language given once: ``t = translator("es"); t("player.help")``."""
    return functools.partial(message, language)


def domains() -> list[str]:
    """Every domain that has an English catalogue."""
    return sorted(p.name.split(".")[0] for p in FOLDER.glob(f"*.{DEFAULT}.toml"))


def languages() -> list[str]:
    """Every primary language that has a catalogue of any domain."""
    return sorted({p.name.split(".")[1] for p in FOLDER.glob("*.*.toml")})
