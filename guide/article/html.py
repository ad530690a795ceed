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
   A furniture heading ("Related Articles") is removed with its section, and
   so is a heading such as "Más información" over nothing but links.
5. **Page furniture** is removed: ``nav``, ``header``, ``footer``, ``aside``,
   ``menu``; ARIA roles navigation, banner, contentinfo, complementary,
   search, dialog ...; and elements whose class, id or aria-label has a
   furniture keyword (ad, cookie, newsletter, subscribe, share, social, promo,
   related, feedback, breadcrumb ... see :mod:`.furniture`). A keyword never
   removes a wrapper — an element holding more than half of the root's
   paragraph text in three or more blocks, such as ``<div class="post
   has-share-bar">`` — and the title and subtitle are lifted out of whatever
   furniture they stand in. Bylines and review dates in a removed ``header``,
   ``footer`` or byline element ("Medically reviewed by ...", "Last updated
   ...") are kept in :attr:`Article.bylines` for the editor, never read.
6. The root is walked in order: ``h1``–``h3`` are headings that start
   sections; ``h4``–``h6`` are headings the assembler keeps as a short
   paragraph of their own (a bold lead-in); ``li`` is an item; ``p``, ``div``
   and other blocks are paragraphs (``<ol>`` items keep their numbers); each
   table row is an item whose cells are named by their column headers (see
   :mod:`.tables`); ``<br>`` folds to a space; ``<pre>`` is read as text
   unless it holds ``<code>``; footnote markers (``<sup><a>1</a></sup>``,
   ``<sup>[2]</sup>``) are not read; a wholly italic paragraph holding, or
   right under, a picture is its caption and is not read. Entities are
   decoded by the parser. (The walk itself is :mod:`.walker`.)

The furniture words are those of the article's ``language`` (see
:mod:`.furniture`).

Every step takes time in proportion to the size of the page, however deeply
it nests (50,000 nested ``<div>`` elements are read in a second or two): what
a step needs to know about an element's parents or inside is found for all
elements in one walk (:mod:`.page`), never by walking up or down from each.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup, PageElement, Tag

from guide.article import furniture
from guide.article.assemble import Piece, assemble
from guide.article.page import Page
from guide.article.text import clean_text, fold_key, word_count
from guide.article.walker import HEADINGS, Walker, element_text, heading_level, source_entries
from guide.model import Article

_TITLE_SEPARATORS = (" | ", " – ", " — ", " - ", " :: ", " · ")
_SOURCE_CONTAINERS = frozenset(
    {"div", "section", "ol", "ul", "aside", "footer", "details", "dl", "p"}
)


@dataclass
class HtmlContent:
    """What :func:`html_pieces` found, ready for :func:`~.assemble.assemble`."""

    pieces: list[Piece] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    bylines: list[str] = field(default_factory=list)
    "Bylines and review dates found in page furniture, which is never read."
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


def _remove_never_read(page: Page) -> None:
    """Mark scripts, styles, media, forms, figures and hidden elements as removed.

    Marking rather than ``decompose()`` keeps this linear: bs4 finds an
    element's place among its siblings one by one on every removal.
    """
    for tag in _elements(page.soup, page.marks.removed):
        if tag.name in furniture.NEVER_READ_TAGS or furniture.is_hidden(tag):
            page.remove(tag)


def _root(page: Page, whole_document: bool) -> Tag:
    """The element holding the article's content."""
    soup = page.soup
    body = soup.body or soup
    if whole_document:
        return body
    chars = page.paragraph_table()
    mains = soup.find_all("main") + soup.find_all(role="main")
    for candidates in (soup.find_all("article"), mains):
        candidates = [c for c in candidates if not page.is_removed(c)]
        if candidates:
            best = max(candidates, key=lambda c: chars[id(c)])
            if chars[id(best)] * 2 >= chars[id(body)]:
                return best
    return body


def _is_furniture(tag: Tag, allow_header: bool = False, language: str | None = None) -> bool:
    """Whether one element is page furniture by tag, role or keyword."""
    if tag.name in furniture.STRUCTURAL_TAGS:
        return not (allow_header and tag.name == "header")
    if furniture.has_furniture_role(tag):
        return not (allow_header and str(tag.get("role", "")).lower() == "banner")
    return furniture.has_furniture_keyword(tag, language)


