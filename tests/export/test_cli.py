"""``guide export`` with the new formats, through click's CliRunner and the fake engine."""

from __future__ import annotations

import srt
import webvtt
from click.testing import CliRunner

from guide.cli import cli
from guide.engine import FakeEngine


def _run(tiny_folder, monkeypatch, *args):
    monkeypatch.chdir(tiny_folder.parent.parent)
    return CliRunner().invoke(cli, ["export", "tiny", *args], obj={"engine": FakeEngine()})


def test_export_vtt_writes_captions_and_says_so(tiny_folder, monkeypatch, tmp_path):
    out = tmp_path / "captions"
    result = _run(tiny_folder, monkeypatch, "--format", "vtt", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert result.stderr == f"Wrote 4 files to {out}.\n"
    names = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert names == ["chapters/01-welcome.vtt", "chapters/02-a-list.vtt", "chapters/03-the-end.vtt", "tiny.vtt"]
    whole = webvtt.read(str(out / "tiny.vtt"))
    assert whole[0].text == "Chapter 1 of 3: Welcome."
    assert [c.text for c in whole][-1] == "Thank you for listening."


def test_export_srt_of_some_chapters(tiny_folder, monkeypatch, tmp_path):
    out = tmp_path / "srt"
    result = _run(tiny_folder, monkeypatch, "--format", "srt", "--out", str(out), "--chapters", "2-3")
    assert result.exit_code == 0, result.output
    assert result.stderr == f"Wrote 2 files to {out}.\n"
    assert sorted(p.name for p in out.rglob("*.srt")) == ["02-a-list.srt", "03-the-end.srt"]
    subs = list(srt.parse((out / "chapters" / "02-a-list.srt").read_text(encoding="utf-8")))
    assert [s.content for s in subs] == ["Chapter 2 of 3: A short list.", "Here are two things.",
                                         "Drink water.", "Rest when you are tired."]


def test_an_unknown_format_lists_the_formats(tiny_folder, monkeypatch, tmp_path):
    result = _run(tiny_folder, monkeypatch, "--format", "pdf", "--out", str(tmp_path))
    assert result.exit_code == 1
    assert result.output == ("--format must be one of mp3, vtt, srt, html, m4b, epub, zip, all, "
                             "not 'pdf'.\n")


def test_a_range_that_counts_down_is_one_sentence_and_writes_nothing(tiny_folder, monkeypatch, tmp_path):
    out = tmp_path / "none"
    result = _run(tiny_folder, monkeypatch, "--format", "vtt", "--out", str(out), "--chapters", "3-2")
    assert result.exit_code == 1
    assert result.stderr == "'3-2' counts down. Write the smaller number first, as in 2-3.\n"
    assert not out.exists()
