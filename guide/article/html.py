"""Reading an HTML article with BeautifulSoup and lxml (never regular expressions).

What is read, in order of the steps of :func:`html_pieces`:

1. Elements that are never read are dropped with everything in them:
   ``script``, ``style``, ``noscript``, ``template``, ``svg``, ``iframe``,
   media, forms and their controls, ``figure``/``figcaption``, ``<head>``,
   comments, and anything ``hidden``, ``aria-hidden="true"``,
   ``display:none`` or ``type="hidden"``.
2. The **content root** is the ``<article>`` (or else ``<main>``) holding
   the most paragraph text, when it holds at least half of the page's
   paragraph text; otherwise the ``<body>``.
3. The **title** is the first ``<h1>`` in the root that is not inside page
   furniture (preferring one outside any ``<header>``), else the first such
   ``<h1>`` in the page, else the ``<title>`` up to its first `` | `` or
   `` - ``. The **subtitle** is an element between the title and the next
   heading whose class or id says dek, subtitle, standfirst ... or, when the
   ``<h1>`` stands in a ``<header>`` or ``<hgroup>``, the short element right
   after it.
4. **Sources**: an element whose class or id says sources, references,
   citations ..., and a sources heading ("Article Sources", "References" ...)
   with what follows it up to the next heading of its level, go to
   :attr:`Article.sources` — wherever they are, even in an article's footer.
   A furniture heading ("Related Articles") is removed with its section.
5. **Page furniture** is removed: ``nav``, ``header``, ``footer``, ``aside``,
   ``menu``; ARIA roles navigation, banner, contentinfo, complementary,
   search, dialog ...; and elements whose class, id or aria-label has a
   furniture keyword (ad, cookie, newsletter, subscribe, share, social, promo,
   related, feedback, breadcrumb ... see :mod:`.furniture`). A keyword never
   removes a wrapper — an element holding more than half of the root's
   paragraph text in three or more blocks, such as ``<div class="post
   has-share-bar">`` — and the title and subtitle are lifted out of whatever
   furniture they stand in.
6. The root is walked in order: ``h1``–``h3`` are headings that start
   sections; ``h4``–``h6`` are headings the assembler keeps as a short
   paragraph of their own (a bold lead-in); ``li`` is an item; ``p``, ``div``
   and other blocks are paragraphs; each table row is an item whose cells are
   joined with commas; ``<br>`` folds to a space; ``<pre>`` is read as text
   unless it holds ``<code>``; footnote markers (``<sup><a>1</a></sup>``,
   ``<sup>[2]</sup>``) are not read; a wholly italic paragraph holding, or
   right under, a picture is its caption and is not read. Entities are
   decoded by the parser. (The walk itself is :mod:`.walker`.)
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup, PageElement, Tag

from ..model import Article
from . import furniture
from .assemble import Piece, assemble
from .text import clean_text, word_count
from .walker import HEADINGS, Marks, Walker, element_text, heading_level, source_entries

_TITLE_SEPARATORS = (" | ", " – ", " — ", " - ", " :: ", " · ")
_SOURCE_CONTAINERS = frozenset(
    {"div", "section", "ol", "ul", "aside", "footer", "details", "dl", "p"}
)


@dataclass
class HtmlContent:
    """What :func:`html_pieces` found, ready for :func:`~.assemble.assemble`."""

    pieces: list[Piece] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    title_in_place: bool = True
    "The title is a piece in reading order, so a dek may be looked for under it."


def _elements(root: Tag, removed: set[int]) -> Iterator[Tag]:
    """Elements below ``root`` in document order, skipping removed subtrees.

    The caller may mark the element it was just given as removed; its inside is
    then not visited.
    """
    stack: list[PageElement] = list(reversed(root.contents))
    while stack:
        node = stack.pop()
        if not isinstance(node, Tag) or id(node) in removed:
            continue
        yield node
        if id(node) not in removed:
            stack.extend(reversed(node.contents))


def _inside(tag: PageElement, ancestor: Tag) -> bool:
    """Whether ``ancestor`` is one of the parents of ``tag`` (by identity)."""
    return any(parent is ancestor for parent in tag.parents)


def _is_removed(tag: Tag, removed: set[int]) -> bool:
    """Whether ``tag`` or one of its parents is marked as removed."""
    return id(tag) in removed or any(id(parent) in removed for parent in tag.parents)


def _paragraph_chars(tag: Tag, removed: set[int]) -> int:
    """How much text the element holds in ``<p>`` elements (or at all, failing that)."""
    paragraphs = [p for p in tag.find_all("p") if not _is_removed(p, removed)]
    total = sum(len(p.get_text()) for p in paragraphs)
    return total or len(tag.get_text()) // 4


def _remove_never_read(soup: BeautifulSoup, removed: set[int]) -> None:
    """Mark scripts, styles, media, forms, figures and hidden elements as removed.

    Marking rather than ``decompose()`` keeps this linear: bs4 finds an
    element's place among its siblings one by one on every removal.
    """
    for tag in _elements(soup, removed):
        if tag.name in furniture.NEVER_READ_TAGS or furniture.is_hidden(tag):
            removed.add(id(tag))


def _root(soup: BeautifulSoup, whole_document: bool, removed: set[int]) -> Tag:
    """The element holding the article's content."""
    body = soup.body or soup
    if whole_document:
        return body
    page = _paragraph_chars(body, removed)
    mains = soup.find_all("main") + soup.find_all(role="main")
    for candidates in (soup.find_all("article"), mains):
        candidates = [c for c in candidates if not _is_removed(c, removed)]
        if candidates:
            best = max(candidates, key=lambda c: _paragraph_chars(c, removed))
            if _paragraph_chars(best, removed) * 2 >= page:
                return best
    return body


