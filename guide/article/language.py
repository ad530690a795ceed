"""The language an article is in: given, declared by the article, or English.

``guide new`` writes a guide in the article's language, and the readers
remove the furniture of that language. The language is, in this order:

1. the one given (``guide new --language es-US``);
2. the one the article declares: an HTML article's ``<html lang="es-MX">``
   (or ``xml:lang``, or a ``<meta http-equiv="content-language">``), read
   with lxml's parser, never a regular expression; a Markdown article's
   front matter, ``lang: es`` or ``language: es-US`` (YAML), or
   ``lang = "es"`` (TOML). Plain text declares nothing;
3. failing both, :data:`DEFAULT`, ``en-US``.

A declared tag is written in its usual form (``es-mx`` is ``es-MX``). A
language declared without a region is taken in the United States, like the
default (``en`` is ``en-US``, ``es`` is ``es-US``; a note says so for Spanish,
whose numbers are written differently elsewhere). A tag the guide cannot
speak, or that is not a language tag at all (``x-default``), is not used: the
article is read as English, and a note says why.
"""

from __future__ import annotations

import re

DEFAULT = "en-US"
"The language of an article that declares none, when none is given."

WITHOUT_REGION = {"en": "en-US", "es": "es-US"}
"The tag used for a language an article declares without a region."

_HEAD_CHARS = 65536
"How much of an HTML page is looked at for its language: the ``<html>`` and ``<head>`` are early."
_TAG = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*")
_FRONT_MATTER_KEY = re.compile(r"^[A-Za-z_][\w.-]*\s*[:=]")
_FRONT_MATTER_CLOSERS = {"---": ("---", "..."), "+++": ("+++",)}
_LANGUAGE_KEY = re.compile(r"""^\s*(?:lang|language|locale)\s*[:=]\s*["']?([^"'\s#]+)["']?\s*(?:#.*)?$""",
                           re.I)


def split_front_matter(text: str) -> tuple[list[str], str]:
    """The lines of a Markdown text's YAML or TOML front matter, and the text after it.

    Front matter opens with ``---`` or ``+++`` on the first line, and its
    first line that is not blank looks like ``key: value`` or ``key = value``;
    otherwise there is none (``[]`` and the whole text).
    """
    lines = text.split("\n")
    opener = lines[0].strip()
    if opener not in _FRONT_MATTER_CLOSERS:
        return [], text
    closers = _FRONT_MATTER_CLOSERS[opener]
    inner = [line for line in lines[1:] if line.strip()]
    if not inner or not _FRONT_MATTER_KEY.match(inner[0]):
        return [], text
    for index in range(1, len(lines)):
        if lines[index].strip() in closers:
            return lines[1:index], "\n".join(lines[index + 1 :])
    return [], text


def canonical(tag: str) -> str | None:
    """A language tag in its usual form (``es-mx`` → ``es-MX``, ``es_419`` → ``es-419``), or
    ``None`` when ``tag`` is not one."""
    tag = tag.strip()
    if not _TAG.fullmatch(tag):
        return None
    parts = tag.replace("_", "-").split("-")
    out = [parts[0].lower()]
    for part in parts[1:]:
        if len(part) == 2 and part.isalpha():
            out.append(part.upper())
        elif len(part) == 4 and part.isalpha():
            out.append(part.title())
        else:
            out.append(part.lower())
    return "-".join(out)


def declared_language(text: str, format: str) -> str | None:
    """The language tag an article declares, as written, or ``None``."""
    if format == "markdown":
        for line in split_front_matter(text)[0]:
            match = _LANGUAGE_KEY.match(line)
            if match:
                return match[1]
        return None
    if format == "html":
        return _html_language(text[:_HEAD_CHARS])
    return None


def _html_language(head: str) -> str | None:
    """The ``lang`` of the ``<html>`` element, else a content-language ``<meta>``, up to ``<body>``."""
    from lxml import etree

    parser = etree.HTMLPullParser(events=("start",))
    try:
        parser.feed(head)
    except etree.LxmlError:  # pragma: no cover - lxml's HTML parser recovers from almost anything
        return None
    found: str | None = None
    for _, element in parser.read_events():
        name = str(element.tag).lower()
        if name == "html":
            found = element.get("lang") or element.get("xml:lang") or None
        elif name == "meta" and not found:
            if str(element.get("http-equiv", "")).lower() == "content-language":
                found = (element.get("content") or "").split(",")[0].strip() or None
        elif name == "body":
            break
    return found


def choose_language(given: str | None, text: str, format: str) -> tuple[str, list[str]]:
    """The language to read an article in, and notes for the editor about the choice.

    ``given`` is used as it is (the caller has checked it). A declared language
    that the guide cannot speak is noted and not used.
    """
    from guide.i18n import message
    from guide.speech import languages

    if given:
        return given, []
    declared = declared_language(text, format)
    if declared is None:
        return DEFAULT, []
    tag = canonical(declared)
    if tag is None or not languages.is_supported(tag):
        return DEFAULT, [message(DEFAULT, "draft.language_unknown", declared=declared, tag=DEFAULT)]
    if tag in WITHOUT_REGION:
        tag = WITHOUT_REGION[tag]
        if tag.startswith("es"):  # 1.5 and 2,400 in the US; 1,5 and 2.400 in Spain and elsewhere
            return tag, [message(tag, "draft.spanish_no_region", tag=tag)]
    return tag, []
