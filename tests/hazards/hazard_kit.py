"""Hostile files, made for real in a copy of the repository: symlinks (out of the repository,
to /dev/zero, broken, looping), FIFOs, sockets, folders named like files, names with ``\\``,
control characters or bytes that are not UTF-8, oversized files, zip and entity bombs, deep
and unclosed HTML. Each builder returns how the command must name what it refused."""

from __future__ import annotations

import os
import socket
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from documents_kit import (
    MIB,
    entity_bomb_docx,
    huge_docx,
    symlink_to,
    truncated_docx,
    zip_bomb_docx,
)

YEAR_DIR = "content/catalog/2026"
ENTRY = """---
索引号: 000014349/2026-{serial:05d}
信息名称: 鄂托克前旗人民政府办公室关于做好2026年政务公开工作的通知{serial}
文件编号: 鄂前政办发〔2026〕{serial}号
产生时间: 2026-03-02
分类: 政策文件
发布机构: 鄂托克前旗人民政府办公室
责任部门: 办公室
公开形式: 主动公开
公开时限: 长期公开
审核程序: 单位内审核后公开
关键词: {keywords}
内容描述: 部署2026年政务公开工作。
{extra}---

{body}
"""
# An entry with one known problem for each command: when a hostile file makes a command stop,
# skip or lose the rest of the run, these go missing from its output.
CANARY = f"{YEAR_DIR}/000014349-2026-00002.md"
CANARY_RULES = {"check": "CAT-KEYWORD-SEP", "scan": "SCAN-MOBILE"}
HOSTILE_ENTRY = f"{YEAR_DIR}/000014349-2026-00003.md"


def entry(serial: int, body: str = "正文。", keywords: str = "政务公开", extra: str = "") -> str:
    return ENTRY.format(serial=serial, body=body, keywords=keywords, extra=extra)


def write(root: Path, rel: str, text: str) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def good_entries(root: Path) -> None:
    """A clean entry and the canary (a comma between keywords, a mobile number in the body)."""
    write(root, f"{YEAR_DIR}/000014349-2026-00001.md", entry(1))
    write(root, CANARY, entry(2, body="联系电话13812345678。", keywords="政务公开，信息公开"))


# ---- files that are not what their name says ------------------------------------------


def _link(target: str, rel: str) -> Callable[[Path, Path], str]:
    def build(root: Path, tmp: Path) -> str:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        os.symlink(target.replace("{tmp}", str(tmp)), path)
        return rel

    return build


def outside_file(root: Path, tmp: Path) -> str:
    """A symlink to a file outside the repository (what a merge request can bring)."""
    (tmp / "secret.txt").write_text("requests/ 里的申请人身份证号 150623198001011235\n", "utf-8")
    return _link("{tmp}/secret.txt", f"{YEAR_DIR}/secret.md")(root, tmp)


def outside_folder(root: Path, tmp: Path) -> str:
    """A symlinked folder holding an entry-like file outside the repository."""
    (tmp / "elsewhere").mkdir()
    (tmp / "elsewhere" / "x.md").write_text(entry(9), "utf-8")
    return _link("{tmp}/elsewhere", f"{YEAR_DIR}/elsewhere")(root, tmp)


def fifo(rel: str) -> Callable[[Path, Path], str]:
    def build(root: Path, tmp: Path) -> str:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        os.mkfifo(root / rel)
        return rel

    return build


def unix_socket(root: Path, tmp: Path) -> str:
    rel = f"{YEAR_DIR}/sock.md"
    (root / YEAR_DIR).mkdir(parents=True, exist_ok=True)
    here = os.getcwd()
    os.chdir(root / YEAR_DIR)  # a socket path must be short: bind by relative name
    try:
        with socket.socket(socket.AF_UNIX) as s:
            s.bind("sock.md")
    finally:
        os.chdir(here)
    return rel


def folder(rel: str) -> Callable[[Path, Path], str]:
    def build(root: Path, tmp: Path) -> str:
        (root / rel).mkdir(parents=True)
        return rel

    return build


def odd_name(name: bytes, shown: str) -> Callable[[Path, Path], str]:
    """An entry, otherwise valid, under a name the tools refuse (written as raw bytes)."""

    def build(root: Path, tmp: Path) -> str:
        (root / YEAR_DIR).mkdir(parents=True, exist_ok=True)
        with open(os.fsencode(root / YEAR_DIR) + b"/" + name, "wb") as fh:
            fh.write(entry(4).encode("utf-8"))
        return f"{YEAR_DIR}/{shown}"

    return build


