"""Which edition of a guide a command means: its engine, voice and rate.

A guide's own edition speaks with the engine, voice and rate in its
``guide.toml`` and is built into ``audio_out/<slug>``. Any other engine, voice
or rate is another edition, built beside it by the one rule of
:mod:`guide.layout` (``audio_out/<slug>--<label>``), never over it. The label
names what differs, in a fixed order: the engine and voice, then the rate.
For example ``slow``, ``130wpm``, ``en-gb``, ``piper-en-us-joe-medium`` and
``piper-en-us-joe-medium-slow``. ``build``, ``list``, ``play``, ``check`` and
``export`` all choose the edition here, so they always mean the same folder.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from guide.errors import UnknownVoice, WrongLanguageVoice
from guide.model import Guide
from guide.slug import slugify

ENGINES = ("pyttsx3", "piper")
"The engines ``--engine`` and ``guide.toml``'s ``engine`` take; pyttsx3 is the default."


@dataclass(frozen=True)
class Edition:
    """One edition of a guide."""

    engine: str
    "The engine's name, one of :data:`ENGINES`."
    voice: str
    "The voice, as the engine names it (a Piper voice may also be a path to its ``.onnx``)."
    rate: int
    "Words a minute."
    label: str
    "What differs from the guide's own edition, or ``""`` for that edition."


def voice_name(voice: str) -> str:
    """A voice given as a path is named by its model file's stem."""
    if voice.endswith(".onnx"):
        return Path(voice).name[: -len(".onnx")]
    return voice


LATIN_AMERICA = frozenset("419 US MX PR CU DO GT HN SV NI CR PA CO VE EC PE BO CL AR UY PY".split())
"""Regions whose Spanish is Latin American: espeak-ng speaks it with ``es-419``; Spain's (``es-ES``,
and ``es`` with no region, which the normaliser reads as Spain's too) with ``es``."""


def _tag(language: str) -> tuple[str, str | None]:
    """A language tag's primary subtag, lower case, and its region, upper case or ``None``."""
    parts = str(language).replace("_", "-").split("-")
    region = next((p.upper() for p in parts[1:]
                   if (len(p) == 2 and p.isalpha()) or (len(p) == 3 and p.isdigit())), None)
    return parts[0].lower(), region


def _variety(language: str) -> str:
    """Which way of speaking a tag names, for choosing among voices: ``es-419`` for every
    Latin American Spanish, ``es`` for Spain's, the tag itself (lower case) otherwise."""
    primary, region = _tag(language)
    if primary == "es":
        return "es-419" if region in LATIN_AMERICA else "es"
    return str(language).replace("_", "-").lower()


def espeak_voice(language: str) -> str:
    """espeak-ng's voice for a guide in ``language``: ``es-419`` for ``es-US``, ``es-419``, ``es-MX``
    and every other Latin American Spanish, ``es`` for ``es-ES``; the tag in lower case otherwise
    (``en-us``)."""
    return _variety(language)


def piper_voice(language: str) -> str:
    """The installed Piper voice for ``language``: one for that very tag, else one of the same
    variety (any Latin American Spanish for ``es-US``), else any of the language;
    :class:`UnknownVoice` when none speaks it."""
    from guide.engines.piper_voices import find_voices

    primary, _ = _tag(language)
    wanted = str(language).replace("_", "-").lower()
    ranked = []
    for voice in find_voices():
        tag = voice.language.replace("_", "-").lower()
        if _tag(tag)[0] == primary:
            ranked.append((0 if tag == wanted else 1 if _variety(tag) == _variety(wanted) else 2,
                           voice.name))
    if ranked:
        return min(ranked, key=lambda r: r[0])[1]
    if primary == "en":
        raise UnknownVoice(f"There is no Piper voice for {language}. The natural voice for "
                           "English comes with: make natural.")
    raise UnknownVoice(f"There is no Piper voice for {language} installed, so this guide "
                       "cannot be spoken with the natural voice.", hint="piper-voices")


def default_voice(engine: str, language: str) -> str:
    """The voice ``engine`` uses for a guide in ``language`` when none is named
    (:func:`piper_voice` for Piper, :func:`espeak_voice` for pyttsx3)."""
    if engine == "piper":
        return piper_voice(language)
    return espeak_voice(language)


def choose(guide: Guide, engine: str | None = None, voice: str | None = None,
           rate: int | None = None, rate_label: str = "") -> Edition:
    """The edition of ``guide`` that these choices mean (``None`` keeps the guide's own)."""
    own = guide.engine
    own_voice = guide.voice or default_voice(own, guide.language)
    engine = engine or own
    if voice is None:
        voice = own_voice if engine == own else default_voice(engine, guide.language)
    parts = []
    if (engine, voice_name(voice)) != (own, voice_name(own_voice)):
        name = voice_name(voice)
        parts.append(slugify(name if engine == own else f"{engine}-{name}", "voice"))
    if rate_label:
        parts.append(rate_label)
    return Edition(engine, voice, rate or guide.rate, "-".join(parts))


def check_language(voice: dict, language: str) -> None:
    """Refuse a voice (as ``Engine.describe_voice`` gives it) that speaks another language."""
    spoken = str(voice.get("language") or "")
    if spoken and spoken.split("-")[0].lower() != language.split("-")[0].lower():
        raise WrongLanguageVoice(f"The voice {voice.get('name')} speaks {spoken}, but this guide is "
                                 f"in {language}. Choose a voice for {language}.")


def voice_line(voice: dict) -> str:
    """One sentence for tags and READMEs: ``Voice: en_US-joe-medium (dataset CC0; …).``"""
    licence = voice.get("licence") or "no licence on record"
    return f"Voice: {voice.get('name', 'unknown')} ({licence})."
