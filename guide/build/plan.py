"""The build's plan: everything decided before any audio is made, as one value that never changes.

:func:`make_plan` reads the guide, the engine and the options once: the
output folder (refused if it is not ours to replace), the voice and rate, the
guide's approval (chapter 1 says it aloud when the guide is not approved) and
:attr:`BuildPlan.key`, a hash of the raw inputs. The key hashes the scripts'
text as written, ``guide.toml``'s settings (its ``language`` among them), the
guide's lexicon file, the engine and the options, what chapter 1 says of the
approval, and the source of the speech rules of every language with every
built-in lexicon (:func:`speech_version`); it never normalises a word, so a
build that has nothing to do stays cheap, and a change to the normaliser's
rules or to a built-in lexicon (``guide/data/lexicon*.toml``) still builds again.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from guide import approval as approvals
from guide import manifest as manifest_io
from guide.audio import ffmpeg as audio
from guide.editions import check_language, default_voice
from guide.engines.base import Engine
from guide.errors import DamagedOutput, NotBuilt
from guide.files import check_replaceable
from guide.layout import check_out_root, check_output_name, is_build_folder, output_dir
from guide.manifest import FORMAT, Manifest
from guide.model import Chapter, Guide, Sentence
from guide.speech.narration import DEFAULT_PAUSES, Pauses

if TYPE_CHECKING:
    from guide.audio.tags import TagInfo

Progress = Callable[[str], None]
"Where progress lines go (stderr in the command line)."

KEY_VERSION = 2
"Raised when what a build writes changes, so that every guide is built again once."


@dataclass(frozen=True)
class BuildOptions:
    """How to build; every field has the default a clinic wants."""

    out_root: Path = Path("audio_out")
    "Folder that holds one output folder per guide."
    voice: str | None = None
    "Engine voice; ``None`` takes the guide's."
    rate: int | None = None
    "Words per minute; ``None`` takes the guide's."
    edition: str = ""
    "Edition label, e.g. ``slow`` gives ``audio_out/<slug>--slow`` (see :func:`guide.slug.edition_name`)."
    bitrate: int = 64
    "MP3 bitrate in kbps."
    jobs: int = field(default_factory=lambda: os.cpu_count() or 1)
    "Chapters made at once."
    force: bool = False
    "Make everything again, ignoring the previous build and the clip cache."
    loudness: audio.LoudnessTarget = field(default_factory=audio.LoudnessTarget)
    "Loudness every chapter is normalised to."
    pauses: Pauses = DEFAULT_PAUSES
    "Silences between sentences, paragraphs and chapters."
    cache_dir: Path | None = None
    "Clip cache folder; ``None`` takes the user cache folder."


@dataclass(frozen=True)
class BuildPlan:
    """What one build makes, decided once: the stages only read it."""

    guide: Guide
    "The guide being built."
    engine: Engine
    "The speech engine."
    options: BuildOptions
    "How to build."
    out_dir: Path
    "The final output folder."
    voice: str
    "Voice in use."
    rate: int
    "Words a minute in use."
    engine_id: str
    "Engine, version, voice and rate."
    voice_info: dict
    "What the engine says of the voice: name, language, quality, licence, origin."
    approval: approvals.ApprovalStatus
    "The guide's approval today; chapter 1 says so out loud when it is not approved."
    chapters: tuple[Chapter, ...]
    "The chapters as they are spoken: chapter 1 with the approval notice when there is one."
    key: str
    "Hash of the raw inputs (:func:`inputs_key`); the last build's is the same when nothing changed."
    started: datetime
    "When the build began, in UTC; the date in the tags."

    @property
    def total(self) -> int:
        """Chapters in the guide."""
        return len(self.chapters)

    def tag_info(self, approval: bool = False) -> TagInfo:
        """The tags; with ``approval`` (chapter 1 and the whole guide, which are made again whenever
        it changes), the comment also gives the approval line."""
        from guide.audio.tags import TagInfo, iso639_2  # mutagen: only when a file is tagged
        from guide.durations import spoken_day
        from guide.i18n import message, primary

        language = self.guide.language
        source = self.guide.source_title or self.guide.source or message(language, "export.an_article")
        # English keeps the ISO date it always had; other languages say the day in words.
        day = (f"{self.started:%Y-%m-%d}" if primary(language) == "en"
               else spoken_day(self.started.date(), language))
        comment = message(language, "export.mp3_comment", source=source,
                          voice=self.voice_info.get("name", "unknown"),
                          licence=self.voice_info.get("licence")
                          or message(language, "export.tag_no_licence"),
                          date=day)
        state = f" {approvals.line(self.approval, language)}" if approval else ""
        return TagInfo(album=self.guide.title, artist=self.guide.publisher or "guide",
                       language=iso639_2(language), comment=comment + state, year=f"{self.started:%Y}")

    def chapter_key(self, chapter: Chapter, sentences: list[Sentence]) -> str:
        """Hash of everything a chapter's MP3 and manifest entry are made from: its spoken
        sentences and their pauses, the engine, the tags. Unchanged means the last build's is reused."""
        g = self.guide
        tags = (g.title, g.publisher, g.language, g.source_title,
                self.voice_info.get("name"), self.voice_info.get("licence"))
        return digest(KEY_VERSION, FORMAT, self.engine_id, self.options.bitrate, self.options.loudness,
                      self.options.pauses, chapter.number, self.total, chapter.title, chapter.stem,
                      chapter.text, [(s.spoken, s.kind, s.pause_after_s, s.paragraph) for s in sentences],
                      tags, self.approval.to_dict() if chapter.number == 1 else None)


