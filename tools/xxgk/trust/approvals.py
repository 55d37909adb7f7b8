"""Approval records (approvals/): what a unit's 分管负责同志 or 信息公开工作负责人 signed.

An approval counts only when its signature (``xxgk-approval``) verifies and the signing key
belongs to a leader the staff roster names for the approval's 单位: a reviewer cannot approve
their own review, a department cannot approve another's. Kinds: 审批 (附件4 第九条（三）),
确定意见 (第十三条), 解密 (第十六条), 发布批准 (附件6 第五条), 分管领导审核 (附件6 第七条),
答复签发 (附件4 第十四条).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

from xxgk.io.records import Record
from xxgk.model.dates import parse_date
from xxgk.trust.anchor import Trust
from xxgk.trust.attest import verify_record
from xxgk.trust.sshsig import APPROVAL as NAMESPACE

APPROVALS = "approvals"
REVIEW_OK, DECIDE, DECLASSIFY, PERMIT, LEAD_CHECK, REPLY_SIGN = (
    "审批",
    "确定意见",
    "解密",
    "发布批准",
    "分管领导审核",
    "答复签发",
)


@dataclass(frozen=True)
class Approval:
    rel: str
    kind: str
    unit: str
    signer: str
    date: dt.date | None
    review: str = ""  # 审查记录
    review_sha: str = ""
    opinion: str = ""  # 同意 | 不同意
    result: str = ""  # 确定结果
    index_no: str = ""
    request: str = ""  # 申请编号
    problem: str = ""  # why it does not count ("" when it does)

    @property
    def counts(self) -> bool:
        return not self.problem


def approval_from(rec: Record) -> Approval:
    return Approval(
        rel=rec.rel,
        kind=rec.text("记录类型"),
        unit=rec.text("单位"),
        signer=rec.text("签署人"),
        date=parse_date(rec.text("日期")),
        review=rec.text("审查记录"),
        review_sha=rec.text("审查记录哈希"),
        opinion=rec.text("意见"),
        result=rec.text("确定结果"),
        index_no=rec.text("索引号"),
        request=rec.text("申请编号"),
    )


def verified(root: Path, rec: Record, raw: bytes, trust: Trust) -> Approval:
    """The approval with ``problem`` set unless a leader of its unit signed it."""
    a = approval_from(rec)
    signed, why = verify_record(root, a.rel, raw, NAMESPACE, trust, a.date)
    if why:
        return replace(a, problem=f"签名不算数：{why}")
    leader = trust.leader_of(a.unit, signed)
    if leader is None:
        names = "、".join(f"{ld.role}{ld.name}" for ld in trust.leaders.get(a.unit, [])) or "未登记"
        return replace(
            a,
            problem=(
                f"签名身份“{'、'.join(sorted(signed))}”不是“{a.unit}”的分管负责同志或"
                f"信息公开工作负责人（工作人员名册：{names}）"
            ),
        )
    if leader.name != a.signer:
        return replace(a, problem=f"签署人写的是“{a.signer}”，签名的是“{leader.name}”")
    return a


def for_review(items: list[Approval], rel: str, sha: str, kind: str) -> list[Approval]:
    """Counting approvals of ``kind`` about exactly this review record (its path and bytes)."""
    return [
        a for a in items if a.kind == kind and a.review == rel and a.review_sha == sha and a.counts
    ]


def latest(items: list[Approval]) -> Approval | None:
    return max(items, key=lambda a: (a.date or dt.date.min, a.rel)) if items else None
