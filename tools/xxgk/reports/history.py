"""What the git history says about when things changed and who did them.

Used by the audit (guide not updated) and the training report (先培训后上岗). A folder that is
not a git repository, or has no commits, simply has no history: callers say so.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from xxgk.io.git import git
from xxgk.io.registry import REGISTRY_FILE, ConfigError
from xxgk.io.yamlsafe import load_yaml
from xxgk.model.dates import parse_date


@dataclass(frozen=True)
class Touch:
    """One commit adding or changing one file."""

    path: str
    author: str
    email: str
    date: dt.date
    commit: str


def has_history(root: Path) -> bool:
    try:
        git(root, "rev-parse", "--verify", "--quiet", "HEAD^{commit}")
        return True
    except ConfigError:
        return False


def last_change(root: Path, *paths: str) -> dt.date | None:
    """The date of the last commit touching any of ``paths`` (None: never committed)."""
    if not has_history(root):
        return None
    out = git(root, "log", "-1", "--format=%cs", "--", *paths).strip()
    return parse_date(out)


Section = tuple[str, ...]  # a path into xxgk.yml, e.g. ("政策", "依申请公开")


def _value(data: Any, path: Section) -> Any:
    for key in path:
        data = data.get(key) if isinstance(data, dict) else None
    return data


def _sections_at(root: Path, commit: str, keys: tuple[Section, ...]) -> str | None:
    try:
        text = git(root, "show", f"{commit}:{REGISTRY_FILE}")
    except ConfigError:
        return None
    loaded = load_yaml(text, REGISTRY_FILE)
    data = loaded.data if loaded.ok and isinstance(loaded.data, dict) else {}
    return json.dumps([_value(data, k) for k in keys], ensure_ascii=False, sort_keys=True)


def registry_sections_changed(root: Path, keys: tuple[Section, ...]) -> dt.date | None:
    """When the given sections of xxgk.yml last changed (edits elsewhere in the file do not count)."""
    if not has_history(root):
        return None
    log = git(root, "log", "--format=%H %cs", "--", REGISTRY_FILE).split("\n")
    commits = [line.split(" ") for line in log if line.strip()]
    for (commit, day), older in zip(commits, [*commits[1:], None]):
        now = _sections_at(root, commit, keys)
        before = _sections_at(root, older[0], keys) if older else None
        if now != before:
            return parse_date(day)
    return None


def touches(root: Path, folder: str) -> list[Touch]:
    """Every commit adding or modifying a file under ``folder``, oldest first."""
    if not has_history(root):
        return []
    out = git(
        root,
        "log",
        "--reverse",
        "--diff-filter=AM",
        "-z",
        "--name-only",
        "--format=%x01%H%x00%an%x00%ae%x00%as",
        "--",
        folder,
    )
    found: list[Touch] = []
    for block in out.split("\x01")[1:]:
        fields = block.split("\x00")
        commit, author, email, day = fields[:4]
        date = parse_date(day)
        for name in fields[4:]:
            name = name.strip("\n")
            if name and date:
                found.append(Touch(name, author, email, date, commit))
    return found


def as_dict(touch: Touch) -> dict[str, Any]:
    return {
        "文件": touch.path,
        "作者": touch.author,
        "日期": touch.date.isoformat(),
        "提交": touch.commit,
    }
