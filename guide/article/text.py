"""Character-level clean-up shared by every article reader.

Two steps, both lossless for the words a listener hears:

* :func:`pre_clean` runs once on the whole decoded text before it is parsed.
  It keeps line structure (newlines and tabs), turns every other line break
  (CR, CR LF, form feed, U+2028 ...) into ``\\n``, drops control, format
  (zero-width, soft hyphen, bidi marks) and private-use characters, and
  NFC-normalises.
* :func:`clean_text` runs on each block, heading, title and source. It does the
  same dropping, then folds every run of whitespace (including no-break
  spaces) to one space and strips the ends.

Curly quotes, dashes and every other visible character are kept as written;
turning them into speech is the normaliser's job.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_LINE_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_NOT_PLAIN_ASCII = re.compile(r"[^\t\n\x20-\x7e]")
_DROPPED_CATEGORIES = frozenset({"Cc", "Cf", "Co", "Cs"})


@lru_cache(maxsize=4096)
def _replacement(char: str) -> str:
    """What one non-ASCII (or ASCII control) character becomes."""
    if char.isspace():
        return " "
    if unicodedata.category(char) in _DROPPED_CATEGORIES:
        return ""
    return char


def _drop_invisible(text: str) -> str:
    """Remove control, format and private-use characters; keep ``\\n`` and tabs."""
    return _NOT_PLAIN_ASCII.sub(lambda m: _replacement(m.group()), text)


def pre_clean(text: str) -> str:
    """Prepare a whole decoded article for parsing, keeping its lines."""
    text = _LINE_BREAKS.sub("\n", text)
    return unicodedata.normalize("NFC", _drop_invisible(text))


def clean_text(text: str) -> str:
    """One block's text: invisible characters dropped, NFC, single spaces."""
    text = unicodedata.normalize("NFC", _drop_invisible(text))
    return " ".join(text.split())


def word_count(text: str) -> int:
    """Number of whitespace-separated words."""
    return len(text.split())


_CLOSERS = "\"'”’»)]}"
_CLOSING_PUNCTUATION = ".,;:!…"


def ends_a_sentence(text: str) -> bool:
    """Whether ``text`` ends with closing punctuation (``?`` does not count)."""
    stripped = text.rstrip().rstrip(_CLOSERS).rstrip()
    return bool(stripped) and stripped[-1] in _CLOSING_PUNCTUATION


def starts_capitalised(text: str) -> bool:
    """Whether the first letter or digit of ``text`` is not a lower-case letter."""
    for char in text:
        if char.isalnum():
            return not char.islower()
    return False


def is_title_case(text: str) -> bool:
    """Whether most words of four or more letters start with a capital."""
    long_words = [w for w in text.split() if sum(c.isalpha() for c in w) >= 4]
    if not long_words:
        return False
    capitals = sum(1 for w in long_words if starts_capitalised(w))
    return capitals / len(long_words) >= 0.75


def fold_key(text: str) -> str:
    """A comparison key: case-folded words, punctuation at the ends removed."""
    words = re.findall(r"[^\W_]+(?:['’][^\W_]+)*", text.casefold())
    return " ".join(words)
