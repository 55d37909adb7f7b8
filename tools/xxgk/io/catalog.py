"""Find and read catalog entries (content/catalog/**/*.md)."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from xxgk.io.frontmatter import Document, read
from xxgk.io.safefs import Folders, UnsafeFile, list_files, opened
from xxgk.model import layout
from xxgk.model.problem import Problem

CATALOG_DIR = Path(layout.CATALOG_DIR)
_INDEX_LINE = re.compile("^索引号[ \t]*:[ \t]*[\"']?([^\"'\\s#]+)".encode(), re.MULTILINE)


@lru_cache(maxsize=16)
def _bases(root: Path) -> tuple[str, ...]:
    return tuple({root.resolve().as_posix() + "/", root.absolute().as_posix() + "/"})


def rel(root: Path, path: Path) -> str:
    """``path`` relative to the repository root, in POSIX form."""
    # resolve() costs a few stat calls per path component: at 20,000 entries that alone
    # took longer than reading them, so plain paths under the root take the string way.
    text = path.as_posix() if path.is_absolute() else path.absolute().as_posix()
    if "/.." in text or "/./" in text:
        text = os.path.normpath(text)  # by name: resolve() would follow (and loop on) symlinks
    for base in _bases(root):
        if text.startswith(base):
            return text[len(base) :]
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except (ValueError, OSError, RuntimeError):  # outside the root, or a symlink loop
        return path.as_posix()


def entry_listing(root: Path) -> tuple[list[Path], list[Problem]]:
    """Every catalog entry in path order, and a problem for every symlink, special file, odd
    name or folder named ``*.md`` in the catalog (never followed, never read)."""
    return list_files(root, CATALOG_DIR.as_posix(), (".md",))


def entry_paths(root: Path) -> list[Path]:
    """Every catalog entry, in path order (sorted as text: comparing Path objects is slow)."""
    return entry_listing(root)[0]


def is_entry(root: Path, path: Path) -> bool:
    r = rel(root, path)
    return r.startswith(CATALOG_DIR.as_posix() + "/") and r.endswith(".md")


def load_entries(root: Path, paths: Iterable[Path]) -> Iterator[Document]:
    folders = Folders(root)
    try:
        for path in paths:
            yield read(path, rel(root, path), folders)
    finally:
        folders.close()


def quick_index_numbers(root: Path, paths: Iterable[Path]) -> dict[str, list[str]]:
    """索引号 of entries not being checked, read with a regex (no YAML) for speed."""
    found: dict[str, list[str]] = {}
    folders = Folders(root)
    for path in paths:
        where = rel(root, path)
        try:
            with opened(root, where, 1 << 62, folders) as (fd, _size):
                head = os.read(fd, 4096)
        except (OSError, UnsafeFile):
            continue  # reported when the entry itself is checked
        m = _INDEX_LINE.search(head)
        if m:
            found.setdefault(m.group(1).decode("utf-8", "replace"), []).append(where)
    folders.close()
    return found


def index_numbers(docs: Iterable[Document]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for doc in docs:
        value = doc.get("索引号")
        if isinstance(value, str) and value:
            found.setdefault(value, []).append(doc.rel)
    return found
