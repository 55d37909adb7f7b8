"""SHA-256 of an entry's exact bytes and of each attachment it lists.

An attachment is hashed under the very name the site publishes it by: a name with ``\\``,
a control character or ``..``, and a symlinked or special file, are refused (no hash), never
normalised or followed — otherwise the review would vouch for one file and the site publish
another.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from xxgk.io.frontmatter import attachment_rel
from xxgk.io.safefs import ATTACHMENT_LIMIT, UnsafeFile, chunks, opened


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(root: Path, rel: str) -> str | None:
    """The SHA-256 of the regular file ``root/rel`` (None when absent or refused)."""
    try:
        return _digest(root, rel)
    except (OSError, UnsafeFile):
        return None


def _digest(root: Path, rel: str) -> str:
    digest = hashlib.sha256()
    with opened(root, rel, ATTACHMENT_LIMIT) as (fd, _size):
        for piece in chunks(fd, ATTACHMENT_LIMIT, rel):
            digest.update(piece)
    return digest.hexdigest()


def attachment_names(meta: dict[str, Any]) -> list[str]:
    """The 文件 of every item under 附件, as written (relative to the entry file)."""
    items = meta.get("附件") or []
    if not isinstance(items, list):
        return []
    return [i["文件"] for i in items if isinstance(i, dict) and isinstance(i.get("文件"), str)]


def attachment_path(root: Path, entry_rel: str, name: str) -> Path | None:
    """The attachment's file, or None when its name is refused (see :func:`attachment_rel`)."""
    try:
        return root / attachment_rel(entry_rel, name)
    except UnsafeFile:
        return None


def attachment_problem(root: Path, entry_rel: str, name: str) -> str:
    """Why the attachment cannot be hashed, in Chinese ("" when it can)."""
    try:
        _digest(root, attachment_rel(entry_rel, name))
    except UnsafeFile as exc:
        return f"附件“{name}”不予读取：{exc}"
    except FileNotFoundError:
        return f"附件文件“{name}”不存在"
    except OSError as exc:
        return f"附件“{name}”无法读取（{exc.strerror}）"
    return ""


def attachment_hashes(root: Path, entry_rel: str, meta: dict[str, Any]) -> dict[str, str | None]:
    """name → sha256 of each listed attachment (None when missing, refused or outside)."""
    found: dict[str, str | None] = {}
    for name in attachment_names(meta):
        try:
            found[name] = sha256_file(root, attachment_rel(entry_rel, name))
        except UnsafeFile:
            found[name] = None
    return found
