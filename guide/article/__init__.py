"""Reading patient-education articles (plain text, Markdown, HTML) into an Article.

Public API::

    read_article(path, language=None) -> Article
    open_article(path, language=None) -> (Article, language)
    parse_article(text, format=None, path=None, language=None) -> Article
    detect_format(text, path=None) -> str          # "text", "markdown" or "html"
    MAX_ARTICLE_BYTES                               # 5 MiB, see guide.article.decode

The article's language is the one given, else the one it declares (``<html
lang>``, front matter), else ``en-US`` (:mod:`.language`); its furniture,
bylines and sources headings are found with that language's words and the
English ones (:mod:`.furniture`).

Everything that is never spoken — image captions, photo credits, feedback
and share widgets, ads, cookie banners, navigation — is left out; the
article's sources go to :attr:`Article.sources`, its bylines and review dates
to :attr:`Article.bylines` (kept for the editor, never spoken), and notes for
the editor, such as a table without a header row, to :attr:`Article.notes`.
Numbered list items keep their number (:attr:`Block.number`), and a table row
names each cell by its column header (:mod:`.tables`). Every failure is an
:class:`~guide.errors.ArticleError` with a one-line reason.  Each format's
parser is imported when an article in that format is read, so that importing
this package brings in neither BeautifulSoup and lxml nor markdown-it.

The format comes from the file extension (``.txt``/``.text``, ``.md``/
``.markdown``, ``.html``/``.htm``/``.xhtml``), failing that from the content:
a text starting with ``<!DOCTYPE html``, ``<html`` or an HTML element is
HTML; one with Markdown headings, fences, links, images, setext underlines or
front matter is Markdown; anything else is plain text.
"""

from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from guide.article.text import clean_text, pre_clean
from guide.errors import ArticleError
from guide.model import Article

__all__ = ["MAX_ARTICLE_BYTES", "detect_format", "open_article", "parse_article", "read_article"]

FORMATS = ("text", "markdown", "html")
_ALIASES = {
    "text": "text", "txt": "text", "plain": "text",
    "markdown": "markdown", "md": "markdown",
    "html": "html", "htm": "html", "xhtml": "html",
}
_EXTENSIONS = {
    ".txt": "text", ".text": "text",
    ".md": "markdown", ".markdown": "markdown", ".mdown": "markdown", ".mkd": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
}
TOO_DEEP = "has parts nested too deeply to read. Save the article as plain text and try again."
_HTML_START = re.compile(
    r"<(!doctype\s+html|html|head|body|article|main|section|div|p|h[1-6])[\s>/]", re.I
)
_MARKDOWN_SIGNS = re.compile(
    r"^(#{1,6}[ \t]+\S|```|~~~|(=+|-{3,})[ \t]*$|\s*!?\[[^\]\n]+\]\([^)\n]*\))"
    r"|\[[^\]\n]+\]\([^)\n]+\)",
    re.M,
)


def detect_format(text: str, path: Path | None = None) -> str:
    """``text``, ``markdown`` or ``html``: by extension, failing that by content."""
    if path is not None and path.suffix.lower() in _EXTENSIONS:
        return _EXTENSIONS[path.suffix.lower()]
    head = text.lstrip()[:2000]
    if head.startswith("<") and _HTML_START.match(head):
        return "html"
    if _MARKDOWN_SIGNS.search(text[:20000]):
        return "markdown"
    return "text"


def parse_article(text: str, format: str | None = None, path: Path | None = None,
                  language: str | None = None) -> Article:
    """Read an article from text; ``format`` is detected when not given, and ``language`` (a
    language the guide can speak) is the article's declared one, or English, when not given."""
    return _parse(text, format, path, language)[0]


def _parse(text: str, format: str | None, path: Path | None,
           language: str | None) -> tuple[Article, str]:
    """The article, and the language it was read in."""
    from guide.article.language import choose_language

    path = Path(path) if path is not None else None
    text = pre_clean(text)
    if not clean_text(text):
        from guide.article.decode import EMPTY

        raise ArticleError(path or Path("<text>"), EMPTY)
    if format is None:
        chosen = detect_format(text, path)
    elif format.lower() in _ALIASES:
        chosen = _ALIASES[format.lower()]
    else:
        raise ValueError(f"unknown article format {format!r}; use one of {', '.join(FORMATS)}")
    language, notes = choose_language(language, text, chosen)
    try:
        article = _reader(chosen)(text, path, language)
    except RecursionError:  # a parser library recursing on deeply nested input
        raise ArticleError(path or Path("<text>"), TOO_DEEP) from None
    article.notes[:0] = notes
    return article, language


_LAZY = {"parse_plain": "guide.article.plain", "parse_markdown": "guide.article.markdown",
         "parse_html": "guide.article.html", "MAX_ARTICLE_BYTES": "guide.article.decode"}
"""Names imported from their modules on first use: each format's parser when an article of that
format is read (the HTML reader brings in BeautifulSoup and lxml, the Markdown one markdown-it
too), and the reading limit."""


def __getattr__(name: str) -> Any:
    """``guide.article.parse_html``, the other parsers and ``MAX_ARTICLE_BYTES``, on first use."""
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(_LAZY[name]), name)
    globals()[name] = value
    return value


def _reader(chosen: str) -> Callable[[str, Path | None, str | None], Article]:
    name = {"text": "parse_plain", "markdown": "parse_markdown", "html": "parse_html"}[chosen]
    return getattr(sys.modules[__name__], name)


def read_article(path: Path | str, language: str | None = None) -> Article:
    """Read an article file: bounded read, decoding, format detection, parsing."""
    return open_article(path, language)[0]


def open_article(path: Path | str, language: str | None = None) -> tuple[Article, str]:
    """Read an article file, and say the language it is in: ``language`` when given, else the
    one it declares when the guide can speak it, else ``en-US``."""
    path = Path(path)
    from guide.article.decode import decode_article, read_article_bytes

    text = decode_article(read_article_bytes(path), path)
    return _parse(text, None, path, language)
