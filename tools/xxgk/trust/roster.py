"""The reviewer roster (xxgk.yml 审查人员): who may sign a review, for which bodies, with which key."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

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
    return Reviewer(name=str(item.get("姓名") or ""), unit=unit, bodies=bodies,
                    principal=str(item.get("签名身份") or ""))


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
                    Leader(str(p["姓名"]), unit, role, str(p.get("签名身份") or "")))
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
    return {str(u.get("单位") or ""): u["舆情联系人"] for u in _units(registry)
            if isinstance(u.get("舆情联系人"), dict)}
