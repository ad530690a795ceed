"""Every error the core can raise. Each is one line that can be read aloud.

Only :mod:`guide.cli.app` turns these into :class:`click.ClickException`; the core
never prints and never exits.
"""

from __future__ import annotations

from pathlib import Path


class GuideError(Exception):
    "Something went wrong; the message says what, in one sentence"

    hint: str | None = None
    """What the user can do, as a key the command line turns into advice with its own flag names:
    ``out`` (another output folder), ``scripts`` (another scripts folder), ``slug`` (another
    name), ``force`` (replace it), ``rebuild`` (build the guide again), ``build`` (build it
    first). The core's messages never name a flag or a command; only :mod:`guide.cli` does."""

    def __init__(self, *args: object, hint: str | None = None):
        super().__init__(*args)
        if hint is not None:
            self.hint = hint


class FileError(GuideError):
    "A file could not be read or written"

    def __init__(self, path: Path | str, reason: str):
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


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


class WrongLanguageVoice(GuideError):
    "The voice speaks another language than the guide's"


class GuideExists(GuideError):
    "A guide folder is already there and --force was not given"


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

    def __init__(self, path: Path | str, reason: str = "is damaged",
                 command: str = "guide build --force"):
        super().__init__(path, reason)
        self.command = command
        self.args = (f"{self.path} {reason}; build it again with {command}.",)

    def __str__(self) -> str:
        return self.args[0]


class UnsafeOutput(FileError):
    "An output would replace, or be written into, a folder that guide did not make"

    def __init__(self, path: Path | str, reason: str):
        super().__init__(path, reason)
        self.args = (f"{self.path} {reason}",)

    def __str__(self) -> str:
        return self.args[0]
