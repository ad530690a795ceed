"""What is never spoken: page furniture, captions, credits and widgets.

The rules here are shared by the plain-text, Markdown and HTML readers:

* **text rules** look at one line or block of text — a feedback widget
  ("Was this page helpful?"), a share bar, "Advertisement", a photo credit
  ("Hero Images/Getty Images"), a byline or date line, or a heading that
  starts a furniture section ("Related Articles", "Table of Contents");
* **element rules** look at one HTML element — its tag (``nav``, ``aside``,
  ``figure`` ...), its ARIA role, whether it is hidden, and keywords in its
  ``class``, ``id`` and ``aria-label`` (ad, cookie, newsletter, share ...).

Keywords are matched against the *tokens* of a class or id (split at anything
that is not a letter or digit), so ``ad`` matches ``ad-slot`` and
``google_ads`` but not ``header``, ``download`` or ``lead``.

It also knows which headings introduce the article's sources.

Every rule takes the article's ``language`` (a BCP 47 tag; English when it is
not given). An English article is read with the English tables here; an
article in another language with the English tables *and* its own
(:class:`Words`, from :mod:`.furniture_es` for Spanish: "¿Le resultó útil
esta página?", "Artículos relacionados", "Revisado por ..."), because pages in
Spanish often keep English widgets. A language with no tables of its own is
read with the English ones.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from guide.article import furniture_es
from guide.article.dates import dates_in
from guide.article.text import fold_key, word_count
from guide.article.words import Words

if TYPE_CHECKING:
    from bs4 import Tag

# ------------------------------------------------------------------ text rules

FURNITURE_PHRASES = frozenset(
    fold_key(p)
    for p in (
        "Was this page helpful?", "Was this article helpful?", "Was this helpful?",
        "Did you find this article helpful?", "Did you find this page helpful?",
        "Is this page useful?", "Thanks for your feedback!", "Thank you for your feedback!",
        "Tell us why!", "What is your feedback?", "Yes No", "Helpful Not helpful",
        "Advertisement", "Advertisements", "Sponsored", "Sponsored content", "Paid content",
        "Share", "Share this", "Share this article", "Share this page", "Share on Facebook",
        "Share on Twitter", "Share on Pinterest", "Tweet", "Pin it", "Email", "Print",
        "Print this page", "Sign up for our newsletter", "Subscribe to our newsletter",
        "Subscribe", "Sign up", "Skip to content", "Skip to main content", "Back to top",
        "Read more", "Continue reading", "See more", "Accept all cookies", "Accept cookies",
        "Reject all", "Cookie settings", "Manage cookies", "Loading", "Jump to",
    )
)
"Lines and blocks that are never read, compared by :func:`~.text.fold_key`."

FURNITURE_HEADINGS = frozenset(
    fold_key(h)
    for h in (
        "Related", "Related Articles", "Related Stories", "Related Content", "Related Topics",
        "Related Posts", "Related Reading", "You May Also Like", "You Might Also Like",
        "More From Us", "Read Next", "Read This Next", "Up Next", "Recommended",
        "Recommended for You", "Popular", "Most Popular", "Trending", "Table of Contents",
        "Contents", "In This Article", "On This Page", "Share This Article", "Comments",
        "Leave a Comment", "Leave a Reply", "Newsletter", "Sign Up for Our Newsletter",
        "About the Author", "Tags",
    )
)
"Headings whose whole section is furniture (skipped up to the next heading)."

SOURCES_HEADINGS = frozenset(
    fold_key(h)
    for h in (
        "Sources", "Article Sources", "References", "Article References", "Citations",
        "Bibliography", "Works Cited", "Sources and References", "References and Sources",
        "Additional Sources", "Source", "Reference", "Footnotes", "Notes and References",
    )
)
"Headings whose section goes to :attr:`~guide.model.Article.sources`."

_COOKIE_OPENINGS = ("we use cookies", "this site uses cookies", "this website uses cookies")

_CREDIT_NAMES = re.compile(
    r"\b(getty|shutterstock|istock|istockphoto|alamy|corbis|thinkstock|unsplash|pexels|"
    r"pixabay|westend61|dreamstime|123rf|depositphotos|stocksy|adobe stock|"
    r"science photo library|ap photo|reuters|brand x pictures)\b"
)
_CREDIT_OPENINGS = re.compile(
    r"^(photo|photograph|image|illustration|picture|credit|photo credit|image credit|"
    r"image source|photo source)s?\s*(:|by\b)|^courtesy of\b|^©|^\(c\)\s|^copyright\b"
)
_AGENCY_SLASH = re.compile(r"\S/\S.*\b(images|pictures|photos?|stock)$")
_MONTHS = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_BYLINE = re.compile(
    r"^((written|medically reviewed|reviewed|fact[- ]checked|edited)\s+by\s+\S|"
    r"(last\s+)?(updated|published|posted|reviewed|medically reviewed)(\s+on)?\s*:?\s*"
    rf"({_MONTHS}|\d))"
)
_BY_NAME = re.compile(r"^[Bb]y\s+[A-Z][\w.'’-]*[A-Za-z]")
_DATE_LINE = re.compile(
    rf"^((updated|published|posted)\s+(on\s+)?)?({_MONTHS}\s+\d{{1,2}},?\s+\d{{4}}|"
    rf"\d{{1,2}}\s+{_MONTHS}\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})$"
)


_REVIEW_LINE = re.compile(
    r"^((?i:last\s+(updated|reviewed))\b|(?i:(medically\s+)?reviewed\s+by)\s+(Dr\.?\s+)?[A-Z])"
)
_DATED_LINE = re.compile(r"^(?i:(updated|published|reviewed)(\s+on)?\s*:?\s)")
_BYLINE_PARTS = re.compile(r"\s+[·•|—–]\s+")


def is_furniture_text(text: str, language: str | None = None) -> bool:
    """Whether a whole line or block is a widget, share bar, ad label and so on."""
    key = fold_key(text)
    if not key:
        return False
    for words in words_for(language):
        if key in words.phrases or (word_count(text) <= 60 and key.startswith(words.openings)):
            return True
        if words.pointer is not None and word_count(text) <= 25:
            if words.pointer.match(text.strip().casefold()):
                return True
    return False


def is_credit(text: str, language: str | None = None) -> bool:
    """Whether a short line is a photo credit or copyright line."""
    if word_count(text) > 15:
        return False
    lowered = text.strip().casefold()
    if any(words.credit.search(lowered) for words in words_for(language)):
        return True
    if word_count(text) <= 12 and _CREDIT_NAMES.search(lowered):
        return True
    return word_count(text) <= 10 and bool(_AGENCY_SLASH.search(lowered))


def is_byline(text: str, language: str | None = None) -> bool:
    """Whether a short line is a byline, a review note or a date line."""
    stripped = text.strip()
    if word_count(stripped) > 14:
        return False
    lowered = stripped.casefold()
    for words in words_for(language):
        if words.byline.match(lowered) or words.date_line.match(lowered):
            return True
        if word_count(stripped) <= 8 and words.by_name.match(stripped):
            return True
    return False


def holds_byline(text: str, language: str | None = None) -> bool:
    """Whether a short block is bylines, review notes or date lines, alone or joined by
    ``·``, ``•``, ``|`` or a dash ("By Ann Lee · Updated March 4, 2024")."""
    if word_count(text) > 40:
        return False
    return any(is_byline(part, language) for part in _BYLINE_PARTS.split(text.strip()))


def is_review_line(text: str, language: str | None = None) -> bool:
    """Whether a block in the body of an article is a review or date line that is never spoken:
    "Last updated ...", "Last reviewed ...", "Medically reviewed by Name", "Published 2024 ..."."""
    text = text.strip()
    if word_count(text) > 30:
        return False
    for words in words_for(language):
        if words.review_line.match(text):
            return True
        if words.dated_line.match(text) and dates_in(text, language):
            return True
    return False


def is_sources_heading(text: str, language: str | None = None) -> bool:
    """Whether a heading introduces the article's sources or references."""
    key = fold_key(text)
    return any(key in words.sources for words in words_for(language))


