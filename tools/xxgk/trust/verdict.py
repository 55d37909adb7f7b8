"""Does a secrecy review cover an entry exactly as it is now? (附件4 第四、十一、十七条)

A review counts only if it names the entry's current bytes and every attachment's bytes,
was made by a rostered reviewer entitled to review for the body named in it, confirms the
entry's disclosure attribute, allows publication, and has the approvals it needs
(``trust.sign_off``: 分管负责同志, 解密, 报请确定, 发布批准). Every issuing body of the entry
(发布机构 and each 联合发文机关) needs such a review.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from xxgk.io.frontmatter import Document
from xxgk.io.hashing import attachment_hashes, sha256_bytes
from xxgk.model.dates import parse_date
from xxgk.trust.anchor import Trust
from xxgk.trust.index import RecordIndex
from xxgk.trust.model import Review
from xxgk.trust.roster import Reviewer
from xxgk.trust.sign_off import sign_off_reasons
from xxgk.trust.training import Attendance, hours_before


@dataclass
class Basis:
    """What a review is judged against: the trust (signers, roster) and the training ledger."""

    trust: Trust
    training: list[Attendance]
    min_hours: Decimal

    @property
    def people(self) -> dict[str, Reviewer]:
        return self.trust.people


@dataclass
class Assessment:
    valid: list[Review] = field(default_factory=list)  # reviews that count
    reasons: list[str] = field(default_factory=list)  # why the entry is not covered

    @property
    def ok(self) -> bool:
        return bool(self.valid) and not self.reasons


def issuing_bodies(meta: dict[str, object]) -> list[str]:
    """发布机构 then every 联合发文机关, each once."""
    bodies = [meta.get("发布机构")]
    joint = meta.get("联合发文机关")
    if isinstance(joint, list):
        bodies.extend(joint)
    return list(dict.fromkeys(b for b in bodies if isinstance(b, str) and b))


def assess(root: Path, doc: Document, idx: RecordIndex, basis: Basis) -> Assessment:
    index_no = str(doc.get("索引号") or "")
    candidates = idx.by_sha.get(sha256_bytes(doc.raw), [])
    if not candidates:
        return Assessment(reasons=[_why_none(idx.reviews_of(index_no, doc.rel))])
    atts = attachment_hashes(root, doc.rel, doc.meta)
    bodies = issuing_bodies(doc.meta)
    created = created_of(doc)
    out = Assessment()
    rejected: dict[str, list[str]] = {}
    for rv in candidates:
        rv = idx.verified(rv)
        why = mismatch(
            rv, index_no, doc.get("公开形式"), atts, basis, bodies, created
        ) or "；".join(sign_off_reasons(rv, index_no, idx, created))
        if why:
            rejected.setdefault(rv.body, []).append(f"{rv.rel}：{why}")
        else:
            out.valid.append(rv)
    covered = {rv.body for rv in out.valid}
    for body in bodies:
        if body in covered:
            continue
        if body in rejected:
            out.reasons.extend(rejected[body])
        elif len(bodies) > 1:
            out.reasons.append(
                f"缺少联合发文机关“{body}”的保密审查（附件4 第十一条：各机关分别审查）"
            )
        else:
            out.reasons.append(f"缺少发布机构“{body}”的保密审查")
    out.reasons.extend(r for b, rs in rejected.items() if b not in bodies for r in rs)
    return out


def created_of(doc: Document) -> dt.date | None:
    """The entry's 产生时间 (None for a page or an unreadable date)."""
    return parse_date(str(doc.get("产生时间") or "")) if doc.parsed else None


def backdated(what: str, on: dt.date | None, created: dt.date | None) -> str:
    """Why a signed record dated before the entry existed does not count; "" when it may.

    A record's date is written by its signer, and the signers file checks a key's validity
    (valid-before) against that date: a record dated before the information was even made can
    only be backdated — the way a revoked key would still be used."""
    if on is None or created is None or on >= created:
        return ""
    return (
        f"{what}日期 {on} 早于条目的产生时间 {created}：不能对尚未产生的信息作出，只能是倒签的日期"
        "（例如用已停用的密钥签名后写一个停用前的日期），不算数"
    )


def mismatch(
    rv: Review,
    index_no: str,
    disclosure: object,
    atts: dict[str, str | None],
    basis: Basis,
    bodies: list[str],
    created: dt.date | None = None,
) -> str:
    """Why this review (whose entry hash matches) does not count; "" when it does."""
    if rv.index_no != index_no:
        return f"审查记录的索引号“{rv.index_no}”与条目不符"
    why = attachment_mismatch(rv, atts)
    if why:
        return why
    person = basis.people.get(rv.reviewer)
    if person is None:
        return f"审查人“{rv.reviewer}”不在保密审查人员名册（xxgk.yml 审查人员）中"
    why = signature_mismatch(rv, person) or backdated("审查", rv.date, created)
    if why:
        return why
    if rv.body not in bodies:
        return f"审查单位“{rv.body}”不是本条目的发布机构或联合发文机关"
    if rv.body not in person.bodies:
        return f"审查人“{rv.reviewer}”（{person.unit}）不能代表“{rv.body}”审查（谁公开、谁审查）"
    why = author_mismatch(rv, person)
    if why:
        return why
    hours = hours_before(basis.training, rv.reviewer, rv.date) if rv.date else Decimal(0)
    if hours < basis.min_hours:
        return (
            f"审查人“{rv.reviewer}”在审查日期前12个月内经签名确认的培训只有 {hours} 学时，不足 "
            f"{basis.min_hours} 学时（附件5 第七条“先培训后上岗”）"
        )
    if not rv.allows:
        return f"审查结论为“{rv.conclusion}”，不得公开"
    if rv.attribute != disclosure:
        return f"审查确认的公开属性为“{rv.attribute}”，条目写的是“{disclosure}”"
    return ""


def signature_mismatch(rv: Review, person: Reviewer) -> str:
    if rv.signature_problem:
        return f"审查记录的签名不算数：{rv.signature_problem}"
    if not person.principal or person.principal not in rv.signed_by:
        by = "、".join(sorted(rv.signed_by))
        return (
            f"审查记录由“{by}”的密钥签名，不是审查人“{rv.reviewer}”"
            f"（签名身份 {person.principal or '未登记'}）的密钥"
        )
    return ""


def author_mismatch(rv: Review, person: Reviewer) -> str:
    if not rv.author:
        return "审查记录没有写明作者，无法核对审查人不是作者（附件4：审查人不能审查自己的稿件）"
    if rv.author in (person.principal, rv.reviewer):
        return f"审查人“{rv.reviewer}”就是条目的作者，不能审查自己写的条目：请另一名审查人员审查"
    return ""


def attachment_mismatch(rv: Review, atts: dict[str, str | None]) -> str:
    reviewed = dict(rv.attachments)
    for name, sha in atts.items():
        if sha is None:
            return f"附件“{name}”不存在"
        if name not in reviewed:
            return f"附件“{name}”是审查后新增的，未经审查"
        if reviewed[name] != sha:
            return f"附件“{name}”在审查后被修改（哈希不符），审查已失效，请重新审查"
    return ""


def _why_none(older: list[Review]) -> str:
    if older:
        last = max(older, key=lambda r: (str(r.date), r.rel))
        return (
            f"条目在审查（{last.rel}，{last.date}）之后又被修改，内容与审查时不同（哈希不符），"
            "审查已失效，请重新审查"
        )
    return "没有保密审查记录（附件4 第四条“先审查、后公开”）：请审查人运行 xxgk review sign"
