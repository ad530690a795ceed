"""Narration scripts and guide folders: reading, writing, drafting, finding."""

from __future__ import annotations

from pathlib import Path

import pytest

from guide.errors import GuideExists, ScriptError, UnknownChapter, UnknownGuide
from guide.model import Article, Block, BlockKind, Chapter, Guide, Section
from guide.scripts import (draft_guide, find_guide, format_script, load_guide, parse_script,
                           shipped_folder, write_guide)


def test_parse_script_reads_title_sources_paragraphs_and_items():
    text = ("# Title: Signs\n# Source: Introduction\n# Source: Diagnosis Methods\n# a note\n\n"
            "First line of a paragraph\ncontinues here.\n\nSecond paragraph.\n"
            "- An item.\n- Another item.\n\nAfter the list.\n")
    title, sources, blocks = parse_script(text, Path("05-signs.txt"))
    assert title == "Signs"
    assert sources == ["Introduction", "Diagnosis Methods"]
    assert blocks == [
        Block("First line of a paragraph continues here."),
        Block("Second paragraph."),
        Block("An item.", BlockKind.ITEM),
        Block("Another item.", BlockKind.ITEM),
        Block("After the list."),
    ]


def test_framing_chapters_have_no_source():
    _, sources, _ = parse_script("# Title: About\n# Source: none (framing)\n\nHi.\n", Path("01-a.txt"))
    assert sources == []


def test_format_then_parse_gives_back_the_chapter():
    chapter = Chapter(1, "Odd text", [Block("# not a note"), Block("- not an item"),
                                      Block("item", BlockKind.ITEM), Block("\\ backslash")],
                      ["Introduction"], "01-odd-text")
    title, sources, blocks = parse_script(format_script(chapter), Path("01-odd-text.txt"))
    assert (title, sources, blocks) == (chapter.title, chapter.sources, chapter.blocks)


def test_malformed_guide_toml_names_line_and_column(tiny_folder):
    (tiny_folder / "guide.toml").write_text('title = "A"\nrate = = 3\n')
    with pytest.raises(ScriptError, match=r"guide.toml: is not valid TOML at line 2, column 8"):
        load_guide(tiny_folder)


def test_script_that_is_not_utf8_is_named(tiny_folder):
    (tiny_folder / "02-a-list.txt").write_bytes(b"# Title: Caf\xe9\n\nHello.\n")
    with pytest.raises(ScriptError, match=r"02-a-list.txt: is not UTF-8 text"):
        load_guide(tiny_folder)


def test_chapters_are_numbered_in_file_order_and_renumbered(tiny_folder):
    (tiny_folder / "02-a-list.txt").rename(tiny_folder / "07-a-list.txt")
    guide = load_guide(tiny_folder)
    assert [(c.number, c.stem) for c in guide.chapters] == [
        (1, "01-welcome"), (2, "02-the-end"), (3, "03-a-list")]
    assert guide.chapter("3").title == "A short list"
    assert guide.chapter("the end").number == 2
    with pytest.raises(UnknownChapter, match="It has chapters 1 to 3"):
        guide.chapter("9")


def test_write_guide_never_overwrites_without_force(tmp_path, tiny_guide):
    folder = tmp_path / "scripts" / "copy"
    write_guide(tiny_guide, folder)
    (folder / "01-welcome.txt").write_text("# Title: Edited by hand\n\nMine.\n")
    with pytest.raises(GuideExists, match="Use --force"):
        write_guide(tiny_guide, folder)
    assert "Edited by hand" in (folder / "01-welcome.txt").read_text()
    write_guide(tiny_guide, folder, force=True)
    assert load_guide(folder).chapters[0].title == "Welcome"
    assert sorted(p.name for p in folder.parent.iterdir()) == ["copy", "tiny"]


def test_draft_makes_introduction_sections_and_sources():
    article = Article("Title", "Dek", [
        Section(None, [Block("Lead one."), Block("Lead two.")]),
        Section("Diagnosis", [Block("How it is found.")]),
        Section("Diagnosis", [Block("Again.")]),
    ], sources=["A source."])
    guide = draft_guide(article, "t")
    assert [(c.title, c.stem, c.sources) for c in guide.chapters] == [
        ("Introduction", "01-introduction", ["Introduction"]),
        ("Diagnosis", "02-diagnosis", ["Diagnosis"]),
        ("Diagnosis", "03-diagnosis-2", ["Diagnosis"]),
        ("Sources", "04-sources", ["Article Sources"]),
    ]
    assert guide.chapters[3].blocks[-1] == Block("A source.", BlockKind.ITEM)


def test_find_guide_by_slug_path_and_shipped(tmp_path, monkeypatch, tiny_folder):
    monkeypatch.chdir(tiny_folder.parent.parent)
    assert find_guide("tiny") == Path("scripts/tiny")
    assert find_guide(str(tiny_folder)) == tiny_folder
    assert find_guide(None) == shipped_folder()
    with pytest.raises(UnknownGuide, match="There is no guide called 'nope'. The guides here are: tiny."):
        find_guide("nope")


def test_shipped_guide_loads_with_key_points_and_words_to_know():
    guide = load_guide(shipped_folder())
    titles = [c.title.lower() for c in guide.chapters]
    assert guide.slug == "cervical-insufficiency"
    assert "key points" in titles
    assert any(t.startswith("words to know") for t in titles)
    assert titles[-1] == "sources"
    source = (shipped_folder() / "source.txt").read_text(encoding="utf-8")
    assert source.startswith("How an Incompetent Cervix May Lead to a Miscarriage")
