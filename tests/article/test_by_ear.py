"""What the readers keep so that it works by ear: step numbers, labelled table rows, bylines, dates."""

from __future__ import annotations

from datetime import date

import pytest

from guide.article import parse_article
from guide.article.bylines import keep_bylines
from guide.article.dates import dates_in

from .helpers import as_dict, expected, furniture_found, never_read, read_fixture

GOLDEN = ["csection-wound-care.html", "csection-recovery.md"]


def items(article):
    return [(b.text, b.number) for s in article.sections for b in s.blocks if b.kind.value == "item"]


def texts(article):
    return [b.text for s in article.sections for b in s.blocks]


# ---------------------------------------------------------------- golden articles


@pytest.mark.parametrize("name", GOLDEN)
def test_golden(name):
    stem = name.rsplit(".", 1)[0]
    assert as_dict(read_fixture(name)) == expected(f"{stem}.json")


@pytest.mark.parametrize("name", GOLDEN)
def test_golden_reads_no_furniture_and_no_byline(name):
    stem = name.rsplit(".", 1)[0]
    assert furniture_found(read_fixture(name), never_read(f"{stem}.json")) == []


# ----------------------------------------------------------------- numbered lists


@pytest.mark.parametrize(("fmt", "text", "found"), [
    ("html", "<ol><li>Wash.</li><li>Dry.</li></ol>", [("Wash.", 1), ("Dry.", 2)]),
    ("html", "<ol start='4'><li>Wash.</li><li>Dry.</li></ol>", [("Wash.", 4), ("Dry.", 5)]),
    ("html", "<ol reversed><li>Wash.</li><li>Dry.</li></ol>", [("Wash.", 2), ("Dry.", 1)]),
    ("html", "<ol><li>Wash.</li><li value='7'>Dry.</li><li>Rest.</li></ol>",
     [("Wash.", 1), ("Dry.", 7), ("Rest.", 8)]),
    ("html", "<ol><li>Wash.<ul><li>Hands.</li></ul></li><li>Dry.</li></ol>",
     [("Wash.", 1), ("Hands.", None), ("Dry.", 2)]),
    ("html", "<ol><li><p>Wash.</p><p>Then rinse.</p></li></ol>", [("Wash.", 1), ("Then rinse.", None)]),
    ("html", "<ul><li>Wash.</li></ul>", [("Wash.", None)]),
    ("markdown", "1. Wash.\n2. Dry.\n", [("Wash.", 1), ("Dry.", 2)]),
    ("markdown", "1. Wash.\n2. Dry.\n3) Rest.\n", [("Wash.", 1), ("Dry.", 2), ("Rest.", 3)]),
    ("markdown", "- Wash.\n- Dry.\n", [("Wash.", None), ("Dry.", None)]),
    ("text", "1) Wash.\n2) Dry.\n", [("Wash.", 1), ("Dry.", 2)]),
    ("text", "1. Wash.\n2. Dry.\n", [("Wash.", 1), ("Dry.", 2)]),
    ("text", "- Wash.\n- Dry.\n", [("Wash.", None), ("Dry.", None)]),
])
def test_numbered_lists_keep_their_numbers(fmt, text, found):
    head = {"html": "<h1>Title</h1><p>Lead text.</p>", "markdown": "# Title\n\nLead text.\n\n",
            "text": "Title\n\nLead text that is long enough to be a paragraph of prose.\n\n"}[fmt]
    assert items(parse_article(head + text, format=fmt)) == found


def test_a_numbered_list_of_sources_is_read_as_sources_without_numbers():
    article = parse_article("<h1>T</h1><p>Body.</p><h2>Sources</h2><ol><li>One.</li></ol>", format="html")
    assert article.sources == ["One."]


# ------------------------------------------------------------------------- tables

HEAD = "<tr><th>Medicine</th><th>Dose</th><th>When to take it</th><th>Most in 24 hours</th></tr>"
ROW = "<tr><td>Ibuprofen</td><td>600 milligrams</td><td>Every 6 hours</td><td>2,400 milligrams</td></tr>"
SAID = ("Ibuprofen: dose, 600 milligrams; when to take it, every 6 hours; "
        "most in 24 hours, 2,400 milligrams.")


