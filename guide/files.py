"""Writing files so that nothing is ever half-written.

* :func:`atomic_write_text` / :func:`atomic_write_bytes`: a temporary file in
  the same folder, flushed, then renamed over the old one.
* :func:`staging` and :func:`publish`: a whole output folder is made beside
  the real one, flushed to disk, and swapped in with one atomic
  ``renameat2(RENAME_EXCHANGE)`` where Linux offers it, so a reader sees the
  old complete folder or the new complete one, never a mix, even after a
  power cut. :func:`publish` never replaces a folder that ``may_replace``
  says is not one of ours (see :func:`check_replaceable`).
* :func:`exclusive`: one build of a guide at a time.
* :func:`file_error`: any OSError (or a library error caused by one) as a
  one-sentence :class:`~guide.errors.FileError`.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import os
import shutil
import tempfile
from pathlib import Path
from typing import Callable, Iterator

from guide.errors import FileError, UnsafeOutput


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


UMASK = _umask()
"Read once, so that files made through temporary names get the usual permissions."


def _fail(path: Path, exc: OSError) -> FileError:
    reasons = {
        errno.ENOSPC: "the disk is full. Free some space and try again.",
        errno.EDQUOT: "the disk quota is used up. Free some space and try again.",
        errno.EACCES: "you do not have permission to write there. Choose another folder with --out.",
        errno.EPERM: "you do not have permission to write there. Choose another folder with --out.",
        errno.EROFS: "that folder is read-only. Choose another folder with --out.",
        errno.ENOTDIR: "cannot be written, because part of that path is a file, not a folder.",
    }
    return FileError(path, reasons.get(exc.errno, f"could not be written ({exc.strerror or exc})."))


def file_error(path: Path, exc: BaseException, within: Path | None = None) -> FileError | None:
    """The one-sentence :class:`FileError` for ``exc``, or ``None`` if no OSError caused it.

    The error names ``path``, or the file the OSError names when that is not
    inside ``within`` (a staging folder the user never sees). Libraries wrap
    OSError in their own exceptions (mutagen raises its own ``error`` for a
    full disk), so the chain of causes is searched.
    """
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, OSError):
            named = Path(os.fsdecode(exc.filename)) if exc.filename else None
            if named is not None and within is not None and not named.is_relative_to(within):
                path = named
            return _fail(path, exc)
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
    return None


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename."""
    path = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    except OSError as exc:
        raise _fail(path, exc) from None
    try:
        os.fchmod(fd, 0o666 & ~UMASK)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise _fail(path, exc) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write_text(path: Path, text: str) -> None:
    """Write UTF-8 text atomically."""
    atomic_write_bytes(path, text.encode("utf-8"))


def make_dirs(path: Path) -> Path:
    """``mkdir -p`` that fails with a sentence."""
    try:
        Path(path).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        blocking = _blocking_file(Path(path))
        if blocking is not None:
            raise FileError(blocking, "is a file, not a folder. Choose another folder with --out.") from None
        raise _fail(Path(path), exc) from None
    return Path(path)


def _blocking_file(path: Path) -> Path | None:
    """The first part of ``path`` that is a file, which stops the folder being made."""
    for part in [*reversed(path.parents), path]:
        if part.exists() and not part.is_dir():
            return part
    return None


@contextlib.contextmanager
def staging(final: Path) -> Iterator[Path]:
    """A new empty folder beside ``final``, removed again if the block fails."""
    make_dirs(final.parent)
    try:
        folder = Path(tempfile.mkdtemp(prefix=f".{final.name}.staging-", dir=final.parent))
        folder.chmod(0o777 & ~UMASK)
    except OSError as exc:
        raise _fail(final.parent, exc) from None
    try:
        yield folder
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    shutil.rmtree(folder, ignore_errors=True)  # gone after publish; left if not published


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically; ``False`` where the system cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    return result == 0


def _sync_tree(folder: Path) -> None:
    """Flush every file and folder under ``folder`` to disk, so a swap never names empty files."""
    for root, dirs, files in os.walk(folder, topdown=False):
        for name in [*files, *dirs, "."]:
            fd = os.open(os.path.join(root, name), os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)


def check_replaceable(final: Path, may_replace: Callable[[Path], bool] | None) -> None:
    """:class:`UnsafeOutput` if ``final`` is there and ``may_replace`` says it is not ours to replace."""
    if may_replace is not None and os.path.lexists(final) and not may_replace(final):
        raise UnsafeOutput(final, "is not a folder that guide built, so it was not replaced; "
                                  "move it away or choose another folder with --out.")


def publish(new: Path, final: Path, may_replace: Callable[[Path], bool] | None = None) -> None:
    """Put the folder ``new`` in the place of ``final``, atomically where possible.

    ``may_replace``, if given, is asked first whether an existing ``final`` may go.
    """
    check_replaceable(final, may_replace)
    try:
        _sync_tree(new)
        if not final.exists():
            new.rename(final)
            return
        if _exchange(new, final):
            shutil.rmtree(new, ignore_errors=True)
            return
        old = final.with_name(f".{final.name}.old-{os.getpid()}")
        final.rename(old)
        new.rename(final)
        shutil.rmtree(old, ignore_errors=True)
    except OSError as exc:
        raise _fail(final, exc) from None


def recover(final: Path) -> None:
    """Undo what an interrupted :func:`publish` or build left beside ``final``."""
    parent = final.parent
    if not parent.is_dir():
        return
    olds = sorted(parent.glob(f".{final.name}.old-*"))
    if olds and not final.exists():
        olds.pop().rename(final)
    for leftover in [*olds, *parent.glob(f".{final.name}.staging-*")]:
        shutil.rmtree(leftover, ignore_errors=True)


@contextlib.contextmanager
def exclusive(lock_path: Path, on_wait: Callable[[], None] | None = None) -> Iterator[None]:
    """Hold an exclusive lock on ``lock_path``; call ``on_wait`` first if it is taken."""
    make_dirs(lock_path.parent)
    try:
        handle = open(lock_path, "a")
    except OSError as exc:
        raise _fail(lock_path.parent, exc) from None
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait:
                on_wait()
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def atomic_copy(src: Path, dest: Path) -> Path:
    """Copy a file to ``dest`` through a temporary name and a rename."""
    dest = Path(dest)
    make_dirs(dest.parent)
    try:
        fd, tmp = tempfile.mkstemp(dir=dest.parent, prefix=f".{dest.name}.", suffix=".part")
    except OSError as exc:
        raise _fail(dest, exc) from None
    try:
        os.fchmod(fd, 0o666 & ~UMASK)
        with os.fdopen(fd, "wb") as out, open(src, "rb") as source:
            shutil.copyfileobj(source, out, 1 << 20)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, dest)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, FileNotFoundError) and exc.filename == str(src):
            raise FileError(src, "is missing. Run: guide build") from None
        raise _fail(dest, exc) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return dest