def _is_furniture(tag: Tag, allow_header: bool = False) -> bool:
    """Whether one element is page furniture by tag, role or keyword."""
    if tag.name in furniture.STRUCTURAL_TAGS:
        return not (allow_header and tag.name == "header")
    if furniture.has_furniture_role(tag):
        return not (allow_header and str(tag.get("role", "")).lower() == "banner")
    return furniture.has_furniture_keyword(tag)


def _in_furniture(tag: Tag, top: Tag, allow_header: bool = True) -> bool:
    """Whether ``tag`` or an ancestor below ``top`` is furniture."""
    node: Tag | None = tag
    while node is not None and node is not top:
        if _is_furniture(node, allow_header):
            return True
        node = node.parent
    return False


def _find_title(soup: BeautifulSoup, root: Tag, marks: Marks) -> Tag | None:
    """The ``<h1>`` that is the article's title, if there is one."""
    for top in (root, soup):
        found = [h for h in top.find_all("h1") if not _is_removed(h, marks.removed)]
        found = [h for h in found if element_text(h, marks) and not _in_furniture(h, top)]
        outside = [h for h in found if h.find_parent("header") is None]
        if found:
            return (outside or found)[0]
    return None


def _title_tag_text(soup: BeautifulSoup) -> str:
    """The ``<title>`` text up to the site name that often follows it."""
    if soup.title is None:
        return ""
    text = clean_text(soup.title.get_text())
    for separator in _TITLE_SEPARATORS:
        if separator in text:
            text = text.split(separator)[0].strip()
    return text


def _marked_subtitle(title: Tag | None, root: Tag, marks: Marks) -> Tag | None:
    """An element marked as the dek by class or id, between the title and the next heading."""
    nodes = title.next_elements if title is not None else root.descendants
    for node in nodes:
        if not isinstance(node, Tag):
            continue
        if node.name in HEADINGS or not _inside(node, root):
            break
        if _is_removed(node, marks.removed) or not furniture.is_subtitle_element(node):
            continue
        if element_text(node, marks) and not _in_furniture(node.parent, root):
            return node
    return None


def _find_subtitle(title: Tag | None, root: Tag, marks: Marks) -> Tag | None:
    """The dek: marked by class or id, or right after the ``<h1>`` in a header."""
    marked = _marked_subtitle(title, root, marks)
    if marked is not None or title is None or title.parent is None:
        return marked
    in_header = title.parent.name in ("header", "hgroup") or title.find_parent("header")
    following = (t for t in title.find_next_siblings(True) if id(t) not in marks.removed)
    after = next(following, None)
    if in_header and after is not None and after.name in ("p", "h2", "h3", "div", "span"):
        if 0 < word_count(element_text(after, marks)) <= 40 and not _is_furniture(after):
            return after
    return None


