"""Approval: draft, approved, changed and overdue, everywhere the state is shown or heard."""

from __future__ import annotations

import json
import tomllib
import zipfile
from datetime import date

import pytest
from click.testing import CliRunner

from guide import approval
from guide.cli.app import cli
from .helpers import FakeEngine
from guide.scripts.store import load_guide

TODAY = date(2026, 12, 6)
DRAFT = "Draft: not yet approved for patient use."
APPROVED = "Approved by Dana Lee, RN, on 2026-12-06; next review due 2028-12-06."
CHANGED = "Changed since it was approved by Dana Lee, RN, on 2026-12-06: 02-a-list.txt."
OVERDUE = "Overdue: approved by Dana Lee, RN, on 2024-01-31; its review was due 2026-01-31."
NOTICE = {"draft": ["This guide is a draft.", "A health professional has not yet checked it."],
          "changed": ["This guide is a draft again: it changed after a health professional "
                      "checked it."],
          "overdue": ["This guide is a draft again: its review is overdue."],
          "approved": []}


@pytest.fixture
def run(tiny_folder, monkeypatch):
    """Run ``guide`` beside scripts/tiny on TODAY; ``engine`` keeps count of what is spoken."""
    monkeypatch.chdir(tiny_folder.parent.parent)
    monkeypatch.setattr(approval, "today", lambda: TODAY)

    def invoke(*args, engine=None):
        return CliRunner().invoke(cli, list(args), obj={"engine": engine or FakeEngine()})

    return invoke


def _make(run, state, tiny_folder):
    """Put the tiny guide in ``state``."""
    if state == "draft":
        return
    assert run("approve", "tiny", "--by", "Dana Lee, RN").exit_code == 0
    if state == "changed":
        script = tiny_folder / "02-a-list.txt"
        script.write_text(script.read_text() + "\nAsk if you are not sure.\n", encoding="utf-8")
    if state == "overdue":
        path = tiny_folder / "approval.toml"
        path.write_text(path.read_text().replace('"2026-12-06"', '"2024-01-31"'), encoding="utf-8")


STATES = [("draft", DRAFT, {"status": "draft", "by": "", "role": "", "date": "", "due": "",
                            "changed_files": []}),
          ("approved", APPROVED, {"status": "approved", "by": "Dana Lee", "role": "RN",
                                  "date": "2026-12-06", "due": "2028-12-06", "changed_files": []}),
          ("changed", CHANGED, {"status": "changed", "by": "Dana Lee", "role": "RN",
                                "date": "2026-12-06", "due": "2028-12-06",
                                "changed_files": ["02-a-list.txt"]}),
          ("overdue", OVERDUE, {"status": "overdue", "by": "Dana Lee", "role": "RN",
                                "date": "2024-01-31", "due": "2026-01-31", "changed_files": []})]


@pytest.mark.parametrize("state, line, data", STATES, ids=[s[0] for s in STATES])
def test_every_state_in_check_the_manifest_and_chapter_one(run, tiny_folder, state, line, data):
    _make(run, state, tiny_folder)
    text = run("check", "tiny")
    assert text.stdout.splitlines()[0] == line
    assert json.loads(run("check", "tiny", "--json").stdout)["approval"] == data
    assert run("build", "tiny").exit_code == 0
    manifest = json.loads((tiny_folder.parent.parent / "audio_out/tiny/manifest.json").read_text())
    assert manifest["approval"] == data
    first = [s["text"] for s in manifest["chapters"][0]["sentences"]]
    assert first == ["Chapter 1 of 3: Welcome.", *NOTICE[state], "This is a short guide.",
                     "It has three chapters.", "You can stop at any time."]
    assert [s["text"] for s in manifest["chapters"][1]["sentences"]][:2] == [
        "Chapter 2 of 3: A short list.", "Here are two things."]
    transcript = (tiny_folder.parent.parent / "audio_out/tiny/chapters/01-welcome.txt").read_text()
    assert transcript.splitlines()[2] == (" ".join(NOTICE[state]) or "This is a short guide. "
                                          "It has three chapters.")


@pytest.mark.parametrize("state, line", [(s[0], s[1]) for s in STATES[:3]],
                         ids=[s[0] for s in STATES[:3]])
