"""``guide check``: a thin layer over :mod:`guide.check.run`.

It prints plain lines that a screen reader reads well: data on stdout,
status on stderr, no symbols said as symbols.
"""

from __future__ import annotations

import json

import click

from guide.cli.options import (
    aim,
    built_folder,
    choose_edition,
    edition_options,
    load,
    out_option,
    phoneme_voice,
    rate_option,
    read_built,
    status,
)

LEVEL_NAMES = {"error": ("Error", "error", "errors"), "warning": ("Warning", "warning", "warnings"),
               "info": ("Note", "note", "notes")}
"How each level is written: at the start of a line, and counted in the summary."


def chapter_line(stats) -> str:
    """``Chapter 3, What it is: 191 words, grade 5.8, SMOG 9.1, 1 min 18 s, 147 words a minute.``

    A Spanish guide's chapter gives its INFLESZ score, with the band the scale names it by,
    and its Fernández-Huerta score instead of the grades: ``Chapter 5, Señales: 150 words,
    INFLESZ 74.4 (bastante fácil), Fernández-Huerta 80.1, about 1 min 12 s.``"""
    from guide.durations import spoken_duration

    if stats.estimated:
        timing = f"about {spoken_duration(stats.duration_s)}"
    else:
        timing = f"{spoken_duration(stats.duration_s)}, {stats.wpm:.0f} words a minute"
    return f"Chapter {stats.number}, {stats.title}: {stats.words} words, {_scores(stats)}, {timing}."


def _scores(stats) -> str:
    """The readability figures of a chapter line, by its language's formulas."""
    if stats.inflesz is not None:
        return (f"INFLESZ {stats.inflesz:.1f} ({stats.inflesz_band}), "
                f"Fernández-Huerta {stats.fernandez_huerta:.1f}")
    if stats.fk_grade is None:
        return "not rated"
    smog = f"SMOG {stats.smog:.1f}" if stats.smog is not None else "SMOG not rated"
    return f"grade {stats.fk_grade:.1f}, {smog}"


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
    from guide.check import pemat as check_pemat

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
@out_option
@rate_option("Check the edition built")
@edition_options("Check the edition built")
@click.pass_context
def check(ctx, guide, as_json, out, rate, engine, voice) -> None:
    """Check GUIDE before it goes out: reading grade (INFLESZ for a Spanish
    guide), sentence and chapter lengths, medical words explained, words the
    voice may say badly, whether every section of the source article is used,
    and, for a translation, whether it says what its original says.

    Exits with status 1 when there is an error; warnings and notes are for a
    person to look at.
    """
    from guide.check.run import check_folder

    aim(ctx, guide, out, rate, engine, voice)
    loaded = load(guide)
    wpm = rate.wpm if rate else None
    edition = choose_edition(loaded, engine, voice, rate)
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
