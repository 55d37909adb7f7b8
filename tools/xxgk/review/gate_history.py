"""Gate conditions that need history: records only grow, published entries keep their
索引号 and are not deleted without a withdrawal, the signers file changes alone."""

from __future__ import annotations

from typing import Any

from xxgk.io.yamlsafe import load_yaml
from xxgk.review.history import History
from xxgk.trust.signers import SIGNERS_FILE

# Every record kind, and whether a committed record may grow (new events at its end).
RECORD_FOLDERS = {
    "reviews": False,
    "consultations": False,
    "withdrawals": False,
    "training": False,
    "approvals": False,
    "releases": False,
    "requests": True,
    "evaluations": True,
    "opinions": True,
    "complaints": True,
}
TRUST_FILES = (SIGNERS_FILE, ".xxgk/trust.sig", "xxgk.yml")
Failure = tuple[str, str, str]  # (path, rule, message)


def record_changes(hist: History, changes: list[tuple[str, str]]) -> list[Failure]:
    """Changing, deleting, renaming (a delete plus an add) or type-changing a committed record."""
    found: list[Failure] = []
    for status, path in changes:
        folder = path.split("/")[0]
        if folder not in RECORD_FOLDERS or status == "A":
            continue
        if status == "M" and RECORD_FOLDERS[folder] and not path.endswith(".sig"):
            why = _not_an_extension(hist, path)
            if not why:
                continue
            found.append((path, "GATE-RECORD-CHANGED", why))
            continue
        done = {"M": "修改", "D": "删除或改名", "T": "改成了符号链接或其他类型"}.get(status, "改动")
        found.append(
            (
                path,
                "GATE-RECORD-CHANGED",
                f"{done}了已提交的记录：记录只增不改，情况变化时请新增一份"
                "记录或追加事件（审查、审批、意见、撤回、培训、申请、评议、舆情记录都是如此）",
            )
        )
    return found


def _not_an_extension(hist: History, path: str) -> str:
    """ "" when the new version only appends to the lists of the old one."""
    before, after = hist.show(path), hist.show_head(path)
    if before is None or after is None:
        return "记录无法读取"
    old, new = _load(before, path), _load(after, path)
    if old is None or new is None:
        return "记录无法按 YAML 读取，不能确认只是追加"
    for key, value in old.items():
        grown = new.get(key)
        if isinstance(value, list) and isinstance(grown, list) and grown[: len(value)] == value:
            continue
        if grown != value:
            return (
                f"“{key}”与已提交的版本不同：记录提交后只能在末尾追加事件，不得修改或删除已有内容"
            )
    return ""


def _load(raw: bytes, path: str) -> dict[str, Any] | None:
    loaded = load_yaml(raw.decode("utf-8-sig", "replace").replace("\r\n", "\n"), path)
    return loaded.data if loaded.ok and isinstance(loaded.data, dict) else None


def trust_with_content(
    changes: list[tuple[str, str]], content_prefixes: tuple[str, ...]
) -> list[Failure]:
    """The signers file (or its anchor signature) changes in a change of its own."""
    if not any(p in (SIGNERS_FILE, ".xxgk/trust.sig") for _, p in changes):
        return []
    content = [p for _, p in changes if p.startswith(content_prefixes)]
    if not content:
        return []
    return [
        (
            SIGNERS_FILE,
            "GATE-SIGNERS-FILE",
            "本次改动同时修改了允许签名人文件和内容或记录"
            f"（如 {content[0]}）：签名人文件只能由领导小组在单独的合并请求中修改",
        )
    ]