def test_the_web_page_and_the_pack_readme_show_the_state(run, tiny_folder, tmp_path, state, line):
    _make(run, state, tiny_folder)
    assert run("export", "tiny", "--format", "html", "--out", str(tmp_path / "web")).exit_code == 0
    page = (tmp_path / "web" / "index.html").read_text()
    assert f'<p class="approval">{line}</p>' in page
    assert run("export", "tiny", "--format", "zip", "--out", str(tmp_path / "zip")).exit_code == 0
    with zipfile.ZipFile(tmp_path / "zip" / "tiny-clinic-pack.zip") as zf:
        readme = zf.read("tiny/README.txt").decode("utf-8").splitlines()
        printable = zf.read("tiny/transcript-large-print.html").decode("utf-8")
    assert f"<p>{line}</p>" in printable
    made = next(i for i, text in enumerate(readme) if text.startswith("It was made on"))
    assert " ".join(readme[made + 1:made + 3]).startswith(line)


def test_the_epub_describes_the_state(run, tiny_folder, tmp_path):
    _make(run, "approved", tiny_folder)
    assert run("export", "tiny", "--format", "epub", "--out", str(tmp_path)).exit_code == 0
    (book,) = tmp_path.glob("*.epub")
    with zipfile.ZipFile(book) as zf:
        opf = next(zf.read(n).decode() for n in zf.namelist() if n.endswith(".opf"))
    assert f"{APPROVED}</dc:description>" in opf


def test_approving_makes_only_chapter_one_again(run, tiny_folder):
    out = tiny_folder.parent.parent / "audio_out/tiny"
    run("approve", "tiny", "--by", "Dana Lee, RN")
    first = FakeEngine()
    run("build", "tiny", engine=first)
    before = json.loads((out / "manifest.json").read_text())["chapters"]
    assert not any("draft" in text for text in first.spoken)
    assert run("approve", "tiny", "--revoke").exit_code == 0
    second = FakeEngine()
    built = run("build", "tiny", engine=second)
    assert built.stderr.splitlines()[3].endswith("11 of 13 clips came from the cache.")
    assert second.spoken == NOTICE["draft"]
    after = json.loads((out / "manifest.json").read_text())["chapters"]
    assert [a["sha256"] == b["sha256"] for a, b in zip(after, before)] == [False, True, True]
    third = FakeEngine()
    run("approve", "tiny", "--by", "Dana Lee, RN")
    again = run("build", "tiny", engine=third)
    assert third.spoken == []
    assert again.stderr.splitlines()[3].endswith("11 of 11 clips came from the cache.")
    assert [c["sha256"] for c in json.loads((out / "manifest.json").read_text())["chapters"]][1:] \
        == [c["sha256"] for c in before][1:]


def test_approve_writes_who_when_and_every_input_then_revoke_removes_it(run, tiny_folder):
    result = run("approve", "tiny", "--by", "Dana Lee, RN", "--note", "Checked against the leaflet.")
    assert result.exit_code == 0
    assert result.stderr == f"{APPROVED}\nWrote scripts/tiny/approval.toml. Run: guide build\n"
    data = tomllib.loads((tiny_folder / "approval.toml").read_text())
    assert {k: data[k] for k in ("by", "role", "date", "note")} == {
        "by": "Dana Lee", "role": "RN", "date": "2026-12-06", "note": "Checked against the leaflet."}
    assert sorted(data["inputs"]) == ["01-welcome.txt", "02-a-list.txt", "03-the-end.txt",
                                      "built-in lexicon", "guide.toml"]
    (tiny_folder / "lexicon.toml").write_text('[words]\n', encoding="utf-8")
    assert approval.status(load_guide(tiny_folder), TODAY).changed_files == ["lexicon.toml"]
    revoked = run("approve", "tiny", "--revoke")
    assert revoked.exit_code == 0
    assert revoked.stderr == ("Removed scripts/tiny/approval.toml. The guide is a draft again. "
                              "Run: guide build\n")
    assert not (tiny_folder / "approval.toml").exists()
    assert run("approve", "tiny", "--revoke").stderr == (
        "scripts/tiny has no approval to take back; the guide is a draft.\n")


