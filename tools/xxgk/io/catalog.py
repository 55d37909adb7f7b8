"""Find and read catalog entries (content/catalog/**/*.md)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from xxgk.io.frontmatter import Document, read

CATALOG_DIR = Path("content") / "catalog"
_INDEX_LINE = re.compile("^索引号[ \t]*:[ \t]*[\"']?([^\"'\\s#]+)".encode(), re.M)


def rel(root: Path, path: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def entry_paths(root: Path) -> list[Path]:
    folder = root / CATALOG_DIR
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*.md") if p.is_file())


def is_entry(root: Path, path: Path) -> bool:
    r = rel(root, path)
    return r.startswith(CATALOG_DIR.as_posix() + "/") and r.endswith(".md")


def load_entries(root: Path, paths: Iterable[Path]) -> Iterator[Document]:
    for path in paths:
        yield read(path, rel(root, path))


def quick_index_numbers(root: Path, paths: Iterable[Path]) -> dict[str, list[str]]:
    """索引号 of entries not being checked, read with a regex (no YAML) for speed."""
    found: dict[str, list[str]] = {}
    for path in paths:
        head = path.read_bytes()[:4096]
        m = _INDEX_LINE.search(head)
        if m:
            found.setdefault(m.group(1).decode("utf-8", "replace"), []).append(rel(root, path))
    return found


def index_numbers(docs: Iterable[Document]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for doc in docs:
        value = doc.get("索引号")
        if isinstance(value, str) and value:
            found.setdefault(value, []).append(doc.rel)
    return found
