"""The leader's records that used to be written by hand: 解密 (附件4 第十六条), 确定意见
(第十三条), 发布批准 (附件6 第五条) and 分管领导审核 (附件6 第七条).

Each builder checks what it can before anything is written — the approver is a 负责同志 of
the unit in the staff roster, the entry or review exists and fits the kind — and returns the
record's content; ``approve.write_signed`` checks it against approval.schema.json, writes it
atomically (never over an existing file) and signs it (``xxgk-approval``). The publish
decision checks the signature and the signer again: nothing here is trusted by it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from xxgk.io.frontmatter import Document
from xxgk.io.hashing import sha256_bytes
from xxgk.io.records import parse_record
from xxgk.review.approve import require_leader
from xxgk.review.sign import SignError
from xxgk.trust.anchor import Trust, read_small
from xxgk.trust.approvals import DECIDE, DECLASSIFY, LEAD_CHECK, PERMIT
from xxgk.trust.index import REVIEWS, RecordIndex
from xxgk.trust.model import Consultation
from xxgk.trust.sign_off import LEADER
from xxgk.trust.verdict import issuing_bodies

RESULTS = ("不属于国家秘密", "属于国家秘密")


@dataclass(frozen=True)
class Act:
    """Who signs, when, and an optional note (说明)."""

    approver: str
    day: dt.date
    note: str = ""


def _entry(doc: Document, body: str | None) -> tuple[str, str]:
    """(索引号, unit): the unit is ``body`` or the 发布机构, and must issue the entry."""
    if not doc.parsed or not doc.get("索引号"):
        raise SignError(f"{doc.rel}：条目的元数据无法读取或没有索引号，请先用 xxgk check 改正")
    bodies = issuing_bodies(doc.meta)
    unit = body or (bodies[0] if bodies else "")
    if unit not in bodies:
        raise SignError(f"“{unit}”不是条目的发布机构或联合发文机关（{'、'.join(bodies)}）")
    return str(doc.get("索引号")), unit


def _base(kind: str, unit: str, act: Act, trust: Trust) -> dict[str, object]:
    require_leader(trust, unit, act.approver)
    return {"记录类型": kind, "单位": unit, "签署人": act.approver, "日期": act.day.isoformat()}


def declassify_record(
    doc: Document,
    body: str | None,
    authority: str,
    decider: str,
    doc_no: str,
    act: Act,
    trust: Trust,
) -> dict[str, object]:
    """The 解密 record of an entry's 密级标志: who decided, the decision's 文号."""
    index_no, unit = _entry(doc, body)
    for label, value in (
        ("--authority 决定机关", authority),
        ("--decider 决定人", decider),
        ("--doc-no 决定文号", doc_no),
    ):
        if not value.strip():
            raise SignError(f"解密记录须写明{label}（附件4 第十六条）")
    return {
        **_base(DECLASSIFY, unit, act, trust),
        "索引号": index_no,
        "决定机关": authority,
        "决定人": decider,
        "决定文号": doc_no,
        "说明": act.note or None,
    }


def permit_record(
    doc: Document,
    body: str | None,
    authority: str,
    doc_no: str,
    act: Act,
    trust: Trust,
    idx: RecordIndex,
) -> dict[str, object]:
    """The 发布批准 of an entry; the authority defaults to the 须经批准 of its current review."""
    index_no, unit = _entry(doc, body)
    if not authority:
        asked = [
            rv.needs_permit
            for rv in idx.by_sha.get(sha256_bytes(doc.raw), [])
            if rv.needs_permit and rv.body == unit
        ]
        if not asked:
            raise SignError(
                f"{doc.rel}：当前版本的审查记录没有写明须经哪个机关批准，请用 --authority 写明批准机关"
            )
        authority = asked[0]
    if not doc_no.strip():
        raise SignError("发布批准须写明批准文件的文号：--doc-no（附件6 第五条）")
    return {
        **_base(PERMIT, unit, act, trust),
        "索引号": index_no,
        "批准机关": authority,
        "批准文号": doc_no,
        "说明": act.note or None,
    }


def answer_record(
    root: Path, review: str, authority: str, result: str, doc_no: str, act: Act, trust: Trust
) -> dict[str, object]:
    """The 确定意见 that answers a review sent to the 保密工作部门 or 上级业务主管部门."""
    if not review.startswith(REVIEWS + "/") or not review.endswith((".yml", ".yaml")):
        raise SignError(f"{review} 不是审查记录：确定意见针对 reviews/ 下报请确定的审查记录")
    raw = read_small(root / review)
    if raw is None:
        raise SignError(f"{review} 不存在")
    rec = parse_record(raw, review, root, "review.schema.json", "APPROVAL-RECORD")
    if not rec.valid:
        raise SignError(f"{review} 格式有误：{rec.problems[0].message}")
    got = rec.data.get("难以确定")
    sent: dict[str, object] = got if isinstance(got, dict) else {}
    to = str(sent.get("报送") or "")
    if not to or to == LEADER:
        raise SignError(
            f"{review} 没有报保密工作部门或上级业务主管部门确定（附件4 第十三条），无需确定意见"
        )
    if result not in RESULTS:
        raise SignError(f"确定结果只能是{'或'.join(RESULTS)}")
    authority = authority or str(sent.get("报送机关") or "")
    if not authority:
        raise SignError("请用 --authority 写明作出确定的机关")
    return {
        **_base(DECIDE, rec.text("审查单位"), act, trust),
        "审查记录": review,
        "审查记录哈希": sha256_bytes(raw),
        "确定机关": authority,
        "确定结果": result,
        "来文文号": doc_no or None,
        "说明": act.note or None,
    }


def confirm_record(
    doc: Document, decision: str, opinion: str, act: Act, trust: Trust, idx: RecordIndex
) -> dict[str, object]:
    """The 分管领导审核 that follows the leading-group office's decision on an entry."""
    index_no, unit = _entry(doc, None)
    found = leading_group_decision(idx.consultations.get(index_no, []), decision, doc.rel)
    if found.date is not None and act.day < found.date:
        raise SignError(
            f"审核日期 {act.day} 早于领导小组办公室的决定日期 {found.date}：审核须在决定之后"
        )
    return {
        **_base(LEAD_CHECK, unit, act, trust),
        "索引号": index_no,
        "协调决定": found.rel,
        "意见": opinion,
        "说明": act.note or None,
    }


def leading_group_decision(items: list[Consultation], named: str, entry: str) -> Consultation:
    """The signed 协调决定 named (or the latest one) for the entry."""
    decisions = [c for c in items if c.kind == "协调决定"]
    if named:
        decisions = [c for c in decisions if c.rel == named]
        if not decisions:
            raise SignError(
                f"{named} 不是本条目的协调决定记录（consultations/ 下，记录类型: 协调决定）"
            )
    if not decisions:
        raise SignError(f"{entry}：没有领导小组办公室的协调决定，无需分管领导审核（附件6 第七条）")
    last = max(decisions, key=lambda c: (c.date or dt.date.min, c.rel))
    if not last.signed_by:
        raise SignError(
            f"{last.rel} 没有有效签名（{last.signature_problem}）：请领导小组办公室先签署决定"
        )
    return last
