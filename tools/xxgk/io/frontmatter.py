"""Read a Markdown file with YAML front matter, the way staff's editors really write them.

Accepted: a UTF-8 byte-order mark and CRLF line endings (Windows editors write both).
Reported with a line: a file that is not UTF-8 (GBK from Windows), a missing or unclosed
front-matter block, tabs, and everything ``yamlsafe`` reports. A file is read through
``xxgk.io.safefs`` (never through a symlink, never a FIFO, within ENTRY_LIMIT), and so is
every attachment it lists: one the tools would refuse to open is a problem of the entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from xxgk.io.safefs import (
    ATTACHMENT_LIMIT,
    ENTRY_LIMIT,
    RULE,
    Folders,
    UnsafeFile,
    opened,
    parts_of,
    read_bytes,
    shown,
)
from xxgk.io.yamlsafe import Loaded, load_yaml
from xxgk.model.problem import Problem, Severity

_FENCE = re.compile(r"^---[ \t]*$")
_CLOSE_ANY = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)


@dataclass
class Document:
    """One file: its front matter (as text values with positions) and its body."""

    rel: str
    raw: bytes
    meta: dict[str, Any] = field(default_factory=dict)
    loaded: Loaded = field(default_factory=Loaded)
    body: str = ""
    body_line: int = 1  # line number of the body's first line
    problems: list[Problem] = field(default_factory=list)
    parsed: bool = False  # front matter present and syntactically valid
    invalid: set[str] = field(default_factory=set)  # fields that failed the schema

    def get(self, key: str) -> Any:
        return self.meta.get(key)

    def pos(self, key: str, *sub: str | int) -> tuple[int, int]:
        return self.loaded.pos(key, *sub)

    def problem(
        self, key: str | None, rule: str, message: str, severity: Severity = Severity.ERROR
    ) -> Problem:
        line, col = self.pos(key) if key else (1, 1)
        return Problem(self.rel, line, col, rule, severity, message)


def decode(raw: bytes, rel: str) -> tuple[str | None, Problem | None]:
    """Text of a file, or a problem saying where it stops being UTF-8."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        hint = "文件不是 UTF-8 编码"
        try:
            raw.decode("gb18030")
            hint = "文件是 GBK/GB18030 编码（Windows 记事本或 WPS 的默认编码）"
        except UnicodeDecodeError:
            pass
        msg = f"{hint}，请用编辑器“另存为 UTF-8”后再提交"
        return None, Problem(rel, line, col, "FM-ENCODING", Severity.ERROR, msg)
    return text.replace("\r\n", "\n").replace("\r", "\n"), None


def split(text: str, rel: str) -> tuple[str | None, int, str, int, list[Problem]]:
    """(front matter, its first line, body, body's first line, problems)."""
    first_end = text.find("\n")
    first = text if first_end < 0 else text[:first_end]
    if not _FENCE.match(first):
        msg = "文件开头缺少以“---”开始的元数据块（索引号、信息名称等），请按模板补上"
        return None, 1, text, 1, [Problem(rel, 1, 1, "FM-MISSING", Severity.ERROR, msg)]
    # Search for the closing line instead of splitting the whole body into lines: the
    # body is most of the file and only its start is needed here.
    close = _CLOSE_ANY.search(text, first_end + 1) if first_end >= 0 else None
    if close is None:
        msg = "元数据块以“---”开始，但没有以另一行“---”结束"
        return None, 1, "", 1, [Problem(rel, 1, 1, "FM-UNCLOSED", Severity.ERROR, msg)]
    front = text[first_end + 1 : max(close.start() - 1, first_end + 1)]
    close_line = text.count("\n", 0, close.start()) + 1
    body_start = text.find("\n", close.start())
    body = "" if body_start < 0 else text[body_start + 1 :]
    return front, 2, body, close_line + 1, []


def tabs(front: str, first_line: int, rel: str) -> list[Problem]:
    found: list[Problem] = []
    if "\t" not in front:
        return found
    for n, line in enumerate(front.split("\n")):
        col = line.find("\t")
        if col >= 0:
            msg = "元数据里有制表符（Tab），YAML 不允许用 Tab 缩进，请改为空格"
            found.append(Problem(rel, first_line + n, col + 1, "FM-TAB", Severity.ERROR, msg))
    return found


