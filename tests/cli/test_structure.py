"""The command line's shape: one module per command, no command importing another, and a
command table that says what each command's own help says."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import click
import pytest

from guide.cli import app

CLI = Path(app.__file__).resolve().parent
SHARED = {"guide.cli.app", "guide.cli.options", "guide.cli.advice", "guide.cli"}
"The modules of guide.cli that are not commands."
COMMAND_MODULES = {module for module, _, _ in app.COMMANDS.values()}


def _imports(path: Path) -> list[tuple[str, list[str]]]:
    """(module, names) for every import in the file; names is [] for ``import x``."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.append((node.module, [alias.name for alias in node.names]))
        elif isinstance(node, ast.Import):
            found += [(alias.name, []) for alias in node.names]
    return found


@pytest.mark.parametrize("path", sorted(CLI.glob("*.py")), ids=lambda p: p.name)
def test_no_cli_module_imports_a_command_module_or_a_private_name(path):
    me = f"guide.cli.{path.stem}"
    for module, names in _imports(path):
        assert module not in COMMAND_MODULES - {me}, f"{path.name} imports the command module {module}"
        private = [n for n in names if n.startswith("_")]
        assert not (module.startswith("guide.") and private), f"{path.name} imports {private} from {module}"
        if module == "guide.cli":
            assert set(names) <= {"advice", "options"}, f"{path.name} imports {names} from guide.cli"


def test_every_cli_module_is_a_command_or_shared():
    modules = {f"guide.cli.{p.stem}" for p in CLI.glob("*.py") if p.stem != "__init__"}
    assert modules == COMMAND_MODULES | (SHARED - {"guide.cli"})


def test_no_module_in_the_cli_is_over_400_lines():
    assert {p.name: n for p in CLI.glob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400} == {}


@pytest.mark.parametrize("name", sorted(app.COMMANDS))
def test_the_table_names_each_command_and_its_summary(name):
    module, attribute, summary = app.COMMANDS[name]
    command = getattr(importlib.import_module(module), attribute)
    assert isinstance(command, click.Command)
    assert command.name == name
    first = (command.help or "").split("\n\n")[0]
    assert " ".join(first.split()) == summary


def test_help_lists_every_command_as_click_would():
    """The table's summaries, shortened as click shortens a command's own help."""
    from click.testing import CliRunner

    listed = CliRunner().invoke(app.cli, ["--help"], terminal_width=80).output
    commands = listed.split("Commands:\n", 1)[1]
    for name in app.COMMANDS:
        command = app.cli.commands[name]
        limit = 80 - 6 - max(len(n) for n in app.COMMANDS)
        assert f"  {name.ljust(8)} {command.get_short_help_str(limit)}\n" in commands
    assert "play" in app.cli.commands and "nonsense" not in app.cli.commands


def test_the_engines_the_options_offer_are_the_editions_engines():
    from guide.cli.options import ENGINE_NAMES
    from guide.editions import ENGINES

    assert ENGINE_NAMES == ENGINES
