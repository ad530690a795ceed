"""The ``guide`` command: a thin click layer over the library.

Data goes to stdout; progress, status and errors go to stderr as plain
lines, one sentence each, that a screen reader can read aloud. Errors from
the core (:class:`guide.errors.GuideError`) become one sentence and exit
status 1, never a traceback. There is no colour anywhere, so ``NO_COLOR``,
``TERM=dumb`` and pipes need no special case.
"""

from __future__ import annotations

import contextlib
import json
import shlex
import signal
import sys
from pathlib import Path

import click

from guide import __version__
from guide.durations import spoken_duration
from guide.errors import DamagedOutput, GuideError

RATE_PRESETS = {"normal": 150, "slow": 120}
"Named rates for ``--rate``: 150 wpm suits most listeners, 120 is the slow edition."


class Failure(click.ClickException):
    """A core error shown as its own sentence, without click's "Error:" prefix."""

    def show(self, file=None) -> None:
        click.echo(self.format_message(), err=True)


def say(line: str) -> None:
    """One status line on stderr."""
    click.echo(line, err=True)


def _engine(ctx: click.Context, name: str = "pyttsx3"):
    """The engine given by the caller (tests pass a fake one), or the engine called ``name``."""
    obj = ctx.find_root().obj or {}
    if obj.get("engine") is not None:
        return obj["engine"]
    from guide.engines.base import make_engine

    return make_engine(name)


ENGINE_NAMES = ("pyttsx3", "piper")
"What ``--engine`` takes; the same as :data:`guide.editions.ENGINES`, kept here so that --help is fast."


def edition_options(verb: str):
    """``--engine`` and ``--voice``: the options that choose an edition, shared by every command."""
    def decorate(command):
        command = click.option(
            "--voice", help=f"{verb} with this voice: as listed by guide voices (or, for piper, "
                            "the path of an .onnx voice). Default: the guide's own.")(command)
        return click.option(
            "--engine", type=click.Choice(ENGINE_NAMES),
            help=f"{verb} with this engine: pyttsx3 (espeak-ng) or piper (the natural voice, "
                 "installed by make natural). Default: the guide's own.")(command)
    return decorate


def choose_edition(loaded, engine: str | None = None, voice: str | None = None,
                   rate: str | None = None):
    """The edition of the loaded guide that ``--engine``, ``--voice`` and ``--rate`` mean."""
    from guide.editions import choose

    wpm, label = parse_rate(rate)
    return choose(loaded, engine, voice, wpm, label)


def parse_rate(value: str | None) -> tuple[int | None, str]:
    """``--rate`` as (words per minute, edition suffix)."""
    if value is None:
        return None, ""
    if value.lower() in RATE_PRESETS:
        return RATE_PRESETS[value.lower()], "" if value.lower() == "normal" else value.lower()
    if not value.isdigit() or not 60 <= int(value) <= 400:
        raise Failure(f"--rate must be normal, slow, or words per minute from 60 to 400, not {value!r}.")
    wpm = int(value)
    return wpm, "" if wpm == RATE_PRESETS["normal"] else f"{wpm}wpm"


class GuideGroup(click.Group):
    """Turns core errors into one sentence and Ctrl-C into a calm line."""

    def invoke(self, ctx: click.Context):
        _warned.clear()
        try:
            return super().invoke(ctx)
        except GuideError as exc:
            raise Failure(str(exc)) from None
        except KeyboardInterrupt:
            say("Stopped. Files that were already complete are unchanged.")
            ctx.exit(130)


@click.group(cls=GuideGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="guide", message="%(prog)s %(version)s")
def cli() -> None:
    """Make and play offline audio guides from patient-education articles.

    GUIDE is a guide's short name under ./scripts, or the path of a guide
    folder. Without it, the guide that ships with this program is used.
    """


# ---------------------------------------------------------------- new


@cli.command()
@click.argument("article", type=click.Path(path_type=Path))
@click.option("--slug", help="Short name for the guide folder (default: from the title).")
@click.option("--scripts", "scripts_dir", type=click.Path(path_type=Path), default=Path("scripts"),
              show_default=True, help="Folder that holds the guide folders.")