def is_furniture_heading(text: str, language: str | None = None) -> bool:
    """Whether a heading introduces a furniture section ("Related Articles" ...)."""
    key = fold_key(text)
    return any(key in words.headings for words in words_for(language)) or is_furniture_text(text, language)


def is_links_heading(text: str, language: str | None = None) -> bool:
    """Whether a heading introduces a section that is furniture when it holds only links
    ("Más información" over a list of links); English has none."""
    key = fold_key(text)
    return any(key in words.link_headings for words in words_for(language))


# --------------------------------------------------------------- element rules

NEVER_READ_TAGS = frozenset(
    {
        "script", "style", "noscript", "template", "head", "svg", "canvas", "iframe",
        "object", "embed", "video", "audio", "picture", "source", "track", "map",
        "form", "button", "input", "select", "option", "optgroup", "textarea", "datalist",
        "output", "progress", "meter", "dialog", "figure", "figcaption", "link", "meta",
    }
)
"Elements removed with everything inside them before anything else happens."

STRUCTURAL_TAGS = frozenset({"nav", "header", "footer", "aside", "menu"})
"Page regions that are furniture; removed after the title has been taken out."

FURNITURE_ROLES = frozenset(
    {
        "navigation", "banner", "contentinfo", "complementary", "search", "dialog",
        "alertdialog", "menu", "menubar", "toolbar", "tablist", "form", "img", "figure",
    }
)

