"""What several commands share: their options, declared once, and the steps they have in common.

* Options: ``--out`` (the folder of built guides; ``guide export`` calls it
  ``--built``), ``--rate`` (:class:`RateType`), ``--engine`` and ``--voice``
  (:func:`edition_options`), and export's ``--format`` (:class:`FormatChoice`).
  A bad value is one plain sentence and exit status 1, like every other error.
* Steps: loading a guide (:func:`load`), choosing an edition
  (:func:`choose_edition`), naming and reading its built folder
  (:func:`built_folder`, :func:`read_built`), building it (:func:`run_build`),
  and saying which guide a command works on (:func:`aim`), for advice that
  names a command to run.

Nothing heavy is imported here: the library is imported inside the helpers.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import click

from guide.cli.advice import DEFAULT_OUT, Target

TARGET = "guide.target"
"Where :func:`aim` keeps the :class:`~guide.cli.advice.Target` in ``ctx.meta``."
WARNED = "guide.warned"
"Where :func:`load` keeps the warnings it has said in ``ctx.meta``, so each is said once a run."

ENGINE_NAMES = ("pyttsx3", "piper")
"What ``--engine`` takes; the same as :data:`guide.editions.ENGINES`, kept here so that --help is fast."
RATE_PRESETS = {"normal": 150, "slow": 120}
"Named rates for ``--rate``: 150 wpm suits most listeners, 120 is the slow edition."
RATE_RANGE = (60, 400)
"The words a minute ``--rate`` takes as a number."


class Failure(click.ClickException):
    """An error shown as its own sentence, without click's "Error:" prefix; exit status 1."""

    def show(self, file=None) -> None:
        click.echo(self.format_message(), err=True)


def status(line: str) -> None:
    """One status line on stderr."""
    click.echo(line, err=True)


# ------------------------------------------------------------------ types


@dataclass(frozen=True)
class Rate:
    """``--rate`` as given: words a minute, and the edition label it makes."""

    wpm: int
    "Words a minute."
    label: str
    "The edition label: ``""`` for 150 (the normal rate), ``slow``, or e.g. ``130wpm``."
    text: str
    "What was typed, for advice that repeats the option."


class RateType(click.ParamType):
    """``normal`` (150), ``slow`` (120), or words a minute from 60 to 400."""

    name = "rate"

    def convert(self, value, param, ctx) -> Rate:
        if isinstance(value, Rate):
            return value
        text = str(value)
        if text.lower() in RATE_PRESETS:
            return Rate(RATE_PRESETS[text.lower()], "" if text.lower() == "normal" else text.lower(), text)
        low, high = RATE_RANGE
        if not text.isdigit() or not low <= int(text) <= high:
            raise Failure(f"--rate must be normal, slow, or words per minute from {low} to {high}, "
                          f"not {text!r}.")
        wpm = int(text)
        return Rate(wpm, "" if wpm == RATE_PRESETS["normal"] else f"{wpm}wpm", text)


class FormatChoice(click.Choice):
    """``--format``: a name in :data:`guide.export.FORMATS`, or ``all``.

    The names are read from :mod:`guide.export` when a value is checked, so a
    format added there is taken here too, and ``--help`` imports no exporter.
    """

    def __init__(self) -> None:
        super().__init__((), case_sensitive=True)

    @property
    def choices(self) -> tuple[str, ...]:
        from guide.export import FORMATS

        return (*FORMATS, "all")

    @choices.setter
    def choices(self, value) -> None:
        """click sets the choices when it makes the type; they are always read from guide.export."""

    def convert(self, value, param, ctx) -> str:
        if value in self.choices:
            return value
        raise Failure(f"--format must be one of {', '.join(self.choices)}, not {value!r}.")


# ---------------------------------------------------------------- options


def _built_guides(flag: str):
    return click.option(flag, type=click.Path(path_type=Path), default=DEFAULT_OUT,
                        show_default=True, help="Folder of the built guides.")


out_option = _built_guides("--out")
"``--out DIR``: the folder of built guides, for build, list, check and play."
built_option = _built_guides("--built")
"``--built DIR``: the same folder, for export, whose ``--out`` is where it writes."


def rate_option(verb: str | None = None):
    """``--rate``: words a minute. ``verb`` says what the rate chooses: "Check the edition built"."""
    what = "normal (150 words a minute), slow (120), or a number"
    return click.option("--rate", type=RateType(), metavar="RATE",
                        help=f"{verb} at this rate: {what}." if verb else f"{what}.")


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


# ------------------------------------------------------------------ steps


def aim(ctx: click.Context, guide: str | None = None, out: Path = DEFAULT_OUT,
        rate: Rate | None = None, engine: str | None = None, voice: str | None = None,
        out_flag: str = "--out") -> None:
    """Say which guide and edition the command works on, for the advice after an error."""
    ctx.meta[TARGET] = Target(guide, Path(out), rate.text if rate else None, engine, voice, out_flag)


def engine_for(ctx: click.Context, name: str = "pyttsx3"):
    """The engine given by the caller (tests pass a fake one), or the engine called ``name``."""
    obj = ctx.find_root().obj or {}
    if obj.get("engine") is not None:
        return obj["engine"]
    from guide.engines.base import make_engine

    return make_engine(name)


def load(guide_name: str | None):
    """The guide called ``guide_name``; each warning about its settings is said once a run."""
    from guide.scripts.store import find_guide, load_guide

    ctx = click.get_current_context(silent=True)
    warned = ctx.meta.setdefault(WARNED, set()) if ctx is not None else set()
    warnings: list[str] = []
    guide = load_guide(find_guide(guide_name), warnings)
    for warning in warnings:
        if warning not in warned:
            warned.add(warning)
            status(warning)
    return guide


def choose_edition(loaded, engine: str | None = None, voice: str | None = None,
                   rate: Rate | None = None):
    """The edition of the loaded guide that ``--engine``, ``--voice`` and ``--rate`` mean."""
    from guide.editions import choose

    return choose(loaded, engine, voice, rate.wpm if rate else None, rate.label if rate else "")


def phoneme_voice(edition, language: str) -> str:
    """The espeak-ng voice whose phonemes show what ``edition`` says: Piper reads text through
    espeak-ng in the guide's language (``es-419`` for ``es-US``)."""
    from guide.editions import espeak_voice

    return edition.voice if edition.engine == "pyttsx3" else espeak_voice(language)


def built_folder(guide, out: Path, rate: Rate | None = None, engine: str | None = None,
                 voice: str | None = None) -> Path:
    """Where the loaded ``guide``'s edition is built under ``out``: the one rule of the build."""
    from guide.layout import output_folder

    return output_folder(out, guide.slug, choose_edition(guide, engine, voice, rate).label)


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


def run_build(ctx: click.Context, guide_name: str | None, out: Path, rate: Rate | None = None,
              voice: str | None = None, bitrate: int = 64, jobs: int | None = None,
              force: bool = False, quiet: bool = False, engine: str | None = None):
    """Build a guide, printing progress lines; shared by build, export and play."""
    from guide.build.run import BuildOptions, build

    guide = load(guide_name)
    edition = choose_edition(guide, engine, voice, rate)
    options = BuildOptions(out_root=out, voice=edition.voice, rate=edition.rate,
                           edition=edition.label, bitrate=bitrate, force=force)
    if jobs:
        options = replace(options, jobs=jobs)
    return build(guide, engine_for(ctx, edition.engine), options,
                 progress=(lambda line: None) if quiet else status, on_wait=status)