@click.option("--force", is_flag=True, help="Replace a guide folder that already exists.")
def new(article: Path, slug: str | None, scripts_dir: Path, force: bool) -> None:
    """Write draft narration scripts for ARTICLE (text, Markdown or HTML)."""
    from guide.article import read_article
    from guide.scripts.store import draft_guide, write_guide
    from guide.slug import slugify

    parsed = read_article(article)
    slug = slugify(slug or parsed.title, "guide")
    guide = draft_guide(parsed, slug)
    guide.source = f"source{article.suffix.lower() or '.txt'}"
    folder = write_guide(guide, scripts_dir / slug, force=force, source=article)
    for note in guide.notes:
        say(note)
    say(f"Wrote {len(guide.chapters)} chapter scripts to {folder}.")
    say(f"Edit them in any text editor, then run: guide check {slug}, and guide build {slug}")


# -------------------------------------------------------------- build


_warned: set[str] = set()
"Warnings already said in this run: a command that loads a guide twice says each once."


def _load(guide_name: str | None):
    """The guide called ``guide_name``; each warning about its settings is said once."""
    from guide.scripts.store import find_guide, load_guide

    warnings: list[str] = []
    guide = load_guide(find_guide(guide_name), warnings)
    for warning in warnings:
        if warning not in _warned:
            _warned.add(warning)
            say(warning)
    return guide


def run_build(ctx: click.Context, guide_name: str | None, out: Path, rate: str | None = None,
              voice: str | None = None, bitrate: int = 64, jobs: int | None = None,
              force: bool = False, quiet: bool = False, engine: str | None = None):
    """Build a guide, printing progress lines; shared by build, list, export and play."""
    from guide.build.run import BuildOptions, build

    guide = _load(guide_name)
    edition = choose_edition(guide, engine, voice, rate)
    options = BuildOptions(out_root=out, voice=edition.voice, rate=edition.rate,
                           edition=edition.label, bitrate=bitrate, force=force,
                           **({"jobs": jobs} if jobs else {}))
    report = build(guide, _engine(ctx, edition.engine), options,
                   progress=(lambda line: None) if quiet else say, on_wait=say)
    return report


def rebuild_command(guide_name: str | None, out: Path, rate: str | None = None,
                    engine: str | None = None, voice: str | None = None) -> str:
    """The command that builds this guide again from nothing: ``guide build tiny --force``."""
    parts = ["guide build", *([shlex.quote(guide_name)] if guide_name else [])]
    if engine:
        parts += ["--engine", engine]
    if voice:
        parts += ["--voice", shlex.quote(voice)]
    if rate and rate.lower() != "normal":
        parts += ["--rate", shlex.quote(rate)]
    if Path(out) != Path("audio_out"):
        parts += ["--out", shlex.quote(str(out))]
    return " ".join([*parts, "--force"])


@contextlib.contextmanager
def way_out(command: str):
    """A damaged build raised inside the block names ``command`` as the way out."""
    try:
        yield
    except DamagedOutput as exc:
        raise DamagedOutput(exc.path, exc.reason, command) from None


def read_built(folder: Path):
    """The manifest of the build in ``folder``, every file there at the size it gives;
    ``None`` if the guide is not built there. A damaged build is a
    :class:`~guide.errors.DamagedOutput`, so that it is named rather than used."""
    from guide import manifest as manifest_io
    from guide.errors import NotBuilt

    try:
        manifest = manifest_io.load(folder)
    except NotBuilt:
        return None
    manifest_io.check_files(manifest, folder)
    return manifest


def built_folder(guide, out: Path, rate: str | None = None, engine: str | None = None,
                 voice: str | None = None) -> Path:
    """Where the loaded ``guide``'s edition is built under ``out``: the one rule of the build."""
    from guide.layout import output_folder

    return output_folder(out, guide.slug, choose_edition(guide, engine, voice, rate).label)


def _retried(count: int) -> str:
    if not count:
        return ""
    return (" 1 clip was made again after a failed try." if count == 1 else
            f" {count} clips were made again after a failed try.")


