"""SHA-256 of an entry's exact bytes and of each attachment it lists."""

from __future__ import annotations

import hashlib
from pathlib import Path, PurePosixPath
from typing import Any


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str | None:
    try:
        with path.open("rb") as fh:
            return hashlib.file_digest(fh, "sha256").hexdigest()
    except OSError:
        return None


def attachment_names(meta: dict[str, Any]) -> list[str]:
    """The 文件 of every item under 附件, as written (relative to the entry file)."""
    items = meta.get("附件") or []
    if not isinstance(items, list):
        return []
    return [i["文件"] for i in items if isinstance(i, dict) and isinstance(i.get("文件"), str)]


def attachment_path(root: Path, entry_rel: str, name: str) -> Path | None:
    """The attachment's file, or None when the name escapes the repository."""
    target = (root / PurePosixPath(entry_rel).parent / name).resolve()
    try:
        target.relative_to(root.resolve())
    except ValueError:
        return None
    return target


def attachment_hashes(root: Path, entry_rel: str, meta: dict[str, Any]) -> dict[str, str | None]:
    """name → sha256 of each listed attachment (None when missing or outside the repository)."""
    found: dict[str, str | None] = {}
    for name in attachment_names(meta):
        path = attachment_path(root, entry_rel, name)
        found[name] = sha256_file(path) if path is not None else None
    return found
