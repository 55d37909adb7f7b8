"""Each entry's attachments in a folder of its own: ``<条目文件名>.files/`` beside the entry.

The CMS uploads into one media folder per year (``content/catalog/<年>/attachments/``): two
entries of one year with files of the same name would write the same path on their branches,
and the later merge would replace or conflict with the earlier entry's file. The pull-request
job (``xxgk editor normalize``) therefore moves every attachment the branch added into the
entry's own folder — the layout ``xxgk import`` writes (``xxgk.importer.build``) — and
rewrites the 附件 paths and the body's links to them.

Fail closed: a file another entry also lists is refused (naming both files and lines), an
existing file is never replaced, files on the base branch are never moved (they belong to
published entries), and the entry is written atomically after its files are in place.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import quote

from xxgk.editor.normalize import render
from xxgk.io.atomic import write_atomic
from xxgk.io.catalog import entry_paths, rel
from xxgk.io.frontmatter import Document, attachment_rel, parse, read
from xxgk.io.safefs import ATTACHMENT_LIMIT, ENTRY_LIMIT, UnsafeFile, read_bytes
from xxgk.model.problem import Problem, Severity
from xxgk.model.safety import path_problem

SUFFIX = ".files"  # as xxgk import names an entry's folder
SHARED = "EDITOR-ATTACHMENT-SHARED"
EXISTS = "EDITOR-ATTACHMENT-EXISTS"
UNREADABLE = "EDITOR-ATTACHMENT-READ"


@dataclass(frozen=True)
class Claim:
    """An entry listing a file in its 附件, and the line it does so on."""

    entry: str
    line: int


@dataclass(frozen=True)
class Moved:
    rel: str
    moves: tuple[tuple[str, str], ...] = ()  # (from, to), paths from the repository root
    problems: tuple[Problem, ...] = ()


def own_folder(entry: str) -> str:
    """``content/catalog/2026/x.md`` -> ``content/catalog/2026/x.files``."""
    path = PurePosixPath(entry)
    return (path.parent / (path.stem + SUFFIX)).as_posix()


def listed(doc: Document) -> Iterator[tuple[int, str, str]]:
    """(position in 附件, the path as written, the path from the root) of each usable item;
    names the site would refuse are left to CAT-ATTACHMENT."""
    items = doc.get("附件")
    if "附件" in doc.invalid or not isinstance(items, list):
        return
    for i, item in enumerate(items):
        name = item.get("文件") if isinstance(item, dict) else None
        if isinstance(name, str) and not path_problem(name.strip()):
            yield i, name.strip(), attachment_rel(doc.rel, name.strip())


def claims(root: Path, files: Iterable[str]) -> dict[str, list[Claim]]:
    """Every entry of the catalog that lists one of ``files``. Only entries in a folder above
    a file can list it (CAT-ATTACHMENT), and only those whose text holds its name are read."""
    wanted = set(files)
    folders = {str(PurePosixPath(f).parent) for f in wanted}
    names = {PurePosixPath(f).name.encode("utf-8") for f in wanted}
    found: dict[str, list[Claim]] = {}
    for path in entry_paths(root):
        entry = rel(root, path)
        here = str(PurePosixPath(entry).parent)
        if not any(f == here or f.startswith(here + "/") for f in folders):
            continue
        try:
            raw = read_bytes(root, entry, ENTRY_LIMIT)
        except (OSError, UnsafeFile):
            continue  # xxgk check reports it
        if not any(n in raw for n in names):
            continue
        doc = parse(raw, entry)
        for i, _name, file in listed(doc):
            if file in wanted:
                found.setdefault(file, []).append(Claim(entry, doc.pos("附件", i, "文件")[0]))
    return found


def plan(
    root: Path, doc: Document, shared: dict[str, list[Claim]], on_base: set[str]
) -> tuple[dict[str, str], list[Problem]]:
    """{file: its place in the entry's folder} for the files the branch added, or problems."""
    folder = own_folder(doc.rel)
    moves: dict[str, str] = {}
    problems: list[Problem] = []
    for i, name, file in listed(doc):
        line, col = doc.pos("附件", i, "文件")

        def refuse(rule: str, message: str, line: int = line, col: int = col) -> None:
            problems.append(Problem(doc.rel, line, col, rule, Severity.ERROR, message))

        others = [c for c in shared.get(file, []) if c.entry != doc.rel]
        if others:
            where = "、".join(f"{c.entry} 第 {c.line} 行" for c in others)
            refuse(
                SHARED,
                f"附件文件“{name}”也列在 {where} 的“附件”中：两个条目不能共用一个附件文件"
                "（一个条目撤回或改动会连带另一个）。请在编辑器里为本条目重新上传一份、换一个文件名",
            )
            continue
        if file.startswith(folder + "/") or file in on_base or file in moves:
            continue
        target = f"{folder}/{PurePosixPath(file).name}"
        if target in moves.values():
            refuse(
                EXISTS,
                f"附件“{name}”与本条目的另一个附件同名，放进 {folder}/ 会互相覆盖：请改名后重新上传",
            )
        elif os.path.lexists(root / target):
            refuse(EXISTS, f"{target} 已经存在，没有覆盖：请删掉多余的文件，或给附件改名后重新上传")
        elif not os.path.lexists(root / file):
            refuse(UNREADABLE, f"附件文件“{name}”不存在：请在编辑器里重新上传")
        else:
            moves[file] = target
    return moves, problems


def relocate(root: Path, entry: str, shared: dict[str, list[Claim]], on_base: set[str]) -> Moved:
    """Move the attachments ``entry`` has from the branch into its own folder and write the
    entry in the shape ``xxgk new`` writes, with the new paths."""
    doc = read(root / entry, entry)
    if not doc.parsed or doc.problems:
        return Moved(entry, problems=tuple(doc.problems))
    moves, problems = plan(root, doc, shared, on_base)
    if problems or not moves:
        return Moved(entry, problems=tuple(problems))
    stem = PurePosixPath(entry).stem + SUFFIX
    items = [dict(x) if isinstance(x, dict) else x for x in doc.meta["附件"]]
    body = doc.body
    for i, name, file in listed(doc):
        if file in moves:
            new = f"{stem}/{PurePosixPath(moves[file]).name}"
            items[i]["文件"] = new
            body = relink(body, name, new)
    text = render({**doc.meta, "附件": items}, body)
    written: list[Path] = []
    try:
        for file, target in moves.items():
            write_atomic(root / target, read_bytes(root, file, ATTACHMENT_LIMIT), exclusive=True)
            written.append(root / target)
        write_atomic(root / entry, text)
    except (OSError, UnsafeFile) as exc:
        for path in written:
            path.unlink(missing_ok=True)
        why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        line = doc.pos("附件")[0]
        return Moved(
            entry,
            problems=(
                Problem(
                    entry,
                    line,
                    1,
                    UNREADABLE,
                    Severity.ERROR,
                    f"附件没有移入 {own_folder(entry)}/：{why}",
                ),
            ),
        )
    for file in moves:
        (root / file).unlink()
        _prune(root, PurePosixPath(file).parent)
    return Moved(entry, tuple(moves.items()))


def relink(body: str, old: str, new: str) -> str:
    """Links and images of the body pointing at ``old`` (as written or percent-encoded)."""
    for form in dict.fromkeys((old, quote(old, safe="/"))):
        body = re.sub(
            r"(\]\(<?)" + re.escape(form) + r"(?=[>)\s])",
            lambda m: m.group(1) + quote(new, safe="/"),
            body,
        )
    return body


def _prune(root: Path, folder: PurePosixPath) -> None:
    """Remove the media folder a move left empty (git keeps no empty folders either)."""
    with contextlib.suppress(OSError):
        (root / folder).rmdir()


def relocate_all(root: Path, entries: list[str], on_base: set[str]) -> list[Moved]:
    """``relocate`` for each entry, with the claims of the whole catalog on their files."""
    wanted: set[str] = set()
    for entry in entries:
        doc = read(root / entry, entry)
        if doc.parsed and not doc.problems:
            wanted.update(file for _i, _name, file in listed(doc))
    shared = claims(root, wanted) if wanted else {}
    return [relocate(root, entry, shared, on_base) for entry in entries]