@pytest.mark.parametrize("args, message", [
    (["--by", "Dana Lee"], '--by must be a name and a role, such as "Dana Lee, RN", not "Dana Lee".\n'),
    (["--by", ", RN"], '--by must be a name and a role, such as "Dana Lee, RN", not ", RN".\n'),
    ([], 'guide approve needs --by "NAME, ROLE", or --revoke.\n'),
    (["--revoke", "--by", "Dana Lee, RN"], "--revoke takes no --by or --note.\n"),
])
def test_a_bad_approve_is_one_sentence(run, tiny_folder, args, message):
    result = run("approve", "tiny", *args)
    assert result.exit_code == 1
    assert result.stderr == message
    assert not (tiny_folder / "approval.toml").exists()


def test_review_every_months_sets_the_due_date(run, tiny_folder):
    toml = tiny_folder / "guide.toml"
    toml.write_text(toml.read_text() + "review_every_months = 12\n", encoding="utf-8")
    run("approve", "tiny", "--by", "Dana Lee, RN")
    assert run("check", "tiny").stdout.splitlines()[0] == (
        "Approved by Dana Lee, RN, on 2026-12-06; next review due 2027-12-06.")
    toml.write_text(toml.read_text().replace("= 12", "= 0"), encoding="utf-8")
    bad = run("check", "tiny")
    assert bad.exit_code == 1
    assert bad.stderr == ("scripts/tiny/guide.toml: review_every_months must be a whole number of "
                          "months from 1 to 120, not 0.\n")


def test_a_damaged_approval_is_one_sentence(run, tiny_folder):
    (tiny_folder / "approval.toml").write_text('by = "Dana Lee"\ndate = "2026-12-06"\n',
                                              encoding="utf-8")
    result = run("check", "tiny")
    assert result.exit_code == 1
    assert result.stderr == ("scripts/tiny/approval.toml: is not an approval: role must be text in "
                             "quotes; approve the guide again.\n")


def test_months_are_added_on_the_calendar():
    assert approval.add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert approval.add_months(date(2024, 11, 30), 24) == date(2026, 11, 30)
    assert approval.add_months(date(2024, 12, 1), 1) == date(2025, 1, 1)


SPANISH = {
    "draft": "Borrador: todavía no está aprobada para usarla con pacientes.",
    "approved": ("La aprobó Dana Lee, RN, el 6 de diciembre de 2026. "
                 "Próxima revisión: 6 de diciembre de 2028."),
    "changed": ("Cambió desde que la aprobó Dana Lee, RN, el 6 de diciembre de 2026. "
                "Archivos que cambiaron: 02-a-list.txt."),
    "overdue": ("Revisión atrasada: la aprobó Dana Lee, RN, el 31 de enero de 2024. "
                "La revisión tocaba el 31 de enero de 2026."),
}


@pytest.mark.parametrize("state, english, data", STATES, ids=[s[0] for s in STATES])
def test_the_approval_line_and_notice_are_in_the_guides_language(tiny_folder, state, english, data):
    assert approval.line(data) == approval.line(data, "en-US") == english
    assert approval.line(data, "es-US") == SPANISH[state]
    status = approval.ApprovalStatus(**data)
    assert approval.notice(status) == " ".join(NOTICE[state])
    spanish = approval.notice(status, "es-US")
    assert (spanish == "") == (state == "approved")
    assert not spanish or spanish.startswith("Esta guía es ")
    chapter = load_guide(tiny_folder).chapters[0]
    blocks = approval.with_notice(chapter, status, "es-419").blocks
    assert blocks == ([approval.Block(spanish), *chapter.blocks] if spanish else chapter.blocks)


def test_core_approval_errors_name_no_flag_or_command_but_the_cli_does(run, tiny_folder):
    with pytest.raises(approval.GuideError) as caught:
        approval.parse_by("Dana Lee")
    assert "--" not in str(caught.value) and "guide approve" not in str(caught.value)
    (tiny_folder / "approval.toml").write_text("by = [", encoding="utf-8")
    with pytest.raises(approval.ScriptError) as unreadable:
        approval.read(tiny_folder)
    assert "guide approve" not in str(unreadable.value) and unreadable.value.hint == "approve"
    result = run("check", "tiny")
    assert result.exit_code == 1
    assert result.stderr == ("scripts/tiny/approval.toml: cannot be read; approve the guide again with "
                             "guide approve.\n")
