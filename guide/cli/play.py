"""``guide play``: listen to a built guide with single key presses.

The player plays the whole-guide MP3 (``<slug>.mp3``) in mpv rather than the
chapter files as a playlist: one continuous file has no gap or reload
between chapters, a seek back from the start of a chapter simply lands in
the one before, and a position is one number whose chapter and sentence
come straight from the manifest's ``start_s`` times.
"""

from __future__ import annotations

import signal
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import click

from guide.cli.options import (
    aim,
    built_folder,
    edition_options,
    load,
    out_option,
    rate_option,
    read_built,
    run_build,
)
from guide.errors import GuideError, UnknownGuide
from guide.player.lines import HELP, clean
from guide.player.timeline import Spot, Timeline, matching_chapters

if TYPE_CHECKING:
    from guide.player.session import Session

TICK_S = 0.1
"How often the player looks at the playback when no key is pressed."

_KEYS_HELP = "\n".join(["\b", "While it plays, these keys work, pressed on their own:", *HELP[1:]])

_SCREEN_READER_HELP = (
    "Screen-reader mode: only plain lines, never an escape sequence or a carriage return, and "
    "nothing is printed except in answer to a key or when a new chapter starts. The transcript "
    "is off unless you add --transcript. Setting GUIDE_SCREEN_READER=1 does the same.")


def _say(line: str) -> None:
    """One plain line on stdout; a closed terminal or pipe is not an error."""
    try:
        click.echo(clean(line))
    except OSError:
        pass


def _status(line: str) -> None:
    try:
        click.echo(clean(line), err=True)
    except OSError:
        pass


def _resolve(guide: str | None, chapter: str | None) -> tuple[str | None, str | None]:
    """Allow ``guide play 3`` or ``guide play Signs``: one argument that is no guide, but may name a
    chapter of the shipped guide (by the rule of :func:`guide.player.timeline.find_chapter`), is
    that chapter."""
    from guide.scripts.store import find_guide, load_guide

    if guide is None or chapter is not None or Path(guide, "manifest.json").is_file():
        return guide, chapter
    try:
        find_guide(guide)
        return guide, chapter
    except UnknownGuide:
        shipped = [(ch.number, ch.title) for ch in load_guide(find_guide(None)).chapters]
        if guide.strip().isdigit() or matching_chapters(shipped, guide):
            return None, guide
        raise


def _built(ctx: click.Context, guide: str | None, out: Path, rate, engine: str | None = None,
           voice: str | None = None):
    """The manifest and folder of the built guide, building it first if it is missing or old.

    A damaged build is named, with the way out, and never played.
    """
    from guide import manifest as manifest_io

    if guide and Path(guide, "manifest.json").is_file():
        aim(ctx)  # a built folder: the way out is to build the shipped guide's own edition again
        manifest = manifest_io.load(Path(guide))
        manifest_io.check_files(manifest, Path(guide))
        return manifest, Path(guide)
    from guide.i18n import message

    loaded = load(guide)
    existed = read_built(built_folder(loaded, out, rate, engine, voice)) is not None
    if not existed:
        _status(message(loaded.language, "player.building"))
    report = run_build(ctx, guide, out, rate=rate, voice=voice, quiet=True, engine=engine)
    if existed and not report.up_to_date:
        _status(message(loaded.language, "player.rebuilt"))
    return report.manifest, report.out_dir


def _start(timeline: Timeline, name: str, chapter: str | None, from_start: bool) -> tuple[Spot, str]:
    """Where to start, and how: ``start``, ``resume`` or ``finished``."""
    from guide.player.state import load_place

    if chapter is not None:
        return Spot(timeline.find_chapter(chapter), 0.0), "start"
    place = None if from_start else load_place(name)
    if place is None:
        return Spot(0, 0.0), "start"
    if place.finished:
        return Spot(0, 0.0), "finished"
    index = next((i for i, ch in enumerate(timeline.chapters) if ch.number == place.chapter), None)
    spot = timeline.resume_spot(index, place.position_s) if index is not None else None
    if spot is None:
        return Spot(0, 0.0), "finished" if index is not None else "start"
    return spot, "start" if spot == Spot(0, 0.0) else "resume"


def _on_signal(signum, frame):
    raise KeyboardInterrupt


