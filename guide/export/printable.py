"""The printable large-print transcript: one HTML page, 20 pt type when printed.

Black on white, a heading per chapter, each chapter on a new page. It has no
script and needs nothing beside it, so it can be printed or e-mailed alone.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from string import Template

from guide.approval import line as approval_line
from guide.export.common import chosen, language, say, target, template
from guide.export.markup import chapter_markup
from guide.export.web import about, labels
from guide.files import atomic_write_text, make_dirs
from guide.manifest import Manifest

PAGE = "transcript-large-print.html"
"The file name of the printable transcript."


def render(manifest: Manifest, chapters: list[int]) -> str:
    """The printable page for the chosen chapters."""
    picked = chosen(manifest, chapters)
    sections = [f'<section aria-labelledby="chapter-{ch.number}">\n'
                f"{chapter_markup(ch, heading='h2', heading_id=f'chapter-{ch.number}')}"
                "\n</section>" for ch in picked]
    page = template("print.html")
    return Template(page).substitute(
        labels(manifest, page), lang=escape(language(manifest)), title=escape(manifest.title),
        print_title=escape(say(manifest, "print_title", title=manifest.title)),
        about=escape(about(manifest, picked)),
        approval=escape(approval_line(manifest.approval, language(manifest))),
        chapters="\n".join(sections))


def write(manifest: Manifest, built_dir: Path, out_dir: Path, chapters: list[int]) -> list[Path]:
    """Write the printable transcript into ``out_dir``."""
    path = target(make_dirs(Path(out_dir)), PAGE)
    atomic_write_text(path, render(manifest, chapters))
    return [path]
