"""``guide build``: scripts in, chaptered MP3s, transcripts, playlist and manifest out.

:func:`build` makes the :class:`~guide.build.plan.BuildPlan` in one step,
then, holding the guide's lock, asks whether the last build was made from
exactly the same inputs (the plan's key; no text is normalised for that) and
its files are whole: then nothing is made. Otherwise the stages of
:mod:`guide.build.publish` run over a staging folder beside
``audio_out/<slug>/``, and it is swapped in at the end, so an interrupted
build leaves the previous complete outputs. Chapters whose inputs did not
change are copied from the previous build once their SHA-256 matches its
manifest; sentences already synthesised come from the clip cache. A previous
build that is damaged (its manifest, or a file missing or cut short) counts
as absent, and a folder that no build made is never replaced.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from guide.build.plan import BuildOptions, BuildPlan, Progress, is_up_to_date, make_plan, previous_build
from guide.engines.base import Engine
from guide.errors import FileError, GuideError
from guide.files import check_replaceable, exclusive, file_error, recover, staging
from guide.layout import is_build_folder, lock_path, output_dir
from guide.manifest import Manifest
from guide.model import Guide

if TYPE_CHECKING:
    from guide.build.publish import BuildRun, Stage

# The stages, the clip cache and publishing (mutagen, pydub, threads) are imported only when
# something has to be made, so that a build with nothing to do starts fast.


def __getattr__(name: str):
    if name == "STAGES":
        from guide.build.publish import STAGES

        return STAGES
    raise AttributeError(name)

__all__ = ["BuildOptions", "BuildPlan", "BuildReport", "Progress", "build", "lock_path",
           "output_dir"]


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


def _run_stages(run: BuildRun, stages: list[Stage]) -> None:
    """Each stage in turn; a failure to write names the output folder, never the staging one."""
    folder, out_dir = run.shop.stage_dir, run.shop.plan.out_dir
    try:
        for stage in stages:
            stage(run)
    except FileError as exc:
        if not exc.path.is_relative_to(folder):
            raise
        raise FileError(out_dir / exc.path.relative_to(folder), exc.reason, hint=exc.hint) from exc
    except GuideError:
        raise
    except Exception as exc:  # a full disk, say: one sentence, never a traceback
        error = file_error(out_dir, exc, within=folder)
        if error is None:
            raise
        raise error from exc


def build(guide: Guide, engine: Engine, options: BuildOptions | None = None,
          progress: Progress = lambda line: None, stages: list[Stage] | None = None,
          on_wait: Progress | None = None) -> BuildReport:
    """Build ``guide`` into ``options.out_root``; see :data:`guide.build.publish.STAGES`.

    ``progress`` gets a line per finished chapter; ``on_wait`` (default
    ``progress``) gets the line that says the build waits for another one.
    """
    started = time.monotonic()
    retried_before = engine.clips_retried
    plan = make_plan(guide, engine, options or BuildOptions(), progress)

    def waiting() -> None:
        (on_wait or progress)("Another build of this guide is running. Waiting for it to finish.")

    with exclusive(lock_path(plan.out_dir), on_wait=waiting):
        recover(plan.out_dir)
        check_replaceable(plan.out_dir, is_build_folder)
        previous = previous_build(plan.out_dir, progress)
        if previous is not None and not plan.options.force and is_up_to_date(plan.key, previous):
            clips = sum(len(ch.sentences) for ch in previous.chapters)
            return BuildReport(previous, plan.out_dir, True, time.monotonic() - started, clips, clips, 0)
        from guide.build.cache import ClipCache
        from guide.build.publish import STAGES, BuildRun
        from guide.build.stages import Workshop

        with staging(plan.out_dir) as folder:
            shop = Workshop(plan, folder, None if plan.options.force else previous,
                            ClipCache(plan.options.cache_dir))
            run = BuildRun(shop, progress)
            _run_stages(run, stages or STAGES)
    if run.manifest is None:
        raise GuideError("The build ended without a manifest.")
    jobs = run.jobs
    return BuildReport(run.manifest, plan.out_dir, False, time.monotonic() - started,
                       sum(len(job.sentences) for job in jobs), sum(job.cached for job in jobs),
                       sum(job.made for job in jobs), engine.clips_retried - retried_before)
