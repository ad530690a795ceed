"""A parsed HTML page and the facts the reader looks up about its elements.

Each fact is found for every element in one walk of the tree, so no step of
the reader walks an element's parents, or its whole inside, once per element:
that made a page of 50,000 nested ``<div>`` elements take minutes (the time
grew with the square of the depth). The walks are iterative, so depth never
reaches Python's recursion limit.

* Document order: each element's place in a pre-order list and the place of
  its last descendant, so "is A inside B" is two comparisons.
* Removal: :meth:`Page.remove` marks an element for the walk (the
  :class:`~.walker.Marks` it carries) and marks it and every element inside
  it as gone, each element once, so "is this element or a parent removed" is
  one set look-up.
* Text: how many characters each element holds, how many of them are in
  ``<p>`` elements that are not removed, whether it may have any words to
  read, and how many paragraphs, items and headings it holds (up to three).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable

from bs4 import BeautifulSoup, CData, NavigableString, Tag

from guide.article.walker import Marks

_READ_STRINGS = (NavigableString, CData)
"The string types bs4's ``get_text()`` and the walk read: not comments, scripts or styles."
_BLOCKS = frozenset({"p", "li", "h2", "h3", "h4"})
_BLOCKS_ENOUGH = 3


def _preorder(top: Tag) -> list[Tag]:
    """``top`` and every element inside it, in document order, without recursion."""
    order: list[Tag] = []
    stack = [top]
    while stack:
        tag = stack.pop()
        order.append(tag)
        stack.extend(c for c in reversed(tag.contents) if isinstance(c, Tag))
    return order


def _read_strings(tag: Tag):
    return (c for c in tag.contents if type(c) in _READ_STRINGS)


class Page:
    """A parsed page, what has been removed from it, and per-element facts."""

    def __init__(self, soup: BeautifulSoup) -> None:
        self.soup = soup
        self.marks = Marks()
        self.gone: set[int] = set()
        self.tags = _preorder(soup)
        self.place = {id(tag): index for index, tag in enumerate(self.tags)}
        self.last: dict[int, int] = {}
        self.chars: dict[int, int] = {}
        self.blocks: dict[int, int] = {}
        for tag in reversed(self.tags):
            self._measure(tag)
        self._h1s = [self.place[id(t)] for t in self.tags if t.name == "h1"]
        self._maybe_text: set[int] | None = None

    def _measure(self, tag: Tag) -> None:
        """Last descendant, characters and blocks of ``tag``; its children are measured."""
        children = [c for c in tag.contents if isinstance(c, Tag)]
        key = id(tag)
        self.last[key] = self.last[id(children[-1])] if children else self.place[key]
        self.chars[key] = (sum(len(s) for s in _read_strings(tag))
                           + sum(self.chars[id(c)] for c in children))
        self.blocks[key] = min(_BLOCKS_ENOUGH, sum(
            self.blocks[id(c)] + (c.name in _BLOCKS) for c in children))

    # ----------------------------------------------------------- questions

    def inside(self, tag: Tag, ancestor: Tag) -> bool:
        """Whether ``ancestor`` is one of the parents of ``tag``."""
        start, at = self.place[id(ancestor)], self.place[id(tag)]
        return start < at <= self.last[id(ancestor)]

    def is_removed(self, tag: Tag) -> bool:
        """Whether ``tag`` or one of its parents is marked as removed."""
        return id(tag) in self.gone

    def holds_h1(self, tag: Tag) -> bool:
        """Whether an ``<h1>`` is inside ``tag``."""
        after = bisect_right(self._h1s, self.place[id(tag)])
        return after < len(self._h1s) and self._h1s[after] <= self.last[id(tag)]

    def below(self, top: Tag) -> list[Tag]:
        """The elements inside ``top``, in document order."""
        return self.tags[self.place[id(top)] + 1: self.last[id(top)] + 1]

    def after(self, tag: Tag, top: Tag) -> list[Tag]:
        """The elements after the start of ``tag`` and inside ``top``, in document order."""
        return self.tags[self.place[id(tag)] + 1: self.last[id(top)] + 1]

    def flagged_below(self, top: Tag, test: Callable[[Tag], bool]) -> set[int]:
        """The elements inside ``top`` for which ``test`` holds, or holds for a parent below ``top``."""
        flagged: set[int] = set()
        for tag in self.below(top):
            if test(tag) or id(tag.parent) in flagged:
                flagged.add(id(tag))
        return flagged

    def may_have_text(self, tag: Tag) -> bool:
        """``False`` when :func:`~.walker.element_text` of ``tag`` is surely empty.

        Found once, for what is removed at the first call; later removals only
        take text away, so ``True`` stays a safe answer (check the text itself).
        """
        if self._maybe_text is None:
            self._maybe_text = self._find_text()
        return id(tag) in self._maybe_text

    def _find_text(self) -> set[int]:
        """Elements with a non-blank string inside them that the walk could read."""
        removed = self.marks.removed
        anything: set[int] = set()  # any non-blank string at all, as <pre> reads it
        readable: set[int] = set()
        for tag in reversed(self.tags):
            key = id(tag)
            own = any(s.strip() for s in _read_strings(tag))
            children = [c for c in tag.contents if isinstance(c, Tag)]
            if own or any(id(c) in anything for c in children):
                anything.add(key)
            if own or any(id(c) not in removed and id(c) in (anything if c.name == "pre" else readable)
                          for c in children):
                readable.add(key)
        return readable

    def paragraph_table(self) -> dict[int, int]:
        """For every element, the characters in the ``<p>`` elements inside it that are not removed,
        or a quarter of all its characters when that is none (what the root and wrapper tests use)."""
        in_p: dict[int, int] = {}
        for tag in reversed(self.tags):
            in_p[id(tag)] = sum(
                in_p[id(c)] + (self.chars[id(c)] if c.name == "p" else 0)
                for c in tag.contents if isinstance(c, Tag) and id(c) not in self.gone)
        return {key: total or self.chars[key] // 4 for key, total in in_p.items()}

    # ------------------------------------------------------------- marking

    def remove(self, node) -> None:
        """Mark ``node`` (an element or text) as not read, with everything inside it."""
        self.marks.removed.add(id(node))
        if not isinstance(node, Tag):
            return
        stack = [node]
        while stack:
            tag = stack.pop()
            if id(tag) in self.gone:  # already gone, with all inside it
                continue
            self.gone.add(id(tag))
            stack.extend(c for c in tag.contents if isinstance(c, Tag))
