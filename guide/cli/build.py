"""``guide build``: a guide's scripts into MP3s, transcripts, a playlist and a manifest."""

from __future__ import annotations

import click

from guide.cli.options import aim, edition_options, out_option, rate_option, run_build, status


def _retried(count: int) -> str:
    if not count:
        return ""
    return (" 1 clip was made again after a failed try." if count == 1 else
            f" {count} clips were made again after a failed try.")


@click.command("build")
@click.argument("guide", required=False)
@out_option
@rate_option()
@edition_options("Speak")
@click.option("--bitrate", type=click.IntRange(32, 192), default=64, show_default=True,
              help="MP3 bitrate in kbps.")
@click.option("--jobs", type=click.IntRange(1, 64), help="Chapters made at once (default: all cores).")
@click.option("--force", is_flag=True, help="Make everything again.")
@click.pass_context
def build(ctx, guide, out, rate, engine, voice, bitrate, jobs, force) -> None:
    """Build GUIDE into MP3s, transcripts, a playlist and a manifest.

    Another engine, voice or rate than the guide's own makes another edition,
    in its own folder beside the guide's: audio_out/SLUG--EDITION.
    """
    from guide.durations import spoken_duration

    aim(ctx, guide, out, rate, engine, voice)
    report = run_build(ctx, guide, out, rate, voice, bitrate, jobs, force, engine=engine)
    m = report.manifest
    if report.up_to_date:
        status(f"Up to date. {len(m.chapters)} chapters, {spoken_duration(m.duration_s)} of audio.")
    else:
        status(f"Built {len(m.chapters)} chapters, {spoken_duration(m.duration_s)} of audio, "
               f"in {report.seconds:.1f} s. {report.clips_cached} of {report.clips_total} clips "
               "came from the cache." + _retried(report.clips_retried))
    status(f"The guide is in {report.out_dir}")
    click.echo(str(report.out_dir / m.file))
