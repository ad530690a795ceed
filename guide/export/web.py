"""The offline web player: ``index.html`` beside the chapter MP3s.

It works opened from a USB stick (``file://``), with no server and no network:
the styles, the script and the sentence timings are all inside the page (a
``fetch()`` of a ``file://`` address is blocked). Without JavaScript the page
still has the whole transcript, and a plain audio player and link per chapter.
"""

from __future__ import annotations

import json
import re
from html import escape
from pathlib import Path
from string import Template

from guide.approval import line as approval_line
from guide.durations import spoken_duration
from guide.export.common import (
    chapter_count,
    check_built,
    chosen,
    language,
    say,
    spoken_date,
    target,
    template,
    unfilled,
)
from guide.export.markup import chapter_markup
from guide.files import atomic_copy, atomic_write_text, make_dirs
from guide.i18n import message
from guide.manifest import Manifest, ManifestChapter

PAGE = "index.html"
"The name of the player page."
SCRIPT_TEXTS = ("js_press_play", "js_cannot_play", "js_back", "js_forward", "js_where", "js_normal_speed",
                "js_speed", "js_text_size", "js_contrast_on", "js_contrast_off", "js_start_of", "js_end",
                "js_file_error", "play", "pause")
"The messages the page's script says (``export.<key>``), handed to it with their fields unfilled."
DURATION_TEXTS = ("hour_one", "hours", "minute_one", "minutes", "second_one", "seconds", "pair")
"The words of a time (``durations.<key>``), so that the script says times as the player does."


def labels(manifest: Manifest, page: str) -> dict[str, str]:
    """Every ``$t_<key>`` of a page template as the message ``export.<key>``, escaped for HTML."""
    return {f"t_{key}": escape(say(manifest, key)) for key in set(re.findall(r"\$t_(\w+)", page))}


def _label(manifest: Manifest, ch: ManifestChapter) -> str:
    if ch.sentences:
        return ch.sentences[0].text.rstrip(".")
    return say(manifest, "chapter_label", number=ch.number, title=ch.title)


def _texts(manifest: Manifest) -> dict[str, str]:
    """What the script says, in the guide's language: ``{fields}`` are filled in by the script."""
    lang = language(manifest)
    texts = {key.removeprefix("js_"): unfilled(manifest, key) for key in SCRIPT_TEXTS}
    fields = {"count": "{count}", "larger": "{larger}", "smaller": "{smaller}"}
    texts.update({f"duration_{key}": message(lang, f"durations.{key}", **fields) for key in DURATION_TEXTS})
    return texts


def _data(manifest: Manifest, chapters: list[ManifestChapter]) -> str:
    """The timings and the script's words as JSON that is safe inside a ``<script>`` element."""
    rows = [{"number": ch.number, "title": ch.title, "label": _label(manifest, ch), "file": ch.file,
             "duration": round(ch.duration_s, 3),
             "sentences": [[round(s.start_s, 3), round(s.end_s, 3)] for s in ch.sentences]}
            for ch in chapters]
    text = json.dumps({"title": manifest.title, "chapters": rows, "text": _texts(manifest)},
                      ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _chapter_list(manifest: Manifest, chapters: list[ManifestChapter]) -> str:
    """The ``<li>`` items of the ordered chapter list. The list gives each number (``value``
    keeps the chapter's own number when only some are chosen), so the link text does not repeat
    it: a screen reader would read "1. 1. About this guide"."""
    lang = language(manifest)
    items = []
    for index, ch in enumerate(chapters):
        play = escape(say(manifest, "play_chapter", number=ch.number))
        items.append(
            f'<li value="{ch.number}"><a href="#chapter-{ch.number}">{escape(ch.title)}</a>, '
            f"{escape(spoken_duration(ch.duration_s, lang))} "
            f'<button type="button" data-chapter="{index}" hidden>{play}</button></li>')
    return "\n".join(items)


def _chapter_section(manifest: Manifest, ch: ManifestChapter) -> str:
    file = escape(ch.file)
    audio = say(manifest, "chapter_audio", number=ch.number,
                time=spoken_duration(ch.duration_s, language(manifest)))
    fallback = (f'<div class="chapter-audio">\n'
                f'<audio controls preload="none" src="{file}"></audio>\n'
                f'<p><a href="{file}">{escape(audio)}</a></p>\n</div>')
    body = chapter_markup(ch, heading="h3", heading_id=f"chapter-{ch.number}-heading",
                          after_heading=fallback)
    return (f'<section id="chapter-{ch.number}" class="chapter" '
            f'aria-labelledby="chapter-{ch.number}-heading">\n{body}\n</section>')


def _footer(manifest: Manifest) -> str:
    offline = say(manifest, "footer_offline")
    if not manifest.publisher:
        return offline
    return f"{say(manifest, 'footer_published', publisher=manifest.publisher)} {offline}"


def about(manifest: Manifest, chapters: list[ManifestChapter]) -> str:
    """What the guide is, how long, where from and when, in the guide's language."""
    length = spoken_duration(sum(ch.duration_s for ch in chapters), language(manifest))
    said = [say(manifest, "about", chapters=chapter_count(manifest, len(chapters)), length=length)]
    if manifest.source:
        said.append(say(manifest, "about_source", source=manifest.source))
    said.append(say(manifest, "about_date", date=spoken_date(manifest)))
    return " ".join(said)


def render(manifest: Manifest, chapters: list[int]) -> str:
    """The player page for the chosen chapters; it expects their MP3s at their manifest paths."""
    picked = chosen(manifest, chapters)
    first = picked[0]
    lang = language(manifest)
    page = template("player.html")
    return Template(page).substitute(
        labels(manifest, page),
        lang=escape(lang),
        title=escape(manifest.title),
        about=escape(about(manifest, picked)),
        approval=escape(approval_line(manifest.approval, lang)),
        first_chapter=escape(_label(manifest, first)),
        first_file=escape(first.file),
        first_audio=escape(say(manifest, "audio_file", number=first.number)),
        chapter_list=_chapter_list(manifest, picked),
        chapters="\n".join(_chapter_section(manifest, ch) for ch in picked),
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