_KEYWORDS = frozenset(
    {
        "ad", "ads", "adsbygoogle", "adslot", "adunit", "adbox", "adcontainer", "adwrapper",
        "advert", "adverts", "advertisement", "advertising", "dfp", "sponsor", "sponsored",
        "promo", "promoted", "promotion", "cookie", "cookies", "consent", "gdpr",
        "newsletter", "subscribe", "subscription", "signup", "share", "sharing", "sharebar",
        "social", "related", "recommended", "feedback", "helpful", "rating", "survey",
        "breadcrumb", "breadcrumbs", "nav", "navbar", "navigation", "menu", "sidebar",
        "popup", "modal", "banner", "toolbar", "toc", "comments", "comment", "byline",
        "author", "meta", "caption", "credit", "credits", "print", "hidden", "sronly",
        "screenreader", "tags", "masthead", "skip", "widget", "outbrain", "taboola",
    }
)
_KEYWORD_PREFIXES = (
    "advert", "sponsor", "promo", "cookie", "newsletter", "subscri", "social", "breadcrumb",
    "sharethis", "addthis", "related", "taboola", "outbrain",
)
_SUBTITLE_KEYWORDS = frozenset(
    {"subtitle", "subhead", "subheading", "dek", "deck", "standfirst", "strapline", "tagline"}
)
_SOURCES_KEYWORDS = frozenset(
    {"sources", "references", "citations", "bibliography", "footnotes", "refs"}
)
_TOKEN_SPLIT = re.compile(r"[^a-z0-9]+")


def element_tokens(tag: Tag) -> list[str]:
    """Lower-case tokens of an element's class, id and aria-label."""
    values = list(tag.get("class") or [])
    for name in ("id", "aria-label"):
        value = tag.get(name)
        if isinstance(value, str):
            values.append(value)
    tokens: list[str] = []
    for value in values:
        value = re.sub(r"([a-z])([A-Z])", r"\1 \2", str(value)).lower()
        tokens.extend(t for t in _TOKEN_SPLIT.split(value) if t)
    joined = "".join(tokens)
    if "sronly" in joined or "visuallyhidden" in joined or "screenreader" in joined:
        tokens.append("sronly")
    return tokens


def is_hidden(tag: Tag) -> bool:
    """Whether an element is hidden from every reader and listener."""
    if tag.has_attr("hidden") or str(tag.get("aria-hidden", "")).lower() == "true":
        return True
    if str(tag.get("type", "")).lower() == "hidden":
        return True
    style = str(tag.get("style", "")).replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style


def has_furniture_role(tag: Tag) -> bool:
    """Whether the element's ARIA role marks it as page furniture."""
    roles = str(tag.get("role", "")).lower().split()
    return any(role in FURNITURE_ROLES for role in roles)


def has_furniture_keyword(tag: Tag, language: str | None = None) -> bool:
    """Whether a class, id or aria-label token names furniture (ad, share ...)."""
    tokens = element_tokens(tag)
    for words in words_for(language):
        if any(t in words.keywords or t.startswith(words.keyword_prefixes) for t in tokens):
            return True
    return False


_BYLINE_KEYWORDS = frozenset(
    {"byline", "author", "authors", "meta", "date", "dateline", "published", "updated",
     "reviewed", "reviewer", "review", "attribution", "contributors", "credits"}
)


def may_hold_byline(tag: Tag, language: str | None = None) -> bool:
    """Whether removed furniture may hold the article's byline or review date: a
    ``header`` or ``footer`` (or banner, contentinfo), or an element named like a byline."""
    if tag.name in ("header", "footer"):
        return True
    if any(role in ("banner", "contentinfo") for role in str(tag.get("role", "")).lower().split()):
        return True
    tokens = element_tokens(tag)
    return any(t in words.byline_keywords for words in words_for(language) for t in tokens)


def is_subtitle_element(tag: Tag) -> bool:
    """Whether the element's class or id marks it as the dek under the title."""
    tokens = element_tokens(tag)
    if any(t in _SUBTITLE_KEYWORDS for t in tokens):
        return True
    pairs = zip(tokens, tokens[1:], strict=False)
    return any(a == "sub" and b in ("title", "head", "heading") for a, b in pairs)


def is_sources_element(tag: Tag, language: str | None = None) -> bool:
    """Whether the element's class or id marks it as the list of sources."""
    tokens = element_tokens(tag)
    if any(t in words.sources_keywords for words in words_for(language) for t in tokens):
        return True
    return any(a == "works" and b == "cited" for a, b in zip(tokens, tokens[1:], strict=False))


# ------------------------------------------------------------ each language


ENGLISH = Words(
    phrases=FURNITURE_PHRASES, headings=FURNITURE_HEADINGS, sources=SOURCES_HEADINGS,
    openings=_COOKIE_OPENINGS, credit=_CREDIT_OPENINGS, byline=_BYLINE, date_line=_DATE_LINE,
    by_name=_BY_NAME, review_line=_REVIEW_LINE, dated_line=_DATED_LINE, keywords=_KEYWORDS,
    keyword_prefixes=_KEYWORD_PREFIXES, sources_keywords=_SOURCES_KEYWORDS,
    byline_keywords=_BYLINE_KEYWORDS,
)
"The English tables, with which every article is read."


_OWN = {"es": furniture_es.SPANISH}
"The languages with tables of their own, by primary subtag."


def words_for(language: str | None = None) -> tuple[Words, ...]:
    """The tables an article in ``language`` is read with: English, and the language's own."""
    primary = (language or "en").replace("_", "-").split("-", 1)[0].lower()
    own = _OWN.get(primary)
    return (ENGLISH,) if own is None else (ENGLISH, own)
