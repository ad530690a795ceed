"""One chapter's way through the build: a :class:`ChapterJob` and the stages run over it in order.

:meth:`ChapterJob.narrate` makes a job from a chapter (its sentences, their
cache keys and the chapter's key); :data:`CHAPTER_STAGES` then run over it
one after another, each a function of the shared :class:`Workshop` and the
job. A chapter whose key is the last build's is taken from that build
(:func:`reuse`), and the stages that make audio (:data:`MAKES_AUDIO`) are
skipped for it; every other chapter is synthesised (from the clip cache where
it can), assembled, measured, encoded and tagged. Every chapter gets its
transcript and, last, its manifest entry (:func:`record`).
"""

from __future__ import annotations

import os
import shutil
import threading
from dataclasses import dataclass, field
from pathlib import Path

from guide import manifest as manifest_io
from guide.audio import ffmpeg as audio
from guide.audio.assembly import assemble, transcript_text
from guide.audio.tags import tag_chapter
from guide.build.cache import ClipCache, clip_key
from guide.build.plan import BuildPlan
from guide.engines.base import SAMPLE_RATE, Clip
from guide.errors import BuildStopped, GuideError, SynthesisError
from guide.files import atomic_write_text
from guide.manifest import Manifest, ManifestChapter, ManifestSentence
from guide.model import Chapter, Sentence
from guide.speech.lexicon import Lexicon
from guide.speech.narration import chapter_sentences


@dataclass(frozen=True)
class Workshop:
    """What every chapter of one build shares while it is made."""

    plan: BuildPlan
    "The plan."
    stage_dir: Path
    "The staging folder the outputs are made in."
    previous: Manifest | None
    "The manifest of the last complete build, if any (``None`` with ``force``)."
    cache: ClipCache
    "The clip cache."
    stop: threading.Event = field(default_factory=threading.Event)
    "Set when the build fails or is interrupted, so that chapters under way stop early."


@dataclass
class ChapterJob:
    """One chapter on its way through :data:`CHAPTER_STAGES`."""

    chapter: Chapter
    "The chapter as it is spoken."
    sentences: list[Sentence]
    "Its clips, announcement first; timings filled in when assembled."
    key: str
    "Hash of everything its audio is made from (:meth:`BuildPlan.chapter_key`)."
    clip_keys: list[str]
    "Cache key of each sentence's clip."
    in_cache: list[bool]
    """Whether each clip was in the cache when the build began. Only those are read from it, so
    a chapter's audio never depends on which other chapter of the same build finished first."""
    reused: ManifestChapter | None = None
    "The last build's entry, when its MP3 was taken as it is."
    clips: list[Clip] = field(default_factory=list)
    "One clip per sentence, once synthesised."
    pcm: bytes = b""
    "The assembled chapter, 16-bit mono."
    gain_db: float = 0.0
    "The gain that brings it to the target loudness."
    loudness: audio.Loudness | None = None
    "The measurement of the encoded file."
    cached: int = 0
    "Clips taken from the cache (all of them when reused)."
    made: int = 0
    "Clips the engine synthesised."
    entry: ManifestChapter | None = None
    "Its manifest entry, once recorded."

    @classmethod
    def narrate(cls, plan: BuildPlan, chapter: Chapter, lexicon: Lexicon, cache: ClipCache) -> ChapterJob:
        """The job for ``chapter``: its sentences (split, normalised and announced in the guide's
        language, with the lexicon) and their keys."""
        sentences = chapter_sentences(chapter, plan.total, lexicon, plan.options.pauses,
                                      plan.guide.language)
        keys = [clip_key(s.spoken, plan.engine_id) for s in sentences]
        in_cache = [not plan.options.force and cache.has(k) for k in keys]
        return cls(chapter, sentences, plan.chapter_key(chapter, sentences), keys, in_cache)

    @property
    def mp3(self) -> str:
        """The chapter MP3, relative to the output folder."""
        return f"chapters/{self.chapter.stem}.mp3"

    @property
    def transcript(self) -> str:
        """The chapter's transcript, relative to the output folder."""
        return f"chapters/{self.chapter.stem}.txt"


def link_or_copy(src: Path, dest: Path) -> None:
    """A hard link where the file system allows (outputs are never changed in place), else a copy."""
    try:
        os.link(src, dest)
    except OSError:
        shutil.copy2(src, dest)


def _previous_entry(shop: Workshop, job: ChapterJob) -> ManifestChapter | None:
    """The last build's entry for this chapter, if it was made from exactly the same inputs."""
    for old in shop.previous.chapters if shop.previous is not None else []:
        if old.key == job.key and old.number == job.chapter.number:
            return old
    return None


def reuse(shop: Workshop, job: ChapterJob) -> None:
    """Take the chapter's MP3 from the last build if its SHA-256 is still the manifest's."""
    old = _previous_entry(shop, job)
    if (old is None or not old.mp3_frames or not old.sha256
            or (old.file, old.transcript) != (job.mp3, job.transcript)):
        return
    staged = shop.stage_dir / job.mp3
    try:
        link_or_copy(shop.plan.out_dir / job.mp3, staged)
    except OSError:
        return
    if manifest_io.file_sha256_or_none(staged) != old.sha256:  # what is published is what was checked
        staged.unlink(missing_ok=True)
        return
    job.reused, job.cached = old, len(job.sentences)


