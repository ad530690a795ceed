"""What the user can do about a core error, in this command line's own words.

The core never names a flag or a command: an error carries a ``hint`` key
(:attr:`guide.errors.GuideError.hint`) and this module, the one table of
advice, turns it into words with the flags of the command that is running.
:func:`sentence` joins the advice to the message the way the error asks
(:attr:`~guide.errors.GuideError.advice_joins`):

* ``sentence``: a sentence of its own. ``notes.txt: is a file, not a
  folder.`` + ``out`` → ``notes.txt: is a file, not a folder. Choose another
  folder with --out.``
* ``clause``: after a semicolon, in the message's own sentence.
  ``out/tiny/manifest.json is damaged.`` + ``rebuild`` →
  ``out/tiny/manifest.json is damaged; build it again with guide build tiny --force.``
* Advice that starts with "or" goes on from the message's last sentence:
  ``... is never replaced. Remove the link.`` + ``slug`` → ``... Remove the
  link, or choose another --slug.``

The guide and edition a command works on (:class:`Target`) fill in commands
such as ``guide build tiny --rate slow --out built --force``.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass
from pathlib import Path

DEFAULT_OUT = Path("audio_out")
"The folder of built guides when ``--out`` is not given."

ADVICE = {
    "out": "Choose another folder with {out_flag}.",
    "move-out": "Move it away or choose another folder with {out_flag}.",
    "scripts": "Choose another folder with --scripts.",
    "slug": "or choose another --slug.",
    "force": "Use --force to replace it, or choose another --slug.",
    "rebuild": "Run: {rebuild}",
    "build": "Run: guide build",
    "list": "To see the chapters, run: {list}",
    "voices": "The command guide voices lists them.",
    "piper-voices": "The command guide voices --engine piper lists them.",
    "sound": "Connect speakers or headphones, or add --audio-output null to play without sound.",
    "say-out": "Connect speakers or headphones, or write it to a file with --out clip.wav.",
    "approve": "Approve the guide again with guide approve.",
}
"Every hint key and its advice; ``{out_flag}``, ``{rebuild}`` and ``{list}`` come from the :class:`Target`."

CLAUSES = {
    "rebuild": "build it again with {rebuild}.",
}
"Advice worded differently after a semicolon; any other is its sentence without the capital."


@dataclass(frozen=True)
class Target:
    """The guide and edition the running command works on, as the user gave them."""

    guide: str | None = None
    "The GUIDE argument, or ``None`` for the shipped guide."
    out: Path = DEFAULT_OUT
    "The folder of built guides."
    rate: str | None = None
    "``--rate`` as it was typed, or ``None``."
    engine: str | None = None
    "``--engine``, or ``None``."
    voice: str | None = None
    "``--voice``, or ``None``."
    out_flag: str = "--out"
    "The option that names the folder being written: ``--out``, or ``--scripts`` for guide new."


def rebuild_command(target: Target) -> str:
    """The command that builds this edition again from nothing: ``guide build tiny --force``."""
    parts = ["guide build", *([shlex.quote(target.guide)] if target.guide else [])]
    if target.engine:
        parts += ["--engine", target.engine]
    if target.voice:
        parts += ["--voice", shlex.quote(target.voice)]
    if target.rate and target.rate.lower() != "normal":
        parts += ["--rate", shlex.quote(target.rate)]
    if Path(target.out) != DEFAULT_OUT:
        parts += ["--out", shlex.quote(str(target.out))]
    return " ".join([*parts, "--force"])


def list_command(target: Target) -> str:
    """The command that lists the chapters of the guide: ``guide list tiny``."""
    return f"guide list {target.guide}" if target.guide else "guide list"


def advice(hint: str | None, target: Target | None = None, clause: bool = False) -> str | None:
    """The advice for ``hint`` with the target's flags filled in; ``None`` for no or an unknown hint."""
    if hint not in ADVICE:
        return None
    target = target or Target()
    text = ADVICE[hint]
    if clause and not text.startswith("or "):
        text = CLAUSES.get(hint) or text[0].lower() + text[1:]
    return text.format(out_flag=target.out_flag, rebuild=rebuild_command(target),
                       list=list_command(target))


def sentence(error: Exception, target: Target | None = None) -> str:
    """The error's message and the advice for its hint, as the one line the user reads."""
    message = str(error).strip()
    clause = getattr(error, "advice_joins", "sentence") == "clause"
    said = advice(getattr(error, "hint", None), target, clause)
    if said is None:
        return message
    if said.startswith("or ") or clause:
        joint = ", " if said.startswith("or ") else "; "
        return message.rstrip(".") + joint + said
    if not message.endswith((".", "!", "?")):
        message += "."
    return f"{message} {said}"