def parse(raw: bytes, rel: str) -> Document:
    doc = Document(rel=rel, raw=raw)
    text, bad = decode(raw, rel)
    if text is None:
        assert bad is not None
        doc.problems.append(bad)
        return doc
    front, first, body, body_line, probs = split(text, rel)
    doc.body, doc.body_line = body, body_line
    doc.problems.extend(probs)
    if front is None:
        return doc
    doc.problems.extend(tabs(front, first, rel))
    loaded = load_yaml(front, rel, line_offset=first - 1)
    doc.loaded = loaded
    doc.problems.extend(loaded.problems)
    if not loaded.ok:
        return doc
    if loaded.data is None:
        loaded.data = {}
    if not isinstance(loaded.data, dict):
        msg = "元数据块应由“字段名: 值”的行组成"
        doc.problems.append(Problem(rel, first, 1, "FM-SYNTAX", Severity.ERROR, msg))
        return doc
    doc.meta = loaded.data
    doc.parsed = True
    return doc


def read(path: Path, rel: str, folders: Folders | None = None) -> Document:
    """The file at ``path`` (``rel`` from the repository root), read without following a
    symlink below the root and within ENTRY_LIMIT; a refused file is a document whose only
    content is the problem naming it. FileNotFoundError when it does not exist. ``folders``:
    the open folders of a run over many entries of one root."""
    base, name = _anchor(path, rel)
    if folders is not None and str(folders.root) != str(base).rstrip("/"):
        folders = None  # a file outside that root
    try:
        raw = read_bytes(base, name, ENTRY_LIMIT, folders)
    except UnsafeFile as exc:
        doc = Document(rel=rel, raw=b"")
        doc.problems.append(Problem(shown(rel), 1, 1, RULE, Severity.ERROR, str(exc)))
        return doc
    doc = parse(raw, rel)
    if doc.parsed and isinstance(doc.meta.get("附件"), list):
        _refuse_attachments(base, name, doc)
    return doc


def _anchor(path: Path, rel: str) -> tuple[Path, str]:
    """(folder, path below it): the repository root when ``path`` ends with ``rel``, else the
    file's own folder (a file named outside the repository)."""
    text = path.as_posix()
    clean = not rel.startswith("/") and ".." not in rel.split("/")
    if clean and (text == rel or text.endswith("/" + rel)):
        return Path(text[: len(text) - len(rel)] or "."), rel
    return path.parent, path.name


def attachment_rel(entry_rel: str, name: str) -> str:
    """An attachment's path from the entry's root; UnsafeFile (naming it) when the name is
    absolute, climbs out with ``..`` or holds ``\\`` or control characters."""
    folder = entry_rel.rpartition("/")[0]
    return "/".join([*([folder] if folder else []), *parts_of(name)])


def _refuse_attachments(base: Path, entry_rel: str, doc: Document) -> None:
    """An attachment the tools will not open (a symlink, a FIFO, ``\\`` in its name …) is a
    problem of the entry, and the field is marked invalid so that no rule follows it."""
    for i, item in enumerate(doc.meta["附件"]):
        name = item.get("文件") if isinstance(item, dict) else None
        if not isinstance(name, str) or not name.strip():
            continue
        why = _refusal(base, entry_rel, name)
        if why:
            line, col = doc.pos("附件", i, "文件")
            message = f"附件“{shown(name)}”{why}"
            doc.problems.append(Problem(doc.rel, line, col, RULE, Severity.ERROR, message))
            doc.invalid.add("附件")


def _refusal(base: Path, entry_rel: str, name: str) -> str:
    if name.startswith("/") or ".." in name.replace("\\", "/").split("/"):
        return ""  # CAT-ATTACHMENT: not in the entry's folder
    try:
        with opened(base, attachment_rel(entry_rel, name), ATTACHMENT_LIMIT):
            return ""
    except FileNotFoundError:
        return ""  # CAT-ATTACHMENT: says where to put it
    except UnsafeFile as exc:
        return f"不予读取：{exc}"
    except OSError as exc:
        return f"无法读取（{exc.strerror}）"
