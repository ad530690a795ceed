"""Private temporary folders: a killed process's folder is removed by the next process."""

from __future__ import annotations

import os
import subprocess
import sys

from guide import tempdirs


def test_only_folders_of_processes_that_ended_are_swept(tmp_path):
    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                           capture_output=True, text=True, check=True)
    dead_pid = int(ended.stdout)
    dead = tmp_path / f"guide-tts-{dead_pid}-abc123"
    mine = tmp_path / f"guide-mpv-{os.getpid()}-def456"
    parent = tmp_path / f"guide-say-{os.getppid()}-ghi789"
    other = tmp_path / "guide-notes"
    for folder in (dead, mine, parent, other):
        (folder / "inside").mkdir(parents=True)
    assert tempdirs.sweep(tmp_path) == 1
    assert not dead.exists()
    assert mine.is_dir() and parent.is_dir() and other.is_dir()


def test_a_private_folder_is_named_for_its_process_and_removed_after_use():
    with tempdirs.private("tts") as folder:
        assert folder.name.startswith(f"guide-tts-{os.getpid()}-") and folder.is_dir()
    assert not folder.exists()
