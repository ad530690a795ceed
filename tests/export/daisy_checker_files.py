"""The ground floor of the DAISY 2.02 checker (:mod:`daisy_checker`): what it reads and how.

Files are read once each and checked for what every file of a 2.02 book must
be (the specification's "File naming" and the XML rules of its "NCC" and
"SMIL files" sections): present in the book's one folder, UTF-8 (or as
declared), well-formed XML, free of named entities, with the right doctype and
unique ids. References ``file#id`` are resolved here, and audio lengths read
with ffprobe.
"""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

XHTML = "{http://www.w3.org/1999/xhtml}"
XHTML_IDS = ("-//W3C//DTD XHTML 1.0 Transitional//EN", "-//W3C//DTD XHTML 1.0 Strict//EN")
SMIL_ID = ("-//W3C//DTD SMIL 1.0//EN", "http://www.w3.org/TR/REC-smil/SMIL10.dtd")
# "NCC metadata": the elements every 2.02 book must carry, each exactly once.
REQUIRED = ("dc:creator", "dc:date", "dc:format", "dc:identifier", "dc:language", "dc:publisher",
            "dc:title", "ncc:charset", "ncc:depth", "ncc:files", "ncc:generator", "ncc:maxPageNormal",
            "ncc:multimediaType", "ncc:narrator", "ncc:pageFront", "ncc:pageNormal", "ncc:pageSpecial",
            "ncc:setInfo", "ncc:tocItems", "ncc:totalTime")
REPEATABLE = {"dc:contributor", "dc:subject", "dc:creator"}
MULTIMEDIA_TYPES = {"audioOnly", "audioNcc", "audioPartText", "audioFullText", "textPartAudio", "textNcc"}
PAGE_CLASSES = {"page-normal": "ncc:pageNormal", "page-front": "ncc:pageFront",
                "page-special": "ncc:pageSpecial"}
NAME = re.compile(r"[a-z0-9][a-z0-9_-]*(\.[a-z0-9]+)?")
CLIP_SLACK_S = 0.0015
"A clip time is written to the millisecond; ffprobe's length to the microsecond."


class DaisyError(AssertionError):
    """Everything wrong with a book, one problem a line."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("the DAISY book breaks the 2.02 rules:\n" + "\n".join(problems))


@dataclass
class Clip:
    """An ``<audio>`` element."""

    src: str
    begin: float
    end: float


@dataclass
class Par:
    """A ``<par>``: its id, its text reference and its clips."""

    id: str
    text_id: str
    text_src: str
    clips: list[Clip]


@dataclass
class Smil:
    """A SMIL file in reading order."""

    name: str
    dur: float
    elapsed: float
    pars: list[Par] = field(default_factory=list)


@dataclass
class Heading:
    """An item of the NCC body."""

    tag: str
    id: str
    cls: str
    text: str
    href: str


@dataclass
class Book:
    """What the checker read: metadata, NCC items, SMIL files in reading order, the book's files."""

    meta: dict[str, list[str]]
    items: list[Heading]
    smils: list[Smil]
    files: set[str]


def clock(value: str) -> float:
    """A SMIL 1.0 clock value in seconds: ``12.3s``, ``1.5min``, ``250ms``, ``0:01:02.5``, ``01:02``."""
    m = re.fullmatch(r"(?:(\d+):)?(\d{1,2}):(\d{2}(?:\.\d+)?)", value)
    if m:
        return int(m[1] or 0) * 3600 + int(m[2]) * 60 + float(m[3])
    m = re.fullmatch(r"(\d+(?:\.\d+)?)(h|min|s|ms)?", value)
    if not m:
        raise ValueError(value)
    return float(m[1]) * {"h": 3600, "min": 60, "s": 1, "ms": 0.001, None: 1}[m[2]]


def ffprobe_seconds(path: Path) -> float:
    """The audio file's length as ffprobe reads it."""
    out = subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of",
                          "default=nw=1:nk=1", str(path)], capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def local(tag: str) -> str:
    """An element's name without its namespace."""
    return tag.rsplit("}", 1)[-1]


