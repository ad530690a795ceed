"""``guide export``: a built guide copied to a folder, in the forms clinics hand out."""

from __future__ import annotations

from pathlib import Path

import click

from guide.cli.options import (
    FormatChoice,
    aim,
    built_folder,
    built_option,
    edition_options,
    load,
    rate_option,
    read_built,
    run_build,
    status,
)


@click.command("export")
@click.argument("guide", required=False)
@click.option("--format", "fmt", type=FormatChoice(), default="mp3", show_default=True,
              metavar="FORMAT",
              help="What to write: mp3, vtt or srt (captions), html (web player), m4b (audiobook), "
                   "epub (read-along book), daisy (DAISY 2.02 talking book, a folder of its own), "
                   "zip (clinic pack), or all (each in its own folder).")
@click.option("--out", type=click.Path(path_type=Path), required=True, help="Folder to write to.")
@click.option("--chapters", help="Which chapters, e.g. 2,4-5 (default: all).")
@built_option
@rate_option("Export the edition built")
@edition_options("Export the edition built")
@click.pass_context
def export(ctx, guide, fmt, out, chapters, built, rate, engine, voice) -> None:
    """Copy a built GUIDE to a folder, building it first if needed."""
    from guide import export as export_mod
    from guide import manifest as manifest_io
    from guide.export.common import check_built, is_whole
    from guide.files import exclusive
    from guide.layout import lock_path

    aim(ctx, guide, built, rate, engine, voice)
    loaded = load(guide)
    wanted = export_mod.parse_chapters(chapters, len(loaded.chapters))  # before building
    read_built(built_folder(loaded, built, rate, engine, voice))  # damaged: named, never copied
    report = run_build(ctx, guide, built, rate, voice, quiet=True, engine=engine)
    waiting = lambda: status("Another build of this guide is running. Waiting for it to finish.")  # noqa: E731
    with exclusive(lock_path(report.out_dir), on_wait=waiting):  # no build swaps it while read
        current = manifest_io.load(report.out_dir)
        check_built(current, report.out_dir, wanted, is_whole(current, wanted))  # before a word
        written = export_mod.export(current, report.out_dir, out, fmt, wanted, progress=status)
    status(export_mod.done_line(fmt, out, written))
