"""Where an imported entry came from (the field 导入来源), so that importing a folder again
imports nothing twice.

A saved page names its address (the browser's ``saved from url`` comment, a canonical link);
then that address is the source, and a later save of the same page is the same source. A
.docx, or a page that does not say, is known by the SHA-256 of its bytes. The field is for the
office only: the site shows the entry's fixed fields, not this one.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from xxgk.io.catalog import entry_paths, load_entries
from xxgk.io.safefs import ATTACHMENT_LIMIT, UnsafeFile, read_named

ORIGIN = "导入来源"


def file_origin(path: Path) -> str:
    try:
        data = read_named(path, ATTACHMENT_LIMIT)
    except (OSError, UnsafeFile):
        return ""
    return "sha256:" + hashlib.sha256(data).hexdigest()


def imported_origins(root: Path) -> dict[str, str]:
    """导入来源 of every catalog entry → the entry's path (relative to the repository)."""
    found: dict[str, str] = {}
    for doc in load_entries(root, entry_paths(root)):
        value = doc.get(ORIGIN) if doc.parsed else None
        if isinstance(value, str) and value:
            found.setdefault(value, doc.rel)
    return found
