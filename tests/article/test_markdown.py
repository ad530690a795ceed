"""Markdown articles: the golden file, rules and properties."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from guide.article import parse_article
from guide.article.assemble import UNTITLED
from guide.article.markdown import strip_front_matter
from guide.article.text import pre_clean
from guide.errors import ArticleError
from guide.model import BlockKind

from .helpers import (
    all_texts, alnum_chars, as_dict, body_texts, expected, furniture_found, is_subsequence,
    never_read, read_fixture, words,
)


def parse(text: str, path: Path | None = None):
    return parse_article(text, format="markdown", path=path)


def blocks(article):
    return [(b.kind, b.text) for s in article.sections for b in s.blocks]


# ------------------------------------------------------------------ golden file


def test_golden():
    assert as_dict(read_fixture("preeclampsia.md")) == expected("preeclampsia.json")


def test_golden_has_no_furniture():
    article = read_fixture("preeclampsia.md")
    assert furniture_found(article, never_read("preeclampsia.json")) == []


# ------------------------------------------------------------------------ rules


def test_yaml_and_toml_front_matter_are_not_read():
    yaml = "---\ntitle: Hidden\n---\n# Shown\n\nBody text.\n"
    toml = '+++\ntitle = "Hidden"\n+++\n# Shown\n\nBody text.\n'
    for text in (yaml, toml):
        article = parse(text)
        assert article.title == "Shown"
        assert "Hidden" not in " ".join(all_texts(article))


def test_an_opening_rule_is_not_front_matter():
    text = "---\n\n# Title\n\nText one.\n\n---\n\nText two.\n"
    assert strip_front_matter(text) == text
    assert [t for _, t in blocks(parse(text))] == ["Text one.", "Text two."]


def test_setext_headings():
    text = "Sleep in Pregnancy\n==================\n\nIntro text.\n\nPositions\n---------\n\nSleep on your side.\n"
    article = parse(text)
    assert article.title == "Sleep in Pregnancy"
    assert article.headings == ["Positions"]


def test_emphasis_links_images_and_code():
    text = (
        "# T\n\nRead **this** and _that_ at [the clinic](https://x.org/zz \"zz title\").\n\n"
        "![zz alt](zz.png)\n\nUse `ice` packs.\n\n```\nzz code\n```\n\n    Indented text is read.\n"
    )
    article = parse(text)
    assert [t for _, t in blocks(article)] == [
        "Read this and that at the clinic.", "Use ice packs.", "Indented text is read.",
    ]


def test_html_blocks_are_stripped_with_their_furniture():
    text = (
        "# T\n\n<div class=\"ad-slot\">\n\nzz advert paragraph\n\n</div>\n\n"
        "<p>Real <b>HTML</b> paragraph.</p>\n\n<script>zz()</script>\n\nMarkdown <span>inline</span> text.\n"
    )
    assert [t for _, t in blocks(parse(text))] == ["Real HTML paragraph.", "Markdown inline text."]


def test_italic_dek_and_short_dek_and_prose_is_not_a_dek():
    assert parse("# T\n\n*A long italic dek, even one that ends with a period.*\n\nText.\n").subtitle
    assert parse("# T\n\nWhat every parent should know\n\nText.\n").subtitle == (
        "What every parent should know"
    )
    article = parse("# T\n\nThis is the first sentence.\n\nText.\n")
    assert article.subtitle is None
    assert blocks(article)[0][1] == "This is the first sentence."


def test_no_title_heading_falls_back_to_path_or_untitled():
    text = "Just a paragraph of text, with no heading at all.\n"
    assert parse(text).title == UNTITLED
    article = parse(text, path=Path("folic-acid_facts.md"))
    assert article.title == "folic acid facts"
    assert [s.heading for s in article.sections] == [None]


def test_first_h1_is_the_title_even_after_a_paragraph():
    article = parse("Intro paragraph.\n\n# Real Title\n\nBody.\n")
    assert article.title == "Real Title"
    assert [t for _, t in blocks(article)] == ["Intro paragraph.", "Body."]


def test_h4_is_a_lead_in_paragraph_and_h3_a_section():
    article = parse("# T\n\nIntro.\n\n### Sub\n\nA.\n\n#### Lead-in\n\nB.\n")
    assert article.headings == ["Sub"]
    assert [t for _, t in blocks(article)] == ["Intro.", "A.", "Lead-in", "B."]


def test_nested_lists_and_tables_are_items():
    text = "# T\n\n- one\n  - one a\n- two\n\n| Food | Iron |\n|---|---|\n| Beans | High |\n"
    assert blocks(parse(text)) == [
        (BlockKind.ITEM, "one"), (BlockKind.ITEM, "one a"), (BlockKind.ITEM, "two"),
        (BlockKind.ITEM, "Beans: iron, High."),
    ]


def test_repeated_headings_and_sources_in_the_middle():
    text = (
        "# T\n\n## Tips\n\nA.\n\n## Sources\n\n- S one\n- S two\n\n### Note\n\n- S three\n\n"
        "## Tips\n\nB.\n"
    )
    article = parse(text)
    assert [s.heading for s in article.sections] == ["Tips", "Tips"]
    assert article.sources == ["S one", "S two", "S three"]


def test_only_furniture_is_an_error():
    with pytest.raises(ArticleError, match="no text to read"):
        parse("---\ntitle: x\n---\n\n# Title\n\n![pic](a.png)\n\n```\ncode\n```\n")


# ------------------------------------------------------------------- properties

_MD_ALPHABET = st.characters(
    codec="utf-8", exclude_characters="&\\", exclude_categories=("Cs",)
) | st.sampled_from(list("#*_-+=`~[]()!<>|:.\n\n\n  ") + ["\n# ", "\n- ", "\n1. ", "\n---\n", "**"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_MD_ALPHABET, max_size=200).map("".join))
def test_never_crashes_and_characters_come_from_the_input(text):
    try:
        article = parse(text)
    except ArticleError:
        return
    source = alnum_chars([pre_clean(text)])
    assert is_subsequence(alnum_chars(body_texts(article)), source)
    assert is_subsequence(alnum_chars(article.sources), source)
    if article.title != UNTITLED:
        assert is_subsequence(alnum_chars([article.title]), source)


_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8)
_PHRASE = st.lists(_WORD, min_size=1, max_size=8).map(" ".join)
_INLINE = st.one_of(
    _PHRASE,
    _PHRASE.map(lambda p: f"*{p}*"),
    _PHRASE.map(lambda p: f"**{p}**"),
    _PHRASE.map(lambda p: f"[{p}](https://zzurl.example/{p.replace(' ', '-')})"),
    _PHRASE.map(lambda p: f"![zzalt {p}](zzimage.png)"),
    _PHRASE.map(lambda p: f"`{p}`"),
)
_PARAGRAPH = st.lists(_INLINE, min_size=1, max_size=6).map(" ".join)
_BLOCK = st.one_of(
    _PARAGRAPH,
    st.tuples(st.integers(1, 6), _PHRASE).map(lambda t: "#" * t[0] + " " + t[1]),
    st.lists(_PARAGRAPH, min_size=1, max_size=4).map(lambda xs: "\n".join(f"- {x}" for x in xs)),
    st.lists(_PARAGRAPH, min_size=1, max_size=4).map(
        lambda xs: "\n".join(f"{i}. {x}" for i, x in enumerate(xs, 1))
    ),
    _PARAGRAPH.map(lambda p: f"> {p}"),
    st.just("---"),
    _PHRASE.map(lambda p: f"```\nzzcode {p}\n```"),
    _PHRASE.map(lambda p: f"<!-- zzcomment {p} -->"),
    _PHRASE.map(lambda p: f'<div class="newsletter">\n\nzzfurn {p}\n\n</div>'),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_BLOCK, max_size=15), st.booleans())
def test_structured_markdown_words_come_from_the_input_and_furniture_never(blocks_, front):
    text = ("---\nzzfront: yes\n---\n\n" if front else "") + "\n\n".join(blocks_)
    try:
        article = parse(text)
    except ArticleError:
        return
    source = words([text])
    assert is_subsequence(words(body_texts(article)), source)
    assert is_subsequence(words(article.sources), source)
    everything = " ".join(all_texts(article))
    for marker in ("zzurl", "zzalt", "zzimage", "zzcode", "zzcomment", "zzfurn", "zzfront"):
        assert marker not in everything
    for syntax in ("**", "](", "![", "```", "<!--"):
        assert syntax not in everything
