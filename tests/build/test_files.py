"""The one atomic writer and the one folder swap of guide.files."""

from __future__ import annotations

from pathlib import Path

import pytest

from guide import files
from guide.errors import FileError, UnsafeOutput
from guide.files import (
    atomic_copy,
    atomic_output,
    atomic_write_text,
    make_dirs,
    publish,
    replacing,
    staging,
    swap_folder,
)


def test_replacing_writes_beside_with_the_same_extension_and_renames_at_the_end(tmp_path):
    dest = tmp_path / "book.m4b"
    dest.write_bytes(b"old")
    with replacing(dest) as tmp:
        assert tmp.parent == tmp_path and tmp.name.startswith(".book.") and tmp.suffix == ".m4b"
        tmp.write_bytes(b"new")
        assert dest.read_bytes() == b"old"
    assert dest.read_bytes() == b"new" and sorted(tmp_path.iterdir()) == [dest]
    assert dest.stat().st_mode & 0o777 == 0o666 & ~files.UMASK


def test_replacing_leaves_the_old_file_and_nothing_else_when_the_writer_fails(tmp_path):
    dest = tmp_path / "notes.txt"
    dest.write_text("old")
    with pytest.raises(RuntimeError), replacing(dest) as tmp:
        tmp.write_text("half")
        raise RuntimeError("the writer stopped")
    assert dest.read_text() == "old" and sorted(tmp_path.iterdir()) == [dest]


def test_the_wrappers_fail_with_one_sentence_and_a_hint(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(FileError) as caught:
        atomic_write_text(blocker / "a.txt", "text")
    assert "\n" not in str(caught.value) and "--" not in str(caught.value)
    with pytest.raises(FileError) as caught:
        make_dirs(blocker / "deeper")
    assert caught.value.path == blocker and caught.value.hint == "out"
    assert str(caught.value) == f"{blocker}: is a file, not a folder."
    with pytest.raises(FileError) as caught:
        with atomic_output(blocker / "book.m4b"):
            pass
    assert caught.value.hint == "out" and blocker.read_text() == "x"


def test_copying_a_missing_file_says_it_is_missing_and_to_build(tmp_path):
    with pytest.raises(FileError) as caught:
        atomic_copy(tmp_path / "gone.mp3", tmp_path / "out" / "gone.mp3")
    assert str(caught.value) == f"{tmp_path / 'gone.mp3'}: is missing." and caught.value.hint == "build"
    assert list((tmp_path / "out").iterdir()) == []


def test_no_permission_is_a_sentence_with_the_out_hint(tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(files.tempfile, "mkstemp", refuse)  # as a folder of another user does
    with pytest.raises(FileError) as caught:
        atomic_write_text(tmp_path / "a.txt", "x")
    assert caught.value.reason == "you do not have permission to write there." and caught.value.hint == "out"
    assert isinstance(caught.value.__cause__, PermissionError)


def _folder(path: Path, text: str) -> Path:
    path.mkdir(parents=True)
    (path / "file.txt").write_text(text)
    return path


@pytest.mark.parametrize("exchange", [True, False])
def test_swap_folder_puts_the_new_folder_in_place_of_the_old(tmp_path, monkeypatch, exchange):
    if not exchange:
        monkeypatch.setattr(files, "_exchange", lambda a, b: False)
    final = _folder(tmp_path / "final", "old")
    with staging(final) as new:
        (new / "file.txt").write_text("new")
        swap_folder(new, final)
    assert (final / "file.txt").read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["final"]


def test_a_swap_that_fails_half_way_puts_the_old_folder_back(tmp_path, monkeypatch):
    monkeypatch.setattr(files, "_exchange", lambda a, b: False)
    final = _folder(tmp_path / "final", "old")
    new = _folder(tmp_path / "new", "new")
    real = Path.rename

    def refuse_new(self, target):
        if self == new:
            raise OSError(28, "No space left on device")
        return real(self, target)

    monkeypatch.setattr(Path, "rename", refuse_new)
    with pytest.raises(FileError, match="the disk is full"):
        publish(new, final)
    assert (final / "file.txt").read_text() == "old" and (new / "file.txt").read_text() == "new"


def test_publish_never_replaces_a_folder_that_is_not_ours(tmp_path):
    final = _folder(tmp_path / "final", "mine")
    with staging(final) as new:
        with pytest.raises(UnsafeOutput) as caught:
            publish(new, final, may_replace=lambda folder: False)
    assert caught.value.hint == "move-out" and (final / "file.txt").read_text() == "mine"
    assert str(caught.value) == f"{final} is not a folder that guide built, so it was not replaced."
    assert sorted(p.name for p in tmp_path.iterdir()) == ["final"]
