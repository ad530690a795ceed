"""``guide build``: scripts in, chaptered MP3s, transcripts, playlist and manifest out.

The build is a plain list of stages (:data:`STAGES`), each a function of one
:class:`Build`. Everything is made in a staging folder beside
``audio_out/<slug>/`` and swapped in at the end, so an interrupted build
leaves the previous complete outputs. Chapters whose inputs did not change
are copied from the previous build once their SHA-256 matches its manifest;
sentences already synthesised come from the clip cache. A previous build that
is damaged (its manifest, or a file missing or cut short) counts as absent, and
a folder that no build made is never replaced.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from guide import approval as approvals, manifest as manifest_io
from guide.audio import ffmpeg as audio
from guide.build.cache import ClipCache, clip_key
from guide.engines.base import SAMPLE_RATE, Engine
from guide.errors import BuildStopped, DamagedOutput, FileError, GuideError, NotBuilt, SynthesisError
from guide.files import (atomic_write_text, check_replaceable, exclusive, file_error, make_dirs, publish,
                    recover, staging)
from guide.manifest import Manifest, ManifestChapter
from guide.model import Chapter, Guide, Sentence
from guide.speech.narration import DEFAULT_PAUSES, Pauses, chapter_sentences
from guide.editions import check_language, default_voice, voice_line
from guide.layout import (check_out_root, check_output_name, is_build_folder, lock_path,
                     output_folder)
from guide.audio.assembly import assemble, transcript_text
from guide.audio.tags import TagInfo, iso639_2, tag_chapter, tag_guide, write_playlist

Progress = Callable[[str], None]


@dataclass
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


@dataclass
class ChapterWork:
    """One chapter on its way through the build."""

    chapter: Chapter
    "The chapter from the scripts."
    sentences: list[Sentence]
    "Its clips, announcement first; timings filled in when assembled."
    key: str
    "Hash of everything its audio is made from."
    clip_keys: list[str] = field(default_factory=list)
    "Cache key of each sentence's clip."
    in_cache: list[bool] = field(default_factory=list)
    """Whether each clip was in the cache when the build began. Only those are read from it, so
    a chapter's audio never depends on which other chapter of the same build finished first."""
    cached: int = 0
    "Clips taken from the cache."
    made: int = 0
    "Clips the engine synthesised."
    reused: bool = False
    "Copied from the previous build."
    result: ManifestChapter | None = None
    "Its manifest entry once made."


@dataclass
class Build:
    """The state that the stages share."""

    guide: Guide
    "The guide being built."
    engine: Engine
    "The speech engine."
    options: BuildOptions
    "How to build."
    progress: Progress
    "Where progress lines go (stderr in the CLI)."
    out_dir: Path = Path()
    "The final output folder."
    stage_dir: Path = Path()
    "The staging folder the outputs are made in."
    voice: str = ""
    "Voice in use."
    rate: int = 150
    "Rate in use."
    engine_id: str = ""
    "Engine, version, voice and rate."
    voice_info: dict = field(default_factory=dict)
    "What the engine says of the voice: name, language, quality, licence, origin."
    previous: Manifest | None = None
    "The manifest of the last complete build, if any."
    work: list[ChapterWork] = field(default_factory=list)
    "One entry per chapter."
    key: str = ""
    "Hash of the whole build's inputs."
    manifest: Manifest | None = None
    "The new manifest."
    clips_total: int = 0
    "Clips in the guide."
    up_to_date: bool = False
    "Nothing had changed, so nothing was made."
    cache: ClipCache | None = None
    "The clip cache."
    stop: threading.Event = field(default_factory=threading.Event)
    "Set when the build fails or is interrupted, so that chapters under way stop early."
    approval: approvals.ApprovalStatus = field(default_factory=approvals.ApprovalStatus)
    "The guide's approval today; chapter 1 says so out loud when it is not approved."


@dataclass
class BuildReport:
    """What ``guide build`` says when it ends."""

    manifest: Manifest
    "The manifest of the built guide."
    out_dir: Path
    "Where the outputs are."
    up_to_date: bool
    "Nothing had to be made."
    seconds: float
    "Time taken."
    clips_total: int
    "Clips in the guide."
    clips_cached: int
    "Clips that came from the cache."
    clips_made: int
    "Clips synthesised by the engine."
    clips_retried: int = 0
    "Clips the engine had to make again after a failed try."


def _hash(*parts: object) -> str:
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


def output_dir(guide: Guide, options: BuildOptions) -> Path:
    """The output folder of ``guide`` built with ``options`` (see :mod:`guide.layout`)."""
    return output_folder(options.out_root, guide.slug, options.edition)


# ------------------------------------------------------------------ stages


