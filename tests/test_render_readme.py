"""The README's command list is `safepost --help`'s, and the command line stays a package in
which no module imports a command module (only the package's __init__ gathers them)."""
from __future__ import annotations

import ast
import re
from pathlib import Path

from safepost.cli import main

ROOT = Path(__file__).resolve().parent.parent


def test_the_readme_lists_exactly_the_commands_of_help():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    listed = re.findall(r"^\| `safepost ([a-z-]+)", readme, re.M)
    assert len(listed) == len(set(listed))
    assert set(listed) == set(main.list_commands(None)), "update the README's command table"


def test_no_module_imports_a_command_module():
    commands = {path.stem for path in (ROOT / "safepost" / "cli").glob("*.py")} - {"__init__", "shared"}
    for path in (ROOT / "safepost").rglob("*.py"):
        if path == ROOT / "safepost" / "cli" / "__init__.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            imported = {name.split(".")[2] for name in names if name.startswith("safepost.cli.")}
            assert not imported & commands, f"{path.relative_to(ROOT)} imports a command module: {imported & commands}"
