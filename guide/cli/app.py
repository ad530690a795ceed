"""The ``guide`` command: the group, ``--version``, ``--debug``, and errors as sentences.

Data goes to stdout; progress, status and errors go to stderr as plain
lines, one sentence each, that a screen reader can read aloud. Errors from
the core (:class:`guide.errors.GuideError`) become one sentence, with the
advice for their hint (:mod:`guide.cli.advice`), and exit status 1, never a
traceback; ``guide --debug`` (or ``GUIDE_DEBUG=1``) also prints the traceback
and the chain of causes. There is no colour anywhere, so ``NO_COLOR``,
``TERM=dumb`` and pipes need no special case.

Each command is a module of :mod:`guide.cli`, imported only when it runs
(click's lazy-group pattern), so ``guide --version`` and ``guide list`` start
quickly; :data:`COMMANDS` keeps each one's summary, so ``guide --help`` lists
them all without importing any.
"""

from __future__ import annotations

import importlib
import signal
import sys
from collections.abc import Iterator, MutableMapping

import click

from guide import __version__
from guide.cli.options import TARGET, Failure
from guide.errors import GuideError

COMMANDS = {
    "approve": ("guide.cli.approve", "approve",
                "Approve GUIDE for patient use as it is now, or take the approval back."),
    "build": ("guide.cli.build", "build", "Build GUIDE into MP3s, transcripts, a playlist and a manifest."),
    "cache": ("guide.cli.cache", "cache", "Show the clip cache's size and location (or: guide cache clear)."),
    "check": ("guide.cli.check", "check",
              "Check GUIDE before it goes out: reading grade (INFLESZ for a Spanish guide), sentence "
              "and chapter lengths, medical words explained, words the voice may say badly, whether "
              "every section of the source article is used, and, for a translation, whether it says "
              "what its original says."),
    "export": ("guide.cli.export", "export", "Copy a built GUIDE to a folder, building it first if needed."),
    "list": ("guide.cli.list", "list_", "List the chapters of GUIDE, with their lengths once it is built."),
    "new": ("guide.cli.new", "new", "Write draft narration scripts for ARTICLE (text, Markdown or HTML)."),
    "play": ("guide.cli.play", "play",
             "Play GUIDE, from its first chapter, from CHAPTER (a number or a title), or from where "
             "you stopped last time."),
    "say": ("guide.cli.say", "say",
            "Say TEXT the way a guide would: through the same normalisation, lexicon and voice. It "
            "is played, or written to --out."),
    "voices": ("guide.cli.voices", "voices", "List the voices the speech engine offers, for --voice."),
}
"""Every command: its module, the command's name there, and the first paragraph of its help
(what ``guide --help`` shortens to one line; a test keeps it the same as the command's own)."""

UNEXPECTED = "Something went wrong that guide did not expect: {what}."
"The one sentence for an exception that is not a GuideError."
DEBUG_ADVICE = "Run again with --debug to see the details."
"Added to :data:`UNEXPECTED` when the details were not shown."


class LazyCommands(MutableMapping):
    """The group's commands by name; a command's module is imported the first time it is asked for."""

    def __init__(self, table: dict[str, tuple[str, str, str]]):
        self._table = table
        self._loaded: dict[str, click.Command] = {}

    def __getitem__(self, name: str) -> click.Command:
        if name not in self._loaded:
            module, attribute, _ = self._table[name]
            self._loaded[name] = getattr(importlib.import_module(module), attribute)
        return self._loaded[name]

    def __setitem__(self, name: str, command: click.Command) -> None:
        self._loaded[name] = command

    def __delitem__(self, name: str) -> None:
        self._loaded.pop(name, None)
        self._table = {k: v for k, v in self._table.items() if k != name}

    def __iter__(self) -> Iterator[str]:
        return iter(sorted({*self._table, *self._loaded}))

    def __len__(self) -> int:
        return len({*self._table, *self._loaded})

    def __contains__(self, name: object) -> bool:
        return name in self._table or name in self._loaded

    def summary(self, name: str) -> str:
        """The first paragraph of the command's help, without importing it when it is in the table."""
        if name in self._table and name not in self._loaded:
            return self._table[name][2]
        command = self[name]
        return (command.help or "").split("\n\n")[0]


class GuideGroup(click.Group):
    """Loads commands when they run; turns core errors into one sentence and Ctrl-C into a calm line."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.lazy_commands = LazyCommands(COMMANDS)
        "The commands, loaded when first asked for; ``commands`` is the same mapping."
        self.commands = self.lazy_commands

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The commands and their summaries, from the table: ``--help`` imports no command."""
        names = self.list_commands(ctx)
        if not names:
            return
        limit = formatter.width - 6 - max(len(name) for name in names)
        rows = [(name, click.Command(name, help=self.lazy_commands.summary(name)).get_short_help_str(limit))
                for name in names]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except GuideError as exc:
            from guide.cli.advice import sentence

            _show_details(ctx, exc)
            raise Failure(sentence(exc, ctx.meta.get(TARGET))) from exc
        except KeyboardInterrupt:
            click.echo("Stopped. Files that were already complete are unchanged.", err=True)
            ctx.exit(130)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except Exception as exc:
            _show_details(ctx, exc)
            what = (str(exc).strip().rstrip(".") or type(exc).__name__)
            line = UNEXPECTED.format(what=what)
            raise Failure(line if _debugging(ctx) else f"{line} {DEBUG_ADVICE}") from exc


def _debugging(ctx: click.Context) -> bool:
    return bool(ctx.find_root().params.get("debug"))


def _show_details(ctx: click.Context, exc: BaseException) -> None:
    """With ``--debug``: the traceback and every cause, on stderr, before the sentence."""
    if _debugging(ctx):
        import traceback

        click.echo("".join(traceback.format_exception(exc)).rstrip("\n"), err=True)


@click.group(cls=GuideGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="guide", message="%(prog)s %(version)s")
@click.option("--debug", is_flag=True, envvar="GUIDE_DEBUG",
              help="On an error, also print the traceback and its causes (or set GUIDE_DEBUG=1).")
def cli(debug: bool) -> None:
    """Make and play offline audio guides from patient-education articles.

    GUIDE is a guide's short name under ./scripts, or the path of a guide
    folder. Without it, the guide that ships with this program is used.
    """


def _stop(signum, frame) -> None:
    """SIGTERM (a shutdown, or ``kill``) stops like Ctrl-C: cleanly, with one line."""
    raise KeyboardInterrupt


def main() -> None:
    """Console entry point."""
    signal.signal(signal.SIGTERM, _stop)
    try:
        cli(prog_name="guide")
    except KeyboardInterrupt:  # outside any command, e.g. while click parses
        click.echo("Stopped.", err=True)
        sys.exit(130)


if __name__ == "__main__":
    main()
