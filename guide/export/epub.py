"""EPUB 3 with read-along narration: the transcript, synchronised with the audio by Media Overlays.

Each sentence is a ``<span id>`` in the chapter's XHTML and a SMIL ``<par>``
pointing at the chapter MP3. A clip begins where the manifest says the
sentence begins and runs to where the next sentence begins (the last to the
end of the file), so reading systems keep the pauses of the narration instead
of jumping from sentence to sentence. The zip has ``mimetype`` first and
stored, as the OCF standard asks.
"""

from __future__ import annotations

import tempfile
import uuid
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from html import escape
from pathlib import Path

from guide.approval import line as approval_line
from guide.export.common import built_date, check_built, chosen, creator, language, say, target, template
from guide.export.cover import make_cover
from guide.export.markup import chapter_markup, sentence_id
from guide.export.web import about
from guide.files import atomic_output, make_dirs
from guide.manifest import Manifest, ManifestChapter

ACTIVE_CLASS = "-epub-media-overlay-active"
"The class reading systems put on the sentence being read."
FEATURES = ("synchronizedAudioText", "structuralNavigation", "tableOfContents", "readingOrder",
            "displayTransformability", "alternativeText")
"schema:accessibilityFeature values that are true of every guide's EPUB."
CONTAINER = """<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="OEBPS/package.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
"""


@dataclass
class Part:
    """One chapter's files inside the EPUB."""

    chapter: ManifestChapter
    "The chapter."
    name: str
    "Base name: ``chapter-01``."
    audio: str
    "The MP3's path inside OEBPS: ``audio/01-welcome.mp3``."
    clips: list[tuple[int, int]]
    "(clipBegin, clipEnd) of every sentence, in milliseconds."

    @property
    def duration_ms(self) -> int:
        """How long the overlay plays."""
        return sum(end - begin for begin, end in self.clips)


def clips(chapter: ManifestChapter) -> list[tuple[int, int]]:
    """Each sentence's clip in ms: from its start to the next sentence's start (or the file's end)."""
    starts = [round(s.start_s * 1000) for s in chapter.sentences]
    ends = starts[1:] + [max(round(chapter.duration_s * 1000), round(chapter.sentences[-1].end_s * 1000))]
    return list(zip(starts, ends, strict=True))


def clock(ms: int) -> str:
    """A SMIL full clock value: ``0:01:02.345``."""
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    return f"{hours}:{minutes:02d}:{rest // 1000:02d}.{rest % 1000:03d}"


def _lang(manifest: Manifest) -> str:
    return escape(language(manifest))


def _xhtml(lang: str, title: str, body: str, css: str = "style.css") -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n'
            '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" '
            f'lang="{lang}" xml:lang="{lang}">\n<head>\n<meta charset="UTF-8"/>\n'
            f"<title>{escape(title)}</title>\n"
            f'<link rel="stylesheet" type="text/css" href="{css}"/>\n</head>\n'
            f"<body>\n{body}\n</body>\n</html>\n")


def chapter_xhtml(manifest: Manifest, part: Part) -> str:
    """A chapter's text, every sentence a ``<span id>`` the SMIL points at."""
    ch = part.chapter
    body = chapter_markup(ch, heading="h1", heading_id=f"chapter-{ch.number}-heading")
    section = (f'<section id="chapter-{ch.number}" epub:type="chapter" role="doc-chapter" '
               f'aria-labelledby="chapter-{ch.number}-heading">\n{body}\n</section>')
    return _xhtml(_lang(manifest), ch.title, section, "../style.css")


def smil(part: Part) -> str:
    """The Media Overlay of one chapter."""
    text = f"../text/{part.name}.xhtml"
    pars = [f'<par id="par-{sentence_id(part.chapter, i)}">'
            f'<text src="{text}#{sentence_id(part.chapter, i)}"/>'
            f'<audio src="../{part.audio}" clipBegin="{clock(b)}" clipEnd="{clock(e)}"/></par>'
            for i, (b, e) in enumerate(part.clips)]
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<smil xmlns="http://www.w3.org/ns/SMIL" xmlns:epub="http://www.idpf.org/2007/ops" '
            'version="3.0">\n'
            f'<body>\n<seq id="seq-{part.name}" epub:textref="{text}#chapter-{part.chapter.number}" '
            'epub:type="chapter">\n' + "\n".join(pars) + "\n</seq>\n</body>\n</smil>\n")