def plan(b: Build) -> None:
    """Work out every chapter's sentences and the keys that say what changed."""
    from guide.speech.lexicon import Lexicon

    lexicon = Lexicon.load(b.guide.folder)
    total = len(b.guide.chapters)
    tag_key = (b.guide.title, b.guide.publisher, b.guide.language, b.guide.source_title,
               b.voice_info.get("name"), b.voice_info.get("licence"))
    b.approval = approvals.status(b.guide, approvals.today())
    for chapter in b.guide.chapters:
        chapter = approvals.with_notice(chapter, b.approval)  # chapter 1 only, and only if not approved
        sentences = chapter_sentences(chapter, total, lexicon, b.options.pauses)
        key = _hash(b.engine_id, b.options.bitrate, b.options.loudness, b.options.pauses,
                    chapter.number, total, chapter.title, chapter.stem, chapter.text,
                    [(s.spoken, s.kind, s.pause_after_s) for s in sentences], tag_key,
                    b.approval.to_dict() if chapter.number == 1 else None)
        keys = [clip_key(s.spoken, b.engine_id) for s in sentences]
        in_cache = [not b.options.force and b.cache.has(k) for k in keys]  # type: ignore[union-attr]
        b.work.append(ChapterWork(chapter, sentences, key, keys, in_cache))
        b.clips_total += len(sentences)
    b.key = _hash([w.key for w in b.work], b.guide.slug)


def check_up_to_date(b: Build) -> None:
    """Stop early when the last build was made from exactly these inputs and its files are whole.

    Whole means every file is there and every MP3 has the size the manifest
    gives; nothing is hashed, so this stays fast.
    """
    if (b.options.force or b.previous is None or b.previous.key != b.key
            or not manifest_io.has_checksums(b.previous)):
        return
    try:
        manifest_io.check_files(b.previous, b.out_dir)
    except DamagedOutput:
        return
    b.up_to_date = True
    b.manifest = b.previous


def make_audio(b: Build) -> None:
    """Make every chapter, ``jobs`` at a time, then join them into the whole guide.

    A chapter is reused from the previous build, or synthesised, assembled,
    normalised and encoded. The whole-guide MP3 is the chapter MP3s joined
    frame by frame, so no audio is encoded twice.
    """
    make_dirs(b.stage_dir / "chapters")
    pool = ThreadPoolExecutor(max_workers=max(1, b.options.jobs))
    try:
        futures = [pool.submit(_make_chapter, b, w) for w in b.work]
        for done, future in enumerate(futures, start=1):
            future.result()
            b.progress(f"Chapter {done} of {len(b.work)} done.")
    except BaseException:
        b.stop.set()  # chapters under way stop at their next sentence
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    if b.cache.unwritable:  # type: ignore[union-attr]
        b.progress(f"The clip cache in {b.cache.root} cannot be written "  # type: ignore[union-attr]
                   f"({b.cache.unwritable}), so this build's clips are not kept for next time. "  # type: ignore[union-attr]
                   "Set GUIDE_CACHE_DIR to a folder you can write.")
    listing = b.stage_dir / ".concat.txt"
    audio.concat_mp3([b.stage_dir / w.result.file for w in b.work],  # type: ignore[union-attr]
                     b.stage_dir / f"{b.out_dir.name}.mp3", listing)
    listing.unlink()


def link_or_copy(src: Path, dest: Path) -> None:
    """A hard link where the file system allows (outputs are never changed in place), else a copy."""
    try:
        os.link(src, dest)
    except OSError:
        shutil.copy2(src, dest)


def _previous_chapter(b: Build, work: ChapterWork) -> ManifestChapter | None:
    if b.options.force or b.previous is None:
        return None
    for ch in b.previous.chapters:
        if ch.key == work.key and ch.number == work.chapter.number:
            return ch
    return None


def _reuse(b: Build, work: ChapterWork, rel_mp3: str, rel_txt: str) -> bool:
    """Take the chapter's MP3 from the previous build if its SHA-256 is still the manifest's.

    The transcript is written again (it costs nothing), so no damaged one is carried over.
    """
    old = _previous_chapter(b, work)
    if (old is None or not old.mp3_frames or not old.sha256
            or (old.file, old.transcript) != (rel_mp3, rel_txt)):
        return False
    staged = b.stage_dir / rel_mp3
    try:
        link_or_copy(b.out_dir / rel_mp3, staged)
    except OSError:
        return False
    if manifest_io.file_sha256_or_none(staged) != old.sha256:  # what is published is what was checked
        staged.unlink(missing_ok=True)
        return False
    atomic_write_text(b.stage_dir / rel_txt, transcript_text(work.chapter, len(b.work)))
    work.reused, work.result, work.cached = True, old, len(work.sentences)
    return True


