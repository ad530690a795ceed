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


def default_voice(engine: str, language: str) -> str:
    """The voice ``engine`` uses for a guide in ``language`` when none is named."""
    if engine == "piper":
        from guide.engines.piper_voices import find_voices

        voices = find_voices()
        primary = language.split("-")[0].lower()
        for wanted in (language.lower(), primary):
            for voice in voices:
                tag = voice.language.lower()
                if tag == wanted or (wanted == primary and tag.split("-")[0] == primary):
                    return voice.name
        raise UnknownVoice(f"There is no Piper voice for {language}. The natural voice for "
                           "English comes with: make natural.")
    return language.lower()


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