def _in_furniture_below(page: Page, top: Tag) -> set[int]:
    """The elements inside ``top`` that are furniture or inside furniture below ``top``
    (a ``<header>`` or banner is not furniture here: a title stands in one)."""
    language = page.marks.language
    return page.flagged_below(top, lambda tag: _is_furniture(tag, allow_header=True, language=language))


def _has_text(tag: Tag, page: Page) -> bool:
    return page.may_have_text(tag) and bool(element_text(tag, page.marks))


def _find_title(page: Page, root: Tag) -> Tag | None:
    """The ``<h1>`` that is the article's title, if there is one."""
    headers = page.flagged_below(page.soup, lambda tag: tag.name == "header")
    for top in (root, page.soup):
        in_furniture = _in_furniture_below(page, top)
        first = None
        for h1 in top.find_all("h1"):
            if page.is_removed(h1) or id(h1) in in_furniture or not _has_text(h1, page):
                continue
            if id(h1.parent) not in headers:
                return h1
            first = first or h1
        if first is not None:
            return first
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


_DEK_TRIES = 100
"Elements marked as a dek that are looked at before giving up: a real page has one or two."


def _marked_subtitle(title: Tag | None, root: Tag, page: Page) -> Tag | None:
    """An element marked as the dek by class or id, between the title and the next heading."""
    nodes = page.after(title, root) if title is not None else page.below(root)
    in_furniture: set[int] | None = None
    tries = 0
    for node in nodes:
        if node.name in HEADINGS:
            break
        if page.is_removed(node) or not furniture.is_subtitle_element(node):
            continue
        tries += 1
        if tries > _DEK_TRIES:
            break
        if in_furniture is None:
            in_furniture = _in_furniture_below(page, root)
        if id(node.parent) not in in_furniture and _has_text(node, page):
            return node
    return None


def _find_subtitle(title: Tag | None, root: Tag, page: Page) -> Tag | None:
    """The dek: marked by class or id, or right after the ``<h1>`` in a header."""
    marked = _marked_subtitle(title, root, page)
    if marked is not None or title is None or title.parent is None:
        return marked
    in_header = title.parent.name in ("header", "hgroup") or title.find_parent("header")
    following = (t for t in title.find_next_siblings(True) if id(t) not in page.marks.removed)
    after = next(following, None)
    if in_header and after is not None and after.name in ("p", "h2", "h3", "div", "span"):
        if (0 < word_count(element_text(after, page.marks)) <= 40
                and not _is_furniture(after, language=page.marks.language)):
            return after
    return None


def _adds_text(node: PageElement, page: Page) -> bool:
    """Whether a node may add words to what its parent reads (a safe guess)."""
    if id(node) in page.marks.removed:
        return False
    if isinstance(node, Tag):
        return page.may_have_text(node) or node.name == "img"
    return bool(str(node).strip())


def _section_after(heading: Tag, root: Tag, page: Page) -> tuple[Tag, list[PageElement]]:
    """A heading (or the wrapper holding only it) and what follows it, up to the
    next heading of its level or higher."""
    level = heading_level(heading)
    text = element_text(heading, page.marks)
    node = heading
    while node.parent is not None and node.parent is not root:
        others = [c for c in node.parent.contents if c is not node]
        if any(_adds_text(c, page) for c in others):
            if element_text(node.parent, page.marks) != text:
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


def _take_sections(root: Tag, keep: list[Tag], page: Page) -> list[str]:
    """Mark sources (returned) and furniture sections (dropped) as removed."""
    marks = page.marks
    language = marks.language
    sources: list[str] = []
    for tag in _elements(root, marks.removed):
        if tag.name in _SOURCE_CONTAINERS and furniture.is_sources_element(tag, language):
            holds_title = any(page.inside(k, tag) for k in keep)
            if not page.holds_h1(tag) and not holds_title:
                sources += source_entries([tag], marks)
                page.remove(tag)
    in_heading = page.flagged_below(root, lambda tag: tag.name in HEADINGS)
    for heading in root.find_all(HEADINGS):
        if id(heading) in marks.roles or page.is_removed(heading) or id(heading.parent) in in_heading:
            continue  # a heading inside another is read, and judged, as part of it
        text = element_text(heading, marks)
        is_sources = furniture.is_sources_heading(text, language)
        links = furniture.is_links_heading(text, language)
        if is_sources or links or furniture.is_furniture_heading(text, language):
            node, following = _section_after(heading, root, page)
            if links and not _only_links(following, page):
                continue
            if is_sources:
                sources += source_entries(following, marks)
            for removed in [node, *following]:
                page.remove(removed)
    return sources