def _make_chapter(b: Build, work: ChapterWork) -> None:
    rel_mp3 = f"chapters/{work.chapter.stem}.mp3"
    rel_txt = f"chapters/{work.chapter.stem}.txt"
    if _reuse(b, work, rel_mp3, rel_txt):
        return
    clips = _clips_for(b, work)
    pcm = assemble(clips, work.sentences, b.options.pauses.lead_in)
    measured = audio.measure_pcm(pcm, SAMPLE_RATE)
    gain = audio.settle_gain(pcm, SAMPLE_RATE, audio.gain_for(measured, b.options.loudness),
                             b.options.loudness)
    loud = audio.encode_chapter(pcm, SAMPLE_RATE, gain, b.options.loudness,
                                b.stage_dir / rel_mp3, b.options.bitrate)
    total = len(b.work)
    tag_chapter(b.stage_dir / rel_mp3, _tag_info(b, work.chapter.number == 1), work.chapter.title, work.chapter.number, total)
    atomic_write_text(b.stage_dir / rel_txt, transcript_text(work.chapter, total))
    work.result = ManifestChapter(
        number=work.chapter.number, title=work.chapter.title, file=rel_mp3, transcript=rel_txt,
        start_s=0.0, duration_s=round(len(pcm) / 2 / SAMPLE_RATE, 4),
        mp3_frames=audio.mp3_frames(b.stage_dir / rel_mp3),
        bytes=(b.stage_dir / rel_mp3).stat().st_size, sha256=manifest_io.file_sha256(b.stage_dir / rel_mp3),
        sentences=[manifest_io.ManifestSentence(s.text, s.spoken, s.start_s, s.end_s, s.kind.value)
                   for s in work.sentences],
        sources=list(work.chapter.sources), loudness=loud.to_dict(), key=work.key)


def _clips_for(b: Build, work: ChapterWork) -> list:
    """Every clip of a chapter: from the cache, or from one run of the engine.

    A sentence said twice in a chapter is synthesised once.
    """
    clips = [b.cache.get(k) if present else None  # type: ignore[union-attr]
             for k, present in zip(work.clip_keys, work.in_cache)]
    work.cached = sum(c is not None for c in clips)
    first: dict[str, int] = {}
    missing = [i for i, c in enumerate(clips)
               if c is None and first.setdefault(work.clip_keys[i], i) == i]
    made = b.engine.synthesize((work.sentences[i].spoken for i in missing), b.voice, b.rate)
    for i in missing:
        if b.stop.is_set():
            made.close()
            raise BuildStopped("Stopped because another chapter failed.")
        try:
            clip = next(made)
        except SynthesisError as exc:
            which = "the announcement" if i == 0 else f"sentence {i}"
            raise SynthesisError(
                f"Chapter {work.chapter.number}, {which}: the speech engine failed "
                f"({exc}) for: {work.sentences[i].text}") from None
        b.cache.put(work.clip_keys[i], clip)  # type: ignore[union-attr]
        clips[i] = clip
        work.made += 1
    made.close()
    return [c if c is not None else clips[first[k]] for c, k in zip(clips, work.clip_keys)]


def _tag_info(b: Build, approval: bool = False) -> TagInfo:
    """The tags; with ``approval`` (chapter 1 and the whole guide, which are made again whenever
    it changes), the comment also gives the approval line."""
    now = datetime.now(timezone.utc)
    source = b.guide.source_title or b.guide.source or "an article"
    state = f" {approvals.line(b.approval)}" if approval else ""
    return TagInfo(album=b.guide.title, artist=b.guide.publisher or "guide",
                   language=iso639_2(b.guide.language),
                   comment=f"Spoken guide based on: {source}. {voice_line(b.voice_info)} "
                           f"Built {now:%Y-%m-%d}.{state}",
                   year=f"{now:%Y}")