def oversized(root: Path, tmp: Path) -> str:
    rel = f"{YEAR_DIR}/big.md"
    write(root, rel, entry(5, body="很长的正文。" * (3 * MIB // 18)))
    return rel


def brace_line(root: Path, tmp: Path) -> str:
    """A body line of 100,000 "{": a quadratic regex once took 50 s over it."""
    rel = f"{YEAR_DIR}/000014349-2026-00006.md"
    write(root, rel, entry(6, body="{" * 100_000))
    return ""


def deep_yaml(root: Path, tmp: Path) -> str:
    """Front matter nested 900 levels (libyaml allows 1,000; a recursive walk overflowed)."""
    rel = f"{YEAR_DIR}/000014349-2026-00007.md"
    write(root, rel, entry(7, extra="涉及部门: " + "[" * 900 + "]" * 900 + "\n"))
    return rel


# ---- attachments ----------------------------------------------------------------------


def listing(root: Path, name: str) -> None:
    """The hostile entry, listing ``name`` (a YAML double-quoted string) as its attachment."""
    extra = f'附件:\n  - 名称: 附件1 名单\n    文件: "{name}"\n'
    write(root, HOSTILE_ENTRY, entry(3, extra=extra))


def attachment_named(yaml_name: str, shown: str) -> Callable[[Path, Path], str]:
    def build(root: Path, tmp: Path) -> str:
        write(root, f"{YEAR_DIR}/att/名单.csv", "姓名,岗位\n")
        listing(root, yaml_name)
        return shown

    return build


def attachment(
    make: Callable[[Path, Path], None], name: str = "名单.csv"
) -> Callable[[Path, Path], str]:
    """The hostile entry listing ``att/<name>``, made by ``make(path, tmp)``."""

    def build(root: Path, tmp: Path) -> str:
        path = root / YEAR_DIR / "att" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        make(path, tmp)
        listing(root, f"att/{name}")
        return f"{YEAR_DIR}/att/{name}"

    return build


@dataclass(frozen=True)
class Hazard:
    id: str
    build: Callable[[Path, Path], str]  # (root, tmp) -> how the commands must name it
    named_by: tuple[str, ...] = ("check", "scan")  # which commands must name it
    rule: str = "FILE-KIND"  # the rule of the line naming it


REPO_HAZARDS = (
    Hazard("symlink-out-of-repo", outside_file),
    Hazard("symlink-to-dev-zero", _link("/dev/zero", f"{YEAR_DIR}/zero.md")),
    Hazard("symlink-broken", _link("no-such-file.md", f"{YEAR_DIR}/broken.md")),
    Hazard("symlink-loop", _link("loop.md", f"{YEAR_DIR}/loop.md")),
    Hazard("symlinked-folder", outside_folder),
    Hazard("fifo-entry", fifo(f"{YEAR_DIR}/pipe.md")),
    Hazard("socket-entry", unix_socket),
    Hazard("folder-named-md", folder(f"{YEAR_DIR}/folder.md")),
    Hazard("backslash-name", odd_name(b"a\\b.md", "a\\b.md")),
    Hazard("control-char-name", odd_name(b"a\x01b.md", "a\\x01b.md")),
    Hazard("newline-name", odd_name(b"two\nlines.md", "two\\x0alines.md")),
    Hazard("non-utf8-name", odd_name(b"\xb9\xab\xbf\xaa.md", "\\xb9\\xab\\xbf\\xaa.md")),
    Hazard("oversized-entry", oversized),
    Hazard("line-of-braces", brace_line, named_by=()),
    Hazard("deep-yaml", deep_yaml, named_by=("check",), rule="FM-SYNTAX"),
    Hazard("attachment-nul", attachment_named("att/a\\0b.csv", "a\\x00b.csv")),
    Hazard("attachment-5000-chars", attachment_named("att/" + "长" * 5000 + ".csv", HOSTILE_ENTRY)),
    Hazard("attachment-backslash", attachment_named("att\\\\名单.csv", "att\\名单.csv")),
    Hazard("attachment-symlink-out", attachment(symlink_to("/etc/passwd"))),
    Hazard("attachment-symlink-zero", attachment(symlink_to("/dev/zero"))),
    Hazard("attachment-symlink-loop", attachment(symlink_to("名单.csv"))),
    Hazard("attachment-symlink-broken", attachment(symlink_to("nowhere.csv"))),
    Hazard("attachment-fifo", attachment(lambda path, tmp: os.mkfifo(path))),
    Hazard("attachment-folder", attachment(lambda path, tmp: path.mkdir())),
    Hazard(
        "attachment-truncated-docx",
        attachment(truncated_docx, "表.docx"),
        named_by=("scan",),
        rule="SCAN-UNSCANNED",
    ),
    Hazard("attachment-entity-bomb", attachment(entity_bomb_docx, "表.docx"), named_by=("scan",)),
    Hazard("attachment-zip-bomb", attachment(zip_bomb_docx, "表.docx"), named_by=("scan",)),
    Hazard("attachment-150mb-docx", attachment(huge_docx, "表.docx")),
    Hazard("record-symlink", _link("/etc/passwd", "reviews/2026/passwd.yml"), named_by=("check",)),
    Hazard("record-fifo", fifo("reviews/2026/pipe.yml"), named_by=("check",)),
    Hazard("record-folder-named-yml", folder("consultations/2026/folder.yml"), named_by=("check",)),
    Hazard("training-fifo", fifo("training/2026/pipe.yml"), named_by=("check",)),
)