def nav(manifest: Manifest, parts: list[Part]) -> str:
    """The navigation document: table of contents and landmarks, in the guide's language."""
    t = {key: escape(say(manifest, key)) for key in ("contents", "landmarks", "cover", "start_of_guide")}
    toc = "\n".join(f'<li><a href="text/{p.name}.xhtml">{p.chapter.number}. '
                    f"{escape(p.chapter.title)}</a></li>"
                    for p in parts)
    body = (f'<nav epub:type="toc" id="toc" role="doc-toc" aria-labelledby="toc-heading">\n'
            f'<h1 id="toc-heading">{t["contents"]}</h1>\n<ol>\n{toc}\n</ol>\n</nav>\n'
            '<nav epub:type="landmarks" id="landmarks" aria-labelledby="landmarks-heading" hidden="hidden">\n'
            f'<h2 id="landmarks-heading">{t["landmarks"]}</h2>\n<ol>\n'
            f'<li><a epub:type="cover" href="cover.xhtml">{t["cover"]}</a></li>\n'
            f'<li><a epub:type="bodymatter" href="text/{parts[0].name}.xhtml">'
            f'{t["start_of_guide"]}</a></li>\n'
            "</ol>\n</nav>")
    return _xhtml(_lang(manifest), say(manifest, "contents"), body)


def cover_xhtml(manifest: Manifest) -> str:
    """The cover page: the cover image, with the title as its text alternative."""
    alt = say(manifest, "cover_alt", title=manifest.title)
    body = (f'<section class="cover" epub:type="cover" aria-label="{escape(say(manifest, "cover"))}">\n'
            f'<img src="images/cover.png" alt="{escape(alt)}"/>\n</section>')
    return _xhtml(_lang(manifest), manifest.title, body)


def _meta(prop: str, value: str, refines: str = "") -> str:
    ref = f' refines="#{refines}"' if refines else ""
    return f'<meta property="{prop}"{ref}>{escape(value, quote=False)}</meta>'


def _metadata(manifest: Manifest, parts: list[Part], book_id: str) -> list[str]:
    when = built_date(manifest) or datetime.now(UTC)
    when = when.astimezone(UTC)
    artist = creator(manifest)
    description = (f"{about(manifest, [p.chapter for p in parts])} "
                   f"{approval_line(manifest.approval, language(manifest))}")
    summary = say(manifest, "epub_summary")
    lines = [f'<dc:identifier id="book-id">{book_id}</dc:identifier>',
             f"<dc:title>{escape(manifest.title, quote=False)}</dc:title>",
             f"<dc:language>{_lang(manifest)}</dc:language>",
             f"<dc:creator>{escape(artist, quote=False)}</dc:creator>",
             f"<dc:publisher>{escape(artist, quote=False)}</dc:publisher>",
             f"<dc:date>{when:%Y-%m-%d}</dc:date>",
             f"<dc:description>{escape(description, quote=False)}</dc:description>",
             _meta("dcterms:modified", f"{when:%Y-%m-%dT%H:%M:%SZ}")]
    if manifest.source:
        lines.append(f"<dc:source>{escape(manifest.source, quote=False)}</dc:source>")
    lines += [_meta("schema:accessMode", m) for m in ("textual", "auditory")]
    lines += [_meta("schema:accessModeSufficient", m) for m in ("textual", "auditory", "textual,auditory")]
    lines += [_meta("schema:accessibilityFeature", f) for f in FEATURES]
    lines += [_meta("schema:accessibilityHazard", "none"), _meta("schema:accessibilitySummary", summary)]
    lines += [_meta("media:duration", clock(p.duration_ms), f"smil-{p.name}") for p in parts]
    lines += [_meta("media:duration", clock(sum(p.duration_ms for p in parts))),
              _meta("media:narrator", say(manifest, "epub_narrator", engine=manifest.engine)),
              _meta("media:active-class", ACTIVE_CLASS)]
    return lines