def finish_whole_guide(b: Build) -> None:
    """Place the chapters in the whole guide, tag its ID3 chapters, and make the manifest.

    Chapter k starts, in the joined file, after the frames of the chapters
    before it and one encoder delay; its ID3 chapter runs to the next one.
    """
    per_frame = audio.samples_per_frame(SAMPLE_RATE)
    frames = 0
    for w in b.work:
        w.result.start_s = round((frames * per_frame + audio.LAME_DELAY_SAMPLES) / SAMPLE_RATE, 4)  # type: ignore[union-attr]
        frames += w.result.mp3_frames  # type: ignore[union-attr]
    start = frames * per_frame / SAMPLE_RATE
    whole = b.stage_dir / f"{b.out_dir.name}.mp3"
    bounds = [w.result.start_s for w in b.work] + [start]  # type: ignore[union-attr]
    marks = [(w.result.title, bounds[i], bounds[i + 1]) for i, w in enumerate(b.work)]  # type: ignore[union-attr]
    tag_guide(whole, _tag_info(b, True), marks)
    levels = [w.result.loudness for w in b.work]  # type: ignore[union-attr]
    b.manifest = Manifest(
        title=b.guide.title, slug=b.out_dir.name, language=b.guide.language,
        engine=b.engine_id, voice=b.voice, rate_wpm=b.rate, duration_s=round(start, 4),
        chapters=[w.result for w in b.work], file=whole.name, playlist=f"{b.out_dir.name}.m3u",
        bitrate_kbps=b.options.bitrate, sample_rate=SAMPLE_RATE,
        loudness={"target_lufs": b.options.loudness.integrated_lufs,
                  "max_true_peak_dbtp": b.options.loudness.true_peak_dbtp,
                  "chapters_lufs_min": min(lv["integrated_lufs"] for lv in levels),
                  "chapters_lufs_max": max(lv["integrated_lufs"] for lv in levels),
                  "sample_peak_dbfs": max(lv.get("sample_peak_dbfs", -99.0) for lv in levels)},
        built_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
        engine_name=getattr(b.engine, "name", ""), voice_info=dict(b.voice_info),
        source=b.guide.source_title or b.guide.source, key=b.key, approval=b.approval.to_dict(),
        clinic=dict(b.guide.clinic or {}),
        bytes=whole.stat().st_size, sha256=manifest_io.file_sha256(whole))


def write_index(b: Build) -> None:
    """The playlist and, last, the manifest."""
    m = b.manifest
    entries = [(ch.file, ch.duration_s, ch.title) for ch in m.chapters]  # type: ignore[union-attr]
    write_playlist(b.stage_dir / m.playlist, m.title, entries)  # type: ignore[union-attr]
    manifest_io.save(m, b.stage_dir)  # type: ignore[arg-type]


def publish_outputs(b: Build) -> None:
    """Swap the staging folder in for the old outputs, if a build made them."""
    publish(b.stage_dir, b.out_dir, may_replace=is_build_folder)


STAGES = [plan, check_up_to_date, make_audio, finish_whole_guide, write_index, publish_outputs]
"The build, in order. A stage may set ``up_to_date`` to end it early."


def _previous_build(out_dir: Path, progress: Progress) -> Manifest | None:
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


def build(guide: Guide, engine: Engine, options: BuildOptions | None = None,
          progress: Progress = lambda line: None, stages=None,
          on_wait: Progress | None = None) -> BuildReport:
    """Build ``guide`` into ``options.out_root``; see :data:`STAGES`.

    ``progress`` gets a line per finished chapter; ``on_wait`` (default
    ``progress``) gets the line that says the build waits for another one.
    """
    options = options or BuildOptions()
    started = time.monotonic()
    retried_before = engine.clips_retried
    b = Build(guide, engine, options, progress)
    b.out_dir = output_dir(guide, options)
    check_output_name(b.out_dir, Path(options.out_root), guide)
    check_out_root(Path(options.out_root), guide)
    check_replaceable(b.out_dir, is_build_folder)
    b.voice = options.voice or guide.voice or default_voice(
        "piper" if getattr(engine, "name", "") == "piper" else "pyttsx3", guide.language)
    b.rate = int(options.rate or guide.rate)
    audio.require_ffmpeg()
    b.voice_info = engine.describe_voice(b.voice)
    check_language(b.voice_info, guide.language)
    b.engine_id = engine.id(b.voice, b.rate)
    if not b.voice_info.get("licence"):
        progress(f"The voice {b.voice_info.get('name', b.voice)} has no licence on record, so "
                 "check that you may hand out its audio before you share it.")
    b.cache = ClipCache(options.cache_dir)
    lock = lock_path(b.out_dir)
    waiting = lambda: (on_wait or progress)(
        "Another build of this guide is running. Waiting for it to finish.")
    with exclusive(lock, on_wait=waiting):
        recover(b.out_dir)
        check_replaceable(b.out_dir, is_build_folder)
        b.previous = _previous_build(b.out_dir, progress)
        with staging(b.out_dir) as folder:
            b.stage_dir = folder
            try:
                for stage in stages or STAGES:
                    stage(b)
                    if b.up_to_date:
                        break
            except FileError as exc:  # name the output, not the staging folder
                if not exc.path.is_relative_to(folder):
                    raise
                raise FileError(b.out_dir / exc.path.relative_to(folder), exc.reason) from None
            except GuideError:
                raise
            except Exception as exc:  # a full disk, say: one sentence, never a traceback
                error = file_error(b.out_dir, exc, within=folder)
                if error is None:
                    raise
                raise error from None
    if b.manifest is None:
        raise GuideError("The build ended without a manifest.")
    cached = b.clips_total if b.up_to_date else sum(w.cached for w in b.work)
    made = sum(w.made for w in b.work)
    retried = engine.clips_retried - retried_before
    return BuildReport(b.manifest, b.out_dir, b.up_to_date, time.monotonic() - started,
                       b.clips_total, cached, made, retried)
