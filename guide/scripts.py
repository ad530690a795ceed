"""Narration scripts: the guide folder an editor reviews and rewrites.

A guide folder holds ``guide.toml`` (title, language, source, voice, rate)
and one plain-text script per chapter, ``NN-chapter-slug.txt``::

    # Title: What cervical insufficiency is
    # Source: Introduction
    # Lines that start with "#" are notes for the editor. They are never spoken.

    Your cervix is the lower part of your womb.

    - A list item is read with a pause after it.

This module reads and writes that folder, makes a first draft from an
:class:`~guide.model.Article`, and finds a guide by name.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import tomllib
from dataclasses import fields
from pathlib import Path

import tomli_w

from .files import UMASK, read_script_text
from .errors import GuideExists, ScriptError, UnknownGuide
from .model import Article, Block, BlockKind, Chapter, Guide
from .article.text import clean_text
from .slug import slugify, unique_slugs

SHIPPED_SLUG = "cervical-insufficiency"
"The guide that ships with the package and is built when no guide is named."

SCRIPT_GLOB = "[0-9]*.txt"
_ITEM_MARKERS = ("- ", "* ", "• ")
_SETTINGS = ("title", "subtitle", "language", "voice", "rate", "source",
             "source_title", "publisher", "target_grade")
_HELP = [
    'Lines that start with "#" are notes for the editor. They are never spoken.',
    'A blank line starts a new paragraph. A line that starts with "- " is one item of a list.',
    'Each "# Source:" line names one section of the article; "none" means framing.',
]


# ------------------------------------------------------------- script files


def format_script(chapter: Chapter) -> str:
    """The text of one chapter's script file."""
    lines = [f"# Title: {chapter.title}"]
    lines += [f"# Source: {source}" for source in chapter.sources] or ["# Source: none"]
    lines += [f"# {h}" for h in _HELP]
    previous: BlockKind | None = None
    for block in chapter.blocks:
        if previous is not None and not (previous == block.kind == BlockKind.ITEM):
            lines.append("")
        elif previous is None:
            lines.append("")
        if block.kind == BlockKind.ITEM:
            lines.append(f"- {block.text}")
        else:
            text = block.text
            if text.startswith(("#", "\\", *[m.strip() for m in _ITEM_MARKERS])):
                text = "\\" + text
            lines.append(text)
        previous = block.kind
    return "\n".join(lines) + "\n"


def parse_script(text: str, path: Path) -> tuple[str, list[str], list[Block]]:
    """Title, sources and blocks of a script file's text."""
    title, sources = "", []
    blocks: list[Block] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            blocks.append(Block(" ".join(paragraph)))
            paragraph.clear()

    for raw in text.splitlines():
        line = clean_text(raw)  # no control, zero-width or bidi characters reach any output
        if line.startswith("#"):
            key, _, value = line.lstrip("#").strip().partition(":")
            if key.strip().lower() == "title" and not title:
                title = value.strip()
            elif key.strip().lower() == "source" and not _is_none(value):
                sources.append(value.strip())
            continue
        if not line:
            flush()
        elif line.startswith(_ITEM_MARKERS) or line in ("-", "*", "•"):
            flush()
            item = line[2:].strip()
            if item:
                blocks.append(Block(item, BlockKind.ITEM))
        else:
            paragraph.append(line[1:] if line.startswith("\\") else line)
    flush()
    if not title:
        title = _title_from_name(path)
    return title, sources, blocks


def _is_none(value: str) -> bool:
    """``none`` or ``none (framing)``: a chapter made from no section of the article."""
    value = value.strip().lower()
    return value == "none" or value.startswith("none (") or not value


def _title_from_name(path: Path) -> str:
    words = re.sub(r"^\d+-?", "", path.stem).replace("-", " ").strip()
    return words.capitalize() or "Chapter"


# ------------------------------------------------------------- guide folder


