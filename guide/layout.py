"""Where built guides go, and which folders a build may replace.

The one place that names an output folder (``audio_out/<slug>`` and the
``<slug>--<label>`` editions), its lock, the names a build writes inside it,
and the rules that keep a build from replacing anything it did not make.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Protocol

from guide import manifest as manifest_io
from guide.errors import DamagedOutput, NotBuilt, ScriptError, UnsafeOutput
from guide.files import write_error
from guide.model import Guide
from guide.slug import EDITION_SEPARATOR, edition_name


class Where(Protocol):
    """Where a build goes: :class:`guide.build.plan.BuildOptions` is one."""

    @property
    def out_root(self) -> Path:
        """Folder that holds one output folder per guide."""

    @property
    def edition(self) -> str:
        """Edition label, or empty for the guide's own edition."""


def lock_path(out_dir: Path) -> Path:
    """The lock that one build of a guide, or one export from it, holds at a time."""
    return out_dir.with_name(f".{out_dir.name}.lock")


def output_folder(out_root: Path, slug: str, edition: str = "") -> Path:
    """``audio_out/<slug>``, or ``audio_out/<slug>--<edition>``: the one rule, :func:`edition_name`."""
    return Path(out_root) / edition_name(slug, edition)


def output_dir(guide: Guide, options: Where) -> Path:
    """The output folder of ``guide`` built with ``options`` (its ``out_root`` and ``edition``)."""
    return output_folder(options.out_root, guide.slug, options.edition)


BUILD_NAMES = re.compile(r"manifest\.json|[^/]+\.(?:mp3|m3u)|chapters|chapters/[^/]+\.(?:mp3|txt)")
"Every name a build gives a file or folder in its output folder."


def is_build_folder(folder: Path) -> bool:
    """Whether a build may replace ``folder``: it is missing, empty, or a build made it.

    A build's folder has no ``guide.toml`` and has a ``manifest.json`` that reads,
    or, when the manifest is damaged, holds only names a build gives (so a damaged
    build is still one of ours). A link or a file is never one of ours.
    """
    if not os.path.lexists(folder):
        return True
    if folder.is_symlink() or not folder.is_dir():
        return False
    try:
        if not any(folder.iterdir()):
            return True
    except OSError as exc:
        raise write_error(folder, exc) from exc
    if os.path.lexists(folder / "guide.toml") or not (folder / "manifest.json").is_file():
        return False
    try:
        manifest_io.read(folder)
        return True
    except (NotBuilt, DamagedOutput):
        pass
    try:
        names = [os.path.relpath(os.path.join(root, name), folder).replace(os.sep, "/")
                 for root, dirs, files in os.walk(folder, onerror=_raise) for name in [*dirs, *files]]
    except OSError as exc:
        raise write_error(folder, exc) from exc
    return all(BUILD_NAMES.fullmatch(name) for name in names)


def _raise(exc: OSError) -> None:
    raise exc


def check_output_name(out_dir: Path, out_root: Path, guide: Guide) -> None:
    """Refuse an output folder that is not a plain name inside ``out_root``: it would be replaced.

    A slug with ``--`` is refused too: that is how an edition's folder is named.
    """
    name = out_dir.name
    where = Path(guide.folder or ".") / "guide.toml"
    if out_dir.parent != out_root or name.startswith(".") or "\\" in name or "\0" in name:
        raise ScriptError(where, f"has a slug that is not a plain name ({guide.slug!r}). "
                                 "Use only lower-case letters, digits and hyphens.")
    if EDITION_SEPARATOR in guide.slug:
        raise ScriptError(where, f"has a slug with two hyphens together ({guide.slug!r}), which "
                                 "marks an edition's folder. Use single hyphens.")


def check_out_root(out_root: Path, guide: Guide) -> None:
    """Refuse an ``--out`` in the folder of guide scripts or in a guide folder."""
    try:
        root = Path(out_root).resolve()
    except (OSError, RuntimeError) as exc:  # a loop of links
        raise UnsafeOutput(out_root, "leads round a loop of links.", hint="out") from exc
    scripts = {Path("scripts").resolve()}
    if guide.folder is not None and Path(guide.folder).resolve().parent.name == "scripts":
        scripts.add(Path(guide.folder).resolve().parent)
    for folder in sorted(scripts):
        if root.is_relative_to(folder):
            what = "the folder" if root == folder else "inside the folder"
            raise UnsafeOutput(out_root, f"is {what} of guide scripts, so built guides cannot go "
                                         "there.", hint="out")
    if any((folder / "guide.toml").exists() for folder in [root, *root.parents]):
        raise UnsafeOutput(out_root, "is inside a guide folder, so built guides cannot go there.",
                           hint="out")


def default_cache_dir() -> Path:
    """The clip cache folder: ``$GUIDE_CACHE_DIR``, or the user cache folder of this platform."""
    if os.environ.get("GUIDE_CACHE_DIR"):
        return Path(os.environ["GUIDE_CACHE_DIR"])
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("guide", appauthor=False))
