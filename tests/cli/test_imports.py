"""Every module imports on its own, and the command line imports little before a command runs."""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import guide

PACKAGE = Path(guide.__file__).resolve().parent
HEAVY = ("bs4", "lxml", "pydub", "mutagen", "textstat", "markdown_it", "guide.speech.normalise",
         "guide.build.run", "guide.export")
"What ``guide --version``, ``guide --help`` and ``guide list`` must not import."


def all_modules() -> list[str]:
    """Every module of the guide package, by its dotted name."""
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def _import_alone(name: str) -> tuple[str, str]:
    done = subprocess.run([sys.executable, "-c", f"import {name}"], capture_output=True, text=True,
                          cwd=PACKAGE.parent, env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    return name, done.stderr.strip().splitlines()[-1] if done.returncode else ""


def test_every_module_imports_alone_in_a_fresh_interpreter():
    names = all_modules()
    assert "guide.cli.app" in names and "guide.cli.options" in names
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        failed = {name: error for name, error in pool.map(_import_alone, names) if error}
    assert failed == {}


def _modules_after(*args: str, cwd: Path) -> set[str]:
    """The modules loaded by the time ``guide ARGS`` has run, in a fresh interpreter."""
    code = ("import sys\nfrom guide.cli.app import main\nsys.argv = ['guide', *sys.argv[1:]]\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print('\\n'.join(sorted(sys.modules)), file=sys.stderr)\n")
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=cwd)
    return set(done.stderr.splitlines())


def test_version_and_help_import_no_command(tmp_path):
    for args in (["--version"], ["--help"]):
        loaded = _modules_after(*args, cwd=tmp_path)
        assert "guide.cli.app" in loaded
        assert sorted(m for m in loaded if m.startswith("guide.cli.") and m not in
                      {"guide.cli.app", "guide.cli.options", "guide.cli.advice"}) == []
        assert sorted(m for m in loaded if m.startswith(HEAVY)) == []


def test_list_imports_nothing_heavy(tmp_path):
    loaded = _modules_after("list", cwd=tmp_path)  # the shipped guide
    assert "guide.cli.list" in loaded
    assert sorted(m for m in loaded if m.startswith(HEAVY)) == []
