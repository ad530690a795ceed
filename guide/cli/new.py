"""``guide new``: a first draft of a guide's narration scripts, from an article.

The draft is in the article's language: ``--language``, else the one the
article declares (``<html lang="es">``, front matter ``lang: es-US``), else
``en-US``. ``guide.toml`` gets that ``language`` and no ``voice``, so the
engine's voice for the language is used; what the draft writes and what this
command says are in that language too.
"""

from __future__ import annotations

from pathlib import Path

import click

from guide.cli.options import aim, status


@click.command("new")
@click.argument("article", type=click.Path(path_type=Path))
@click.option("--slug", help="Short name for the guide folder (default: from the title).")
@click.option("--scripts", "scripts_dir", type=click.Path(path_type=Path), default=Path("scripts"),
              show_default=True, help="Folder that holds the guide folders.")
@click.option("--language", metavar="TAG",
              help="Language of the article and the guide, such as en-US or es-US "
                   "(default: the one the article declares, or en-US).")
@click.option("--force", is_flag=True, help="Replace a guide folder that already exists.")
@click.pass_context
def new(ctx, article: Path, slug: str | None, scripts_dir: Path, language: str | None,
        force: bool) -> None:
    """Write draft narration scripts for ARTICLE (text, Markdown or HTML)."""
    from guide.article import open_article
    from guide.article.language import canonical
    from guide.i18n import message
    from guide.scripts.store import draft_guide, write_guide
    from guide.slug import slugify
    from guide.speech import languages

    aim(ctx, out=scripts_dir, out_flag="--scripts")  # the folder it writes is --scripts
    if language is not None:
        language = canonical(language) or language
        languages.find(language)  # one the guide cannot speak is an error, before any reading
    parsed, language = open_article(article, language)
    slug = slugify(slug or parsed.title, "guide")
    guide = draft_guide(parsed, slug, language)
    guide.source = f"source{article.suffix.lower() or '.txt'}"
    folder = write_guide(guide, scripts_dir / slug, force=force, source=article)
    for note in guide.notes:
        status(note)
    status(message(language, "draft.wrote", count=len(guide.chapters), folder=folder))
    status(message(language, "draft.next", slug=slug))
