"""The ``guide check`` and ``guide say`` commands: a thin layer over
:mod:`guide.check.run` and :mod:`guide.say`.

Both print plain lines that a screen reader reads well: data on stdout,
status on stderr, no symbols said as symbols.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from guide.cli.app import (_engine, _load, built_folder, choose_edition, edition_options, parse_rate,
                  read_built, rebuild_command, say as status, way_out)
from guide.check import pemat as check_pemat
from guide.durations import spoken_duration

LEVEL_NAMES = {"error": ("Error", "error", "errors"), "warning": ("Warning", "warning", "warnings"),
               "info": ("Note", "note", "notes")}
"How each level is written: at the start of a line, and counted in the summary."


# ------------------------------------------------------------------ check


def chapter_line(stats) -> str:
    """``Chapter 3, What it is: 191 words, grade 5.8, SMOG 9.1, 1 min 18 s, 147 words a minute.``"""
    smog = f"SMOG {stats.smog:.1f}" if stats.smog is not None else "SMOG not rated"
    if stats.estimated:
        timing = f"about {spoken_duration(stats.duration_s)}"
    else:
        timing = f"{spoken_duration(stats.duration_s)}, {stats.wpm:.0f} words a minute"
    return (f"Chapter {stats.number}, {stats.title}: {stats.words} words, "
            f"grade {stats.fk_grade:.1f}, {smog}, {timing}.")


def problem_line(problem) -> str:
    """``Error, chapter 4: the sentence ... has 31 words; the limit is 25.``"""
    label = LEVEL_NAMES[problem.level][0]
    where = f", chapter {problem.chapter}" if problem.chapter is not None else ""
    return f"{label}{where}: {problem.message}"


def summary_line(report) -> str:
    """``2 errors, 3 warnings.``, with notes when there are any, or ``No problems found.``"""
    if not report.problems:
        return "No problems found."
    parts = []
    for level in ("error", "warning", "info"):
        n = report.count(level)
        if n or level != "info":
            _, one, many = LEVEL_NAMES[level]
            parts.append(f"{n} {one if n == 1 else many}")
    return ", ".join(parts) + "."


def report_lines(report) -> list[str]:
    """The whole human report, line by line: the approval first, when it was looked at."""
    from guide.approval import line

    lines = [line(report.approval)] if report.approval else []
    lines += [chapter_line(c) for c in report.chapters]
    lines += check_pemat.report_lines(report.pemat)  # the PEMAT-A/V self-check, after the chapters
    if report.problems:
        lines.append("Problems:")
        lines += [problem_line(p) for p in report.problems]
    lines.append(summary_line(report))
    return lines


@click.command("check")
@click.argument("guide", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print the figures and problems as JSON.")
@click.option("--out", type=click.Path(path_type=Path), default=Path("audio_out"), show_default=True,
              help="Folder of the built guides, for measured lengths.")
@click.option("--rate", help="Check the edition built at this rate: normal, slow, or a number.")
@edition_options("Check the edition built")
@click.pass_context
def check(ctx, guide, as_json, out, rate, engine, voice) -> None:
    """Check GUIDE before it goes out: reading grade, sentence and chapter
    lengths, medical words explained, words the voice may say badly, and
    whether every section of the source article is used.

    Exits with status 1 when there is an error; warnings and notes are for a
    person to look at.
    """
    from guide.check.run import check_folder

    loaded = _load(guide)
    wpm = parse_rate(rate)[0]
    edition = choose_edition(loaded, engine, voice, rate)
    with way_out(rebuild_command(guide, out, rate, engine, voice)):
        read_built(built_folder(loaded, out, rate, engine, voice))  # damaged: named, not measured
    report = check_folder(loaded, out, edition.label, wpm, phoneme_voice(edition, loaded.language))
    if as_json:
        click.echo(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
    else:
        if not report.built:
            status(f"The guide is not built, so lengths are estimates at "
                   f"{wpm or loaded.rate} words a minute.")
        elif any(c.estimated for c in report.chapters):
            status("Some chapters changed after the guide was built, so their lengths are "
                   "estimates. Run: guide build")
        for line in report_lines(report):
            click.echo(line)
    ctx.exit(0 if report.ok else 1)


# -------------------------------------------------------------------- say


def phoneme_voice(edition, language: str) -> str:
    """The espeak-ng voice whose phonemes show what ``edition`` says: Piper reads text through
    espeak-ng in the guide's language."""
    return edition.voice if edition.engine == "pyttsx3" else language.lower()


def _no_phonemes(voice: str) -> str:
    import shutil

    if shutil.which("espeak-ng") is None:
        return "not known, as espeak-ng is not installed."
    return f"not known, as espeak-ng has no voice called {voice}."


@click.command("say")
@click.argument("text")
@click.option("--guide", "guide_name", metavar="GUIDE",
              help="Use this guide's lexicon, voice and rate (default: the built-in lexicon).")
@edition_options("Say it")
@click.option("--rate", help="normal (150 words a minute), slow (120), or a number.")
@click.option("--out", type=click.Path(path_type=Path), metavar="FILE",
              help="Write a .wav or .mp3 file instead of playing it.")
@click.option("--show", is_flag=True, help="Also print the spoken form and espeak-ng's phonemes.")
@click.option("--audio-output", envvar="GUIDE_AUDIO_OUTPUT", metavar="NAME",
              help="mpv's sound output; null plays in silence (the same as GUIDE_AUDIO_OUTPUT=null).")
@click.pass_context
def say_cmd(ctx, text, guide_name, engine, voice, rate, out, show, audio_output) -> None:
    """Say TEXT the way a guide would: through the same normalisation,
    lexicon and voice. It is played, or written to --out."""
    from guide.speech.lexicon import Lexicon
    from guide.say import (check_out_path, phonemes, play_clip, prepare, require_mpv, synthesize,
                      write_clip)

    if out is not None:
        check_out_path(out)
    else:
        require_mpv()
    from guide.model import Guide

    loaded = _load(guide_name) if guide_name else Guide(slug="say", title="say")
    lexicon = Lexicon.load(loaded.folder) if guide_name else Lexicon.builtin()
    edition = choose_edition(loaded, engine, voice, rate)
    said = prepare(text, lexicon)
    if show:
        heard_by = phoneme_voice(edition, loaded.language)
        click.echo(f"Written: {said.text}")
        click.echo(f"Spoken: {said.spoken}")
        click.echo(f"Phonemes: {phonemes(said.spoken, heard_by) or _no_phonemes(heard_by)}")
    clip = synthesize(said, _engine(ctx, edition.engine), edition.voice, edition.rate)
    if out is not None:
        path = write_clip(clip, out)
        status(f"Wrote {path}, {spoken_duration(clip.duration_s)} of speech.")
    else:
        play_clip(clip, audio_output)