class FileRules:
    """What the checker reads, file by file, and the problems it notes."""

    def __init__(self, folder: Path, probe=ffprobe_seconds):
        self.folder = Path(folder)
        self.problems: list[str] = []
        self.probe = probe
        self.docs: dict[str, ET.Element | None] = {}
        self.ids: dict[str, dict[str, ET.Element]] = {}
        self.lengths: dict[str, float | None] = {}

    def bad(self, where: str, what: str) -> None:
        """Note a problem."""
        self.problems.append(f"{where}: {what}")

    # ------------------------------------------------------------------ files and XML

    def read(self, name: str, kind: str) -> ET.Element | None:
        """Parse ``name`` once, checking what every 2.02 file must be: an existing file with a portable
        name, UTF-8 (or its declared encoding), well-formed XML, no named entity, the right doctype."""
        if name in self.docs:
            return self.docs[name]
        self.docs[name] = None
        path = self.folder / name
        if "/" in name or not path.is_file():  # "File naming": every file in the book's one folder
            self.bad(name, "is missing from the book's folder")
            return None
        raw = path.read_bytes()
        m = re.match(rb'<\?xml version="1\.0"(?: encoding="([^"]+)")?', raw)
        if not m:
            self.bad(name, "does not start with an XML declaration")
        encoding = (m and m[1] or b"utf-8").decode("ascii")
        try:
            text = raw.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            self.bad(name, f"is not valid {encoding}")
            return None
        if re.search(r"&(?!#[0-9]+;|#x[0-9a-fA-F]+;)", text):  # no named entities, not even &amp;
            self.bad(name, "uses a named entity or a bare ampersand; only numeric references are allowed")
        self.check_doctype(name, text, kind)
        try:
            root = ET.fromstring(raw)
        except ET.ParseError as exc:
            self.bad(name, f"is not well-formed XML ({exc})")
            return None
        ids: dict[str, ET.Element] = {}
        for el in root.iter():
            if "id" in el.attrib:
                if el.attrib["id"] in ids:
                    self.bad(name, f"has the id {el.attrib['id']!r} twice")
                ids[el.attrib["id"]] = el
        if kind == "html" and root.tag != XHTML + "html":  # XHTML: the namespace on <html>
            self.bad(name, "has no <html> in the XHTML namespace")
        self.docs[name], self.ids[name] = root, ids
        return root

    def check_doctype(self, name: str, text: str, kind: str) -> None:
        """NCC and text content files are XHTML 1.0; SMIL files carry the SMIL 1.0 doctype."""
        m = re.search(r'<!DOCTYPE\s+(\w+)\s+PUBLIC\s+"([^"]*)"\s+"([^"]*)"\s*>', text)
        if kind == "smil":
            if not m or m[1] != "smil" or (m[2], m[3]) != SMIL_ID:
                self.bad(name, "lacks the SMIL 1.0 doctype a DAISY 2.02 SMIL file needs")
        elif not m or m[1] != "html" or m[2] not in XHTML_IDS:
            self.bad(name, "lacks an XHTML 1.0 doctype")

    def metas(self, name: str, root: ET.Element) -> dict[str, list[str]]:
        """Every ``<meta name content>`` of the head, by name."""
        found: dict[str, list[str]] = {}
        head = next((el for el in root if local(el.tag) == "head"), None)
        for el in [] if head is None else head:
            if local(el.tag) == "meta" and "name" in el.attrib:
                found.setdefault(el.attrib["name"], []).append(el.attrib.get("content", ""))
        return found

    def once(self, name: str, meta: dict[str, list[str]], key: str) -> str | None:
        """The value of a metadata element that must be there exactly once."""
        values = meta.get(key, [])
        if len(values) != 1:
            self.bad(name, f"has {key} {len(values)} times, not once")
            return None
        return values[0]

    def length(self, src: str) -> float | None:
        """An audio file's length by ffprobe, or ``None`` (and a problem) if it is missing."""
        if src not in self.lengths:
            path = self.folder / src
            self.lengths[src] = self.probe(path) if "/" not in src and path.is_file() else None
            if self.lengths[src] is None:
                self.bad(src, "is missing from the book's folder")
        return self.lengths[src]

    def resolve(self, where: str, ref: str, kinds: set[str], doc_kind: str) -> tuple[str, ET.Element] | None:
        """``file#id``: the file exists and parses, and the id names an element (of one of ``kinds``,
        if any are given)."""
        if "#" not in ref or re.match(r"[a-z]+:|/|\.\.", ref):
            self.bad(where, f"{ref!r} is not a relative file#id reference")
            return None
        file, frag = ref.split("#", 1)
        if self.read(file, doc_kind) is None:
            self.bad(where, f"{ref!r} points to a file that cannot be read")
            return None
        el = self.ids[file].get(frag)
        if el is None or (kinds and local(el.tag) not in kinds):
            self.bad(where, f"{ref!r} points to no {' or '.join(sorted(kinds)) or 'such'} element")
            return None
        return file, el
