"""Find and read catalog entries (content/catalog/**/*.md)."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from xxgk.io.frontmatter import Document, read

CATALOG_DIR = Path("content") / "catalog"
_INDEX_LINE = re.compile("^索引号[ \t]*:[ \t]*[\"']?([^\"'\\s#]+)".encode(), re.MULTILINE)


@lru_cache(maxsize=16)
def _bases(root: Path) -> tuple[str, ...]:
    return tuple({root.resolve().as_posix() + "/", root.absolute().as_posix() + "/"})


def rel(root: Path, path: Path) -> str:
    """``path`` relative to the repository root, in POSIX form."""
    # resolve() costs a few stat calls per path component: at 20,000 entries that alone
    # took longer than reading them, so plain paths under the root take the string way.
    text = path.as_posix() if path.is_absolute() else path.absolute().as_posix()
    if "/.." not in text and "/./" not in text:
        for base in _bases(root):
            if text.startswith(base):
                return text[len(base):]
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def entry_paths(root: Path) -> list[Path]:
    """Every catalog entry, in path order (sorted as text: comparing Path objects is slow)."""
    folder = root / CATALOG_DIR
    found: list[str] = []
    for here, _dirs, files in os.walk(folder):
        found.extend(os.path.join(here, f) for f in files if f.endswith(".md"))
    return [Path(p) for p in sorted(found)]


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
