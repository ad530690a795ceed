"""``guide build``: a guide's scripts into MP3s, transcripts, a playlist and a manifest.

``guide build --all`` builds every guide under ``./scripts`` (or, with none
there, every guide shipped with the program), one after another, each into
its own folder ``audio_out/<slug>``, with one line per guide and a summary
line; it exits with status 1 when any of them failed.
"""

from __future__ import annotations

from pathlib import Path

import click

from guide.cli.options import (
    TARGET,
    Failure,
    aim,
    edition_options,
    out_option,
    rate_option,
    run_build,
    status,
)

SCRIPTS = Path("scripts")
"The folder whose guides ``--all`` builds."


def _retried(count: int) -> str:
    if not count:
        return ""
    return (" 1 clip was made again after a failed try." if count == 1 else
            f" {count} clips were made again after a failed try.")


def _made(report) -> str:
    """What a build made, in one sentence without its subject: "Built 11 chapters, …"."""
    from guide.durations import spoken_duration

    m = report.manifest
    if report.up_to_date:
        return f"Up to date. {len(m.chapters)} chapters, {spoken_duration(m.duration_s)} of audio."
    return (f"Built {len(m.chapters)} chapters, {spoken_duration(m.duration_s)} of audio, "
            f"in {report.seconds:.1f} s. {report.clips_cached} of {report.clips_total} clips "
            "came from the cache." + _retried(report.clips_retried))


def every_guide(scripts: Path = SCRIPTS) -> list[str]:
    """The names of the guides ``--all`` builds, in order: each folder under ``scripts`` with a
    ``guide.toml``; with none there, the guides shipped with the program."""
    found = sorted(p.parent.name for p in scripts.glob("*/guide.toml") if not p.parent.name.startswith("."))
    if found:
        return found
    from guide.scripts.store import SHIPPED_SLUG, shipped_folder

    shipped = shipped_folder()
    if shipped is None:
        return []
    return sorted({SHIPPED_SLUG, *(p.parent.name for p in shipped.parent.glob("*/guide.toml"))})


def _build_all(ctx: click.Context, out, rate, engine, voice, bitrate, jobs, force) -> None:
    """Each guide in turn, one line each, then the summary; status 1 if any failed."""
    from guide.cli.advice import sentence
    from guide.errors import GuideError

    names = every_guide()
    if not names:
        raise Failure(f"There is no guide to build: {SCRIPTS} has no guide folder.")
    failed = []
    for name in names:
        aim(ctx, name, out, rate, engine, voice)
        try:
            report = run_build(ctx, name, out, rate, voice, bitrate, jobs, force, quiet=True, engine=engine)
        except GuideError as exc:
            failed.append(name)
            status(f"{name}: failed. {sentence(exc, ctx.meta.get(TARGET))}")
            continue
        status(f"{name}: {_made(report)} It is in {report.out_dir}")
        click.echo(str(report.out_dir / report.manifest.file))
    built = len(names) - len(failed)
    if failed:
        status(f"Built {built} of {len(names)} guides; {', '.join(failed)} failed.")
        ctx.exit(1)
    status("Built 1 guide." if len(names) == 1 else f"Built all {len(names)} guides.")


@click.command("build")
@click.argument("guide", required=False)
@click.option("--all", "all_guides", is_flag=True,
              help="Build every guide under ./scripts, one after another, each in its own folder.")
@out_option
@rate_option()
@edition_options("Speak")
@click.option("--bitrate", type=click.IntRange(32, 192), default=64, show_default=True,
              help="MP3 bitrate in kbps.")
@click.option("--jobs", type=click.IntRange(1, 64), help="Chapters made at once (default: all cores).")
@click.option("--force", is_flag=True, help="Make everything again.")
@click.pass_context
def build(ctx, guide, all_guides, out, rate, engine, voice, bitrate, jobs, force) -> None:
    """Build GUIDE into MP3s, transcripts, a playlist and a manifest.

    Another engine, voice or rate than the guide's own makes another edition,
    in its own folder beside the guide's: audio_out/SLUG--EDITION. With
    --all, every guide under ./scripts is built, each into audio_out/SLUG.
    """
    if all_guides:
        if guide:
            raise Failure(f"--all builds every guide, so it takes no GUIDE: build {guide} "
                          "without --all, or leave GUIDE out.")
        _build_all(ctx, out, rate, engine, voice, bitrate, jobs, force)
        return
    aim(ctx, guide, out, rate, engine, voice)
    report = run_build(ctx, guide, out, rate, voice, bitrate, jobs, force, engine=engine)
    status(_made(report))
    status(f"The guide is in {report.out_dir}")
    click.echo(str(report.out_dir / report.manifest.file))
