"""Plain-text articles: the shipped article, golden files, rules and properties."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from guide.article import parse_article
from guide.article.assemble import UNTITLED
from guide.article.text import pre_clean
from guide.errors import ArticleError
from guide.model import BlockKind

from .helpers import (
    all_texts, as_dict, expected, furniture_found, is_subsequence, never_read, read_fixture,
)


def parse(text: str):
    return parse_article(text, format="text")


# ------------------------------------------------------------------ golden files


@pytest.mark.parametrize("stem", ["cervical-insufficiency", "iron-deficiency-anemia"])
def test_golden(stem):
    article = read_fixture(f"{stem}.txt")
    assert as_dict(article) == expected(f"{stem}.json")


@pytest.mark.parametrize("stem", ["cervical-insufficiency", "iron-deficiency-anemia"])
def test_golden_has_no_furniture(stem):
    article = read_fixture(f"{stem}.txt")
    assert furniture_found(article, never_read(f"{stem}.json")) == []


def test_shipped_article_as_the_brief_describes():
    article = read_fixture("cervical-insufficiency.txt")
    assert article.title == "How an Incompetent Cervix May Lead to a Miscarriage"
    assert article.subtitle == "This condition is often only discovered after it's too late"
    assert [s.heading for s in article.sections] == [
        None, "Diagnosis Methods", "Treatment in Subsequent Pregnancies",
    ]
    lead = article.sections[0]
    assert lead.blocks[0].text.startswith("Cervical insufficiency, also called incompetent cervix")
    assert lead.blocks[-1].text.startswith("Unfortunately, cervical insufficiency usually")
    assert len(article.sources) == 4
    assert article.sources[0].startswith("Ahn, Jennifer T.")
    assert article.format == "text"
    assert article.path is not None and article.path.name == "cervical-insufficiency.txt"
    text = "\n".join(all_texts(article))
    for furniture in ("Obstetrician", "Getty", "Was this page helpful", "Article Sources", "•"):
        assert furniture not in text
    assert "woman’s cervix" in text and "born – sometimes" in text  # kept as written


# ------------------------------------------------------------------------ rules


def test_no_headings_gives_one_lead_section():
    article = parse("Morning Sickness\n\nNausea is common early in pregnancy.\n\nIt often eases by week 14.\n")
    assert article.title == "Morning Sickness"
    assert [s.heading for s in article.sections] == [None]
    assert [b.text for b in article.sections[0].blocks] == [
        "Nausea is common early in pregnancy.", "It often eases by week 14.",
    ]


def test_repeated_headings_are_separate_sections():
    text = "Title\n\nIntro text here.\n\nTips\n\nDrink water.\n\nTips\n\nRest often.\n"
    article = parse(text)
    assert [s.heading for s in article.sections] == [None, "Tips", "Tips"]
    assert article.sections[2].blocks[0].text == "Rest often."


def test_a_first_line_of_prose_is_not_the_title():
    text = "Cervical insufficiency means that the cervix opens too early in the pregnancy.\n\nMore.\n"
    article = parse_article(text, format="text", path=Path("cervix-notes.txt"))
    assert article.title == "cervix notes"
    assert article.sections[0].blocks[0].text.startswith("Cervical insufficiency means")
    assert parse(text).title == UNTITLED


def test_title_only_is_an_error():
    with pytest.raises(ArticleError, match="no text to read"):
        parse("Just a Title\n")


def test_short_title_case_line_after_title_is_a_heading_not_a_subtitle():
    article = parse("Anemia\n\nSigns and Symptoms\n\nYou may feel tired and weak all day long.\n")
    assert article.subtitle is None
    assert article.sections[0].heading == "Signs and Symptoms"


def test_heading_like_last_line_is_kept_as_a_paragraph():
    article = parse("Title\n\nSome text about it here.\n\nTalk to your doctor\n")
    assert [b.text for b in article.sections[0].blocks][-1] == "Talk to your doctor"


def test_bullets_and_numbered_items():
    text = (
        "Title\n\nBring these to your visit:\n• A list of medicines\n- Your questions\n"
        "* Your insurance card\n\n1. Sign in.\n2) Wait to be called.\n"
    )
    blocks = parse(text).sections[0].blocks
    assert [(b.kind, b.text) for b in blocks] == [
        (BlockKind.PARAGRAPH, "Bring these to your visit:"),
        (BlockKind.ITEM, "A list of medicines"),
        (BlockKind.ITEM, "Your questions"),
        (BlockKind.ITEM, "Your insurance card"),
        (BlockKind.ITEM, "Sign in."),
        (BlockKind.ITEM, "Wait to be called."),
    ]


def test_hard_wrapped_lines_are_joined_and_whitespace_folded():
    text = "Title\n\nThis paragraph was   wrapped\nat a narrow width\tby an\u00a0editor.\n"
    assert parse(text).sections[0].blocks[0].text == (
        "This paragraph was wrapped at a narrow width by an editor."
    )


def test_heading_on_the_line_above_its_text():
    text = "Title\n\nIntro sentence here.\n\nDiet\nEat plenty of leafy greens, beans and lean meat every day.\n"
    article = parse(text)
    assert article.sections[1].heading == "Diet"
    assert article.sections[1].blocks[0].text.startswith("Eat plenty")


def test_crlf_zero_width_and_nfc():
    text = "Title\r\n\r\nCaf\u0065\u0301 au lait spots are\u200b usually harm\u00adless.\r\n"
    block = parse(text).sections[0].blocks[0].text
    assert block == "Caf\u00e9 au lait spots are usually harmless."


def test_furniture_lines_anywhere_are_dropped():
    text = "Title\n\nFirst paragraph of text.\n\nAdvertisement\n\nSecond paragraph.\nShare\n\nWas this page helpful?\n"
    assert [b.text for b in parse(text).sections[0].blocks] == [
        "First paragraph of text.", "Second paragraph.",
    ]


def test_caption_and_credit_in_the_body_are_dropped():
    text = (
        "Title\n\nFirst paragraph of the article goes here.\n\n"
        "A nurse measures a baby's length\nTetra Images/Brand X Pictures\n\nMore text.\n"
    )
    assert [b.text for b in parse(text).sections[0].blocks] == [
        "First paragraph of the article goes here.", "More text.",
    ]


def test_sources_without_bullets_are_one_per_line():
    text = "Title\n\nSome text.\n\nReferences\n\nMayo Clinic. Anemia. 2023.\nNHS. Anaemia. 2022.\n"
    assert parse(text).sources == ["Mayo Clinic. Anemia. 2023.", "NHS. Anaemia. 2022."]


def test_sources_blurb_is_dropped_when_there_is_a_list():
    text = (
        "Title\n\nSome text.\n\nArticle Sources\n\nWe use only high-quality sources.\n"
        "• One source. 2020.\n• Two source. 2021.\n"
    )
    assert parse(text).sources == ["One source. 2020.", "Two source. 2021."]


def test_related_articles_section_is_dropped():
    text = "Title\n\nSome text.\n\nRelated Articles\n\nFive Foods to Avoid\n\nCare\n\nRest.\n"
    article = parse(text)
    assert [s.heading for s in article.sections] == [None, "Care"]


def test_byline_and_date_lines_in_the_front_are_not_read_but_kept():
    text = "Title\n\nBy Ann Lee\nUpdated on May 2, 2023\n\nA first paragraph that is long enough to be prose here.\n"
    article = parse(text)
    assert [b.text for b in article.sections[0].blocks] == [
        "A first paragraph that is long enough to be prose here.",
    ]
    assert article.bylines == ["By Ann Lee", "Updated on May 2, 2023"]


# ------------------------------------------------------------------- properties


def _tokens_in_order(article, text: str) -> bool:
    """Every word of the article, in order, is a word of the input."""
    texts = all_texts(article)
    if article.title == UNTITLED:
        texts = texts[1:]
    out = [w for t in texts for w in t.split()]
    return is_subsequence(out, pre_clean(text).split())


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_crashes_and_words_come_from_the_input(text):
    try:
        article = parse(text)
    except ArticleError:
        return
    assert _tokens_in_order(article, text)


_LINE = st.one_of(
    st.text(alphabet="abcdefgh ABC.,?!:•-*123)\u00a0\u200b\t", max_size=40),
    st.sampled_from(["Share", "Was this page helpful?", "References", "Getty Images", "  • x"]),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_LINE, max_size=25), st.sampled_from(["\n", "\n\n", "\r\n", "\n\n\n"]))
def test_line_soup_words_come_from_the_input(lines, separator):
    text = separator.join(lines)
    try:
        article = parse(text)
    except ArticleError:
        return
    assert _tokens_in_order(article, text)
    for section in article.sections:
        assert section.blocks, "no empty sections"
        for block in section.blocks:
            assert block.text == " ".join(block.text.split()) and block.text
