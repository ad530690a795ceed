"""The offline web player: ``index.html`` beside the chapter MP3s.

It works opened from a USB stick (``file://``), with no server and no network:
the styles, the script and the sentence timings are all inside the page (a
``fetch()`` of a ``file://`` address is blocked). Without JavaScript the page
still has the whole transcript, and a plain audio player and link per chapter.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path
from string import Template

from guide.approval import line as approval_line
from guide.durations import spoken_duration
from guide.export.common import check_built, chosen, made_by, spoken_date, target, template
from guide.export.markup import chapter_markup
from guide.files import atomic_copy, atomic_write_text, make_dirs
from guide.manifest import Manifest, ManifestChapter

PAGE = "index.html"
"The name of the player page."


def _label(manifest: Manifest, ch: ManifestChapter) -> str:
    return ch.sentences[0].text.rstrip(".") if ch.sentences else f"Chapter {ch.number}: {ch.title}"


def _data(manifest: Manifest, chapters: list[ManifestChapter]) -> str:
    """The timings as JSON that is safe inside a ``<script>`` element."""
    rows = [{"number": ch.number, "title": ch.title, "label": _label(manifest, ch), "file": ch.file,
             "duration": round(ch.duration_s, 3),
             "sentences": [[round(s.start_s, 3), round(s.end_s, 3)] for s in ch.sentences]}
            for ch in chapters]
    text = json.dumps({"title": manifest.title, "chapters": rows}, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _chapter_list(chapters: list[ManifestChapter]) -> str:
    """The ``<li>`` items of the ordered chapter list. The list gives each number (``value``
    keeps the chapter's own number when only some are chosen), so the link text does not repeat
    it: a screen reader would read "1. 1. About this guide"."""
    items = []
    for index, ch in enumerate(chapters):
        items.append(
            f'<li value="{ch.number}"><a href="#chapter-{ch.number}">{escape(ch.title)}</a>, '
            f"{spoken_duration(ch.duration_s)} "
            f'<button type="button" data-chapter="{index}" hidden>Play chapter {ch.number}</button></li>')
    return "\n".join(items)


def _chapter_section(ch: ManifestChapter) -> str:
    file = escape(ch.file)
    fallback = (f'<div class="chapter-audio">\n'
                f'<audio controls preload="none" src="{file}"></audio>\n'
                f'<p><a href="{file}">Chapter {ch.number} audio file (MP3, '
                f"{spoken_duration(ch.duration_s)})</a></p>\n</div>")
    body = chapter_markup(ch, heading="h3", heading_id=f"chapter-{ch.number}-heading",
                          after_heading=fallback)
    return (f'<section id="chapter-{ch.number}" class="chapter" '
            f'aria-labelledby="chapter-{ch.number}-heading">\n{body}\n</section>')


def _footer(manifest: Manifest) -> str:
    by = made_by(manifest)
    return ((f"Published{by}. " if by else "")
            + "This page works offline: keep it in the same folder as the chapters folder.")


def about(manifest: Manifest, chapters: list[ManifestChapter]) -> str:
    """One sentence that says what the guide is, how long, where from and when."""
    length = spoken_duration(sum(ch.duration_s for ch in chapters))
    count = f"{len(chapters)} chapter" + ("" if len(chapters) == 1 else "s")
    source = f" It is based on: {manifest.source}." if manifest.source else ""
    return f"A spoken guide in {count}, {length} in all.{source} Made on {spoken_date(manifest)}."


def render(manifest: Manifest, chapters: list[int]) -> str:
    """The player page for the chosen chapters; it expects their MP3s at their manifest paths."""
    picked = chosen(manifest, chapters)
    first = picked[0]
    page = Template(template("player.html"))
    return page.substitute(
        lang=escape(manifest.language or "en"),
        title=escape(manifest.title),
        about=escape(about(manifest, picked)),
        approval=escape(approval_line(manifest.approval)),
        first_chapter=escape(_label(manifest, first)),
        first_file=escape(first.file),
        chapter_list=_chapter_list(picked),
        chapters="\n".join(_chapter_section(ch) for ch in picked),
        footer=escape(_footer(manifest)),
        data=_data(manifest, picked),
        style=template("player.css").strip(),
        script=template("player.js").strip(),
    )


def write_page(manifest: Manifest, built_dir: Path, out_dir: Path, chapters: list[int]) -> Path:
    """Write only ``index.html`` (the pack puts it beside MP3s that are already there)."""
    path = target(make_dirs(Path(out_dir)), PAGE)
    atomic_write_text(path, render(manifest, chapters))
    return path


def write(manifest: Manifest, built_dir: Path, out_dir: Path, chapters: list[int]) -> list[Path]:
    """``--format html``: the player page and the chosen chapter MP3s."""
    check_built(manifest, built_dir, chapters)
    written = [atomic_copy(Path(built_dir) / ch.file, target(out_dir, ch.file))
               for ch in chosen(manifest, chapters)]
    return [write_page(manifest, built_dir, out_dir, chapters), *written]
