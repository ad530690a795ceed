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

LEVELS = ("error", "warning", "info")
"The levels, in the order the summary counts them."


def _say(report_or_stats, key: str, /, **fields) -> str:
    """The ``check.<key>`` message in the language of a report or of its chapter's report."""
    from guide.check.messages import check_message

    return check_message(getattr(report_or_stats, "language", None), key, **fields)


def chapter_line(stats, language: str = "en") -> str:
    """``Chapter 3, What it is: 191 words, grade 5.8, SMOG 9.1, 1 min 18 s, 147 words a minute.``

    A Spanish guide's chapter gives its INFLESZ score, with the band the scale names it by,
    and its Fernández-Huerta score instead of the grades, in Spanish: ``Capítulo 5, Señales:
    150 palabras, INFLESZ 74.4 (bastante fácil), Fernández-Huerta 80.1, aproximadamente
    1 minuto y 12 segundos.``"""
    from guide.check.messages import check_message, report_language
    from guide.durations import spoken_duration

    lang = report_language(language)
    duration = spoken_duration(stats.duration_s, lang)
    if stats.estimated:
        timing = check_message(lang, "timing_estimated", duration=duration)
    else:
        timing = check_message(lang, "timing_measured", duration=duration, wpm=f"{stats.wpm:.0f}")
    return check_message(lang, "chapter", number=stats.number, title=stats.title,
                         words=stats.words, scores=_scores(stats, lang), timing=timing)


def _scores(stats, lang: str) -> str:
    """The readability figures of a chapter line, by its language's formulas."""
    from guide.check.messages import check_message

    if stats.inflesz is not None:
        return check_message(lang, "scores_inflesz", inflesz=f"{stats.inflesz:.1f}",
                             band=stats.inflesz_band,
                             fernandez_huerta=f"{stats.fernandez_huerta:.1f}")
    if stats.fk_grade is None:
        return check_message(lang, "not_rated")
    smog = (check_message(lang, "smog", smog=f"{stats.smog:.1f}") if stats.smog is not None
            else check_message(lang, "smog_not_rated"))
    return check_message(lang, "scores_grade", grade=f"{stats.fk_grade:.1f}", smog=smog)


def problem_line(problem, language: str = "en") -> str:
    """``Error, chapter 4: the sentence ... has 31 words; the limit is 25.``"""
    from guide.check.messages import check_message

    label = check_message(language, f"label_{problem.level}")
    if problem.chapter is None:
        return check_message(language, "problem", label=label, message=problem.message)
    return check_message(language, "problem_in_chapter", label=label, chapter=problem.chapter,
                         message=problem.message)


def summary_line(report) -> str:
    """``2 errors, 3 warnings.``, with notes when there are any, or ``No problems found.``"""
    if not report.problems:
        return _say(report, "no_problems")
    parts = []
    for level in LEVELS:
        n = report.count(level)
        if n or level != "info":
            parts.append(_say(report, f"count_{level}_{'one' if n == 1 else 'many'}", count=n))
    return _say(report, "summary", counts=", ".join(parts))


def report_lines(report) -> list[str]:
    """The whole human report, line by line: the approval first, when it was looked at."""
    from guide.approval import line
    from guide.check import pemat as check_pemat
    from guide.check.messages import report_language

    lang = report_language(report.language)
    lines = [line(report.approval, lang)] if report.approval else []
    lines += [chapter_line(c, lang) for c in report.chapters]
    lines += check_pemat.report_lines(report.pemat, lang)  # the PEMAT-A/V self-check, after them
    if report.problems:
        lines.append(_say(report, "problems"))
        lines += [problem_line(p, lang) for p in report.problems]
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
            status(_say(report, "not_built", wpm=wpm or loaded.rate))
        elif any(c.estimated for c in report.chapters):
            status(_say(report, "changed_since_build"))
        for line in report_lines(report):
            click.echo(line)
    ctx.exit(0 if report.ok else 1)