def _section_after(heading: Tag, root: Tag, marks: Marks) -> tuple[Tag, list[PageElement]]:
    """A heading (or the wrapper holding only it) and what follows it, up to the
    next heading of its level or higher."""
    level = heading_level(heading)
    node = heading
    while node.parent is not None and node.parent is not root:
        if element_text(node.parent, marks) != element_text(node, marks):
            break
        node = node.parent
    following: list[PageElement] = []
    for sibling in node.next_siblings:
        if isinstance(sibling, Tag) and _holds_heading(sibling, level):
            break
        following.append(sibling)
    return node, following


def _holds_heading(tag: Tag, level: int) -> bool:
    """Whether ``tag`` is or holds a heading of ``level`` or higher."""
    if tag.name in HEADINGS and heading_level(tag) <= level:
        return True
    return tag.find(lambda t: t.name in HEADINGS and heading_level(t) <= level) is not None


def _take_sections(root: Tag, marks: Marks) -> list[str]:
    """Mark sources (returned) and furniture sections (dropped) as removed."""
    sources: list[str] = []
    for tag in _elements(root, marks.removed):
        if tag.name in _SOURCE_CONTAINERS and furniture.is_sources_element(tag):
            holds_title = any(id(t) in marks.roles for t in tag.find_all(True))
            if tag.find("h1") is None and not holds_title:
                sources += source_entries([tag], marks)
                marks.removed.add(id(tag))
    for heading in root.find_all(HEADINGS):
        if id(heading) in marks.roles or _is_removed(heading, marks.removed):
            continue
        text = element_text(heading, marks)
        is_sources = furniture.is_sources_heading(text)
        if is_sources or furniture.is_furniture_heading(text):
            node, following = _section_after(heading, root, marks)
            if is_sources:
                sources += source_entries(following, marks)
            marks.removed.update(id(n) for n in [node, *following])
    return sources


def _is_wrapper(tag: Tag, guard: int, removed: set[int]) -> bool:
    """Whether a keyword-matched element wraps the article (most of its text, many blocks)."""
    if not guard or _paragraph_chars(tag, removed) * 2 <= guard:
        return False
    return len(tag.find_all(["p", "li", "h2", "h3", "h4"], limit=3)) >= 3


def _remove_furniture(root: Tag, keep: list[Tag], marks: Marks) -> None:
    """Mark page furniture below ``root`` as removed, lifting out the title and subtitle."""
    guard = _paragraph_chars(root, marks.removed)
    for tag in _elements(root, marks.removed):
        if any(tag is k for k in keep):
            continue
        structural = tag.name in furniture.STRUCTURAL_TAGS or furniture.has_furniture_role(tag)
        keyword = not structural and furniture.has_furniture_keyword(tag)
        if (structural or keyword) and not (keyword and _is_wrapper(tag, guard, marks.removed)):
            marks.removed.add(id(tag))
            inside = [k for k in keep if _inside(k, tag)]
            if inside:
                marks.lifted[id(tag)] = inside


def html_pieces(
    markup: str, whole_document: bool = False, use_title_tag: bool = True
) -> HtmlContent:
    """Parse HTML and return its pieces and sources (steps 1–6 above)."""
    soup = BeautifulSoup(markup, "lxml")
    title_text = _title_tag_text(soup) if use_title_tag else ""
    marks = Marks()
    _remove_never_read(soup, marks.removed)
    root = _root(soup, whole_document, marks.removed)
    title = _find_title(soup, root, marks)
    content = HtmlContent()
    if title is not None and not _inside(title, root):
        title_text, title = element_text(title, marks), None
    subtitle = _find_subtitle(title, root, marks)
    keep = [t for t in (title, subtitle) if t is not None]
    if title is not None:
        marks.roles[id(title)] = "title"
    if subtitle is not None:
        marks.roles[id(subtitle)] = "subtitle"
    content.sources = _take_sections(root, marks)
    _remove_furniture(root, keep, marks)
    content.pieces = Walker(marks).walk(root)
    if title is None and title_text:
        content.pieces.insert(0, Piece("heading", title_text, level=1, role="title"))
        content.title_in_place = False
    return content


def parse_html(text: str, path: Path | None = None) -> Article:
    """Read an HTML article (already decoded and :func:`pre_clean`-ed)."""
    content = html_pieces(text)
    return assemble(
        content.pieces, "html", path, sources=content.sources,
        infer_subtitle=content.title_in_place,
    )
