"""Narration scripts: the guide folder an editor reviews and rewrites.

A guide folder holds ``guide.toml`` (title, language, source, voice, rate)
and one plain-text script per chapter, ``NN-chapter-slug.txt``::

    # Title: What cervical insufficiency is
    # Source: Introduction
    # Lines that start with "#" are notes for the editor. They are never spoken.

    Your cervix is the lower part of your womb.

    - A list item is read with a pause after it.

This module reads and writes that folder, makes a first draft from an
:class:`~guide.model.Article`, and finds a guide by name. What a draft writes
itself (the notes above, "Introduction", "Sources", "Step 1:") is in the
guide's language, from the ``draft`` messages of :mod:`guide.i18n`; the
``# Title:`` and ``# Source:`` keys, and the ``Introduction`` and ``Article
Sources`` that ``# Source:`` lines name, are the file format and stay as they are.

* ``guide.toml`` is checked against one schema, :class:`~guide.config.GuideConfig`.
* Every file is read through :mod:`guide.safe_read`: only ordinary files, at
  most 5 MB, and never through a link out of the guide folder (a FIFO never
  blocks, ``/dev/zero`` is refused); a ``source`` must be in the folder too.
* Chapters are in the order of the numbers of their files (2 before 10), and
  are numbered with as many digits as their count needs (01–99, 001–999,
  0001–9999 ...), so that file names sort in chapter order everywhere.
* Writing a guide folder fails with one sentence (a file in the way, no
  permission, a full disk) and leaves nothing half-written.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import tempfile
import tomllib
from dataclasses import fields
from pathlib import Path

import tomli_w

from guide.article.bylines import keep_bylines
from guide.article.decode import MAX_ARTICLE_BYTES
from guide.article.text import clean_text
from guide.config import GuideConfig
from guide.errors import ArticleError, FileError, GuideExists, ScriptError, UnknownGuide
from guide.files import UMASK, swap_folder, write_error
from guide.i18n import message
from guide.model import Article, Block, BlockKind, Chapter, Guide
from guide.safe_read import is_outside, read_bytes, read_editor_text
from guide.slug import slugify, unique_slugs

__all__ = ["SHIPPED_SLUG", "draft_guide", "find_guide", "format_script", "load_guide",
           "parse_script", "read_settings", "shipped_folder", "write_guide"]

SHIPPED_SLUG = "cervical-insufficiency"
"The guide that ships with the package and is built when no guide is named."

SCRIPT_GLOB = "[0-9]*.txt"
_ITEM_MARKERS = ("- ", "* ", "• ")
_HELP = ("draft.help_notes", "draft.help_blocks", "draft.help_sources")
"The editor notes at the top of every script a draft writes, in the guide's language."
LEAD_SOURCE = "Introduction"
"What a ``# Source:`` line calls the article's lead (the part before any heading), in any language."
SOURCES_SOURCE = "Article Sources"
"What a ``# Source:`` line calls the article's own list of sources, in any language."


# ------------------------------------------------------------- script files


def format_script(chapter: Chapter, language: str = "en-US") -> str:
    """The text of one chapter's script file, its notes for the editor in ``language``."""
    lines = [f"# Title: {chapter.title}"]
    lines += [f"# Source: {source}" for source in chapter.sources] or ["# Source: none"]
    lines += [f"# {note}" for note in chapter.notes]
    lines += [f"# {message(language, h)}" for h in _HELP]
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


def read_settings(path: Path, folder: Path | None = None) -> tuple[GuideConfig, list[str]]:
    """The settings in ``guide.toml``, checked, and a warning for each unknown one; errors
    name the line and column, or the setting."""
    text = read_editor_text(path, "a guide.toml", inside=folder)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        where = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        place = f"line {where[1]}, column {where[2]}" if where else "somewhere"
        reason = str(exc).split(" (at ")[0].rstrip(".")
        raise ScriptError(path, f"is not valid TOML at {place}: {reason.lower()}.") from exc
    return GuideConfig.from_dict(data, path)