def _run(session: Session, spot: Spot, how: str, interactive: bool) -> None:
    """Feed keys and ticks to the session until it is done."""
    previous = {sig: signal.signal(sig, _on_signal) for sig in (signal.SIGTERM, signal.SIGHUP)}
    try:
        if interactive:
            _run_keys(session, spot, how)
        else:
            session.begin(spot, how, interactive=False)
            while not session.done:
                time.sleep(TICK_S)
                session.tick()
    except KeyboardInterrupt:
        session.stop(130, ask_player=False)  # mpv may be half-way through a reply
    except EOFError:
        session.stop(0, ask_player=False)
    except GuideError:  # mpv went away: keep the place, then say what happened
        session.stop(1, ask_player=False)
        raise
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _run_keys(session: Session, spot: Spot, how: str) -> None:
    from guide.player.keys import KeyReader

    suspended = []
    on_tstp = lambda signum, frame: suspended.append(True)  # noqa: E731
    previous = signal.signal(signal.SIGTSTP, on_tstp)
    try:
        with KeyReader(sys.stdin.fileno()) as keys:
            session.begin(spot, how)  # only now: keys pressed before cbreak mode would echo
            while not session.done:
                for key in keys.read(TICK_S):
                    session.press(key)
                session.tick()
                if suspended:
                    suspended.clear()
                    _suspend(session, keys, on_tstp)
    finally:
        signal.signal(signal.SIGTSTP, previous)


def _suspend(session: Session, keys, on_tstp) -> None:
    """Ctrl-Z: pause mpv (it runs in its own session, so it is not stopped), then stop until fg."""
    session.suspend()
    keys.restore()
    signal.signal(signal.SIGTSTP, signal.SIG_DFL)
    signal.raise_signal(signal.SIGTSTP)  # the process stops here until fg (POSIX skips it without a shell)
    signal.signal(signal.SIGTSTP, on_tstp)
    keys.resume()
    session.resumed_from_background()


@click.command("play", epilog=_KEYS_HELP)
@click.argument("guide", required=False)
@click.argument("chapter", required=False)
@click.option("--from-start", is_flag=True,
              help="Start at the beginning, not where you stopped last time.")
@click.option("--speed", type=click.IntRange(50, 300), default=100, show_default=True,
              help="Speed in percent, from 50 to 300. The voice keeps its pitch.")
@click.option("--screen-reader", is_flag=True, envvar="GUIDE_SCREEN_READER", help=_SCREEN_READER_HELP)
@click.option("--transcript/--no-transcript", default=None,
              help="Print each sentence as it is spoken. On by default, except in screen-reader mode.")
@click.option("--no-input", is_flag=True,
              help="Read no keys: play through once to the end, then stop. "
                   "This is what happens when input is not a terminal.")
@click.option("--audio-output", envvar="GUIDE_AUDIO_OUTPUT", metavar="NAME",
              help="mpv's sound output. null plays in silence, for a machine with no sound card; "
                   "the same as GUIDE_AUDIO_OUTPUT=null.")
@out_option
@rate_option("Play the edition built")
@edition_options("Play the edition built")
@click.pass_context
def play(ctx, guide, chapter, from_start, speed, screen_reader, transcript, no_input,
         audio_output, out, rate, engine, voice) -> None:
    """Play GUIDE, from its first chapter, from CHAPTER (a number or a title),
    or from where you stopped last time.

    If the guide is not built, or its scripts changed, it is built first.
    Every key you press is answered with one short line.
    """
    from guide.player.mpv import Mpv, find_mpv
    from guide.player.session import Session
    from guide.player.state import save_place

    program = find_mpv()
    guide, chapter = _resolve(guide, chapter)
    aim(ctx, guide, out, rate, engine, voice)
    manifest, folder = _built(ctx, guide, out, rate, engine, voice)
    timeline = Timeline(manifest)
    if not timeline.chapters:
        raise GuideError(f"{folder} has no chapters to play.")
    name = folder.name
    spot, how = _start(timeline, name, chapter, from_start)
    interactive = not no_input and sys.stdin.isatty()
    show = (not screen_reader) if transcript is None else transcript
    with Mpv(program, audio_output) as player:
        player.start(folder / manifest.file, timeline.time_of(spot.index, spot.offset_s), speed / 100)
        session = Session(timeline, player, _say, lambda place: save_place(name, place),
                          transcript=show, speed=speed)
        _run(session, spot, how, interactive)
    ctx.exit(session.exit_code)