@pytest.mark.parametrize(("fmt", "table", "rows", "noted"), [
    ("html", f"<table><thead>{HEAD}</thead><tbody>{ROW}</tbody></table>", [SAID], False),
    ("html", f"<table>{HEAD}{ROW}</table>", [SAID], False),
    ("html", f"<table><thead>{HEAD}</thead>{ROW}{HEAD}{ROW}</table>", [SAID, SAID], False),
    ("html", "<table><tr><th></th><th>Dose</th></tr><tr><th scope='row'>Ibuprofen</th><td>600 mg</td></tr>"
             "</table>", ["Ibuprofen: dose, 600 mg."], False),
    ("html", "<table><tr><th>Medicine</th><th colspan='2'>Dose</th><th>HIV test</th></tr>"
             "<tr><td>A</td><td>1 pill.</td><td></td><td>Yes</td></tr></table>",
     ["A: dose, 1 pill; HIV test, yes."], False),
    ("html", "<table><tr><th>Name</th><th>Dose</th></tr><tr><td>Tylenol</td><td>Monday, 1 pill</td></tr>"
             "</table>", ["Tylenol: dose, Monday, 1 pill."], False),
    ("html", "<table><tr><td>Nurse line</td><td>555-0142</td></tr><tr><td>Clinic</td><td>555-0187</td></tr>"
             "</table>", ["Nurse line; 555-0142.", "Clinic; 555-0187."], True),
    ("html", "<table><tr><td>Only one cell</td></tr></table>", ["Only one cell"], False),
    ("markdown", "| Medicine | Dose | When to take it | Most in 24 hours |\n|---|---|---|---|\n"
                 "| Ibuprofen | 600 milligrams | Every 6 hours | 2,400 milligrams |\n", [SAID], False),
    ("markdown", "| | |\n|---|---|\n| Nurse line | 555-0142 |\n", ["Nurse line; 555-0142."], True),
])
def test_table_rows_are_labelled_by_their_headers(fmt, table, rows, noted):
    head = "<h1>Title</h1><h2>Doses</h2>" if fmt == "html" else "# Title\n\n## Doses\n\n"
    article = parse_article(head + table, format=fmt)
    assert texts(article) == rows
    assert article.notes == (['The table under "Doses" has no header row, so each row is read with its '
                              "cells in order. Check that every row makes sense by ear."] if noted else [])


def test_each_table_without_a_header_is_noted_once():
    table = "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>"
    article = parse_article(f"<h1>T</h1><p>Lead.</p>{table}<h2>More</h2>{table}", format="html")
    assert [note.split(" has")[0] for note in article.notes] == [
        "The table before the first heading", 'The table under "More"']


# ------------------------------------------------------------------------ bylines

BYLINE = "Reviewed by Dana Lee, RN. Last updated 03/04/2025."


@pytest.mark.parametrize(("fmt", "text", "bylines", "body"), [
    ("html", f"<article><header><h1>T</h1><p class='byline'>{BYLINE}</p></header><p>Body.</p></article>",
     [BYLINE], ["Body."]),
    ("html", f"<h1>T</h1><div class='article-meta'>{BYLINE}</div><p>Body.</p>", [BYLINE], ["Body."]),
    ("html", "<article><h1>T</h1><p>Body.</p><footer><p>Last reviewed: April 3, 2025</p>"
             "<p>All rights reserved.</p></footer></article>", ["Last reviewed: April 3, 2025"], ["Body."]),
    ("html", "<article><h1>T</h1><p>Body.</p><aside class='related'><p>Updated May 2, 2024</p></aside>"
             "</article>", [], ["Body."]),
    ("html", "<h1>T</h1><p>Published: 2024-01-05</p><p>Body.</p><h2>Care</h2><p>Text.</p>"
             "<p>Medically reviewed by Dr. Sam Patel</p>",
     ["Published: 2024-01-05", "Medically reviewed by Dr. Sam Patel"], ["Body.", "Text."]),
    ("html", "<h1>T</h1><p>Body.</p><h2>Care</h2><p>Reviewed by your care team.</p>"
             "<p>Updated guidelines say to rest.</p>", [],
     ["Body.", "Reviewed by your care team.", "Updated guidelines say to rest."]),
    ("markdown", f"# T\n\n*{BYLINE}*\n\nBody.\n", [BYLINE], ["Body."]),
    ("markdown", "# T\n\nBody.\n\n## Care\n\nText.\n\nLast updated 03/04/2025.\n",
     ["Last updated 03/04/2025."], ["Body.", "Text."]),
    ("text", "Title\n\nBy Ann Lee\nUpdated on May 2, 2023\n\nA first paragraph that is long enough to be "
             "prose here.\n", ["By Ann Lee", "Updated on May 2, 2023"],
     ["A first paragraph that is long enough to be prose here."]),
])
def test_bylines_are_kept_for_the_editor_and_never_read(fmt, text, bylines, body):
    article = parse_article(text, format=fmt)
    assert article.bylines == bylines
    assert texts(article) == body


