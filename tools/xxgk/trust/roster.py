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
