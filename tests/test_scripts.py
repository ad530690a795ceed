"""Narration scripts and guide folders: reading, writing, drafting, finding."""

from __future__ import annotations

from pathlib import Path

import pytest

from guide.errors import GuideExists, ScriptError, UnknownChapter, UnknownGuide
from guide.model import Article, Block, BlockKind, Chapter, Section
from guide.scripts.store import (
    draft_guide,
    find_guide,
    format_script,
    load_guide,
    parse_script,
    shipped_folder,
    write_guide,
)


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
    with pytest.raises(UnknownChapter, match="This guide has chapters 1 to 3"):
        guide.chapter("9")


def test_write_guide_never_overwrites_without_force(tmp_path, tiny_guide):
    folder = tmp_path / "scripts" / "copy"
    write_guide(tiny_guide, folder)
    (folder / "01-welcome.txt").write_text("# Title: Edited by hand\n\nMine.\n")
    with pytest.raises(GuideExists, match="already exists"):
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


# ------------------------------------------------ drafts that work by ear (issue 12)

ARTICLES = Path(__file__).resolve().parent / "data" / "articles"


@pytest.mark.parametrize("name", ["csection-wound-care.html", "csection-recovery.md",
                                  "presion-alta-embarazo.md", "hierro-embarazo.html"])
def test_draft_of_a_golden_article_matches_its_hand_checked_scripts(tmp_path, name):
    from guide.article import open_article

    article_path = ARTICLES / name
    expected = ARTICLES / f"{article_path.stem}.draft"
    article, language = open_article(article_path)
    guide = draft_guide(article, article_path.stem, language)
    guide.source = f"source{article_path.suffix}"
    folder = write_guide(guide, tmp_path / article_path.stem, source=article_path)
    for path in sorted(expected.iterdir()):
        if path.name != "notes.txt":
            assert (folder / path.name).read_text(encoding="utf-8") == path.read_text(encoding="utf-8")
    assert guide.notes == expected.joinpath("notes.txt").read_text(encoding="utf-8").splitlines()


def test_a_spanish_draft_writes_its_own_words_in_spanish():
    article = Article("Título", sections=[
        Section(None, [Block("Entrada.")]),
        Section("Pasos", [Block("Lávese las manos.", BlockKind.ITEM, number=1),
                          Block("Paso 2: Séquelas.", BlockKind.ITEM, number=2)]),
    ], sources=["Una fuente."])
    guide = draft_guide(article, "t", "es-US")
    assert (guide.language, guide.voice) == ("es-US", "")
    assert [(c.title, c.sources) for c in guide.chapters] == [
        ("Introducción", ["Introduction"]), ("Pasos", ["Pasos"]), ("Fuentes", ["Article Sources"])]
    assert [b.text for b in guide.chapters[1].blocks] == ["Paso 1: Lávese las manos.", "Paso 2: Séquelas."]
    assert guide.chapters[2].blocks[0] == Block("Esta guía se basa en un artículo que cita estas fuentes.")
    text = format_script(guide.chapters[0], guide.language)
    assert text.splitlines()[2] == ('# Las líneas que empiezan con "#" son notas para el editor. '
                                    "Nunca se leen en voz alta.")
    assert parse_script(text, Path("01-introduccion.txt")) == ("Introducción", ["Introduction"],
                                                                [Block("Entrada.")])


def test_a_spanish_guide_folder_says_its_language_and_no_voice(tmp_path):
    article = Article("Título", sections=[Section(None, [Block("Entrada.")])])
    folder = write_guide(draft_guide(article, "t", "es-MX"), tmp_path / "t")
    settings = (folder / "guide.toml").read_text(encoding="utf-8")
    assert 'language = "es-MX"' in settings and "voice" not in settings
    assert "Nunca se leen en voz alta." in (folder / "01-introduccion.txt").read_text(encoding="utf-8")
    assert load_guide(folder).language == "es-MX"