def package(manifest: Manifest, parts: list[Part], book_id: str) -> str:
    """``package.opf``: metadata, every file, and the reading order."""
    items = ['<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>',
             '<item id="cover" href="cover.xhtml" media-type="application/xhtml+xml"/>',
             '<item id="cover-image" href="images/cover.png" media-type="image/png" '
             'properties="cover-image"/>',
             '<item id="css" href="style.css" media-type="text/css"/>']
    for p in parts:
        items += [f'<item id="{p.name}" href="text/{p.name}.xhtml" media-type="application/xhtml+xml" '
                  f'media-overlay="smil-{p.name}"/>',
                  f'<item id="smil-{p.name}" href="smil/{p.name}.smil" media-type="application/smil+xml"/>',
                  f'<item id="audio-{p.name}" href="{p.audio}" media-type="audio/mpeg"/>']
    spine = ['<itemref idref="cover"/>', *(f'<itemref idref="{p.name}"/>' for p in parts)]
    meta = "\n    ".join(_metadata(manifest, parts, book_id))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" '
            f'xml:lang="{_lang(manifest)}">\n'
            f'  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">\n    {meta}\n  </metadata>\n'
            "  <manifest>\n    " + "\n    ".join(items) + "\n  </manifest>\n"
            "  <spine>\n    " + "\n    ".join(spine) + "\n  </spine>\n</package>\n")


def _zip_time(manifest: Manifest) -> tuple[int, int, int, int, int, int]:
    when = built_date(manifest) or datetime.now(UTC)
    return (max(when.year, 1980), when.month, when.day, when.hour, when.minute, when.second)


def _entries(manifest: Manifest, built_dir: Path, parts: list[Part], cover: Path) -> list[tuple[str, object]]:
    """(name inside the zip, text or file path) in order, ``mimetype`` first."""
    book_id = "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"guide:{manifest.slug}:{manifest.key}:"
                                           + ",".join(str(p.chapter.number) for p in parts)))
    entries: list[tuple[str, object]] = [
        ("mimetype", "application/epub+zip"), ("META-INF/container.xml", CONTAINER),
        ("OEBPS/package.opf", package(manifest, parts, book_id)),
        ("OEBPS/nav.xhtml", nav(manifest, parts)), ("OEBPS/cover.xhtml", cover_xhtml(manifest)),
        ("OEBPS/style.css", template("epub.css")), ("OEBPS/images/cover.png", cover)]
    for p in parts:
        entries += [(f"OEBPS/text/{p.name}.xhtml", chapter_xhtml(manifest, p)),
                    (f"OEBPS/smil/{p.name}.smil", smil(p)),
                    (f"OEBPS/{p.audio}", Path(built_dir) / p.chapter.file)]
    return entries


def write_epub(dest: Path, entries: list[tuple[str, object]], date_time: tuple) -> None:
    """Write the zip: text deflated, MP3 and PNG stored (they do not shrink), ``mimetype`` stored."""
    with zipfile.ZipFile(dest, "w") as zf:
        for name, content in entries:
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.external_attr = 0o644 << 16
            binary = isinstance(content, Path)
            info.compress_type = (zipfile.ZIP_STORED if binary or name == "mimetype"
                                  else zipfile.ZIP_DEFLATED)
            data = content.read_bytes() if isinstance(content, Path) else str(content).encode("utf-8")
            zf.writestr(info, data)


def write(manifest: Manifest, built_dir: Path, out_dir: Path, chapters: list[int]) -> list[Path]:
    """``--format epub``: ``<slug>.epub`` with read-along narration of the chosen chapters."""
    check_built(manifest, built_dir, chapters)
    parts = [Part(ch, f"chapter-{ch.number:02d}", f"audio/{Path(ch.file).name}", clips(ch))
             for ch in chosen(manifest, chapters)]
    dest = target(make_dirs(Path(out_dir)), f"{manifest.slug}.epub")
    with tempfile.TemporaryDirectory(prefix="guide-epub-") as work:
        cover = make_cover(manifest.title, say(manifest, "spoken_guide"), Path(work) / "cover.png")
        with atomic_output(dest) as tmp:
            write_epub(tmp, _entries(manifest, built_dir, parts, cover), _zip_time(manifest))
    return [dest]
