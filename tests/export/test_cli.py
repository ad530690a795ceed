"""``guide export`` with the new formats, through click's CliRunner and the fake engine."""

from __future__ import annotations

import srt
import webvtt
from click.testing import CliRunner

from guide.cli.app import cli
from ..helpers import FakeEngine


def _run(tiny_folder, monkeypatch, *args):
    monkeypatch.chdir(tiny_folder.parent.parent)
    return CliRunner().invoke(cli, ["export", "tiny", *args], obj={"engine": FakeEngine()})


def test_export_vtt_writes_captions_and_says_so(tiny_folder, monkeypatch, tmp_path):
    out = tmp_path / "captions"
    result = _run(tiny_folder, monkeypatch, "--format", "vtt", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert result.stderr == f"Writing the WebVTT captions (vtt).\nWrote 4 files to {out}.\n"
    names = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert names == ["chapters/01-welcome.vtt", "chapters/02-a-list.vtt", "chapters/03-the-end.vtt", "tiny.vtt"]
    whole = webvtt.read(str(out / "tiny.vtt"))
    assert whole[0].text == "Chapter 1 of 3: Welcome."
    assert [c.text for c in whole][-1] == "Thank you for listening."


def test_export_srt_of_some_chapters(tiny_folder, monkeypatch, tmp_path):
    out = tmp_path / "srt"
    result = _run(tiny_folder, monkeypatch, "--format", "srt", "--out", str(out), "--chapters", "2-3")
    assert result.exit_code == 0, result.output
    assert result.stderr == f"Writing the SRT captions (srt).\nWrote 2 files to {out}.\n"
    assert sorted(p.name for p in out.rglob("*.srt")) == ["02-a-list.srt", "03-the-end.srt"]
    subs = list(srt.parse((out / "chapters" / "02-a-list.srt").read_text(encoding="utf-8")))
    assert [s.content for s in subs] == ["Chapter 2 of 3: A short list.", "Here are two things.",
                                         "Drink water.", "Rest when you are tired."]


def test_an_unknown_format_lists_the_formats(tiny_folder, monkeypatch, tmp_path):
    result = _run(tiny_folder, monkeypatch, "--format", "pdf", "--out", str(tmp_path))
    assert result.exit_code == 1
    assert result.output == ("--format must be one of mp3, vtt, srt, html, m4b, epub, daisy, zip, all, "
                             "not 'pdf'.\n")


def test_a_range_that_counts_down_is_one_sentence_and_writes_nothing(tiny_folder, monkeypatch, tmp_path):
    out = tmp_path / "none"
    result = _run(tiny_folder, monkeypatch, "--format", "vtt", "--out", str(out), "--chapters", "3-2")
    assert result.exit_code == 1
    assert result.stderr == "'3-2' counts down. Write the smaller number first, as in 2-3.\n"
    assert not out.exists()


def test_export_zip_says_what_it_does_and_names_the_zip(tiny_folder, monkeypatch, tmp_path):
    out = tmp_path / "pack"
    result = _run(tiny_folder, monkeypatch, "--format", "zip", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    zip_path = out / "tiny-clinic-pack.zip"
    assert result.stderr == f"Writing the clinic pack (zip).\nWrote the clinic pack: {zip_path}.\n"
    assert zip_path.is_file()


def test_export_all_says_one_line_per_format_as_it_goes(tiny_folder, monkeypatch, tmp_path):
    out = tmp_path / "all"
    result = _run(tiny_folder, monkeypatch, "--format", "all", "--out", str(out))
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert lines[:-1] == ["Writing the MP3 files (mp3).", "Writing the WebVTT captions (vtt).",
                          "Writing the SRT captions (srt).", "Writing the web player (html).",
                          "Writing the audiobook (m4b).", "Writing the read-along book (epub).",
                          "Writing the DAISY talking book (daisy).", "Writing the clinic pack (zip)."]
    count = sum(1 for p in out.rglob("*") if p.is_file())
    assert lines[-1] == (f"Wrote {count} files to {out}. "
                         f"The clinic pack is {out / 'zip' / 'tiny-clinic-pack.zip'}.")
