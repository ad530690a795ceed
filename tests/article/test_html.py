"""HTML articles: the golden file, content root, title, furniture, sources, properties."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from guide.article import parse_article
from guide.article.assemble import UNTITLED
from guide.article.text import pre_clean
from guide.errors import ArticleError
from guide.model import BlockKind

from .helpers import (
    all_texts, as_dict, body_texts, expected, furniture_found, is_subsequence, never_read,
    read_fixture, words,
)


def parse(text: str):
    return parse_article(text, format="html")


def texts(article):
    return [b.text for s in article.sections for b in s.blocks]


# ------------------------------------------------------------------ golden file


def test_golden():
    assert as_dict(read_fixture("gestational-diabetes.html")) == expected("gestational-diabetes.json")


def test_golden_has_no_furniture():
    article = read_fixture("gestational-diabetes.html")
    assert furniture_found(article, never_read("gestational-diabetes.json")) == []


# ------------------------------------------------------------- root and title


def test_article_is_the_root_and_page_furniture_outside_is_ignored():
    html = (
        "<body><p>Outside text.</p><article><h1>T</h1><p>Inside text is the article.</p>"
        "<p>More inside text.</p></article></body>"
    )
    assert texts(parse(html)) == ["Inside text is the article.", "More inside text."]


def test_a_small_article_card_does_not_win_over_the_body():
    html = (
        "<body><h1>Real</h1><p>" + "Long body text. " * 30 + "</p>"
        "<article><p>A teaser card.</p></article></body>"
    )
    article = parse(html)
    assert article.title == "Real"
    assert texts(article)[0].startswith("Long body text.")


def test_main_is_the_root_without_article():
    html = "<body><div>Site chrome.</div><main><h1>T</h1><p>Main text.</p></main></body>"
    assert texts(parse(html)) == ["Main text."]


def test_title_from_title_tag_without_site_name():
    html = "<html><head><title>Folic Acid Facts | Example Health</title></head><body><p>Text.</p></body></html>"
    article = parse(html)
    assert article.title == "Folic Acid Facts"
    assert article.subtitle is None


def test_untitled_when_nothing_names_it():
    assert parse("<p>Only a paragraph of text, and it ends here.</p>").title == UNTITLED


def test_h1_in_hgroup_with_subtitle():
    html = "<article><hgroup><h1>T</h1><p>The dek line</p></hgroup><p>Body text here.</p></article>"
    article = parse(html)
    assert (article.title, article.subtitle) == ("T", "The dek line")


def test_italic_paragraph_right_under_h1_is_the_subtitle():
    article = parse("<h1>T</h1><p><i>An italic dek that ends with a period.</i></p><p>Body.</p>")
    assert article.subtitle == "An italic dek that ends with a period."
    assert texts(article) == ["Body."]


def test_site_logo_h1_in_header_loses_to_content_h1():
    html = "<body><header><h1>SiteName</h1></header><div><h1>Article Title</h1><p>Text.</p></div></body>"
    article = parse(html)
    assert article.title == "Article Title"
    assert "SiteName" not in " ".join(all_texts(article))


# -------------------------------------------------------------------- furniture


@pytest.mark.parametrize(
    "element",
    [
        "<nav>zz</nav>", "<aside>zz</aside>", "<footer>zz</footer>", "<header>zz</header>",
        "<script>zz</script>", "<style>zz</style>", "<noscript>zz</noscript>",
        "<form><label>zz</label></form>", "<figure><figcaption>zz</figcaption></figure>",
        "<div hidden>zz</div>", "<p aria-hidden='true'>zz</p>", "<p style='display: none'>zz</p>",
        "<div class='ad'>zz</div>", "<div class='google_ads-box'>zz</div>",
        "<div id='cookieBanner'>zz</div>", "<div class='newsletter-box'>zz</div>",
        "<div class='share-tools'>zz</div>", "<ul class='social-links'><li>zz</li></ul>",
        "<div class='promo'>zz</div>", "<div class='related-posts'>zz</div>",
        "<div class='feedback'>zz</div>", "<ol class='breadcrumbs'><li>zz</li></ol>",
        "<div role='navigation'>zz</div>", "<div role='dialog'>zz</div>",
        "<span class='sr-only'>zz</span>", "<div aria-label='Advertisement'>zz</div>",
        "<svg><title>zz</title></svg>", "<!-- zz -->", "<p>Was this page helpful?</p>",
        "<p>Advertisement</p>", "<p>Photo: zz/Getty Images</p>",
    ],
)
def test_furniture_is_never_read(element):
    html = f"<article><h1>T</h1><p>Keep this text.</p>{element}<p>And this.</p></article>"
    article = parse(html)
    assert texts(article) == ["Keep this text.", "And this."]


@pytest.mark.parametrize("cls", ["lead", "header-note", "download", "shadow", "loaded", "reading"])
def test_ad_keyword_matches_tokens_not_substrings(cls):
    html = f"<article><h1>T</h1><p class='{cls}'>Kept paragraph.</p></article>"
    assert texts(parse(html)) == ["Kept paragraph."]


def test_a_wrapper_with_a_furniture_keyword_is_not_removed():
    paragraphs = "".join(f"<p>Paragraph number {n} of the article.</p>" for n in range(5))
    html = f"<body><h1>T</h1><div class='post has-share-bar'>{paragraphs}</div></body>"
    assert len(texts(parse(html))) == 5


def test_furniture_only_page_is_an_error():
    html = "<body><nav>Menu</nav><div class='cookie'>We use cookies.</div><footer>x</footer></body>"
    with pytest.raises(ArticleError, match="no text to read"):
        parse(html)


def test_picture_caption_in_italics_is_not_read():
    html = "<article><h1>T</h1><p>Text.</p><p><img src='a.png'><em>A caption.</em></p><p>More.</p></article>"
    assert texts(parse(html)) == ["Text.", "More."]


# ------------------------------------------------------------------ structure


def test_entities_br_footnotes_and_inline_markup():
    html = (
        "<h1>T</h1><p>Caf&eacute; &amp; tea&nbsp;&ndash; &ldquo;ok&rdquo;<sup>[2]</sup><sup>3,4</sup> "
        "line one<br>line two <a href='https://zz.example'>link text</a>.</p>"
    )
    assert texts(parse(html)) == ["Café & tea – “ok” line one line two link text."]


def test_a_unit_superscript_is_kept():
    html = "<h1>T</h1><p>A BMI of 30 kg/m<sup>2</sup> or more.</p><p>Risk<sup class='footnote'>5</sup>.</p>"
    assert texts(parse(html)) == ["A BMI of 30 kg/m2 or more.", "Risk."]


def test_lists_nested_items_divs_and_tables():
    html = (
        "<h1>T</h1><p>Lead.</p><div>Loose div text<p>A paragraph.</p>tail text</div>"
        "<ul><li>One<ul><li>One a</li></ul></li><li><p>Two</p></li></ul>"
        "<table><tr><th>Food</th><th>Iron</th></tr><tr><td>Beans</td><td><p>High</p></td></tr></table>"
    )
    article = parse(html)
    assert [(b.kind, b.text) for b in article.sections[0].blocks] == [
        (BlockKind.PARAGRAPH, "Lead."), (BlockKind.PARAGRAPH, "Loose div text"), (BlockKind.PARAGRAPH, "A paragraph."),
        (BlockKind.PARAGRAPH, "tail text"), (BlockKind.ITEM, "One"), (BlockKind.ITEM, "One a"),
        (BlockKind.ITEM, "Two"), (BlockKind.ITEM, "Beans: iron, High."),
    ]


def test_headings_h2_h3_sections_h4_lead_in_and_repeats():
    html = "<h1>T</h1><p>Lead.</p><h2>A</h2><p>a</p><h3>B</h3><h4>Lead-in</h4><p>b</p><h2>A</h2><p>c</p>"
    article = parse(html)
    assert [s.heading for s in article.sections] == [None, "A", "B", "A"]
    assert [b.text for b in article.sections[2].blocks] == ["Lead-in", "b"]


def test_pre_is_read_unless_it_is_code():
    html = "<h1>T</h1><p>Lead.</p><pre>Line one\nline two\n\nSecond para</pre><pre><code>zz()</code></pre>"
    assert texts(parse(html)) == ["Lead.", "Line one line two", "Second para"]


def test_sources_by_heading_inside_a_footer_and_by_class():
    html = (
        "<article><h1>T</h1><p>Body.</p><div class='references'><p>Ref by class.</p></div>"
        "<footer><h3>References</h3><ul><li>Ref one.</li><li>Ref two.</li></ul></footer></article>"
    )
    article = parse(html)
    assert article.sources == ["Ref by class.", "Ref one.", "Ref two."]
    assert texts(article) == ["Body."]


def test_sources_heading_wrapped_in_a_div_takes_the_following_list():
    html = "<h1>T</h1><p>Body.</p><div><h2>Citations</h2></div><ol><li>C1</li></ol><h2>Next</h2><p>x</p>"
    article = parse(html)
    assert article.sources == ["C1"]
    assert article.headings == ["Next"]


# ------------------------------------------------------------------- properties

_HTML_ALPHABET = st.sampled_from(
    list("<>/=\"' abcdefghijklmnopqrstuvwxyz&;#!-?\n") + [
        "<p>", "</p>", "<h1>", "<h2>", "</h2>", "<li>", "<ul>", "<div class='ad'>", "</div>",
        "<script>", "</script>", "<br>", "&amp;", "&nbsp;", "<!--", "-->", "<table><tr><td>",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.lists(_HTML_ALPHABET, max_size=120).map("".join)))
def test_never_crashes(text):
    try:
        article = parse(text)
    except ArticleError:
        return
    assert article.title
    for section in article.sections:
        assert section.blocks and all(b.text == " ".join(b.text.split()) for b in section.blocks)


_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8)
_LEAF = st.lists(_WORD, min_size=1, max_size=5).map(lambda ws: " " + " ".join(ws) + " ")
_FURNITURE = (
    "nav", "aside", "footer", "script", "style", "noscript", "form", "figure",
    'div hidden', 'span aria-hidden="true"', 'div role="navigation"', 'div role="dialog"',
)
_CONTENT = ("p", "div", "section", "span", "b", "em", "a href='https://zzurl.example'", "ul", "li",
            "h2", "h3", "h4", "blockquote", "table", "tr", "td")


def _element(children: list[str], tag: str) -> str:
    name = tag.split()[0]
    return f"<{tag}>{''.join(children)}</{name}>"


_TREE = st.recursive(
    _LEAF,
    lambda inner: st.one_of(
        st.tuples(st.lists(inner, max_size=4), st.sampled_from(_CONTENT)).map(lambda t: _element(*t)),
        st.sampled_from(_FURNITURE).map(lambda tag: f" <{tag}> zzfurn x </{tag.split()[0]}> "),
    ),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_TREE, max_size=6).map("".join), st.booleans())
def test_words_come_from_the_document_text_and_furniture_never(body, with_title):
    html = ("<h1> the title </h1>" if with_title else "") + body
    try:
        article = parse(html)
    except ArticleError:
        return
    reference = words([BeautifulSoup(pre_clean(html), "lxml").get_text(" ")])
    assert is_subsequence(words(body_texts(article)), reference)
    assert is_subsequence(words(article.sources), reference)
    everything = " ".join(all_texts(article))
    assert "zzfurn" not in everything and "zzurl" not in everything


def test_bare_text_after_a_sources_heading_is_a_source_not_a_paragraph():
    html = "<body><h1>T</h1><p>Body.</p><h2>Sources</h2>Bare source text.<h2>Next</h2>More.</body>"
    article = parse(html)
    assert article.sources == ["Bare source text."]
    assert texts(article) == ["Body.", "More."]


def test_identical_twin_elements_are_told_apart():
    html = "<article><h1>T</h1><p>Same.</p><aside><p>Same.</p></aside><p>End.</p></article>"
    assert texts(parse(html)) == ["Same.", "End."]


def test_a_dek_class_far_from_the_title_is_not_the_subtitle():
    html = (
        "<article><h1>T</h1><p>First paragraph of the article body.</p><h2>More</h2>"
        "<div class='cards'><p class='card-dek'>A teaser card dek</p></div></article>"
    )
    article = parse(html)
    assert article.subtitle is None
    assert texts(article)[-1] == "A teaser card dek"


def test_a_dek_class_right_under_the_title_is_the_subtitle():
    html = "<article><div><h1>T</h1></div><div class='standfirst'>The dek.</div><p>Body.</p></article>"
    article = parse(html)
    assert (article.subtitle, texts(article)) == ("The dek.", ["Body."])