def load_guide(folder: Path, warnings: list[str] | None = None) -> Guide:
    """Read a guide folder: ``guide.toml`` and its chapter scripts, in order.

    A warning sentence for each setting of ``guide.toml`` that this version
    does not know is added to ``warnings``, when a list is given.
    """
    folder = Path(folder)
    toml_path = folder / "guide.toml"
    if not os.path.lexists(toml_path):
        raise UnknownGuide(f"{folder} is not a guide folder: it has no guide.toml.")
    config, unknown = read_settings(toml_path, folder)
    if warnings is not None:
        warnings.extend(unknown)
    _check_source(config, folder, toml_path)
    names = {f.name for f in fields(Guide)} - {"slug", "title", "folder", "chapters"}
    guide = Guide(
        slug=config.slug or slugify(folder.name, "guide"),
        title=config.title or folder.name,
        folder=folder,
        **{name: value for name, value in vars(config).items() if name in names},
    )
    paths = sorted(folder.glob(SCRIPT_GLOB), key=_script_order)
    width = number_width(len(paths))
    for number, path in enumerate(paths, start=1):
        text = read_editor_text(path, "a narration script", inside=folder)
        title, sources, blocks = parse_script(text, path)
        tail = slugify(re.sub(r"^\d+-?", "", path.stem) or title)
        guide.chapters.append(
            Chapter(number, title, blocks, sources, stem=f"{number:0{width}d}-{tail}")
        )
    if not guide.chapters:
        raise ScriptError(folder, "has no chapter scripts (files named like 01-introduction.txt).")
    return guide


def _check_source(config: GuideConfig, folder: Path, toml_path: Path) -> None:
    """A ``source`` that names a file in the guide folder must not be a link out of it."""
    path = folder / config.source if config.source else None
    if path is not None and os.path.lexists(path) and is_outside(path, folder):
        raise ScriptError(toml_path, f"source names {config.source}, a link to a file outside "
                                     "the guide folder. Put the article itself in the guide folder.")


def number_width(count: int) -> int:
    """Digits in a chapter file's number, so that names sort in order: 01-99, then 001-999, ..."""
    return max(2, len(str(count)))


def _script_order(path: Path) -> tuple[int, str]:
    """Scripts are in the order of their numbers (2 before 10), then of their names."""
    match = re.match(r"\d+", path.stem)
    return (int(match[0]) if match else 0, path.name)


# ------------------------------------------------------------------ writing


def guide_settings(guide: Guide) -> dict:
    """What ``guide.toml`` says for ``guide``, checked against the schema like a file read."""
    names = set(GuideConfig.names()) - {"slug"}  # the folder's name is the slug
    data = {k: v for k, v in vars(guide).items() if k in names and v is not None}
    config, _ = GuideConfig.from_dict(data, "guide.toml")
    return config.to_dict()


def write_guide(guide: Guide, folder: Path, force: bool = False, source: Path | None = None) -> Path:
    """Write ``guide`` as a new guide folder, atomically; never over one without ``force``.

    ``source`` is the article file, copied into the folder as ``guide.source``.
    The files are written in a staging folder beside it, which
    :func:`guide.files.swap_folder` swaps in. Every failure (a file where a
    folder should be, no permission, a full disk) is one sentence, and
    leaves nothing half-written.
    """
    folder = Path(folder)
    _check_target(folder, force)
    files = {"guide.toml": tomli_w.dumps(guide_settings(guide)).encode("utf-8")}
    for chapter in guide.chapters:
        files[f"{chapter.stem}.txt"] = format_script(chapter, guide.language).encode("utf-8")
    if source is not None and guide.source:
        files[guide.source] = read_bytes(source, MAX_ARTICLE_BYTES, ArticleError, what="an article")
    staging = _staging_folder(folder)
    try:
        for name, data in files.items():
            _write_file(staging / name, data)
        swap_folder(staging, folder)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise _write_error(folder, exc) from exc
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return folder


def _check_target(folder: Path, force: bool) -> None:
    """Refuse to replace what is at ``folder`` unless it is a guide folder and ``force`` is given."""
    if folder.is_symlink():
        raise FileError(folder, "is a link to another folder, and is never replaced. "
                                "Remove the link.", hint="slug")
    if folder.exists() and not force:
        raise GuideExists(f"{folder} already exists.", hint="force")
    if folder.exists() and not folder.is_dir():
        raise FileError(folder, "is a file, not a guide folder, and is never replaced. "
                                "Move it away.", hint="slug")


def _staging_folder(folder: Path) -> Path:
    """A new empty folder beside where the guide folder goes (made, with its parents), named as
    :func:`guide.files.staging` names its own."""
    parent = folder.parent
    for part in [*reversed(parent.parents), parent]:
        if part.exists() and not part.is_dir():
            raise FileError(part, "is a file, not a folder.", hint="scripts")
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.staging-", dir=parent))
        staging.chmod(0o777 & ~UMASK)
    except OSError as exc:
        raise _write_error(parent, exc) from exc
    return staging


