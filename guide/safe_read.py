"""Reading the files a user or an editor gave: only ordinary files, never too much.

Every file the guide reads as input (an article, ``guide.toml``, a chapter
script, ``lexicon.toml``) goes through :func:`read_bytes`:

* it is opened with ``O_NONBLOCK``, so a named pipe (FIFO) never makes the
  program wait for a writer that never comes;
* ``fstat`` on the open file must say it is a regular file: a folder, a pipe,
  a device (``/dev/zero``, which never ends) or a socket is refused;
* at most ``limit`` bytes are read, and a bigger file is refused;
* a file of a guide folder (``inside``) may be a link only to a file in that
  folder: a link out of it (to ``/etc/passwd``, say) is refused, and the file
  is then opened with ``O_NOFOLLOW``.

Each refusal is one sentence, in the error class the caller gives.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from guide.errors import FileError, ScriptError

MAX_EDITOR_BYTES = 5 * 1024 * 1024
"""Largest script, ``guide.toml`` or ``lexicon.toml`` read, in bytes (5 MiB), as for an article.

A chapter script is a few kilobytes and a lexicon of 5,000 terms about half a
megabyte; anything bigger was picked by mistake, or never ends (``/dev/zero``).
"""

_KINDS = (
    (stat.S_ISDIR, "is a folder, not a file."),
    (stat.S_ISFIFO, "is a named pipe, not a file; only ordinary files are read."),
    (stat.S_ISCHR, "is a device, not a file; only ordinary files are read."),
    (stat.S_ISBLK, "is a device, not a file; only ordinary files are read."),
    (stat.S_ISSOCK, "is a socket, not a file; only ordinary files are read."),
)
_OUTSIDE = ("is a link to a file outside the guide folder, which is never read. "
            "Put the file itself in the guide folder.")


def size_in_words(count: int) -> str:
    """A byte count in words: ``5 MB`` for whole mebibytes, else bytes."""
    mebibyte = 1024 * 1024
    if count >= mebibyte and count % mebibyte == 0:
        return f"{count // mebibyte} MB"
    return f"{count} bytes"


def _open_reason(exc: OSError) -> str:
    if exc.errno == errno.ENOENT:
        return "was not found. Check the file name and try again."
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "cannot be opened: permission denied."
    if exc.errno == errno.ENXIO:  # a socket
        return "is a socket, not a file; only ordinary files are read."
    if exc.errno == errno.ELOOP:
        return "is a link that changed while it was read. Try again."
    return f"cannot be read ({exc.strerror or exc})."


def is_outside(path: Path, folder: Path) -> bool:
    """Whether ``path``, with every link followed, leads out of ``folder``."""
    real, base = os.path.realpath(path), os.path.realpath(folder)
    return real != base and not real.startswith(base.rstrip(os.sep) + os.sep)


def read_bytes(path: Path | str, limit: int, error: type[FileError] = FileError, *,
               what: str = "read here", inside: Path | None = None) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them.

    ``what`` names what the file should be ("an article"), for the sentence
    that refuses a bigger file. ``inside`` is the guide folder the file must
    stay in. Every refusal is ``error(path, reason)``.
    """
    path = Path(path)
    target, flags = path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC
    if inside is not None:
        if is_outside(path, inside):
            raise error(path, _OUTSIDE)
        target, flags = Path(os.path.realpath(path)), flags | os.O_NOFOLLOW
    try:
        fd = os.open(target, flags)
    except OSError as exc:
        raise error(path, _open_reason(exc)) from None
    try:
        info = os.fstat(fd)
        for test, reason in _KINDS:
            if test(info.st_mode):
                raise error(path, reason)
        if not stat.S_ISREG(info.st_mode):
            raise error(path, "is not an ordinary file, so it is not read.")
        too_big = (f"is larger than {size_in_words(limit)}, too big to be {what}. "
                   "Split it into smaller files and try again.")
        if info.st_size > limit:
            raise error(path, too_big)
        data = _read_at_most(fd, limit + 1, path, error)
    finally:
        os.close(fd)
    if len(data) > limit:  # it grew while it was read
        raise error(path, too_big)
    return data


def _read_at_most(fd: int, most: int, path: Path, error: type[FileError]) -> bytes:
    chunks: list[bytes] = []
    left = most
    try:
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as exc:
        raise error(path, f"cannot be read ({exc.strerror or exc}).") from None
    return b"".join(chunks)


def read_editor_text(path: Path | str, what: str = "a narration script",
                     inside: Path | None = None) -> str:
    """A UTF-8 file an editor wrote (a script, ``guide.toml``, ``lexicon.toml``), read safely;
    every problem is a :class:`~guide.errors.ScriptError` naming the file."""
    path = Path(path)
    data = read_bytes(path, MAX_EDITOR_BYTES, ScriptError, what=what, inside=inside)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ScriptError(
            path,
            f"is not UTF-8 text (a byte on line {line} cannot be read). "
            "Save it as UTF-8 in your editor and try again.",
        ) from None