@pytest.mark.parametrize(("block", "drafted"), [
    (Block("Wash your hands.", BlockKind.ITEM, number=1), "Step 1: Wash your hands."),
    (Block("Dry.", BlockKind.ITEM, number=12), "Step 12: Dry."),
    (Block("Wash your hands.", BlockKind.ITEM), "Wash your hands."),
    (Block("Step 2: Dry.", BlockKind.ITEM, number=2), "Step 2: Dry."),
    (Block("2. Dry.", BlockKind.ITEM, number=2), "2. Dry."),
    (Block("2 pills a day.", BlockKind.ITEM, number=2), "Step 2: 2 pills a day."),
])
def test_a_numbered_item_is_drafted_with_its_step(block, drafted):
    guide = draft_guide(Article("T", sections=[Section(None, [block])]), "t")
    assert guide.chapters[0].blocks == [Block(drafted, BlockKind.ITEM)]
    assert format_script(guide.chapters[0]).endswith(f"\n- {drafted}\n")


ROW = ("Ibuprofen (Advil, Motrin): dose, 600 milligrams; when to take it, every 6 hours; "
       "most in 24 hours, 2,400 milligrams.")


@pytest.mark.parametrize(("text", "sentences", "heard"), [
    ("Step 1: Take the pill with water.", ["Step 1: Take the pill with water."], ("Step 1:", "Step one:")),
    ("Step 2: Let water run over it. Do not scrub it.",
     ["Step 2: Let water run over it.", "Do not scrub it."], ("Step 2:", "Step two:")),
    ("Step 12: Rest.", ["Step 12: Rest."], ("Step 12:", "Step twelve:")),
    (ROW, [ROW], ("Ibuprofen (Advil, Motrin): dose,",)),
])
def test_a_step_or_table_row_is_spoken_in_one_sentence_with_its_number_or_name(text, sentences, heard):
    from guide.speech.narration import chapter_sentences

    spoken = chapter_sentences(Chapter(1, "Steps", [Block(text, BlockKind.ITEM)]), 1)[1:]
    assert [s.text for s in spoken] == sentences
    assert spoken[0].spoken.startswith(heard)


def test_editor_notes_are_written_under_the_sources_and_never_read_back():
    chapter = Chapter(1, "Intro", [Block("Hello.")], ["Introduction"], "01-intro",
                      notes=["Byline: Reviewed by Dana Lee, RN."])
    text = format_script(chapter)
    assert text.splitlines()[:3] == ["# Title: Intro", "# Source: Introduction",
                                     "# Byline: Reviewed by Dana Lee, RN."]
    assert parse_script(text, Path("01-intro.txt")) == ("Intro", ["Introduction"], [Block("Hello.")])


@pytest.mark.parametrize(("value", "kept"), [
    ('"2025-04-03"', "2025-04-03"),
    ("2025-04-03", "2025-04-03"),  # a TOML date without quotes
    ('""', ""),
    ('"03/04/2025"', None),
    ('"2025-02-30"', None),
    ('"20250403"', None),
    ("2025-04-03T10:00:00", None),
    ("20250403", None),
])
def test_source_reviewed_is_a_date_written_year_month_day(value, kept):
    import tomllib

    from guide.config import GuideConfig

    data = tomllib.loads(f"source_reviewed = {value}")
    if kept is None:
        with pytest.raises(ScriptError, match=r"source_reviewed must be a date in quotes, written like "
                                              r'"2025-04-03", not '):
            GuideConfig.from_dict(data, "guide.toml")
    else:
        assert GuideConfig.from_dict(data, "guide.toml")[0].source_reviewed == kept


def test_source_reviewed_goes_to_guide_toml_and_back(tmp_path, tiny_guide):
    tiny_guide.source_reviewed = "2025-04-03"
    folder = write_guide(tiny_guide, tmp_path / "copy")
    assert 'source_reviewed = "2025-04-03"' in (folder / "guide.toml").read_text()
    assert load_guide(folder).source_reviewed == "2025-04-03"
