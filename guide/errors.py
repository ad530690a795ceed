"""Every error the core can raise. Each is one line that can be read aloud.

Only :mod:`guide.cli` turns these into what the user sees (the sentence, and
the advice for its :attr:`GuideError.hint` in :mod:`guide.cli.advice`); the
core never prints and never exits.
"""

from __future__ import annotations

from pathlib import Path


class GuideError(Exception):
    "Something went wrong; the message says what, in one sentence"

    hint: str | None = None
    """What the user can do, as a key the command line turns into advice with its own flag names:
    ``out`` (another output folder), ``move-out`` (move it away, or another output folder),
    ``scripts`` (another scripts folder), ``slug`` (or another name: the message ends with what
    else to do), ``force`` (replace it, or another name), ``rebuild`` (build the guide again
    from nothing), ``build`` (build it first), ``list`` (see the chapters), ``voices`` and
    ``piper-voices`` (see the voices), ``sound`` (no sound output: another one, or none),
    ``say-out`` (write the clip to a file), ``approve`` (approve the guide again). The core's
    messages never name a flag or a command; only :mod:`guide.cli.advice` does."""

    advice_joins: str = "sentence"
    """How the advice follows the message: ``sentence`` (a sentence of its own) or ``clause``
    (after a semicolon, in the message's own sentence: "X is damaged; build it again ...")."""

    def __init__(self, *args: object, hint: str | None = None):
        super().__init__(*args)
        if hint is not None:
            self.hint = hint


class FileError(GuideError):
    "A file could not be read or written"

    def __init__(self, path: Path | str, reason: str, *, hint: str | None = None):
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}", hint=hint)


class ArticleError(FileError):
    "The article could not be read as an article"


class ScriptError(FileError):
    "A narration script or guide.toml could not be read"


class UnknownGuide(GuideError):
    "No guide with that name or folder exists"


class UnknownChapter(GuideError):
    "The guide has no chapter with that number or name"


class UnknownVoice(GuideError):
    "The speech engine has no voice with that name"


class UnknownLanguage(GuideError):
    "The guide has no speech rules for a language"


class WrongLanguageVoice(GuideError):
    "The voice speaks another language than the guide's"


class GuideExists(GuideError):
    "A guide folder is already there and was not to be replaced"


class MissingTool(GuideError):
    "A program the guide needs (espeak-ng, ffmpeg, mpv) is not installed"

    def __init__(self, program: str, package: str | None = None):
        self.program = program
        self.package = package or program
        super().__init__(
            f"{program} was not found. Install it with: sudo apt-get install {self.package}"
        )


class SynthesisError(GuideError):
    "The speech engine did not give a complete clip for a sentence, even after a retry"


class AudioError(GuideError):
    "ffmpeg could not decode, measure or encode audio"


class BuildStopped(GuideError):
    "A chapter stopped early because the build as a whole failed or was interrupted"


class NotBuilt(GuideError):
    "The guide has not been built yet"


class DamagedOutput(FileError):
    "A built guide's file is damaged, cut short, missing or leads outside its folder"

    hint = "rebuild"
    advice_joins = "clause"

    def __init__(self, path: Path | str, reason: str = "is damaged", *, hint: str | None = None):
        super().__init__(path, reason, hint=hint)
        self.args = (f"{self.path} {reason}.",)

    def __str__(self) -> str:
        return self.args[0]


class UnsafeOutput(FileError):
    "An output would replace, or be written into, a folder that guide did not make"

    advice_joins = "clause"

    def __init__(self, path: Path | str, reason: str, *, hint: str | None = None):
        super().__init__(path, reason, hint=hint)
        self.args = (f"{self.path} {reason}",)

    def __str__(self) -> str:
        return self.args[0]
