"""Who may sign a written opinion (附件6 第七条): the consulted unit itself, and for a 协调决定
the 政务公开领导小组办公室.

A key that may sign ``xxgk-consult`` is not enough: the opinion of 自然资源局 counts only when
the signing identity belongs to a person the rosters of xxgk.yml give 自然资源局 (a reviewer
whose 单位 it is, or its 分管负责同志 / 信息公开工作负责人), and a 协调决定 only when it belongs
to a person of the unit housing the leading group's office (``trust.office``). Otherwise the
publisher's own reviewer could sign "同意公开" in the name of the department that refused.
"""

from __future__ import annotations

from dataclasses import replace

from xxgk.trust.anchor import Trust
from xxgk.trust.model import Consultation

DECISION = "协调决定"


def speaker(c: Consultation, trust: Trust) -> str:
    """The unit whose people may sign ``c``."""
    return trust.office if c.kind == DECISION else c.department


def entitled(c: Consultation, trust: Trust) -> Consultation:
    """``c`` unchanged when a rostered person of the right unit signed it; else with no signer
    and the reason (it then counts as unsigned)."""
    if not c.signed_by:
        return c
    unit = speaker(c, trust)
    if unit and c.signed_by & trust.members(unit):
        return c
    who = "、".join(sorted(c.signed_by))
    if c.kind == DECISION:
        why = (
            f"签名身份“{who}”不是政务公开领导小组办公室（{unit or '未登记'}）在名册中的人员，"
            "不能作出协调决定（附件6 第七条）"
        )
    else:
        why = (
            f"签名身份“{who}”不是“{c.department}”在名册（审查人员、工作人员名册的负责同志）中的人员，"
            "不能代表该单位出具书面意见（附件6 第七条）"
        )
    return replace(c, signed_by=frozenset(), signature_problem=why)
