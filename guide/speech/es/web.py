"""Web and e-mail addresses said in Spanish, so that a listener can type them.

As in English (:mod:`guide.speech.en.web`): the site by name with "punto"
("www.cdc.gov" → "C D C punto gov"), "www." and "https://" left out, the
path after a pause with each "/" said "barra", an index page, the query and
the fragment left out, a file ending spelled; e-mail is "nombre arroba sitio
punto org".  A short or vowel-less part is spelled; espeak-ng says capital
letters by their Spanish names ("C D C" → "se de se").  Nothing is read
character by character.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import unquote

from guide.speech.common import LazyPattern
from guide.speech.en.rules import EMAIL, URL

INDEX_PAGE = LazyPattern(r"(?i)(?:index|default|home|inicio)\.(?:html?|php|aspx?|jsp|cfm)")
"A last path part that the site serves by itself, left out."

FILE_EXTENSIONS = frozenset("html htm php asp aspx jsp pdf doc docx txt xml cfm".split())
"Endings of a path spelled letter by letter: '.pdf' → 'punto P D F'."

SPELLED_TLDS = frozenset("edu us uk mx ar co cl pe ve ec uy py bo cr gt hn sv ni pa do pr cu io".split())
"Endings spelled rather than said: 'edu' → 'E D U', 'mx' → 'M X'."

_TRAILING = ".,;:!?)]}'\""
_EMAIL = LazyPattern(EMAIL)
_URL = LazyPattern(URL, re.I)
_PATH_WORD = LazyPattern(r"[A-Z]?[a-záéíóúñü]+|[A-ZÁÉÍÓÚÑ]+(?![a-z])|[0-9]+")


def speak_addresses(text: str) -> str:
    """E-mail and web addresses said as names, with their paths."""
    text = _EMAIL.sub(lambda m: _keep_trailing(m.group(), say_email), text)
    return _URL.sub(lambda m: _keep_trailing(m.group(), say_url), text)


def _keep_trailing(found: str, say: Callable[[str], str]) -> str:
    core = found.rstrip(_TRAILING)
    return " " + say(core) + " " + found[len(core) :]


def spell(word: str) -> str:
    """Spell a word letter by letter: 'cdc' → 'C D C'."""
    return " ".join(c for c in word.upper() if c.isalnum())


def say_url(url: str) -> str:
    """'https://www.cdc.gov/spanish/embarazo/' → 'C D C punto gov, barra spanish barra embarazo'."""
    rest = re.sub(r"^[a-z]+://", "", url, flags=re.I)
    host, path = re.match(r"([^/?#]*)(.*)", rest, re.S).groups()  # type: ignore[union-attr]
    site = _say_host(host.split("@")[-1].split(":")[0].lower())
    spoken_path = _say_path(path)
    return f"{site}, barra {spoken_path}" if spoken_path else site


def say_email(address: str) -> str:
    """'info@clinica.org' → 'info arroba clinica punto org'."""
    name, _, host = address.partition("@")
    spoken = " punto ".join(_say_word(p, spell_short=False) for p in name.split(".") if p)
    return f"{spoken} arroba {_say_host(host.lower())}"


def _say_host(host: str) -> str:
    labels = [label for label in host.split(".") if label]
    if labels and labels[0] == "www":
        labels = labels[1:]
    if not labels:
        return "un sitio web"
    last = len(labels) - 1
    return " punto ".join(
        spell(label) if i == last and label in SPELLED_TLDS
        else label if i == last else _say_word(label)
        for i, label in enumerate(labels))


def _say_word(word: str, spell_short: bool = True) -> str:
    """A part of a name: said as a word, or spelled when short or without vowels."""
    spoken = []
    for part in re.split(r"[-_+%]+", word):
        if part.isdigit() or (re.search(r"[aeiouáéíóú]", part, re.I) and
                              not (spell_short and len(part) <= 3)):
            spoken.append(part.lower())
        elif part:
            spoken.append(spell(part))
    return " ".join(spoken)


def _say_path(path: str) -> str:
    path = unquote(re.split(r"[?#]", path)[0])
    parts = [p for p in path.split("/") if p.strip()]
    if parts and INDEX_PAGE.fullmatch(parts[-1]):
        parts.pop()
    return " barra ".join(_say_path_part(p) for p in parts)


def _say_path_part(part: str) -> str:
    pieces = part.split(".")
    ending = pieces.pop() if len(pieces) > 1 and pieces[-1].lower() in FILE_EXTENSIONS else None
    spoken = [" ".join(_say_path_word(w) for w in _PATH_WORD.findall(p)) for p in pieces]
    if ending:
        spoken.append(spell(ending))
    return " punto ".join(s for s in spoken if s)


def _say_path_word(word: str) -> str:
    if word.isdigit():
        return word if len(word) <= 2 else " ".join(word)
    if len(word) <= 2 or not re.search(r"[aeiouáéíóú]", word, re.I):
        return spell(word)
    return word.lower()