def digest(*parts: object) -> str:
    """SHA-256 of ``parts`` as JSON, hex."""
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


LEXICON_GLOB = "lexicon*.toml"
"The built-in lexicons in ``guide/data``: ``lexicon.toml`` (English), ``lexicon.es.toml`` ..."


@functools.cache
def speech_version() -> str:
    """Hash of the source of :mod:`guide.speech` (every language module, its rules tables
    included) and every built-in lexicon (:data:`LEXICON_GLOB`): what turns written text into
    spoken text, in any language. Read once a process."""
    import guide.speech
    from guide.speech.lexicon import BUILTIN_PATH

    root = Path(guide.speech.__file__).parent
    sha = hashlib.sha256()
    named = [(path.relative_to(root.parent).as_posix(), path) for path in sorted(root.rglob("*.py"))]
    named += [(f"data/{path.name}", path) for path in sorted(BUILTIN_PATH.parent.glob(LEXICON_GLOB))]
    for name, path in named:
        sha.update(name.encode() + b"\0")
        sha.update(path.read_bytes())
    return sha.hexdigest()


def _lexicon_bytes(guide: Guide) -> bytes:
    """The guide's own lexicon file as it is on disk; nothing when it has none."""
    from guide.speech.lexicon import FILE_NAME

    if guide.folder is None:
        return b""
    try:
        return (Path(guide.folder) / FILE_NAME).read_bytes()
    except FileNotFoundError:
        return b""
    except OSError as exc:  # read again, with its sentence, when the chapters are spoken
        return f"unreadable: {exc.errno}".encode()


def inputs_key(guide: Guide, options: BuildOptions, out_dir: Path, engine_id: str,
               voice_info: dict, approval: approvals.ApprovalStatus, engine_name: str,
               first: Chapter | None = None) -> str:
    """Hash of everything a build is made from, as given: nothing is normalised or synthesised.

    ``first`` is chapter 1 as it is spoken, with the approval notice the build adds (whose
    words are the guide language's), so that new words for the notice build again.
    """
    from guide import __version__

    settings = {k: v for k, v in asdict(guide).items() if k not in ("folder", "notes")}
    lexicon = hashlib.sha256(_lexicon_bytes(guide)).hexdigest()
    return digest(KEY_VERSION, FORMAT, __version__, speech_version(), lexicon, settings,
                  out_dir.name, options.edition, options.bitrate, options.loudness, options.pauses,
                  engine_name, engine_id, voice_info, approval.to_dict(),
                  first.text if first is not None else None)


def make_plan(guide: Guide, engine: Engine, options: BuildOptions,
              progress: Progress = lambda line: None) -> BuildPlan:
    """The plan for building ``guide``; refuses an output folder that is not ours, a voice of
    another language, or a missing ffmpeg, before anything is made."""
    out_dir = output_dir(guide, options)
    check_output_name(out_dir, Path(options.out_root), guide)
    check_out_root(Path(options.out_root), guide)
    check_replaceable(out_dir, is_build_folder)
    engine_name = getattr(engine, "name", "")
    voice = options.voice or guide.voice or default_voice(
        "piper" if engine_name == "piper" else "pyttsx3", guide.language)
    rate = int(options.rate or guide.rate)
    audio.require_ffmpeg()
    voice_info = dict(engine.describe_voice(voice))
    check_language(voice_info, guide.language)
    engine_id = engine.id(voice, rate)
    if not voice_info.get("licence"):
        progress(f"The voice {voice_info.get('name', voice)} has no licence on record, so "
                 "check that you may hand out its audio before you share it.")
    approval = approvals.status(guide, approvals.today())
    chapters = tuple(approvals.with_notice(ch, approval, guide.language) for ch in guide.chapters)
    key = inputs_key(guide, options, out_dir, engine_id, voice_info, approval, engine_name,
                     chapters[0] if chapters else None)
    return BuildPlan(guide, engine, options, out_dir, voice, rate, engine_id, voice_info, approval,
                     chapters, key, datetime.now(UTC))


def previous_build(out_dir: Path, progress: Progress) -> Manifest | None:
    """The last build, or ``None`` if there is none or it is damaged: then everything is made again."""
    try:
        previous = manifest_io.load(out_dir)
        manifest_io.check_files(previous, out_dir)
    except NotBuilt:
        return None
    except DamagedOutput as exc:
        progress(f"{exc.path} {exc.reason}, so the guide is built again from the start.")
        return None
    return previous


def is_up_to_date(key: str, previous: Manifest | None) -> bool:
    """Whether the last build was made from exactly these inputs (``key``) and its files are whole.

    Whole means every file is there at the size the manifest gives (:func:`previous_build`
    checked that); nothing is hashed and nothing normalised, so this stays fast.
    """
    return previous is not None and previous.key == key and manifest_io.has_checksums(previous)
