"""Safe, unique file names from titles."""

from __future__ import annotations

import re
import unicodedata

MAX_SLUG = 48
"Longest slug, in characters, so that paths stay short on every file system."

_RESERVED = {
    "con", "prn", "aux", "nul",
    *(f"com{i}" for i in range(10)),
    *(f"lpt{i}" for i in range(10)),
}
"Names Windows will not create, whatever the extension."


def slugify(text: str, fallback: str = "chapter", max_length: int = MAX_SLUG) -> str:
    """Lower-case ASCII words joined by hyphens, never empty, never reserved.

    >>> slugify("Treatment in Subsequent Pregnancies")
    'treatment-in-subsequent-pregnancies'
    >>> slugify("../../etc/passwd")
    'etc-passwd'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_length:
            break
        slug = candidate
    if not slug and words:
        slug = words[0][:max_length]
    if not slug:
        slug = fallback
    if slug in _RESERVED:
        slug = f"{slug}-{fallback}"
    return slug


def unique_slugs(titles: list[str], fallback: str = "chapter", max_length: int = MAX_SLUG) -> list[str]:
    """Slugs for a list of titles, made unique with ``-2``, ``-3`` suffixes.

    A suffix never makes a slug longer than ``max_length``: the slug is cut
    to make room for it.
    """
    seen: set[str] = set()
    out: list[str] = []
    for title in titles:
        base = slugify(title, fallback, max_length)
        slug, n = base, 2
        while slug in seen:
            suffix = f"-{n}"
            slug = base[: max_length - len(suffix)].rstrip("-") + suffix
            n += 1
        seen.add(slug)
        out.append(slug)
    return out


EDITION_SEPARATOR = "--"
"Between a slug and an edition label in an output folder's name; no slug contains it."


def edition_name(slug: str, label: str = "") -> str:
    """The output folder of one edition of a guide: ``slug``, or ``slug--label``.

    An edition is the guide made differently (``slow``, ``120wpm``, later a
    voice). :func:`slugify` never makes ``--``, so the name of an edition can
    never be the slug of another guide.

    >>> edition_name("tiny", "slow")
    'tiny--slow'
    >>> edition_name("tiny")
    'tiny'
    """
    return f"{slug}{EDITION_SEPARATOR}{label}" if label else slug


def chapter_stem(number: int, title: str, width: int = 2) -> str:
    """``NN-chapter-slug``, zero-padded so that players sort chapters by name."""
    return f"{number:0{width}d}-{slugify(title)}"
