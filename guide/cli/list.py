"""``guide list``: the chapters of a guide, with their lengths once it is built."""

from __future__ import annotations

import json

import click

from guide.cli.options import (
    aim,
    built_folder,
    edition_options,
    load,
    out_option,
    rate_option,
    read_built,
    status,
)


def built_lengths(loaded, built) -> dict[int, float]:
    """Each chapter's built length, where the built chapter is still this chapter (same title and file)."""
    if built is None:
        return {}
    lengths = {}
    for ch in built.chapters:
        if ch.number > len(loaded.chapters):
            continue
        now = loaded.chapters[ch.number - 1]
        if (ch.title, ch.file) == (now.title, f"chapters/{now.stem}.mp3"):
            lengths[ch.number] = ch.duration_s
    return lengths


@click.command("list")
@click.argument("guide", required=False)
@out_option
@click.option("--json", "as_json", is_flag=True, help="Print the chapters as JSON.")
@rate_option("List the edition built")
@edition_options("List the edition built")
@click.pass_context
def list_(ctx, guide, out, as_json, rate, engine, voice) -> None:
    """List the chapters of GUIDE, with their lengths once it is built."""
    from guide.durations import spoken_duration

    aim(ctx, guide, out, rate, engine, voice)
    loaded = load(guide)
    built = read_built(built_folder(loaded, out, rate, engine, voice))
    durations = built_lengths(loaded, built)
    if as_json:
        rows = [{"number": ch.number, "title": ch.title, "duration_s": durations.get(ch.number)}
                for ch in loaded.chapters]
        click.echo(json.dumps({"title": loaded.title, "slug": loaded.slug, "chapters": rows}, indent=2))
        return
    for ch in loaded.chapters:
        length = f" ({spoken_duration(durations[ch.number])})" if ch.number in durations else ""
        click.echo(f"{ch.number}. {ch.title}{length}")
    if not built:
        status("This guide is not built yet, so no lengths are shown. Run: guide build")
    elif len(durations) < len(loaded.chapters):
        status("Some chapters changed after the last build, so their lengths are not shown. "
               "Run: guide build")
