"""Writing files so that nothing is ever half-written.

* :func:`replacing`, the one way a file is written: a temporary path in the
  same folder to write, flushed to disk, then renamed over the old file; on
  any failure the temporary file is removed and the old file stays.
  :func:`atomic_write_bytes`, :func:`atomic_write_text`, :func:`atomic_copy`
  and :func:`atomic_output` are that, with each failure one sentence.
* :func:`swap_folder`, the one way a folder is replaced: the new folder, made
  beside the old one (:func:`staging`), is flushed to disk and swapped in
  with one atomic ``renameat2(RENAME_EXCHANGE)`` where Linux offers it, so a
  reader sees the old complete folder or the new complete one, never a mix,
  even after a power cut. :func:`publish` is that, never over a folder that
  ``may_replace`` says is not one of ours (see :func:`check_replaceable`).
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
from collections.abc import Callable, Iterator
from pathlib import Path

from guide.errors import FileError, UnsafeOutput


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


UMASK = _umask()
"Read once, so that files made through temporary names get the usual permissions."


REASONS = {
    errno.ENOSPC: ("the disk is full. Free some space and try again.", None),
    errno.EDQUOT: ("the disk quota is used up. Free some space and try again.", None),
    errno.EACCES: ("you do not have permission to write there.", "out"),
    errno.EPERM: ("you do not have permission to write there.", "out"),
    errno.EROFS: ("that folder is read-only.", "out"),
    errno.ENOTDIR: ("cannot be written, because part of that path is a file, not a folder.", None),
}
"What an OSError while writing means to a user, and the hint that goes with it."


def write_error(path: Path, exc: OSError, hint: str = "out") -> FileError:
    """One sentence for an OSError while writing ``path``; ``hint`` is the advice where another
    folder would help (``out``, or ``scripts`` for a guide folder)."""
    reason, advice = REASONS.get(exc.errno or 0, (f"could not be written ({exc.strerror or exc}).", None))
    return FileError(path, reason, hint=hint if advice else None)


def file_error(path: Path, exc: BaseException, within: Path | None = None) -> FileError | None:
    """The one-sentence :class:`FileError` for ``exc``, or ``None`` if no OSError caused it.

    The error names ``path``, or the file the OSError names when that is not
    inside ``within`` (a staging folder the user never sees). Libraries wrap
    OSError in their own exceptions (mutagen raises its own ``error`` for a
    full disk), so the chain of causes is searched.
    """
    seen: set[int] = set()
    cause: BaseException | None = exc
    while cause is not None and id(cause) not in seen:
        if isinstance(cause, OSError):
            named = Path(os.fsdecode(cause.filename)) if cause.filename else None
            if named is not None and within is not None and not named.is_relative_to(within):
                path = named
            return write_error(path, cause)
        seen.add(id(cause))
        cause = cause.__cause__ or cause.__context__
    return None


def _fsync(path: Path | str) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """A new temporary path beside ``path`` for the block to write; then flushed and renamed to ``path``.

    The temporary file keeps ``path``'s extension (``.book.x1y2.part.m4b``), so a program that
    chooses its format by the name can write it. It has the usual permissions. If the block
    fails, or the file cannot be flushed or renamed, it is removed and ``path`` is as it was;
    an OSError is raised as it is (the wrappers below turn it into one sentence).
    """
    path = Path(path)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}.", suffix=f".part{path.suffix}")
    tmp = Path(name)
    try:
        os.fchmod(fd, 0o666 & ~UMASK)
        os.close(fd)
        fd = -1
        yield tmp
        _fsync(tmp)
        os.replace(tmp, path)
    except BaseException:
        if fd >= 0:
            os.close(fd)
        tmp.unlink(missing_ok=True)
        raise


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through :func:`replacing`; a failure is one sentence."""
    path = Path(path)
    try:
        with replacing(path) as tmp:
            tmp.write_bytes(data)
    except OSError as exc:
        raise write_error(path, exc) from exc


