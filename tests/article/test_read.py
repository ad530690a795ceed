"""The package API: read_article, parse_article and format detection."""

from __future__ import annotations

from pathlib import Path

import pytest

from guide.article import detect_format, parse_article, read_article
from guide.errors import ArticleError

from .helpers import DATA, as_dict, expected

GOLDEN = {
    "cervical-insufficiency.txt": "text",
    "iron-deficiency-anemia.txt": "text",
    "preeclampsia.md": "markdown",
    "gestational-diabetes.html": "html",
    "csection-wound-care.html": "html",
    "csection-recovery.md": "markdown",
}


@pytest.mark.parametrize(("name", "fmt"), sorted(GOLDEN.items()))
def test_extension_decides_the_format(name, fmt):
    assert detect_format("", Path(name)) == fmt
    assert read_article(DATA / name).format == fmt


@pytest.mark.parametrize(("name", "fmt"), sorted(GOLDEN.items()))
def test_content_decides_the_format_without_a_known_extension(tmp_path, name, fmt):
    copy = tmp_path / (Path(name).stem + ".article")
    copy.write_bytes((DATA / name).read_bytes())
    article = read_article(copy)
    assert article.format == fmt
    golden = expected(Path(name).stem + ".json")
    assert as_dict(article)["sections"] == golden["sections"]


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        ("<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
        ("  <html lang='en'><p>x", "html"),
        ("<p>A paragraph.</p>", "html"),
        ("# Title\n\nText.", "markdown"),
        ("Title\n=====\n\nText.", "markdown"),
        ("Title\n\nSee [this](https://x.org).", "markdown"),
        ("Title\n\n- item one\n- item two\n", "text"),
        ("Title\n\nA < B and C > D.\n", "text"),
    ],
)
def test_detect_format_by_content(text, fmt):
    assert detect_format(text) == fmt


def test_parse_article_accepts_format_names_and_keeps_the_path():
    text = "Title\n\nBody text.\n"
    for name in ("text", "txt", "plain", "TEXT"):
        assert parse_article(text, format=name).format == "text"
    assert parse_article("# T\n\nx", format="md").format == "markdown"
    assert parse_article("<h1>T</h1><p>x</p>", format="htm").format == "html"
    article = parse_article(text, path=Path("notes.txt"))
    assert article.path == Path("notes.txt")


def test_unknown_format_is_a_programming_error():
    with pytest.raises(ValueError, match="unknown article format"):
        parse_article("x", format="docx")


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
@pytest.mark.parametrize("text", ["", "   \n\t ", "\u200b\ufeff"])
def test_empty_text_is_an_article_error(fmt, text):
    with pytest.raises(ArticleError, match="is empty"):
        parse_article(text, format=fmt)


def test_errors_without_a_path_still_name_something():
    with pytest.raises(ArticleError) as excinfo:
        parse_article("Only a Title", format="text")
    assert str(excinfo.value).startswith("<text>: has no text to read")