def _only_links(nodes: list[PageElement], page: Page) -> bool:
    """Whether every word of some nodes is the text of a link (and there are some)."""
    read = [n for n in nodes if id(n) not in page.marks.removed]
    text = clean_text(" ".join(n.get_text(" ") if isinstance(n, Tag) else str(n) for n in read))
    links = [a for n in read if isinstance(n, Tag) for a in n.find_all("a")]
    linked = clean_text(" ".join(a.get_text(" ") for a in links))
    return bool(links) and len(fold_key(text).replace(" ", "")) == len(fold_key(linked).replace(" ", ""))


def _is_wrapper(tag: Tag, guard: int, chars: dict[int, int], page: Page) -> bool:
    """Whether a keyword-matched element wraps the article (most of its text, many blocks)."""
    if not guard or chars[id(tag)] * 2 <= guard:
        return False
    return page.blocks[id(tag)] >= 3


def _remove_furniture(root: Tag, keep: list[Tag], page: Page) -> list[str]:
    """Mark page furniture below ``root`` as removed, lifting out the title and subtitle;
    return the bylines found in what is removed.

    Elements removed here are never inside a later one, so the paragraph
    counts taken at the start stay right for every element looked at.
    """
    chars = page.paragraph_table()
    guard = chars[id(root)]
    language = page.marks.language
    bylines: list[str] = []
    for tag in _elements(root, page.marks.removed):
        if any(tag is k for k in keep):
            continue
        structural = tag.name in furniture.STRUCTURAL_TAGS or furniture.has_furniture_role(tag)
        keyword = not structural and furniture.has_furniture_keyword(tag, language)
        if (structural or keyword) and not (keyword and _is_wrapper(tag, guard, chars, page)):
            if furniture.may_hold_byline(tag, language):
                bylines += [p.text for p in Walker(page.marks).walk(tag)
                            if p.kind != "heading" and furniture.holds_byline(p.text, language)]
            page.remove(tag)
            inside = [k for k in keep if page.inside(k, tag)]
            if inside:
                page.marks.lifted[id(tag)] = inside
    return bylines


def html_pieces(
    markup: str, whole_document: bool = False, use_title_tag: bool = True,
    language: str | None = None,
) -> HtmlContent:
    """Parse HTML in ``language`` and return its pieces and sources (steps 1–6 above)."""
    page = Page(BeautifulSoup(markup, "lxml"))
    marks = page.marks
    marks.language = language
    title_text = _title_tag_text(page.soup) if use_title_tag else ""
    _remove_never_read(page)
    root = _root(page, whole_document)
    title = _find_title(page, root)
    content = HtmlContent()
    if title is not None and not page.inside(title, root):
        title_text, title = element_text(title, marks), None
    subtitle = _find_subtitle(title, root, page)
    keep = [t for t in (title, subtitle) if t is not None]
    if title is not None:
        marks.roles[id(title)] = "title"
    if subtitle is not None:
        marks.roles[id(subtitle)] = "subtitle"
    content.sources = _take_sections(root, keep, page)
    content.bylines = _remove_furniture(root, keep, page)
    content.pieces = Walker(marks).walk(root)
    if title is None and title_text:
        content.pieces.insert(0, Piece("heading", title_text, level=1, role="title"))
        content.title_in_place = False
    return content


def parse_html(text: str, path: Path | None = None, language: str | None = None) -> Article:
    """Read an HTML article (already decoded and :func:`pre_clean`-ed) in ``language``."""
    content = html_pieces(text, language=language)
    return assemble(
        content.pieces, "html", path, sources=content.sources,
        infer_subtitle=content.title_in_place, bylines=content.bylines, language=language,
    )