def atomic_write_text(path: Path, text: str) -> None:
    """Write UTF-8 text atomically."""
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_copy(src: Path, dest: Path) -> Path:
    """Copy a file to ``dest`` through :func:`replacing`, making its folder first."""
    dest = Path(dest)
    make_dirs(dest.parent)
    try:
        with replacing(dest) as tmp:
            try:
                with open(src, "rb") as source, open(tmp, "wb") as out:
                    shutil.copyfileobj(source, out, 1 << 20)
            except FileNotFoundError as exc:
                if exc.filename != str(src):
                    raise
                raise FileError(src, "is missing.", hint="build") from exc
    except OSError as exc:
        raise write_error(dest, exc) from exc
    return dest


@contextlib.contextmanager
def atomic_output(dest: Path) -> Iterator[Path]:
    """A temporary path beside ``dest`` for a program (ffmpeg, zipfile) to write, made into ``dest``
    at the end (:func:`replacing`, with its folder made first); a failure is one sentence."""
    dest = Path(dest)
    make_dirs(dest.parent)
    try:
        with replacing(dest) as tmp:
            yield tmp
    except OSError as exc:
        raise write_error(dest, exc) from exc


def make_dirs(path: Path, hint: str = "out") -> Path:
    """``mkdir -p`` that fails with a sentence; ``hint`` as for :func:`write_error`."""
    try:
        Path(path).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        blocking = _blocking_file(Path(path))
        if blocking is not None:
            raise FileError(blocking, "is a file, not a folder.", hint=hint) from exc
        raise write_error(Path(path), exc, hint) from exc
    return Path(path)


def _blocking_file(path: Path) -> Path | None:
    """The first part of ``path`` that is a file, which stops the folder being made."""
    for part in [*reversed(path.parents), path]:
        if part.exists() and not part.is_dir():
            return part
    return None


@contextlib.contextmanager
def staging(final: Path, hint: str = "out") -> Iterator[Path]:
    """A new empty folder beside ``final``, removed again when the block ends.

    Fill it, then :func:`publish` it (or :func:`swap_folder`) inside the block. ``hint`` is
    the advice of a failure to make it where another folder would help.
    """
    make_dirs(final.parent, hint)
    try:
        folder = Path(tempfile.mkdtemp(prefix=f".{final.name}.staging-", dir=final.parent))
        folder.chmod(0o777 & ~UMASK)
    except OSError as exc:
        raise write_error(final.parent, exc, hint) from exc
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)  # gone once published; left only if not


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
            _fsync(os.path.join(root, name))


def swap_folder(new: Path, final: Path) -> None:
    """Put the folder ``new`` in the place of ``final`` (which may be missing), atomically where
    the system can; an OSError is raised as it is.

    Everything in ``new`` is flushed to disk first. Where no atomic exchange is offered, the old
    folder is renamed aside, the new one in, and the old one removed; if the second rename fails
    the old folder is put back, and one left aside by a crash is put back by :func:`recover`.
    """
    _sync_tree(new)
    if not final.exists():
        new.rename(final)
        return
    if _exchange(new, final):
        shutil.rmtree(new, ignore_errors=True)
        return
    old = final.with_name(f".{final.name}.old-{os.getpid()}")
    final.rename(old)
    try:
        new.rename(final)
    except OSError:
        old.rename(final)
        raise
    shutil.rmtree(old, ignore_errors=True)


def check_replaceable(final: Path, may_replace: Callable[[Path], bool] | None) -> None:
    """:class:`UnsafeOutput` if ``final`` is there and ``may_replace`` says it is not ours to replace."""
    if may_replace is not None and os.path.lexists(final) and not may_replace(final):
        raise UnsafeOutput(final, "is not a folder that guide built, so it was not replaced.",
                           hint="move-out")


def publish(new: Path, final: Path, may_replace: Callable[[Path], bool] | None = None,
            hint: str = "out") -> None:
    """:func:`swap_folder`, a failure as one sentence; ``may_replace``, if given, is asked first
    whether an existing ``final`` may go."""
    check_replaceable(final, may_replace)
    try:
        swap_folder(new, final)
    except OSError as exc:
        raise write_error(final, exc, hint) from exc


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
        raise write_error(lock_path.parent, exc) from exc
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
