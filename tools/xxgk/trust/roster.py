"""The rosters of xxgk.yml: 审查人员 (who may sign a review, for which bodies, with which key) and
工作人员名册 (each unit's leaders, staff and 舆情 contact); ``unit_problems`` finds a roster entry
whose 单位 is not a registered unit."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from xxgk.io.frontmatter import decode
from xxgk.io.registry import REGISTRY_FILE
from xxgk.io.safefs import RECORD_LIMIT, UnsafeFile, read_bytes
from xxgk.io.yamlsafe import Loaded, load_yaml
from xxgk.model.problem import Problem, Severity
from xxgk.model.registry import Registry


@dataclass(frozen=True)
class Reviewer:
    name: str
    unit: str
    bodies: frozenset[str]  # issuing bodies whose information this person may review
    principal: str  # identity in the allowed-signers file (usually the e-mail address)


def _reviewer(item: dict[str, Any]) -> Reviewer:
    unit = str(item.get("单位") or "")
    extra = item.get("审查单位") or []
    bodies = frozenset([unit, *(b for b in extra if isinstance(b, str))])
    return Reviewer(
        name=str(item.get("姓名") or ""),
        unit=unit,
        bodies=bodies,
        principal=str(item.get("签名身份") or ""),
    )


def roster(registry: Registry) -> dict[str, Reviewer]:
    return {r.name: r for r in map(_reviewer, registry.reviewers) if r.name}


STAFF_ROSTER = "工作人员名册"
LEAD, HEAD = "分管负责同志", "信息公开工作负责人"


@dataclass(frozen=True)
class Leader:
    """A unit's 分管负责同志 (附件4 第五条) or 信息公开工作负责人 (第十四条): signs approvals."""

    name: str
    unit: str
    role: str  # 分管负责同志 | 信息公开工作负责人
    principal: str


def _units(registry: Registry) -> list[dict[str, Any]]:
    items = registry.raw.get(STAFF_ROSTER) or []
    return [u for u in items if isinstance(u, dict)]


def leaders(registry: Registry) -> dict[str, list[Leader]]:
    """unit -> its 分管负责同志 and 信息公开工作负责人 (when named)."""
    out: dict[str, list[Leader]] = {}
    for u in _units(registry):
        unit = str(u.get("单位") or "")
        for role in (LEAD, HEAD):
            p = u.get(role)
            if isinstance(p, dict) and p.get("姓名"):
                out.setdefault(unit, []).append(
                    Leader(str(p["姓名"]), unit, role, str(p.get("签名身份") or ""))
                )
    return out


def staff(registry: Registry) -> dict[str, str]:
    """Everyone the staff roster names (workers and leaders: 附件5 第二条) -> their unit."""
    out: dict[str, str] = {}
    for u in _units(registry):
        unit = str(u.get("单位") or "")
        for role in (LEAD, HEAD):
            p = u.get(role)
            if isinstance(p, dict) and p.get("姓名"):
                out.setdefault(str(p["姓名"]), unit)
        for name in u.get("工作人员") or []:
            if isinstance(name, str) and name:
                out[name] = unit
    return out


def has_staff_roster(registry: Registry) -> bool:
    return bool(_units(registry))


def opinion_contacts(registry: Registry) -> dict[str, dict[str, Any]]:
    """unit -> its 24-hour 舆情联系人 (附件8 二（四））."""
    return {
        str(u.get("单位") or ""): u["舆情联系人"]
        for u in _units(registry)
        if isinstance(u.get("舆情联系人"), dict)
    }


REVIEWERS = "审查人员"
UNIT_RULE = "REG-ROSTER-UNIT"


def unit_problems(root: Path, registry: Registry) -> list[Problem]:
    """A 工作人员名册 or 审查人员 entry naming a unit the registry does not list (a misspelt 单位
    would leave the real unit without its leader, reviewer and 舆情联系人), with file and line."""
    try:
        text, _ = decode(read_bytes(root, REGISTRY_FILE, RECORD_LIMIT), REGISTRY_FILE)
    except (UnsafeFile, OSError):
        return []  # check_registry has already said why the file cannot be read
    if text is None:
        return []
    loaded = load_yaml(text, REGISTRY_FILE)
    known = [u.name for u in registry.units]
    found: list[Problem] = []
    for i, item in enumerate(_items(loaded, STAFF_ROSTER)):
        found += _unknown(
            loaded, known, item.get("单位"), f"{STAFF_ROSTER}中的单位", (STAFF_ROSTER, i, "单位")
        )
    for i, item in enumerate(_items(loaded, REVIEWERS)):
        who = f"{REVIEWERS}“{item.get('姓名') or f'第 {i + 1} 项'}”"
        found += _unknown(loaded, known, item.get("单位"), f"{who}的单位", (REVIEWERS, i, "单位"))
        extra = item.get("审查单位")
        for j, body in enumerate(extra if isinstance(extra, list) else []):
            found += _unknown(
                loaded, known, body, f"{who}的审查单位", (REVIEWERS, i, "审查单位", j)
            )
    return found


def _items(loaded: Loaded, key: str) -> list[dict[str, Any]]:
    items = (loaded.data or {}).get(key) if isinstance(loaded.data, dict) else None
    return [u if isinstance(u, dict) else {} for u in items] if isinstance(items, list) else []


def _unknown(
    loaded: Loaded, known: list[str], value: object, label: str, path: tuple[str | int, ...]
) -> list[Problem]:
    if not isinstance(value, str) or not value or value in known:
        return []  # missing or not text: the registry schema reports it
    line, col = loaded.pos(*path)
    return [
        Problem(
            REGISTRY_FILE,
            line,
            col,
            UNIT_RULE,
            Severity.ERROR,
            f"{label}“{value}”不是“单位”中登记的单位{_closest(value, known)}；名称写错时，"
            "真正的单位就没有登记负责同志、审查人员和舆情联系人（附件4 第五条）",
        )
    ]


def _closest(value: str, known: list[str]) -> str:
    """ "，是否应为“…”" with the most similar registered unit name, when one is similar at all."""
    if not known:
        return ""
    best = max(known, key=lambda k: (difflib.SequenceMatcher(None, value, k).ratio(), -len(k)))
    if difflib.SequenceMatcher(None, value, best).ratio() < 0.3:
        return ""
    return f"，是否应为“{best}”"
