"""Packages import only packages of lower layers (xxgk.layers says which), and every package
of tools/xxgk is placed in a layer."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from xxgk.layers import LAYERS, layer_of

PACKAGE = Path(__file__).resolve().parents[1] / "tools" / "xxgk"


def imports(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("xxgk."):
            found.append((node.lineno, node.module.split(".")[1]))
        elif isinstance(node, ast.Import):
            found += [
                (node.lineno, a.name.split(".")[1])
                for a in node.names
                if a.name.startswith("xxgk.")
            ]
    return found


def test_every_package_has_a_layer() -> None:
    packages = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()}
    assert packages - {name for layer in LAYERS for name in layer} == set()


def test_imports_only_point_down() -> None:
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE)
        if len(rel.parts) < 2:
            continue  # xxgk/__init__.py, __main__.py, layers.py
        here = rel.parts[0]
        for line, there in imports(path):
            if there in ("layers",) or there == here:
                continue
            if layer_of(there) >= layer_of(here):
                wrong.append(f"tools/xxgk/{rel.as_posix()}:{line}: {here} imports {there}")
    assert wrong == []


def test_the_readme_table_states_the_layers() -> None:
    """README's architecture table lists every package once, at its layer, in layer order."""
    readme = (PACKAGE.parents[1] / "README.md").read_text("utf-8")
    rows = re.findall(r"^\| (\d+) \| `(\w+)/` \|", readme, flags=re.MULTILINE)
    assert rows, "README: no architecture table (| 层 | 包 | 职责 |)"
    stated = {name: int(level) for level, name in rows}
    assert len(stated) == len(rows), "README: a package is listed twice"
    assert stated == {name: layer_of(name) + 1 for layer in LAYERS for name in layer}
    assert [int(level) for level, _ in rows] == sorted(int(level) for level, _ in rows)
