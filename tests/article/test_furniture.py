"""The shared furniture rules and text clean-up."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from guide.article import furniture
from guide.article.text import clean_text, ends_a_sentence, fold_key, is_title_case, pre_clean


@pytest.mark.parametrize(
    "line",
    ["Hero Images/Getty Images", "Photo: Jane Doe", "Image credit: CDC", "© 2024 Health Co",
     "Tetra Images/Brand X Pictures", "Courtesy of the March of Dimes", "Getty Images"],
)
def test_credits(line):
    assert furniture.is_credit(line)


@pytest.mark.parametrize(
    "line",
    ["When to See Your OB/GYN", "Diagnosis Methods", "Obstetrician showing pregnant patient ultrasound",
     "Your photo ID and insurance card are needed at the front desk of the clinic today"],
)
def test_not_credits(line):
    assert not furniture.is_credit(line)


@pytest.mark.parametrize(
    "line",
    ["By Krissi Danielsson", "Medically reviewed by Dr. Ann Lee", "Updated on March 3, 2024",
     "Published: 2023-01-05", "March 3, 2024", "Reviewed by Sam Patel, MD"],
)
def test_bylines(line):
    assert furniture.is_byline(line)


@pytest.mark.parametrize(
    "line", ["By 20 weeks, most women feel movement", "Updated guidelines say to rest", "Bypass surgery"]
)
def test_not_bylines(line):
    assert not furniture.is_byline(line)


@pytest.mark.parametrize(("text", "holds", "review"), [
    ("Reviewed by Dana Lee, RN. Last updated 03/04/2025.", True, True),
    ("By Maria Lopez, RN · Medically reviewed by Dr. Sam Patel · Updated March 4, 2024", True, False),
    ("Last reviewed: April 3, 2025", True, True),
    ("Medically reviewed by Dr. Sam Patel", True, True),
    ("Published on March 3, 2024.", True, True),
    ("Published 2 studies show that rest helps.", True, False),
    ("Reviewed by your care team.", True, False),
    ("Updated guidelines say to rest", False, False),
    ("Published studies show that rest helps.", False, False),
    ("Last reviewed " + "word " * 30, False, False),
])
def test_bylines_in_a_block_and_review_lines_in_the_body(text, holds, review):
    assert (furniture.holds_byline(text), furniture.is_review_line(text)) == (holds, review)


@pytest.mark.parametrize(("markup", "may"), [
    ("<header></header>", True), ("<footer></footer>", True), ("<div role='contentinfo'></div>", True),
    ("<div class='post-byline'></div>", True), ("<p class='article-meta'></p>", True),
    ("<nav></nav>", False), ("<aside class='related'></aside>", False), ("<div class='share'></div>", False),
])
def test_which_furniture_may_hold_the_byline(markup, may):
    tag = BeautifulSoup(markup, "lxml").body.contents[0]
    assert furniture.may_hold_byline(tag) is may


@pytest.mark.parametrize(
    "text",
    ["Was this page helpful?", "was this page helpful", "Thanks for your feedback!", "Advertisement",
     "Share", "We use cookies to give you the best experience on our site."],
)
def test_furniture_text(text):
    assert furniture.is_furniture_text(text)


def test_sources_and_furniture_headings():
    assert furniture.is_sources_heading("Article Sources")
    assert furniture.is_sources_heading("References:")
    assert furniture.is_sources_heading("CITATIONS")
    assert not furniture.is_sources_heading("Sources of Iron")
    assert furniture.is_furniture_heading("Related Articles")
    assert not furniture.is_furniture_heading("Treatment")


def _tag(html: str):
    return BeautifulSoup(html, "lxml").body.contents[0]


@pytest.mark.parametrize(
    "html",
    ['<div class="ad-slot">', '<div id="google_ads_1">', '<div class="CookieBanner">',
     '<div class="newsletterSignup">', '<div class="share">', '<div aria-label="Advertisement">'],
)
def test_keywords_match_tokens(html):
    assert furniture.has_furniture_keyword(_tag(html + "x</div>"))


@pytest.mark.parametrize(
    "html", ['<div class="header-lead">', '<div class="download">', '<div id="shadowed">', '<div class="load">']
)
def test_keywords_do_not_match_inside_words(html):
    assert not furniture.has_furniture_keyword(_tag(html + "x</div>"))


def test_hidden_and_roles():
    assert furniture.is_hidden(_tag("<p hidden>x</p>"))
    assert furniture.is_hidden(_tag('<p aria-hidden="true">x</p>'))
    assert furniture.is_hidden(_tag('<p style="display: none">x</p>'))
    assert not furniture.is_hidden(_tag('<p aria-hidden="false">x</p>'))
    assert furniture.has_furniture_role(_tag('<div role="navigation">x</div>'))
    assert not furniture.has_furniture_role(_tag('<div role="main">x</div>'))


def test_clean_text_and_pre_clean():
    assert clean_text("  a\u00a0\u00a0b\u200b c\u00ad d\u202e\t\n e ") == "a b c d e"
    assert clean_text("e\u0301") == "\u00e9"
    assert clean_text("\u201cquoted\u201d \u2013 it\u2019s") == "\u201cquoted\u201d \u2013 it\u2019s"
    assert pre_clean("a\r\nb\rc\u2028d\x0ce\x01") == "a\nb\nc\nd\ne"
    assert ends_a_sentence("It ends.") and ends_a_sentence('He said "no."')
    assert not ends_a_sentence("What is it?") and not ends_a_sentence("A heading")
    assert is_title_case("Treatment in Subsequent Pregnancies")
    assert not is_title_case("This condition is often only discovered after it's too late")
    assert fold_key("  Was this page helpful?! ") == "was this page helpful"
