"""Append-only against Git: a committed record may only grow new events at its end (REQ-APPEND-ONLY).

The committed version of every record is read in one ``git cat-file --batch`` call; outside a
Git work tree, or before the first commit, there is nothing to compare with. Locally the
comparison is with HEAD (uncommitted edits); in a pull request's CI, where HEAD already holds
the change, set ``XXGK_BASE_REF`` to the target branch (``origin/main``) so that a rewritten
event cannot slip in with the commit that rewrites it.

One change is allowed: a personal field of 申请人 written in plain text may be replaced by its
sealed form (``requests.sealed``), so that records written before sealing can be sealed. The
check cannot tell that the ciphertext holds the same text (it has no key); Git keeps both.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Any

from xxgk.io.git import git, ref_exists
from xxgk.io.registry import ConfigError
from xxgk.io.yamlsafe import load_yaml
from xxgk.model.problem import Problem
from xxgk.requests.model import PERSONAL_FIELDS, is_sealed
from xxgk.requests.store import Record

RULE = "REQ-APPEND-ONLY"


def committed(root: Path, rels: list[str], ref: str = "HEAD") -> dict[str, bytes]:
    """rel -> bytes at ``ref`` for those of ``rels`` that exist there."""
    if not rels or not (root / ".git").exists():
        return {}
    query = "".join(f"{ref}:{rel}\n" for rel in rels).encode("utf-8")
    try:
        done = subprocess.run(
            ["git", "cat-file", "--batch"], cwd=root, input=query, capture_output=True, check=False
        )
    except FileNotFoundError:
        return {}
    if done.returncode != 0:
        return {}
    return _parse_batch(done.stdout, rels)


def _parse_batch(out: bytes, rels: list[str]) -> dict[str, bytes]:
    found: dict[str, bytes] = {}
    pos = 0
    for rel in rels:
        end = out.index(b"\n", pos)
        header = out[pos:end].split()
        pos = end + 1
        if len(header) == 3 and header[1] == b"blob":
            size = int(header[2])
            found[rel] = out[pos : pos + size]
            pos += size + 1
    return found


def changes(old: dict[str, Any], new: dict[str, Any]) -> tuple[tuple[str | int, ...], str] | None:
    """The first place where ``new`` does not merely extend ``old``, with a message."""
    for key, value in old.items():
        if key == "申请人" and _sealed_only(value, new.get(key)):
            continue
        if key != "事件" and new.get(key) != value:
            return (key,), f"“{key}”与已提交的版本不同：记录提交后不得修改，更正请追加事件并说明"
    before = old.get("事件") or []
    after = new.get("事件") or []
    for i, event in enumerate(before):
        if i >= len(after) or after[i] != event:
            return ("事件", min(i, max(len(after) - 1, 0))), (
                f"第 {i + 1} 个事件与已提交的版本不同或被删除：事件只能在末尾追加（用 xxgk request log）"
            )
    return None


def _sealed_only(old: Any, new: Any) -> bool:
    """``new`` is ``old`` with some plain personal fields sealed, nothing else changed."""
    if not isinstance(old, dict) or not isinstance(new, dict) or set(old) != set(new):
        return False
    return all(
        new[k] == v or (k in PERSONAL_FIELDS and not is_sealed(v) and is_sealed(new[k]))
        for k, v in old.items()
    )


def base_ref(root: Path) -> str:
    """``XXGK_BASE_REF`` when set — it must name a commit of a full-history checkout, or the
    check cannot be made (ConfigError: exit 2, never "no problems") — else HEAD."""
    ref = os.environ.get("XXGK_BASE_REF", "").strip()
    if not ref:
        return "HEAD"
    if not ref_exists(root, ref):
        raise ConfigError(
            f"比较基线 XXGK_BASE_REF=“{ref}”不是本仓库的提交或分支：无法核对记录只增不改"
        )
    if git(root, "rev-parse", "--is-shallow-repository").strip() == "true":
        raise ConfigError(
            "仓库是浅克隆（没有完整历史）：无法核对记录只增不改，请用 fetch-depth: 0 检出"
        )
    return ref


def append_only_problems(root: Path, records: list[Record]) -> list[Problem]:
    usable = [r for r in records if r.request is not None]
    old_bytes = committed(root, [r.rel for r in usable], base_ref(root))
    problems: list[Problem] = []
    for record in usable:
        raw = old_bytes.get(record.rel)
        if raw is None:
            continue
        old = load_yaml(raw.decode("utf-8-sig", "replace").replace("\r\n", "\n"), record.rel)
        if not old.ok or not isinstance(old.data, dict):
            continue
        found = changes(old.data, record.data)
        if found:
            problems.append(record.problem(found[0], RULE, found[1]))
    return problems
