"""The DAISY 2.02 book's XHTML files: ``ncc.html`` (navigation and metadata) and ``content.html``.

The NCC's body is the title, then one ``<h1>`` per chapter, each holding one
link to the ``<text>`` of the chapter announcement's par. The title has no
sound of its own (the guide never says its title alone), so it points where
the book begins: the first chapter's announcement. The content document is the
transcript, each sentence a ``<span id>``. Both are XHTML 1.0 in UTF-8 with
numeric character references only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from guide.export.common import say
from guide.export.daisy_smil import CONTENT, FORMAT, Part, hms, meta, xml_text
from guide.export.markup import chapter_markup
from guide.manifest import Manifest

XHTML_DOCTYPE = ('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
                 '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">')
"The doctype of ``ncc.html`` and ``content.html``."
_NAMED = {"amp": "&#38;", "lt": "&#60;", "gt": "&#62;", "quot": "&#34;", "apos": "&#39;"}


@dataclass
class BookInfo:
    """What the NCC says about the book as a whole."""

    title: str
    "The guide's title: ``dc:title`` and the NCC's first heading."
    identifier: str
    "``dc:identifier``: the same for every export of this guide, edition and choice of chapters."
    publisher: str
    "``dc:publisher`` and ``dc:creator``."
    date: str
    "``dc:date``: when the guide was built, ``YYYY-MM-DD``."
    language: str
    "``dc:language``: a BCP 47 tag."
    narrator: str
    "``ncc:narrator``: the synthetic voice, by name."
    generator: str
    "``ncc:generator``: this program and its version."
    source_title: str = ""
    "``ncc:sourceTitle``: the article's title; left out when empty."
    source_date: str = ""
    "``ncc:sourceDate``: when the article was last reviewed, ``YYYY-MM-DD``; left out when empty."


def narrator(manifest: Manifest) -> str:
    """``ncc:narrator``: that the voice is synthetic, and which it is, in the guide's language."""
    name = (manifest.voice_info or {}).get("name") or manifest.voice
    return say(manifest, "daisy_narrator", voice=name, engine=manifest.engine)


def numeric_refs(markup: str) -> str:
    """Markup with the five named entities of XML written as numeric character references."""
    return re.sub(r"&(amp|lt|gt|quot|apos);", lambda m: _NAMED[m[1]], markup)


def _html(lang: str, title: str, metas: list[str], body: str) -> str:
    lang = xml_text(lang)
    return ('<?xml version="1.0" encoding="utf-8"?>\n' + XHTML_DOCTYPE + "\n"
            f'<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="{lang}" lang="{lang}">\n<head>\n'
            '<meta http-equiv="Content-type" content="text/html; charset=utf-8"/>\n'
            f"<title>{xml_text(title)}</title>\n" + "\n".join(metas)
            + f"\n</head>\n<body>\n{body}\n</body>\n</html>\n")


def _metadata(info: BookInfo, parts: list[Part], files: int) -> list[str]:
    rows = [("dc:title", info.title, ""), ("dc:creator", info.publisher, ""),
            ("dc:publisher", info.publisher, ""), ("dc:identifier", info.identifier, ""),
            ("dc:language", info.language, ""), ("dc:date", info.date, "yyyy-mm-dd"),
            ("dc:format", FORMAT, ""), ("ncc:charset", "utf-8", ""),
            ("ncc:generator", info.generator, ""), ("ncc:narrator", info.narrator, ""),
            ("ncc:totalTime", hms(sum(p.duration_ms for p in parts)), ""),
            ("ncc:files", str(files), ""), ("ncc:depth", "1", ""),
            ("ncc:tocItems", str(len(parts) + 1), ""), ("ncc:pageNormal", "0", ""),
            ("ncc:pageFront", "0", ""), ("ncc:pageSpecial", "0", ""), ("ncc:maxPageNormal", "0", ""),
            ("ncc:footnotes", "0", ""), ("ncc:prodNotes", "0", ""), ("ncc:sidebars", "0", ""),
            ("ncc:multimediaType", "audioFullText", ""), ("ncc:setInfo", "1 of 1", "")]
    if info.source_title:
        rows.append(("ncc:sourceTitle", info.source_title, ""))
    if info.source_date:
        rows.append(("ncc:sourceDate", info.source_date, "yyyy-mm-dd"))
    return [meta(name, content, scheme) for name, content, scheme in rows]


def ncc(info: BookInfo, parts: list[Part], files: int) -> str:
    """``ncc.html``: the book's metadata, its title and one heading per chapter.

    ``files`` is how many files the book has, ``ncc.html`` included (``ncc:files``)."""
    first = parts[0]
    headings = [f'<h1 class="title" id="nav-title"><a href="{first.smil}#{first.text_id(0)}">'
                f"{xml_text(info.title)}</a></h1>"]
    headings += [f'<h1 id="nav-c{p.chapter.number}"><a href="{p.smil}#{p.text_id(0)}">'
                 f"{xml_text(p.chapter.sentences[0].text)}</a></h1>" for p in parts]
    return _html(info.language, info.title, _metadata(info, parts, files), "\n".join(headings))


def content(info: BookInfo, parts: list[Part]) -> str:
    """``content.html``: the title, then every chapter's heading and text, each sentence its own
    ``<span id>``."""
    metas = [meta("dc:title", info.title), meta("dc:identifier", info.identifier),
             meta("dc:format", FORMAT), meta("ncc:generator", info.generator)]
    body = [f'<h1 class="title">{xml_text(info.title)}</h1>']
    body += [numeric_refs(chapter_markup(p.chapter, heading="h1", heading_id=f"chapter-{p.chapter.number}"))
             for p in parts]
    return _html(info.language, info.title, metas, "\n".join(body))


def names(parts: list[Part]) -> list[str]:
    """Every file of the book, ``ncc.html`` first."""
    return ["ncc.html", CONTENT, "master.smil", *(p.smil for p in parts), *(p.audio for p in parts)]
