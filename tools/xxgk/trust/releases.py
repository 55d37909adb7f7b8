"""Is what a reply on request hands over reviewed and signed off? (附件4 第七条（三）、第十四条)

A 予以公开 or 部分公开 reply needs a review record in releases/ for its 申请编号 — signed by a
rostered reviewer entitled for the 受理单位, trained in the 12 months before, whose listed
files still have the hashes reviewed — and the signed 答复签发 of that unit's
信息公开工作负责人 (or 分管负责同志) for exactly that record.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from xxgk.io.hashing import sha256_bytes, sha256_file
from xxgk.trust.approvals import REPLY_SIGN, for_review, latest
from xxgk.trust.index import RecordIndex
from xxgk.trust.model import Release
from xxgk.trust.training import hours_before
from xxgk.trust.verdict import Basis

NO_REVIEW = "缺少提供信息的保密审查（附件4 第七条（三））"
NO_SIGN_OFF = "缺少信息公开工作负责人签发答复的审批（附件4 第十四条）"


def release_problem(root: Path, r: Release, unit: str, basis: Basis) -> str:
    """Why this release review does not count; "" when it does."""
    if r.signature_problem:
        return f"{r.rel}：签名不算数：{r.signature_problem}"
    person = basis.people.get(r.reviewer)
    if person is None:
        return f"{r.rel}：审查人“{r.reviewer}”不在保密审查人员名册中"
    if not person.principal or person.principal not in r.signed_by:
        return f"{r.rel}：不是审查人“{r.reviewer}”本人的密钥签名"
    if r.unit != unit or unit not in person.bodies:
        return f"{r.rel}：审查人“{r.reviewer}”不能代表“{unit}”审查"
    hours = hours_before(basis.training, r.reviewer, r.date) if r.date else Decimal(0)
    if hours < basis.min_hours:
        return f"{r.rel}：审查人“{r.reviewer}”审查前12个月经签名的培训只有 {hours} 学时（附件5 第七条）"
    for name, sha in r.files:
        if sha256_file(root, name) != sha:
            return f"{r.rel}：提供文件“{name}”不存在或在审查后被修改，请重新审查"
    return ""


def release_reasons(
    root: Path, number: str, unit: str, idx: RecordIndex, basis: Basis
) -> list[str]:
    """What is missing before a reply that releases information may be sent; empty when nothing."""
    if not basis.trust.usable:
        return [basis.trust.message]
    found = idx.releases.get(number, [])
    if not found:
        return [f"{NO_REVIEW}：请审查人运行 xxgk review release {number} 文件…"]
    problems = []
    for r in sorted(found, key=lambda r: (str(r.date), r.rel), reverse=True):
        why = release_problem(root, r, unit, basis)
        if why:
            problems.append(why)
            continue
        sha = sha256_bytes(idx.raw[r.rel])
        last = latest(
            [
                a
                for a in for_review(idx.approvals, r.rel, sha, REPLY_SIGN)
                if a.unit == unit and a.request == number
            ]
        )
        if last is None:
            return [f"{NO_SIGN_OFF}：请负责人运行 xxgk review approve {r.rel} --approver 姓名"]
        return [] if last.opinion == "同意" else [f"信息公开工作负责人不同意提供（{last.rel}）"]
    return [f"{NO_REVIEW}：{'；'.join(problems)}"]
