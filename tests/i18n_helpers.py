"""Helpers of the tests that a Spanish guide shows and says no English: the English catalogues' words."""

from __future__ import annotations

import re
import string

from guide import i18n


def fixed_parts(text: str) -> list[str]:
    """The words a message writes itself, between its ``{fields}``: each piece of at least one word
    of three letters or more, stripped of the spaces and punctuation around it."""
    pieces = [literal for literal, *_ in string.Formatter().parse(text)]
    out = []
    for piece in pieces:
        for line in piece.splitlines():
            line = line.strip(" .,;:()[]-")
            if re.search(r"[A-Za-z]{3,}", line):
                out.append(line)
    return out


def english_only(domain: str, lang: str = "es") -> dict[str, list[str]]:
    """For each message of ``domain``, the English pieces its ``lang`` text does not also have
    (a word such as "Enter" or "MP3" may be the same in both)."""
    english = i18n.catalogue(domain, "en")
    other = i18n.catalogue(domain, lang)
    return {key: [part for part in fixed_parts(text) if part not in other[key]]
            for key, text in english.items()}


def has_word(piece: str, text: str) -> bool:
    """Whether ``piece`` is in ``text`` as whole words (so "Play" is not found in "Player")."""
    return re.search(rf"(?<!\w){re.escape(piece)}(?!\w)", text) is not None


NAMES = {"chapters"}
"English pieces that are also file or folder names, which a Spanish page may name (\"la carpeta chapters\")."


def english_in(text: str, *domains: str) -> list[str]:
    """Every English piece of the ``domains``' catalogues that ``text`` says, as ``domain.key: piece``
    (a piece that is only a file's name, such as the chapters folder, does not count)."""
    return [f"{domain}.{key}: {part}" for domain in domains
            for key, parts in english_only(domain).items() for part in parts
            if part not in NAMES and has_word(part, text)]


SPANISH_GUIDE = {
    "guide.toml": 'title = "Guía de prueba"\nlanguage = "es-US"\nvoice = "es-419"\nrate = 150\n'
                  'source = "ninguna"\npublisher = "Clínica de prueba"\n',
    "01-bienvenida.txt": "# Title: Bienvenida\n# Source: none\n\n"
                         "Esta guía sirve para probar el reproductor. Tiene cuatro capítulos cortos. "
                         "Cada capítulo tiene unas pocas oraciones.\n\n"
                         "Puede hacer una pausa, pasar de un capítulo a otro y escuchar una oración "
                         "otra vez. También puede escucharla más rápido o más lento.\n",
    "02-senales.txt": "# Title: Señales\n# Source: none\n\n"
                      "Estas son algunas señales. Esté atenta a ellas todos los días.\n\n"
                      "- Dolor en la parte baja del vientre.\n- Un cambio en cómo se siente.\n"
                      "- Sangrado de cualquier tipo.\n",
    "03-que-hacer.txt": "# Title: Qué hacer\n# Source: none\n\n"
                        "Si nota una señal, llame a la clínica. No espere hasta el día siguiente.\n",
    "04-fin.txt": "# Title: El final\n# Source: none\n\nEso es todo. Gracias por escuchar.\n",
}
"A small Spanish guide (es-US, voice es-419) of four chapters; the first is longer than 16 s."


def build_spanish(root, approved: bool = False):
    """Build :data:`SPANISH_GUIDE` under ``root`` with the real engine: (its folder, the report).

    ``approved`` approves it first, so that its chapter 1 has no draft notice."""
    from guide import approval
    from guide.build.run import BuildOptions, build
    from guide.engines.base import Pyttsx3Engine
    from guide.scripts.store import load_guide

    from .helpers import write_guide_folder

    folder = write_guide_folder(root / "scripts" / "guia", SPANISH_GUIDE)
    if approved:
        approval.approve(load_guide(folder), "Dana Lee, RN")
    options = BuildOptions(out_root=root / "audio_out", cache_dir=root / "cache", jobs=2)
    return folder, build(load_guide(folder), Pyttsx3Engine(), options)
