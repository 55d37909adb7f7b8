"""Rename a renumbered entry that is named after its old number, with its own folder.

An entry named ``000014349-2026-00002.md`` keeps its attachments in
``000014349-2026-00002.files/`` (the layout of ``xxgk import`` and of the editor's
``own_folder``). Renumbered, both take the new number's name, and the entry's 附件 paths and
the body's links into the folder are rewritten, so that two branches that both wrote the old
names no longer collide when merged.

Never overwrites: if the new entry name or the new folder exists, nothing is renamed (the
number inside the entry is what counts). The folder is renamed first (one rename), the entry
is then written under its new name exclusively and the old file removed; if writing fails,
the folder goes back.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import quote

from xxgk.editor.own_folder import SUFFIX, listed
from xxgk.io.atomic import write_atomic
from xxgk.io.frontmatter import parse
from xxgk.io.safefs import ENTRY_LIMIT, read_bytes
from xxgk.model.entry import file_stem


class Refused(Exception):
    """The entry keeps its name; the message says why."""


def rename_entry(root: Path, path: Path, old: str, new: str) -> Path:
    """The entry's path after the rename (``path`` itself when it is not named after ``old``)."""
    if not old or path.stem != file_stem(old):
        return path
    stem = file_stem(new)
    target = path.with_name(stem + path.suffix)
    folder, new_folder = path.with_name(path.stem + SUFFIX), path.with_name(stem + SUFFIX)
    for taken in (target, new_folder):
        if os.path.lexists(taken):
            raise Refused(f"{taken.name} 已经存在，没有覆盖")
    has_folder = folder.is_dir() and not folder.is_symlink()
    rel = path.relative_to(root).as_posix()
    raw = read_bytes(root, rel, ENTRY_LIMIT)
    text = rewrite(raw, rel, path.stem + SUFFIX, stem + SUFFIX) if has_folder else raw
    if has_folder:
        folder.rename(new_folder)
    try:
        write_atomic(target, text, exclusive=True)
    except BaseException:
        if has_folder:
            new_folder.rename(folder)
        raise
    path.unlink()
    return target


def rewrite(raw: bytes, rel: str, old: str, new: str) -> bytes:
    """The entry with its 附件 paths and body links under folder ``old`` moved to ``new``
    (both folder names beside the entry); every other byte unchanged."""
    doc = parse(raw, rel)
    bom = b"\xef\xbb\xbf" if raw.startswith(b"\xef\xbb\xbf") else b""
    lines = raw[len(bom) :].decode("utf-8").split("\n")
    for i, name, _file in listed(doc):
        if name.startswith(old + "/"):
            at = doc.pos("附件", i, "文件")[0] - 1
            lines[at] = lines[at].replace(name, new + name[len(old) :], 1)
    # Markdown links ("](…") only occur in the body: front matter values are plain text.
    return bom + relink_folder("\n".join(lines), old, new).encode("utf-8")


def relink_folder(body: str, old: str, new: str) -> str:
    """Links and images of the body into folder ``old`` (as written or percent-encoded)."""
    for form in dict.fromkeys((old, quote(old, safe="/"))):
        body = re.sub(
            r"(\]\(<?(?:\./)?)" + re.escape(form) + "/",
            lambda m: m.group(1) + quote(new, safe="/") + "/",
            body,
        )
    return body
