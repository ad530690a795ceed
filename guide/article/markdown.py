"""Reading a Markdown article with markdown-it-py, then the HTML reader.

The Markdown is rendered to HTML by markdown-it-py (CommonMark, plus tables
and strikethrough) and that HTML goes through :func:`.html.html_pieces` with
the whole document as the content root, so inline and block HTML is stripped
by the real HTML parser with the same furniture rules as an HTML article
(a ``<div class="newsletter">`` around Markdown paragraphs is removed whole).

What is read and what is not:

* YAML (``---``) and TOML (``+++``) **front matter** is never read. It is only
  taken as front matter when its first line looks like ``key: value`` or
  ``key = value``, so an opening horizontal rule is not mistaken for it. Its
  ``lang`` or ``language`` says the article's language (see :mod:`.language`);
* ``#`` and setext headings: the **first level-1 heading is the title**; a
  paragraph right under it that is wholly italic, or short without closing
  punctuation, is the **subtitle**; ``##`` and ``###`` start sections;
  ``####`` and deeper are kept as a short paragraph of their own;
* emphasis marks are removed and the words kept; **links** are read by their
  text, never their URL; **images** are never read, and a wholly italic line
  holding, or right under, an image is its caption and is not read;
* horizontal rules are not read; reference definitions are not read;
* **fenced code blocks** (````` ``` ````` and ``~~~``) are **not read**: a
  listener cannot use code read aloud. **Indented code blocks are read as
  plain paragraphs**, because in a prose article four leading spaces are
  almost always accidental indentation, not code. Inline ```code``` is read as
  its text;
* list items are items, and numbered ones keep their number; each table row
  is an item whose cells are named by the header row (see :mod:`.tables`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.token import Token

from guide.article.assemble import assemble
from guide.article.html import html_pieces
from guide.article.language import split_front_matter
from guide.model import Article


def strip_front_matter(text: str) -> str:
    """Remove YAML or TOML front matter from the start of a Markdown text."""
    return split_front_matter(text)[1]


def _no_fence(self: object, tokens: Sequence[Token], idx: int, options: object, env: object) -> str:
    """Fenced code is not read (a markdown-it render rule)."""
    return ""


def _indented_as_paragraphs(
    self: object, tokens: Sequence[Token], idx: int, options: object, env: object
) -> str:
    """Indented 'code' in a prose article is read as paragraphs (a render rule)."""
    chunks = re.split(r"\n[ \t]*\n", tokens[idx].content)
    return "".join(f"<p>{escapeHtml(c)}</p>\n" for c in chunks if c.strip())


def _renderer() -> MarkdownIt:
    """A CommonMark renderer with tables, strikethrough and the code rules above."""
    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    md.add_render_rule("fence", _no_fence)
    md.add_render_rule("code_block", _indented_as_paragraphs)
    return md


_MD = _renderer()


def markdown_to_html(text: str) -> str:
    """Render Markdown (front matter removed) to an HTML fragment."""
    return _MD.render(strip_front_matter(text))


def parse_markdown(text: str, path: Path | None = None, language: str | None = None) -> Article:
    """Read a Markdown article (already decoded and :func:`pre_clean`-ed) in ``language``."""
    content = html_pieces(markdown_to_html(text), whole_document=True, use_title_tag=False,
                          language=language)
    return assemble(
        content.pieces, "markdown", path, sources=content.sources,
        infer_subtitle=content.title_in_place, bylines=content.bylines, language=language,
    )