# -------------------------------------------------------------------------- dates


@pytest.mark.parametrize(("text", "found"), [
    ("Last updated 2025-04-03", [("2025-04-03", [date(2025, 4, 3)])]),
    ("Reviewed April 3, 2025.", [("April 3, 2025", [date(2025, 4, 3)])]),
    ("Reviewed 3 April 2025", [("3 April 2025", [date(2025, 4, 3)])]),
    ("Updated Apr. 3rd, 2025", [("Apr. 3rd, 2025", [date(2025, 4, 3)])]),
    ("Last updated 03/04/2025", [("03/04/2025", [date(2025, 3, 4), date(2025, 4, 3)])]),
    ("Last updated 13.04.2025", [("13.04.2025", [date(2025, 4, 13)])]),
    ("Last updated 04/13/2025", [("04/13/2025", [date(2025, 4, 13)])]),
    ("Last updated 03/03/2025", [("03/03/2025", [date(2025, 3, 3)])]),
    ("Published 2024-01-05, updated 2025-02-01",
     [("2024-01-05", [date(2024, 1, 5)]), ("2025-02-01", [date(2025, 2, 1)])]),
    ("Last updated 2025-02-30", []),
    ("Last updated 03/04/25", []),
    ("Take 2 pills 3 times a day", []),
])
def test_dates_and_whether_their_order_is_clear(text, found):
    assert [(d.text, list(d.readings)) for d in dates_in(text)] == found


@pytest.mark.parametrize(("bylines", "reviewed", "notes"), [
    ([], None, []),
    (["By Ann Lee"], None, ['The byline "By Ann Lee" is kept as an editor note at the top of 01-a.txt.']),
    (["Last reviewed April 3, 2025"], "2025-04-03",
     ['The byline "Last reviewed April 3, 2025" is kept as an editor note at the top of 01-a.txt.',
      'guide.toml has source_reviewed = "2025-04-03", from the byline "Last reviewed April 3, 2025".']),
    (["Published 2025-05-01", "Updated 2025-04-03", "Reviewed 2024-01-02"], "2025-04-03",
     ["The 3 byline lines are kept as editor notes at the top of 01-a.txt.",
      'guide.toml has source_reviewed = "2025-04-03", from the byline "Updated 2025-04-03".']),
    (["Published 2023-01-05"], "2023-01-05",
     ['The byline "Published 2023-01-05" is kept as an editor note at the top of 01-a.txt.',
      'guide.toml has source_reviewed = "2023-01-05", from the byline "Published 2023-01-05".']),
    (["Last updated 03/04/2025"], None,
     ['The byline "Last updated 03/04/2025" is kept as an editor note at the top of 01-a.txt.',
      'The date 03/04/2025 in the byline "Last updated 03/04/2025" could be March 4, 2025 or April 3, '
      '2025, so it is not in guide.toml. Once you know which, add source_reviewed = "2025-03-04" or '
      '"2025-04-03" there.']),
])
def test_bylines_become_editor_notes_and_a_clear_date_source_reviewed(bylines, reviewed, notes):
    kept = keep_bylines(bylines, "01-a.txt")
    assert kept.chapter_notes == [f"Byline: {line}" for line in bylines]
    assert (kept.source_reviewed, kept.notes) == (reviewed, notes)
