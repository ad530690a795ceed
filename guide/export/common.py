"""What every export shares: the chosen chapters, paragraphs, names and dates.

Exports read only the manifest and the audio files they copy. The manifest
gives every sentence, its timing and the paragraph or list item it belongs
to, and who publishes the guide. Every MP3 an export reads
is checked against the manifest's size and SHA-256 first (:func:`check_built`),
and every path an export writes must stay inside its ``--out`` folder
(:func:`target`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from importlib import resources
from pathlib import Path, PurePath

from guide.durations import spoken_day
from guide.errors import UnsafeOutput
from guide.i18n import DEFAULT, MissingMessage, catalogue, message, primary
from guide.manifest import Manifest, ManifestChapter, verify_files
from guide.model import SentenceKind


@dataclass
class Paragraph:
    """Sentences of a chapter that are shown together."""

    kind: str
    "``heading`` (the chapter announcement), ``paragraph`` or ``item`` (one list item)."
    sentences: list[int] = field(default_factory=list)
    "Indexes into the chapter's ``sentences``."


def chosen(manifest: Manifest, chapters: list[int]) -> list[ManifestChapter]:
    """The manifest's chapters whose numbers are in ``chapters``, in guide order."""
    return [ch for ch in manifest.chapters if ch.number in chapters]


def is_whole(manifest: Manifest, chapters: list[int]) -> bool:
    """Whether every chapter is chosen, so whole-guide files make sense."""
    return len(chosen(manifest, chapters)) == len(manifest.chapters)


def template(name: str) -> str:
    """The text of a file in ``guide/export/templates``."""
    return resources.files(__package__).joinpath("templates", name).read_text(encoding="utf-8")


def paragraphs(chapter: ManifestChapter) -> list[Paragraph]:
    """The chapter's sentences grouped as the script groups them, from the manifest alone.

    The announcement is the heading; sentences that share a ``paragraph`` index make one
    paragraph or list item. A manifest from before the index was recorded (every sentence -1)
    is grouped by kind: running sentences make one paragraph, each item its own.
    """
    out: list[Paragraph] = []
    last = None
    for i, s in enumerate(chapter.sentences):
        if s.kind == SentenceKind.ANNOUNCEMENT:
            out.append(Paragraph("heading", [i]))
            last = None
            continue
        kind = "item" if s.kind == SentenceKind.ITEM else "paragraph"
        same = last is not None and last.kind == s.kind and (
            last.paragraph == s.paragraph >= 0 or s.paragraph == last.paragraph == -1 and kind == "paragraph")
        if same:
            out[-1].sentences.append(i)
        else:
            out.append(Paragraph(kind, [i]))
        last = s
    return out


def check_built(manifest: Manifest, built_dir: Path, chapters: list[int], whole: bool = False) -> None:
    """:class:`~guide.errors.DamagedOutput` if a chosen chapter's MP3 (and the whole guide's, with
    ``whole``) is missing, cut short or not what the manifest's SHA-256 says."""
    verify_files(manifest, Path(built_dir), chosen(manifest, chapters), whole)


def target(out_dir: Path, rel: str | PurePath) -> Path:
    """``out_dir / rel``, or :class:`UnsafeOutput` if that leads outside ``out_dir``
    (through ``..``, an absolute path, or a link)."""
    path = Path(out_dir) / rel
    try:
        within = path.resolve().is_relative_to(Path(out_dir).resolve())
    except (OSError, RuntimeError):  # a loop of links
        within = False
    if PurePath(rel).is_absolute() or ".." in PurePath(rel).parts or not within:
        raise UnsafeOutput(path, f"would be written outside {out_dir}, so nothing was written there.",
                           hint="out")
    return path


def creator(manifest: Manifest) -> str:
    """Whom a book's or an audiobook's tags name as its maker: the publisher, or ``guide``, the
    program, when the guide names none (as the MP3s' own tags do)."""
    return manifest.publisher or "guide"


def built_date(manifest: Manifest) -> datetime | None:
    """When the guide was built, or ``None`` if the manifest does not say."""
    try:
        return datetime.fromisoformat(manifest.built_at.replace("Z", "+00:00"))
    except ValueError:
        return None


def spoken_date(manifest: Manifest) -> str:
    """The build date as it is said in the guide's language: ``"5 June 2025"``."""
    when = built_date(manifest)
    return spoken_day(when.date() if when else None, language(manifest))


def language(manifest: Manifest) -> str:
    """The guide's language (BCP 47): every word an export adds is in it."""
    return manifest.language or DEFAULT


def say(manifest: Manifest, key: str, /, **values: object) -> str:
    """The message ``export.<key>`` in the guide's language, its fields filled from ``values``."""
    return message(language(manifest), f"export.{key}", **values)


def unfilled(manifest: Manifest, key: str) -> str:
    """The message ``export.<key>`` in the guide's language with its ``{fields}`` left for the web
    player's script to fill; :class:`~guide.i18n.MissingMessage` if there is none."""
    lang = primary(language(manifest))
    text = catalogue("export", lang).get(key)
    if text is None:
        raise MissingMessage(f"There is no {lang} text for the message export.{key}.")
    return text


def chapter_count(manifest: Manifest, count: int) -> str:
    """``1 chapter``, ``4 chapters``, in the guide's language."""
    return say(manifest, "chapters_one") if count == 1 else say(manifest, "chapters", count=count)