@cli.command("build")
@click.argument("guide", required=False)
@click.option("--out", type=click.Path(path_type=Path), default=Path("audio_out"), show_default=True,
              help="Folder for the built guides.")
@click.option("--rate", help="normal (150 words a minute), slow (120), or a number.")
@edition_options("Speak")
@click.option("--bitrate", type=click.IntRange(32, 192), default=64, show_default=True,
              help="MP3 bitrate in kbps.")
@click.option("--jobs", type=click.IntRange(1, 64), help="Chapters made at once (default: all cores).")
@click.option("--force", is_flag=True, help="Make everything again.")
@click.pass_context
def build_cmd(ctx, guide, out, rate, engine, voice, bitrate, jobs, force) -> None:
    """Build GUIDE into MP3s, transcripts, a playlist and a manifest.

    Another engine, voice or rate than the guide's own makes another edition,
    in its own folder beside the guide's: audio_out/SLUG--EDITION.
    """
    report = run_build(ctx, guide, out, rate, voice, bitrate, jobs, force, engine=engine)
    m = report.manifest
    if report.up_to_date:
        say(f"Up to date. {len(m.chapters)} chapters, {spoken_duration(m.duration_s)} of audio.")
    else:
        say(f"Built {len(m.chapters)} chapters, {spoken_duration(m.duration_s)} of audio, "
            f"in {report.seconds:.1f} s. {report.clips_cached} of {report.clips_total} clips "
            "came from the cache." + _retried(report.clips_retried))
    say(f"The guide is in {report.out_dir}")
    click.echo(str(report.out_dir / m.file))


# --------------------------------------------------------------- list


@cli.command("list")
@click.argument("guide", required=False)
@click.option("--out", type=click.Path(path_type=Path), default=Path("audio_out"), show_default=True,
              help="Folder for the built guides.")
@click.option("--json", "as_json", is_flag=True, help="Print the chapters as JSON.")
@click.option("--rate", help="List the edition built at this rate: normal, slow, or a number.")
@edition_options("List the edition built")
def list_cmd(guide, out, as_json, rate, engine, voice) -> None:
    """List the chapters of GUIDE, with their lengths once it is built."""
    loaded = _load(guide)
    with way_out(rebuild_command(guide, out, rate, engine, voice)):
        built = read_built(built_folder(loaded, out, rate, engine, voice))
    # A length is shown only where the built chapter is still this chapter (same title and file).
    durations = {ch.number: ch.duration_s for ch in built.chapters
                 if ch.number <= len(loaded.chapters)
                 and (ch.title, ch.file) == (loaded.chapters[ch.number - 1].title,
                                             f"chapters/{loaded.chapters[ch.number - 1].stem}.mp3")
                 } if built else {}
    if as_json:
        rows = [{"number": ch.number, "title": ch.title, "duration_s": durations.get(ch.number)}
                for ch in loaded.chapters]
        click.echo(json.dumps({"title": loaded.title, "slug": loaded.slug, "chapters": rows}, indent=2))
        return
    for ch in loaded.chapters:
        length = f" ({spoken_duration(durations[ch.number])})" if ch.number in durations else ""
        click.echo(f"{ch.number}. {ch.title}{length}")
    if not built:
        say("This guide is not built yet, so no lengths are shown. Run: guide build")
    elif len(durations) < len(loaded.chapters):
        say("Some chapters changed after the last build, so their lengths are not shown. "
            "Run: guide build")


# ------------------------------------------------------------- export


@cli.command("export")
@click.argument("guide", required=False)
@click.option("--format", "fmt", default="mp3", show_default=True,
              help="What to write: mp3, vtt or srt (captions), html (web player), m4b (audiobook), "
                   "epub (read-along book), zip (clinic pack), or all (each in its own folder).")
@click.option("--out", type=click.Path(path_type=Path), required=True, help="Folder to write to.")
@click.option("--chapters", help="Which chapters, e.g. 2,4-5 (default: all).")
@click.option("--built", type=click.Path(path_type=Path), default=Path("audio_out"), show_default=True,
              help="Folder of the built guides.")