def _write_file(path: Path, data: bytes) -> None:
    """Write a new file with ``os.write``, to the end (which raises on a full disk)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)


_MORE_REASONS = {
    errno.ENOENT: "new files cannot be made there.",
    errno.EEXIST: "something that is not a folder is in the way.",
}
"Reasons :func:`guide.files.write_error` does not give, for making a folder where none can go."


def _write_error(path: Path, exc: OSError) -> FileError:
    """One sentence for an OSError while writing a guide folder; the way out is another --scripts."""
    if exc.errno in _MORE_REASONS:
        return FileError(path, _MORE_REASONS[exc.errno], hint="scripts")
    return write_error(path, exc, hint="scripts")


# -------------------------------------------------------------------- draft


def draft_guide(article: Article, slug: str, language: str = "en-US") -> Guide:
    """A first draft in ``language``: an introduction from the lead, a chapter per section, sources.

    A numbered item starts with its number ("Step 1: ..."); the article's bylines
    are editor notes in the first script, and a clear review date is ``source_reviewed``.
    What the editor should know is in :attr:`Guide.notes`. The guide's ``voice`` is
    left empty, so that the engine's voice for ``language`` is chosen.
    """
    guide = Guide(slug=slug, title=article.title, subtitle=article.subtitle,
                  source_title=article.title, language=language)
    for section in article.sections:
        if not section.blocks:
            continue
        title = section.heading or message(language, "draft.introduction")
        blocks = [_draft_block(block, language) for block in section.blocks]
        guide.chapters.append(Chapter(0, title, blocks, [section.heading or LEAD_SOURCE]))
    if article.sources:
        items = [Block(s, BlockKind.ITEM) for s in article.sources]
        intro = Block(message(language, "draft.sources_intro"))
        guide.chapters.append(Chapter(0, message(language, "draft.sources"), [intro, *items],
                                      [SOURCES_SOURCE]))
    width = number_width(len(guide.chapters))
    tails = unique_slugs([chapter.title for chapter in guide.chapters])
    for number, (chapter, tail) in enumerate(zip(guide.chapters, tails, strict=True), start=1):
        chapter.number = number
        chapter.stem = f"{number:0{width}d}-{tail}"
    kept = keep_bylines(article.bylines, f"{guide.chapters[0].stem}.txt" if guide.chapters else "",
                        language)
    if guide.chapters:
        guide.chapters[0].notes = kept.chapter_notes
    guide.source_reviewed, guide.notes = kept.source_reviewed, article.notes + kept.notes
    return guide


_NUMBERED = re.compile(r"(?i:(step|paso)\s+)?\d{1,3}\s*[.:)]\s")  # "Step 2: ..." or "2. ..."


def _draft_block(block: Block, language: str = "en-US") -> Block:
    """A block of the article as the draft writes it: a numbered item says its step."""
    if block.number is None or _NUMBERED.match(block.text):
        return Block(block.text, block.kind)
    return Block(message(language, "draft.step", number=block.number, text=block.text), block.kind)


# ------------------------------------------------------------------ finding


def shipped_folder(slug: str = SHIPPED_SLUG) -> Path | None:
    """The folder of a guide shipped with the package, installed or in the repo."""
    here = Path(__file__).resolve().parent.parent  # the guide package
    for candidate in (here / "shipped" / slug, here.parent / "scripts" / slug):
        if (candidate / "guide.toml").is_file():
            return candidate
    return None


def find_guide(name: str | None, scripts_dir: Path = Path("scripts")) -> Path:
    """The folder of GUIDE: a path to a guide folder, a slug under ./scripts, or shipped."""
    if name and ("/" in name or name.startswith(".")) or (name and _is_guide(Path(name))):
        path = Path(name)
        if _is_guide(path):
            return path
        raise UnknownGuide(f"{name} is not a guide folder: it has no guide.toml.")
    slug = name or SHIPPED_SLUG
    local = scripts_dir / slug
    if _is_guide(local):
        return local
    shipped = shipped_folder(slug)
    if shipped is not None:
        return shipped
    known = sorted(p.parent.name for p in scripts_dir.glob("*/guide.toml"))
    hint = f" The guides here are: {', '.join(known)}." if known else ""
    raise UnknownGuide(f"There is no guide called {slug!r}.{hint}")


def _is_guide(folder: Path) -> bool:
    """Whether ``folder`` has a ``guide.toml`` (of any kind: reading it says what is wrong)."""
    return os.path.lexists(folder / "guide.toml")
