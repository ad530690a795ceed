"""The DAISY 2.02 book's plan and its SMIL 1.0 files: one per chapter, and ``master.smil``.

A chapter's SMIL holds one ``<par endsync="last">`` per sentence, the
announcement first: a ``<text>`` pointing at the sentence's ``<span>`` in
``content.html`` and, inside a ``<seq>``, an ``<audio>`` clip of the chapter
MP3. The clips follow one another with no gap, as the manifest's times give
them: the first from the start of the file, each to where the next sentence
begins, the last to the end of the chapter's sound. So the pauses of the
narration are kept, and the clips add up to the chapter's length. Times are
written to the millisecond and no finer, as older players ask.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from guide.errors import DamagedOutput
from guide.export.markup import sentence_id
from guide.manifest import ManifestChapter

SMIL_DOCTYPE = ('<!DOCTYPE smil PUBLIC "-//W3C//DTD SMIL 1.0//EN" '
                '"http://www.w3.org/TR/REC-smil/SMIL10.dtd">')
"The doctype of every SMIL file of a DAISY 2.02 book."
FORMAT = "Daisy 2.02"
"The ``dc:format`` of every file that carries one."
CONTENT = "content.html"
"The content document: the whole transcript."
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass
class Part:
    """One chapter of the book: its SMIL file, its MP3 and every sentence's clip."""

    chapter: ManifestChapter
    "The chapter."
    smil: str
    "The SMIL file's name: ``01.smil``."
    audio: str
    "The MP3's name in the book: the chapter file's own name, ``01-welcome.mp3``."
    clips: list[tuple[int, int]]
    "(clip-begin, clip-end) of every sentence, in milliseconds from the start of the MP3."
    elapsed_ms: int = 0
    "How much of the book plays before this chapter."

    @property
    def duration_ms(self) -> int:
        """How long the chapter's SMIL plays: its clips, which follow one another."""
        return self.clips[-1][1] - self.clips[0][0]

    def text_id(self, index: int) -> str:
        """The id of sentence ``index``'s ``<text>`` element, which the NCC and master.smil point at."""
        return f"t-{sentence_id(self.chapter, index)}"


def clips(chapter: ManifestChapter, length_ms: int | None, mp3: Path) -> list[tuple[int, int]]:
    """Each sentence's clip in ms: the first from 0, each to the next one's start, the last to the
    chapter's end (no further than ``length_ms``, the MP3's own length, when known).

    :class:`DamagedOutput` if the manifest's times do not leave every clip some sound.
    """
    starts = [0] + [round(s.start_s * 1000) for s in chapter.sentences[1:]]
    end = max(round(chapter.duration_s * 1000), round(chapter.sentences[-1].end_s * 1000))
    if length_ms is not None:
        end = min(end, length_ms)
    bounds = [*starts, end]
    if any(b <= a for a, b in zip(bounds, bounds[1:], strict=False)):
        raise DamagedOutput(mp3, "does not match the times in the manifest")
    return list(zip(bounds, bounds[1:], strict=False))


def xml_text(text: str) -> str:
    """``text`` for XML content or a quoted attribute: markup characters as numeric character
    references (never a named entity, which some DAISY players cannot read), characters XML
    forbids left out."""
    text = _NOT_XML.sub("", text)
    for char, ref in (("&", "&#38;"), ("<", "&#60;"), (">", "&#62;"), ('"', "&#34;")):
        text = text.replace(char, ref)
    return text


def hms(ms: int) -> str:
    """A DAISY 2.02 time, ``hh:mm:ss``, rounded to the nearest second."""
    seconds = (ms + 500) // 1000
    return f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


def npt(ms: int) -> str:
    """A clip time: ``npt=12.345s``."""
    return f"npt={ms // 1000}.{ms % 1000:03d}s"


def meta(name: str, content: str, scheme: str = "") -> str:
    """A ``<meta name content>`` element."""
    extra = f' scheme="{xml_text(scheme)}"' if scheme else ""
    return f'<meta name="{name}" content="{xml_text(content)}"{extra}/>'


def _head(metas: list[str]) -> str:
    return ('<?xml version="1.0" encoding="utf-8"?>\n' + SMIL_DOCTYPE + "\n<smil>\n<head>\n"
            + "\n".join(metas) + '\n<layout>\n<region id="txtView"/>\n</layout>\n</head>\n')


def _par(part: Part, index: int) -> str:
    sid = sentence_id(part.chapter, index)
    begin, end = part.clips[index]
    return (f'<par endsync="last" id="p-{sid}">\n'
            f'<text src="{CONTENT}#{sid}" id="{part.text_id(index)}"/>\n'
            f'<seq>\n<audio src="{part.audio}" clip-begin="{npt(begin)}" clip-end="{npt(end)}" '
            f'id="a-{sid}"/>\n</seq>\n</par>')


def chapter_smil(part: Part, identifier: str, generator: str) -> str:
    """One chapter's SMIL file: its timing metadata and one par per sentence."""
    metas = [meta("dc:format", FORMAT), meta("dc:title", part.chapter.title),
             meta("dc:identifier", identifier), meta("ncc:generator", generator),
             meta("ncc:totalElapsedTime", hms(part.elapsed_ms)),
             meta("ncc:timeInThisSmil", hms(part.duration_ms))]
    pars = "\n".join(_par(part, i) for i in range(len(part.clips)))
    seconds = f"{part.duration_ms // 1000}.{part.duration_ms % 1000:03d}s"
    return (_head(metas) + f'<body>\n<seq dur="{seconds}" id="seq-c{part.chapter.number}">\n'
            + pars + "\n</seq>\n</body>\n</smil>\n")


def master_smil(title: str, parts: list[Part], identifier: str, generator: str) -> str:
    """``master.smil``: every chapter's SMIL in reading order, with the book's length."""
    total = sum(p.duration_ms for p in parts)
    metas = [meta("dc:format", FORMAT), meta("dc:title", title), meta("dc:identifier", identifier),
             meta("ncc:generator", generator), meta("ncc:timeInThisSmil", hms(total))]
    refs = "\n".join(f'<ref src="{p.smil}#{p.text_id(0)}" title="{xml_text(p.chapter.title)}" '
                     f'id="ref-c{p.chapter.number}"/>' for p in parts)
    return _head(metas) + f"<body>\n{refs}\n</body>\n</smil>\n"