@click.option("--rate", help="Export the edition built at this rate: normal, slow, or a number.")
@edition_options("Export the edition built")
@click.pass_context
def export_cmd(ctx, guide, fmt, out, chapters, built, rate, engine, voice) -> None:
    """Copy a built GUIDE to a folder, building it first if needed."""
    from guide import export as export_mod

    from guide import manifest as manifest_io
    from guide.build.run import lock_path
    from guide.export.common import check_built, is_whole
    from guide.files import exclusive

    names = [*export_mod.FORMATS, "all"]
    if fmt not in names:
        raise Failure(f"--format must be one of {', '.join(names)}, not {fmt!r}.")
    loaded = _load(guide)
    wanted = export_mod.parse_chapters(chapters, len(loaded.chapters))  # before building
    waiting = lambda: say("Another build of this guide is running. Waiting for it to finish.")
    with way_out(rebuild_command(guide, built, rate, engine, voice)):
        read_built(built_folder(loaded, built, rate, engine, voice))  # damaged: named, never copied
        report = run_build(ctx, guide, built, rate, voice, quiet=True, engine=engine)
        with exclusive(lock_path(report.out_dir), on_wait=waiting):  # no build swaps it while read
            current = manifest_io.load(report.out_dir)
            check_built(current, report.out_dir, wanted, is_whole(current, wanted))  # before a word
            written = export_mod.export(current, report.out_dir, out, fmt, wanted, progress=say)
    say(export_mod.done_line(fmt, out, written))


# ------------------------------------------------------------- voices


@cli.command()
@click.option("--engine", type=click.Choice(ENGINE_NAMES), default="pyttsx3", show_default=True,
              help="Whose voices: pyttsx3 (espeak-ng) or piper (natural voices).")
@click.pass_context
def voices(ctx, engine) -> None:
    """List the voices the speech engine offers, for --voice."""
    if engine == "piper":
        _piper_voices()
        return
    for voice in _engine(ctx).voices():
        languages = ", ".join(voice.languages)
        click.echo(f"{voice.id}: {voice.name.replace('_', ' ')}" + (f" ({languages})" if languages else ""))


def _piper_voices() -> None:
    from guide.engines.piper_engine import require_piper
    from guide.engines.piper_voices import find_voices, voices_dir

    require_piper()
    found = find_voices()
    for voice in found:
        licence = voice.licence or "no licence on record"
        click.echo(f"{voice.name}: {voice.language}, {voice.quality.replace('_', ' ')} quality, "
                   f"{licence}.")
    if not found:
        say(f"No natural voices are installed. make natural installs one; or put an .onnx voice "
            f"with its .onnx.json in {voices_dir()}.")


# -------------------------------------------------------------- cache


def _size(n: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n} bytes"


@cli.group(invoke_without_command=True)
@click.pass_context
def cache(ctx) -> None:
    """Show the clip cache's size and location (or: guide cache clear)."""
    if ctx.invoked_subcommand is None:
        from guide.build.cache import ClipCache

        stats = ClipCache().stats()
        click.echo(f"The clip cache is in {stats.path}")
        click.echo(f"It holds {stats.clips} clips, {_size(stats.bytes)}.")


@cache.command("clear")
def cache_clear() -> None:
    """Empty the clip cache. Built guides are not touched."""
    from guide.build.cache import ClipCache

    removed = ClipCache().clear()
    click.echo(f"Removed {removed} clips from the cache.")


# --- commands from other modules: one cli.add_command(...) line each, below this marker
from guide.cli.play import play  # noqa: E402
cli.add_command(play)
from guide.cli.check import check, say_cmd  # noqa: E402
cli.add_command(check)
cli.add_command(say_cmd)
from guide.cli.approve import approve  # noqa: E402
cli.add_command(approve)


def _stop(signum, frame) -> None:
    """SIGTERM (a shutdown, or ``kill``) stops like Ctrl-C: cleanly, with one line."""
    raise KeyboardInterrupt


def main() -> None:
    """Console entry point."""
    signal.signal(signal.SIGTERM, _stop)
    try:
        cli(prog_name="guide")
    except KeyboardInterrupt:  # outside any command, e.g. while click parses
        say("Stopped.")
        sys.exit(130)


if __name__ == "__main__":
    main()
