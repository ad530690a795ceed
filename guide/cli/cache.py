"""``guide cache``: the clip cache's size and location, and ``guide cache clear``."""

from __future__ import annotations

import click


def size_words(n: float) -> str:
    """A size as it is said: ``512 bytes``, ``1.5 KB``, ``3.2 MB``."""
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n} bytes"


@click.group("cache", invoke_without_command=True)
@click.pass_context
def cache(ctx) -> None:
    """Show the clip cache's size and location (or: guide cache clear)."""
    if ctx.invoked_subcommand is None:
        from guide.build.cache import ClipCache

        stats = ClipCache().stats()
        click.echo(f"The clip cache is in {stats.path}")
        click.echo(f"It holds {stats.clips} clips, {size_words(stats.bytes)}.")


@cache.command("clear")
def clear() -> None:
    """Empty the clip cache. Built guides are not touched."""
    from guide.build.cache import ClipCache

    removed = ClipCache().clear()
    click.echo(f"Removed {removed} clips from the cache.")
