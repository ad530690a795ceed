"""``guide new``: a first draft of a guide's narration scripts, from an article."""

from __future__ import annotations

from pathlib import Path

import click

from guide.cli.options import aim, status


@click.command("new")
@click.argument("article", type=click.Path(path_type=Path))
@click.option("--slug", help="Short name for the guide folder (default: from the title).")
@click.option("--scripts", "scripts_dir", type=click.Path(path_type=Path), default=Path("scripts"),
              show_default=True, help="Folder that holds the guide folders.")
@click.option("--force", is_flag=True, help="Replace a guide folder that already exists.")
@click.pass_context
def new(ctx, article: Path, slug: str | None, scripts_dir: Path, force: bool) -> None:
    """Write draft narration scripts for ARTICLE (text, Markdown or HTML)."""
    from guide.article import read_article
    from guide.scripts.store import draft_guide, write_guide
    from guide.slug import slugify

    aim(ctx, out=scripts_dir, out_flag="--scripts")  # the folder it writes is --scripts
    parsed = read_article(article)
    slug = slugify(slug or parsed.title, "guide")
    guide = draft_guide(parsed, slug)
    guide.source = f"source{article.suffix.lower() or '.txt'}"
    folder = write_guide(guide, scripts_dir / slug, force=force, source=article)
    for note in guide.notes:
        status(note)
    status(f"Wrote {len(guide.chapters)} chapter scripts to {folder}.")
    status(f"Edit them in any text editor, then run: guide check {slug}, and guide build {slug}")
