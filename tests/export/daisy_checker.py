"""A strict checker of DAISY 2.02 talking books, written from the specification's rules.

No DAISY 2.02 validator can be installed here, so this module judges a book
folder by the rules of the DAISY 2.02 Specification (DAISY Consortium,
Recommendation of February 2001), as its sections name them: "Navigation
Control Center (NCC)", "NCC metadata", "SMIL files", "SMIL metadata", "Text
content files", "Master SMIL" and "File naming". It was written from those
rules (quoted from memory: no copy of the specification was at hand), not
from guide's writer, and reads nothing of guide. Every problem found is
collected; :func:`check_book` raises one :class:`DaisyError` listing them all.

It follows every reference: ``ncc.html`` to the SMIL files, the SMIL files to
the text ids and the audio files; each clip must lie inside its audio file's
real length as ffprobe reads it, and clips must not overlap.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

from .daisy_checker_files import (
    CLIP_SLACK_S,
    MULTIMEDIA_TYPES,
    NAME,
    PAGE_CLASSES,
    REPEATABLE,
    REQUIRED,
    XHTML,
    Book,
    Clip,
    DaisyError,
    FileRules,
    Heading,
    Par,
    Smil,
    clock,
    ffprobe_seconds,
    local,
)

__all__ = ["Book", "DaisyError", "check_book", "clock"]


class Checker(FileRules):
    """One run of the checker over one folder: every rule of the specification it knows."""

    # ------------------------------------------------------------------ the NCC

    def ncc(self) -> tuple[dict[str, list[str]], list[Heading]]:
        """"Navigation Control Center": metadata, then the body's items, the title first."""
        root = self.read("ncc.html", "html")
        if root is None:
            return {}, []
        meta = self.metas("ncc.html", root)
        for key in REQUIRED:
            self.once("ncc.html", meta, key)
        for key, values in meta.items():
            if len(values) > 1 and key not in REPEATABLE and key.startswith(("dc:", "ncc:")):
                self.bad("ncc.html", f"has {key} {len(values)} times")
        title = root.find(f"{XHTML}head/{XHTML}title")
        if title is None or (title.text or "").strip() != (meta.get("dc:title") or [""])[0]:
            self.bad("ncc.html", "has no <title> equal to dc:title")
        body = root.find(f"{XHTML}body")
        items = [] if body is None else self.ncc_items(body)
        if items and (items[0].tag != "h1" or items[0].cls != "title"):
            self.bad("ncc.html", 'does not open with <h1 class="title">')
        if items and items[0].text != (meta.get("dc:title") or [""])[0]:
            self.bad("ncc.html", "has a title heading that is not dc:title")
        return meta, items

    def ncc_items(self, body: ET.Element) -> list[Heading]:
        """Each body element: a heading (h1-h6) or a page number (span), holding one <a href>."""
        items: list[Heading] = []
        if (body.text or "").strip():
            self.bad("ncc.html", "has text outside any heading")
        level = 0
        for el in body:
            tag, where = local(el.tag), f"ncc.html <{local(el.tag)} id={el.get('id')!r}>"
            if (el.tail or "").strip():
                self.bad("ncc.html", "has text outside any heading")
            heading = re.fullmatch(r"h[1-6]", tag) is not None
            if not heading and not (tag == "span" and el.get("class") in PAGE_CLASSES):
                self.bad(where, "is not a heading or a page number, the only items of an NCC body")
                continue
            if not el.get("id"):
                self.bad(where, "has no id")
            links = list(el)
            if len(links) != 1 or local(links[0].tag) != "a" or not links[0].get("href") \
                    or (el.text or "").strip() or (links[0].tail or "").strip():
                self.bad(where, "does not hold exactly one <a href> and nothing else")
                continue
            if heading:
                if int(tag[1]) > level + 1:
                    self.bad(where, f"skips a level after h{level}")
                level = int(tag[1])
            text = " ".join("".join(links[0].itertext()).split())
            items.append(Heading(tag, el.get("id", ""), el.get("class", ""), text, links[0].get("href")))
        return items

    # ------------------------------------------------------------------ SMIL files

    def smil(self, name: str, order: dict[str, float]) -> Smil | None:
        """"SMIL files": head metadata, one <seq dur> of <par endsync="last"> in the body."""
        root = self.read(name, "smil")
        if root is None:
            return None
        if root.tag != "smil":
            self.bad(name, "has no <smil> root")
        meta = self.metas(name, root)
        if self.once(name, meta, "dc:format") not in (None, "Daisy 2.02"):
            self.bad(name, 'has a dc:format other than "Daisy 2.02"')
        values = {}
        for key in ("ncc:totalElapsedTime", "ncc:timeInThisSmil"):
            value = self.once(name, meta, key)
            try:
                values[key] = clock(value) if value is not None else None
            except ValueError:
                self.bad(name, f"has a {key} that is not a clock value")
                values[key] = None
        seqs, body = root.findall("body/seq"), root.find("body")
        if len(seqs) != 1 or body is None or len(body) != 1:
            self.bad(name, "does not have one <seq> as its body")
            return None
        try:
            dur = clock(seqs[0].get("dur", ""))
        except ValueError:
            self.bad(name, "has a <seq> without a dur")
            dur = 0.0
        out = Smil(name, dur, values["ncc:totalElapsedTime"] or 0.0)
        for el in seqs[0]:
            par = self.par(name, el, order)
            if par is not None:
                out.pars.append(par)
        played = sum(c.end - c.begin for p in out.pars for c in p.clips)
        if abs(played - dur) > 0.01:
            self.bad(name, f"has a <seq dur> of {dur:.3f} s, but its pars play {played:.3f} s")
        if values["ncc:timeInThisSmil"] is not None and abs(values["ncc:timeInThisSmil"] - dur) > 1:
            self.bad(name, "has an ncc:timeInThisSmil that is not its <seq dur>")
        elapsed = values["ncc:totalElapsedTime"]
        if elapsed is not None and abs(elapsed - order["elapsed"]) > 1:
            self.bad(name, "has an ncc:totalElapsedTime that is not the time of the SMIL files before it")
        return out

    def par(self, name: str, el: ET.Element, order: dict[str, float]) -> Par | None:
        """One <par endsync="last">: one <text> into a content document, its audio in order."""
        where = f"{name} <par id={el.get('id')!r}>"
        if el.tag != "par":
            self.bad(where, f"holds a <{el.tag}> where a <par> belongs")
            return None
        if el.get("endsync") != "last":
            self.bad(where, 'lacks endsync="last"')
        texts = [c for c in el if c.tag == "text"]
        audios = [c for c in el if c.tag == "audio"] + [a for s in el if s.tag == "seq" for a in s]
        if len(texts) != 1 or not texts[0].get("id") or not texts[0].get("src"):
            self.bad(where, "does not hold one <text> with an id and a src")
            return None
        self.resolve(where, texts[0].get("src"), set(), "html")
        clips = []
        for audio in audios:
            clip = self.clip(where, audio, order)
            if clip is not None:
                clips.append(clip)
        if not audios:
            self.bad(where, "has no audio")
        return Par(el.get("id", ""), texts[0].get("id"), texts[0].get("src"), clips)

    def clip(self, where: str, audio: ET.Element, order: dict[str, float]) -> Clip | None:
        """An <audio src clip-begin clip-end>: inside the file, after the clip before it."""
        if audio.tag != "audio" or not audio.get("src"):
            self.bad(where, "has an audio element without a src")
            return None
        src = audio.get("src")
        try:
            begin, end = (clock(audio.get(a, "").removeprefix("npt=")) for a in ("clip-begin", "clip-end"))
            if not audio.get("clip-begin", "").startswith("npt="):
                raise ValueError
        except ValueError:
            self.bad(where, "has a clip-begin or clip-end that is not npt=<time>")
            return None
        length = self.length(src)
        if not 0 <= begin < end:
            self.bad(where, f"has a clip of {src} that ends before it begins")
        if length is not None and end > length + CLIP_SLACK_S:
            self.bad(where, f"has a clip past the end of {src} ({end:.3f} s > {length:.3f} s)")
        if begin < order.get(src, 0.0) - 0.0005:
            self.bad(where, f"has a clip of {src} that overlaps or comes before the clip before it")
        order[src] = end
        return Clip(src, begin, end)

    # ------------------------------------------------------------------ the whole book

    def run(self, own_folder: bool, expected_duration_s: float | None) -> Book:
        """Every rule, in the order a player meets them."""
        meta, items = self.ncc()
        flow: list[str] = []
        for item in items:
            file = item.href.split("#", 1)[0]
            if file.endswith(".smil") and file not in flow and file != "master.smil":
                flow.append(file)
        order: dict[str, float] = {"elapsed": 0.0}
        smils: list[Smil] = []
        for name in flow:
            smil = self.smil(name, order)
            if smil is not None:
                smils.append(smil)
                order["elapsed"] += smil.dur
        self.check_targets(items, smils)
        texts = {p.text_src.split("#")[0] for s in smils for p in s.pars}
        files = {"ncc.html", *flow, *texts, *(c.src for s in smils for p in s.pars for c in p.clips)}
        files |= self.linked(texts)
        if (self.folder / "master.smil").exists():
            files.add("master.smil")
            self.master(flow, meta)
        self.check_counts(meta, items, smils, files, expected_duration_s)
        self.check_folder(files, flow, own_folder)
        if self.problems:
            raise DaisyError(self.problems)
        return Book(meta, items, smils, files)

    def linked(self, texts: set[str]) -> set[str]:
        """"Text content files": the images, style sheets and other files they use are the book's too."""
        out = set()
        for name in texts:
            root = self.docs.get(name)
            for el in [] if root is None else root.iter():
                for attr in ("src", "href"):
                    ref = el.get(attr, "")
                    if ref and not ref.startswith("#") and not re.match(r"[a-z]+:", ref):
                        out.add(ref.split("#")[0])
        for name in sorted(out):
            if not (self.folder / name).is_file():
                self.bad(name, "is used by a text content file but missing")
        return out

    def check_targets(self, items: list[Heading], smils: list[Smil]) -> None:
        """Every NCC item points to a par or text of a SMIL file, in reading order; only the title
        may share its target with the item after it."""
        place: dict[str, tuple[int, int]] = {}
        for i, smil in enumerate(smils):
            for j, par in enumerate(smil.pars):
                place[f"{smil.name}#{par.id}"] = place[f"{smil.name}#{par.text_id}"] = (i, j)
        last = (-1, -1)
        for n, item in enumerate(items):
            where = f"ncc.html <{item.tag} id={item.id!r}>"
            if self.resolve(where, item.href, {"par", "text"}, "smil") is None:
                continue
            here = place.get(item.href)
            if here is None:
                self.bad("ncc.html", f"{item.href!r} points to no par of the reading order")
            elif here < last or (here == last and not (n == 1 and items[0].cls == "title")):
                self.bad("ncc.html", f"{item.href!r} is out of reading order")
            else:
                last = here

    def check_counts(self, meta: dict[str, list[str]], items: list[Heading], smils: list[Smil],
                     files: set[str], expected_duration_s: float | None) -> None:
        """"NCC metadata": the counts, the total time and the values whose form is fixed."""
        def get(key: str) -> str:
            return (meta.get(key) or [""])[0]

        def count(key: str, want: int) -> None:
            if get(key) != str(want):
                self.bad("ncc.html", f"says {key} is {get(key)!r}, but it is {want}")

        count("ncc:files", len(files))
        count("ncc:tocItems", len(items))
        levels = [int(i.tag[1]) for i in items if i.tag.startswith("h")]
        count("ncc:depth", max(levels, default=0))
        for cls, key in PAGE_CLASSES.items():
            count(key, sum(1 for i in items if i.cls == cls))
        normal = [int(i.text) for i in items if i.cls == "page-normal" and i.text.isdigit()]
        count("ncc:maxPageNormal", max(normal, default=0))
        total = sum(s.dur for s in smils)
        try:
            said = clock(get("ncc:totalTime"))
            if abs(said - total) > 1:
                self.bad("ncc.html", f"says ncc:totalTime is {get('ncc:totalTime')}, but the SMIL files "
                                     f"play {total:.1f} s")
        except ValueError:
            self.bad("ncc.html", "has an ncc:totalTime that is not hh:mm:ss")
        if expected_duration_s is not None and abs(total - expected_duration_s) > 1:
            self.bad("ncc.html", f"plays {total:.1f} s, not the expected {expected_duration_s:.1f} s")
        kind = get("ncc:multimediaType")
        pars = [p for s in smils for p in s.pars]
        full = pars and all(p.clips and p.text_src.split("#")[0] != "ncc.html" for p in pars)
        if kind not in MULTIMEDIA_TYPES or (full and kind != "audioFullText"):
            self.bad("ncc.html", f"has a wrong ncc:multimediaType {get('ncc:multimediaType')!r}")
        if get("dc:format") != "Daisy 2.02":
            self.bad("ncc.html", 'has a dc:format other than "Daisy 2.02"')
        if get("ncc:charset").lower() != "utf-8":
            self.bad("ncc.html", "has an ncc:charset that is not the file's utf-8")
        if not re.fullmatch(r"(\d+) of (\d+)", get("ncc:setInfo")):
            self.bad("ncc.html", "has an ncc:setInfo that is not 'N of M'")
        for key in ("dc:date", "ncc:sourceDate"):
            if key in meta and not self.is_date(get(key)):
                self.bad("ncc.html", f"has a {key} that is not yyyy-mm-dd")
        if not re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*", get("dc:language")):
            self.bad("ncc.html", "has a dc:language that is not a language code")
        for key in ("dc:identifier", "dc:title", "dc:publisher", "ncc:narrator", "ncc:generator"):
            if key in meta and not get(key).strip():
                self.bad("ncc.html", f"has an empty {key}")

    @staticmethod
    def is_date(text: str) -> bool:
        """``yyyy``, ``yyyy-mm`` or a real ``yyyy-mm-dd``."""
        try:
            if re.fullmatch(r"\d{4}(-\d{2})?", text):
                return True
            return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", text)) and date.fromisoformat(text) is not None
        except ValueError:
            return False

    def master(self, flow: list[str], meta: dict[str, list[str]]) -> None:
        """"Master SMIL": one <ref> per SMIL file of the reading order, in that order."""
        root = self.read("master.smil", "smil")
        if root is None:
            return
        mm = self.metas("master.smil", root)
        if self.once("master.smil", mm, "dc:format") not in (None, "Daisy 2.02"):
            self.bad("master.smil", 'has a dc:format other than "Daisy 2.02"')
        refs = [el.get("src", "") for el in root.iterfind("body/ref")]
        if [r.split("#")[0] for r in refs] != flow:
            self.bad("master.smil", "does not list the SMIL files in the NCC's order")
        for ref in refs:
            if "#" in ref:
                self.resolve("master.smil", ref, {"par", "text", "seq"}, "smil")
        time_in = self.once("master.smil", mm, "ncc:timeInThisSmil")
        total = (meta.get("ncc:totalTime") or [""])[0]
        if time_in is not None and total and abs(clock(time_in) - clock(total)) > 1:
            self.bad("master.smil", "has an ncc:timeInThisSmil that is not ncc:totalTime")

    def check_folder(self, files: set[str], flow: list[str], own_folder: bool) -> None:
        """"File naming": portable names; every SMIL file reached; with ``own_folder``, nothing else there."""
        for name in sorted(files):
            if not NAME.fullmatch(name):
                self.bad(name, "is not a portable file name (lower-case letters, digits, - and _)")
        present = {p.name for p in self.folder.iterdir()} if self.folder.is_dir() else set()
        for name in sorted(present):
            if name.endswith(".smil") and name not in files:
                self.bad(name, "is a SMIL file the NCC never reaches")
        if own_folder and present - files:
            self.bad(str(self.folder), f"holds files that are not the book's: {sorted(present - files)}")


def check_book(folder: Path, own_folder: bool = True, expected_duration_s: float | None = None,
               probe=ffprobe_seconds) -> Book:
    """Check the DAISY 2.02 book in ``folder``; :class:`DaisyError` listing every problem, or the book.

    ``own_folder``: the folder holds the book's files and nothing else (``ncc:files`` counts them
    all). ``expected_duration_s``: what the book must play, within 1 s."""
    return Checker(folder, probe).run(own_folder, expected_duration_s)
