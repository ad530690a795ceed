"""The transcript as markup: headings, paragraphs and lists, every sentence its own ``<span id>``.

Shared by the web player, the printable transcript and the EPUB. What this
writes is both HTML5 and well-formed XHTML (every attribute quoted, every
element closed), so the EPUB can use it as it is.
"""

from __future__ import annotations

from html import escape

from guide.export.common import paragraphs
from guide.manifest import ManifestChapter


def sentence_id(chapter: ManifestChapter, index: int) -> str:
    """The id of a sentence's ``<span>``: ``c2-s0`` for the announcement of chapter 2."""
    return f"c{chapter.number}-s{index}"


def _spans(chapter: ManifestChapter, indexes: list[int]) -> str:
    return " ".join(f'<span id="{sentence_id(chapter, i)}" class="sentence">'
                    f"{escape(chapter.sentences[i].text, quote=False)}</span>" for i in indexes)


def chapter_markup(chapter: ManifestChapter, heading: str = "h2",
                   heading_id: str = "", after_heading: str = "", indent: str = "") -> str:
    """The chapter's heading (its spoken announcement) and its text, as lines of markup."""
    lines: list[str] = []
    in_list = False
    for para in paragraphs(chapter):
        if para.kind != "item" and in_list:
            lines.append("</ul>")
            in_list = False
        if para.kind == "heading":
            attrs = f' id="{heading_id}"' if heading_id else ""
            lines.append(f"<{heading}{attrs}>{_spans(chapter, para.sentences)}</{heading}>")
            if after_heading:
                lines.append(after_heading)
        elif para.kind == "item":
            if not in_list:
                lines.append("<ul>")
                in_list = True
            lines.append(f"<li>{_spans(chapter, para.sentences)}</li>")
        else:
            lines.append(f"<p>{_spans(chapter, para.sentences)}</p>")
    if in_list:
        lines.append("</ul>")
    return "\n".join(indent + line for line in lines)