def read_settings(path: Path) -> dict:
    """The settings in ``guide.toml``, with errors naming the line and column."""
    text = read_script_text(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        where = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        place = f"line {where[1]}, column {where[2]}" if where else "somewhere"
        reason = str(exc).split(" (at ")[0].rstrip(".")
        raise ScriptError(path, f"is not valid TOML at {place}: {reason.lower()}.") from None
    unknown = sorted(set(data) - set(_SETTINGS) - {"slug"})
    if unknown:
        raise ScriptError(path, f"has a setting this version does not know: {unknown[0]}.")
    for key in ("rate", "target_grade"):
        if key in data and not isinstance(data[key], (int, float)):
            raise ScriptError(path, f"the setting {key} must be a number.")
    return data


def load_guide(folder: Path) -> Guide:
    """Read a guide folder: ``guide.toml`` and its chapter scripts, in order."""
    folder = Path(folder)
    toml_path = folder / "guide.toml"
    if not toml_path.is_file():
        raise UnknownGuide(f"{folder} is not a guide folder: it has no guide.toml.")
    settings = read_settings(toml_path)
    names = {f.name for f in fields(Guide)}
    guide = Guide(
        slug=_slug_setting(settings, folder, toml_path),
        title=str(settings.get("title") or folder.name),
        folder=folder,
        **{k: v for k, v in settings.items() if k in names and k not in ("slug", "title")},
    )
    paths = sorted(folder.glob(SCRIPT_GLOB), key=_script_order)
    width = 3 if len(paths) > 99 else 2
    for number, path in enumerate(paths, start=1):
        title, sources, blocks = parse_script(read_script_text(path), path)
        tail = slugify(re.sub(r"^\d+-?", "", path.stem) or title)
        guide.chapters.append(
            Chapter(number, title, blocks, sources, stem=f"{number:0{width}d}-{tail}")
        )
    if not guide.chapters:
        raise ScriptError(folder, "has no chapter scripts (files named like 01-introduction.txt).")
    return guide


def _slug_setting(settings: dict, folder: Path, toml_path: Path) -> str:
    """The guide's slug: the ``slug`` setting, which must be a plain name, or the folder's name."""
    if "slug" not in settings:
        return slugify(folder.name, "guide")
    slug = str(settings["slug"])
    if slugify(slug, "guide") != slug:
        raise ScriptError(toml_path, f"has a slug that is not a plain name ({slug!r}). "
                                     "Use only lower-case letters, digits and hyphens.")
    return slug


def _script_order(path: Path) -> tuple[int, str]:
    match = re.match(r"\d+", path.stem)
    return (int(match[0]) if match else 0, path.name)


def write_guide(guide: Guide, folder: Path, force: bool = False, source: Path | None = None) -> Path:
    """Write ``guide`` as a new guide folder, atomically; never over one without ``force``."""
    folder = Path(folder)
    if folder.exists() and not force:
        raise GuideExists(
            f"{folder} already exists. Use --force to replace it, or choose another --slug."
        )
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
    staging.chmod(0o777 & ~UMASK)
    try:
        settings = {k: getattr(guide, k) for k in _SETTINGS if getattr(guide, k) not in (None, "")}
        (staging / "guide.toml").write_text(tomli_w.dumps(settings), encoding="utf-8")
        for chapter in guide.chapters:
            (staging / f"{chapter.stem}.txt").write_text(format_script(chapter), encoding="utf-8")
        if source is not None and guide.source:
            shutil.copyfile(source, staging / guide.source)
        if folder.exists():
            old = folder.with_name(f".{folder.name}.old-{os.getpid()}")
            folder.rename(old)
            staging.rename(folder)
            shutil.rmtree(old)
        else:
            staging.rename(folder)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return folder


# -------------------------------------------------------------------- draft


def draft_guide(article: Article, slug: str) -> Guide:
    """A first draft: an introduction from the lead, a chapter per section, sources."""
    guide = Guide(slug=slug, title=article.title, subtitle=article.subtitle,
                  source_title=article.title)
    for section in article.sections:
        if not section.blocks:
            continue
        title = section.heading or "Introduction"
        guide.chapters.append(Chapter(0, title, list(section.blocks), [title]))
    if article.sources:
        items = [Block(s, BlockKind.ITEM) for s in article.sources]
        intro = Block("This guide is based on an article that lists these sources.")
        guide.chapters.append(Chapter(0, "Sources", [intro, *items], ["Article Sources"]))
    width = 3 if len(guide.chapters) > 99 else 2
    tails = unique_slugs([chapter.title for chapter in guide.chapters])
    for number, (chapter, tail) in enumerate(zip(guide.chapters, tails), start=1):
        chapter.number = number
        chapter.stem = f"{number:0{width}d}-{tail}"
    return guide


# ------------------------------------------------------------------ finding


def shipped_folder(slug: str = SHIPPED_SLUG) -> Path | None:
    """The folder of a guide shipped with the package, installed or in the repo."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "shipped" / slug, here.parent / "scripts" / slug):
        if (candidate / "guide.toml").is_file():
            return candidate
    return None


def find_guide(name: str | None, scripts_dir: Path = Path("scripts")) -> Path:
    """The folder of GUIDE: a path to a guide folder, a slug under ./scripts, or shipped."""
    if name and ("/" in name or name.startswith(".")) or (name and Path(name, "guide.toml").is_file()):
        path = Path(name)
        if (path / "guide.toml").is_file():
            return path
        raise UnknownGuide(f"{name} is not a guide folder: it has no guide.toml.")
    slug = name or SHIPPED_SLUG
    local = scripts_dir / slug
    if (local / "guide.toml").is_file():
        return local
    shipped = shipped_folder(slug)
    if shipped is not None:
        return shipped
    known = sorted(p.parent.name for p in scripts_dir.glob("*/guide.toml"))
    hint = f" The guides here are: {', '.join(known)}." if known else ""
    raise UnknownGuide(f"There is no guide called {slug!r}.{hint}")
