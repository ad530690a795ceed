"""The whole guide: every chapter made, joined, indexed and swapped in.

:data:`STAGES` run in order over one :class:`BuildRun`, inside a staging
folder beside ``audio_out/<slug>/``: make every chapter (``jobs`` at a time,
each through :data:`guide.build.stages.CHAPTER_STAGES`), join them into the
whole-guide MP3 with its ID3 chapters, write the playlist and the manifest,
and, last, swap the staging folder in for the old outputs.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from guide import manifest as manifest_io
from guide.audio import ffmpeg as audio
from guide.audio.tags import tag_guide, write_playlist
from guide.build.plan import Progress, is_up_to_date, previous_build  # noqa: F401 (re-exported)
from guide.build.stages import ChapterJob, Workshop, make_chapter
from guide.engines.base import SAMPLE_RATE
from guide.files import make_dirs, publish
from guide.layout import is_build_folder
from guide.manifest import GuideLoudness, Manifest, ManifestChapter


@dataclass
class BuildRun:
    """One build on its way through :data:`STAGES`."""

    shop: Workshop
    "The plan, the staging folder, the last build and the clip cache."
    progress: Progress
    "Where progress lines go."
    jobs: list[ChapterJob] = field(default_factory=list)
    "One per chapter, once the chapters are spoken."
    chapters: list[ManifestChapter] = field(default_factory=list)
    "Every chapter's manifest entry, once made; placed in the whole guide once joined."
    manifest: Manifest | None = None
    "The new manifest, once written."


def make_chapters(run: BuildRun) -> None:
    """Speak every chapter (sentences and keys, with the lexicon of the guide's language),
    then make them ``jobs`` at a time."""
    from guide.speech.lexicon import Lexicon

    shop, plan = run.shop, run.shop.plan
    lexicon = Lexicon.load(plan.guide.folder, plan.guide.language)
    run.jobs = [ChapterJob.narrate(plan, chapter, lexicon, shop.cache) for chapter in plan.chapters]
    make_dirs(shop.stage_dir / "chapters")
    pool = ThreadPoolExecutor(max_workers=max(1, plan.options.jobs))
    try:
        futures = [pool.submit(make_chapter, shop, job) for job in run.jobs]
        for done, future in enumerate(futures, start=1):
            run.chapters.append(future.result())
            run.progress(f"Chapter {done} of {len(run.jobs)} done.")
    except BaseException:
        shop.stop.set()  # chapters under way stop at their next sentence
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    if shop.cache.unwritable:
        run.progress(f"The clip cache in {shop.cache.root} cannot be written ({shop.cache.unwritable}), "
                     "so this build's clips are not kept for next time. "
                     "Set GUIDE_CACHE_DIR to a folder you can write.")


def placed(chapters: list[ManifestChapter]) -> tuple[list[ManifestChapter], float]:
    """The chapters with their start in the joined whole-guide MP3, and its length.

    Chapter k starts after the frames of the chapters before it and one encoder delay.
    """
    per_frame = audio.samples_per_frame(SAMPLE_RATE)
    frames = 0
    out = []
    for ch in chapters:
        start = (frames * per_frame + audio.LAME_DELAY_SAMPLES) / SAMPLE_RATE
        out.append(replace(ch, start_s=round(start, 4)))
        frames += ch.mp3_frames
    return out, frames * per_frame / SAMPLE_RATE


def join_chapters(run: BuildRun) -> None:
    """The whole-guide MP3: the chapter MP3s joined frame by frame (nothing is encoded twice),
    with one ID3 chapter per chapter that runs to the next one's start."""
    shop = run.shop
    whole = shop.stage_dir / f"{shop.plan.out_dir.name}.mp3"
    listing = shop.stage_dir / ".concat.txt"
    audio.concat_mp3([shop.stage_dir / ch.file for ch in run.chapters], whole, listing)
    listing.unlink()
    run.chapters, end = placed(run.chapters)
    bounds = [ch.start_s for ch in run.chapters] + [end]
    marks = [(ch.title, bounds[i], bounds[i + 1]) for i, ch in enumerate(run.chapters)]
    tag_guide(whole, shop.plan.tag_info(True), marks)


def guide_loudness(run: BuildRun) -> GuideLoudness | None:
    """The target and what the chapters measured; ``None`` if no chapter has a measurement."""
    target = run.shop.plan.options.loudness
    levels = [ch.loudness for ch in run.chapters if ch.loudness is not None]
    if not levels:
        return None
    peaks = [lv.sample_peak_dbfs for lv in levels if lv.sample_peak_dbfs is not None]
    return GuideLoudness(target.integrated_lufs, target.true_peak_dbtp,
                         min(lv.integrated_lufs for lv in levels), max(lv.integrated_lufs for lv in levels),
                         max(peaks, default=None))


def new_manifest(run: BuildRun) -> Manifest:
    """The manifest of what the stages made."""
    plan = run.shop.plan
    g, name = plan.guide, plan.out_dir.name
    whole = run.shop.stage_dir / f"{name}.mp3"
    _, end = placed(run.chapters)
    return Manifest(
        title=g.title, slug=name, language=g.language, engine=plan.engine_id, voice=plan.voice,
        rate_wpm=plan.rate, duration_s=round(end, 4), chapters=list(run.chapters), file=whole.name,
        playlist=f"{name}.m3u", bitrate_kbps=plan.options.bitrate, sample_rate=SAMPLE_RATE,
        loudness=guide_loudness(run), built_at=datetime.now(UTC).isoformat(timespec="seconds"),
        engine_name=getattr(plan.engine, "name", ""), voice_info=dict(plan.voice_info),
        source=g.source_title or g.source, key=plan.key, approval=plan.approval.to_dict(),
        clinic=dict(g.clinic or {}), bytes=whole.stat().st_size, sha256=manifest_io.file_sha256(whole),
        subtitle=g.subtitle or "", publisher=g.publisher, source_title=g.source_title,
        source_date=g.source_reviewed or "", identifier=manifest_io.identifier(name),
        edition=plan.options.edition)


def write_index(run: BuildRun) -> None:
    """The playlist and, last, the manifest."""
    manifest = new_manifest(run)
    entries = [(ch.file, ch.duration_s, ch.title) for ch in manifest.chapters]
    write_playlist(run.shop.stage_dir / manifest.playlist, manifest.title, entries)
    manifest_io.save(manifest, run.shop.stage_dir)
    run.manifest = manifest


def publish_outputs(run: BuildRun) -> None:
    """Swap the staging folder in for the old outputs, if a build made them."""
    publish(run.shop.stage_dir, run.shop.plan.out_dir, may_replace=is_build_folder)


Stage = Callable[[BuildRun], None]
"One step of the whole build."

STAGES: list[Stage] = [make_chapters, join_chapters, write_index, publish_outputs]
"The build, in order, once it is known that something has to be made."