def synthesise(shop: Workshop, job: ChapterJob) -> None:
    """Every clip of the chapter: from the cache, or from one run of the engine.

    A sentence said twice in a chapter is synthesised once.
    """
    found = [shop.cache.get(k) if present else None
             for k, present in zip(job.clip_keys, job.in_cache, strict=True)]
    job.cached = sum(c is not None for c in found)
    first: dict[str, int] = {}
    missing = [i for i, c in enumerate(found) if c is None and first.setdefault(job.clip_keys[i], i) == i]
    plan = shop.plan
    made = iter(plan.engine.synthesize((job.sentences[i].spoken for i in missing), plan.voice, plan.rate))
    try:
        for i in missing:
            if shop.stop.is_set():
                raise BuildStopped("Stopped because another chapter failed.")
            try:
                clip = next(made)
            except SynthesisError as exc:
                which = "the announcement" if i == 0 else f"sentence {i}"
                raise SynthesisError(
                    f"Chapter {job.chapter.number}, {which}: the speech engine failed "
                    f"({exc}) for: {job.sentences[i].text}") from exc
            shop.cache.put(job.clip_keys[i], clip)
            found[i] = clip
            job.made += 1
    finally:
        close = getattr(made, "close", None)  # a generator: its engine stops at once
        if close is not None:
            close()
    clips: list[Clip] = []
    for i, key in enumerate(job.clip_keys):
        said = found[i] if found[i] is not None else found[first[key]]
        if said is None:
            raise SynthesisError(f"Chapter {job.chapter.number}: the speech engine gave too few clips.")
        clips.append(said)
    job.clips = clips


def assemble_audio(shop: Workshop, job: ChapterJob) -> None:
    """The clips and pauses joined into the chapter's PCM; every sentence gets its times."""
    job.pcm = assemble(job.clips, job.sentences, shop.plan.options.pauses.lead_in)
    job.clips = []  # the PCM holds them now


def measure(shop: Workshop, job: ChapterJob) -> None:
    """The gain that brings the chapter to the target loudness, limiter and encoder allowed for."""
    target = shop.plan.options.loudness
    measured = audio.measure_pcm(job.pcm, SAMPLE_RATE)
    job.gain_db = audio.settle_gain(job.pcm, SAMPLE_RATE, audio.gain_for(measured, target), target)


def encode(shop: Workshop, job: ChapterJob) -> None:
    """The gain, the limiter and the MP3, measured as it is written."""
    options = shop.plan.options
    job.loudness = audio.encode_chapter(job.pcm, SAMPLE_RATE, job.gain_db, options.loudness,
                                        shop.stage_dir / job.mp3, options.bitrate)


def tag(shop: Workshop, job: ChapterJob) -> None:
    """The chapter MP3's ID3 tags."""
    number = job.chapter.number
    tag_chapter(shop.stage_dir / job.mp3, shop.plan.tag_info(number == 1), job.chapter.title,
                number, shop.plan.total)


def transcript(shop: Workshop, job: ChapterJob) -> None:
    """The transcript beside the MP3; written for a reused chapter too, so none damaged is kept."""
    plan = shop.plan
    atomic_write_text(shop.stage_dir / job.transcript,
                      transcript_text(job.chapter, plan.total, plan.guide.language))


def record(shop: Workshop, job: ChapterJob) -> None:
    """The chapter's manifest entry: the last build's when reused, else made from what was made."""
    if job.reused is not None:
        job.entry = job.reused
        return
    mp3 = shop.stage_dir / job.mp3
    ch = job.chapter
    job.entry = ManifestChapter(
        number=ch.number, title=ch.title, file=job.mp3, transcript=job.transcript,
        start_s=0.0, duration_s=round(len(job.pcm) / 2 / SAMPLE_RATE, 4),
        mp3_frames=audio.mp3_frames(mp3), bytes=mp3.stat().st_size, sha256=manifest_io.file_sha256(mp3),
        sentences=[ManifestSentence(s.text, s.spoken, s.start_s or 0.0, s.end_s or 0.0, s.kind, s.paragraph)
                   for s in job.sentences],
        sources=list(ch.sources), loudness=job.loudness, key=job.key)
    job.pcm = b""


CHAPTER_STAGES = [reuse, synthesise, assemble_audio, measure, encode, tag, transcript, record]
"What happens to every chapter, in order."

MAKES_AUDIO = frozenset({synthesise, assemble_audio, measure, encode, tag})
"The stages skipped for a chapter taken from the last build."


def make_chapter(shop: Workshop, job: ChapterJob) -> ManifestChapter:
    """Run :data:`CHAPTER_STAGES` over ``job``; its manifest entry."""
    for stage in CHAPTER_STAGES:
        if shop.stop.is_set():
            raise BuildStopped("Stopped because another chapter failed.")
        if job.reused is None or stage not in MAKES_AUDIO:
            stage(shop, job)
    if job.entry is None:
        raise GuideError(f"Chapter {job.chapter.number} ended without its manifest entry.")
    return job.entry
