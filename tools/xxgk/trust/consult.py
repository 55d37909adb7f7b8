"""Release coordination (附件6 第七条): every 涉及部门 has given a written opinion.

A department that disagrees blocks publication until the 政务公开领导小组办公室 has
recorded a decision; the latest decision wins over replies. A decision to publish is then
reviewed by the publisher's 分管领导 (附件6 第七条 “再提交分管领导审核后方可公开”): a signed
分管领导审核 record (approvals/) of that unit, dated on or after the decision.

Only the consulted unit's rostered people sign its opinion, and only the leading group
office's people sign a decision (``trust.consult_signer``). Dates are written by the signer,
so an opinion dated before it was asked for (征求日期) or before the entry was made (产生时间),
and a 分管领导审核 dated before the entry, are backdated and count for nothing.
"""

from __future__ import annotations

import datetime as dt

from xxgk.io.frontmatter import Document
from xxgk.model.dates import parse_date
from xxgk.model.entry import file_stem
from xxgk.trust.approvals import LEAD_CHECK
from xxgk.trust.index import RecordIndex
from xxgk.trust.model import Consultation


def concerned(doc: Document) -> list[str]:
    depts = doc.get("涉及部门")
    return [d for d in depts if isinstance(d, str) and d] if isinstance(depts, list) else []


def _latest(items: list[Consultation]) -> Consultation:
    return max(items, key=lambda c: (c.date or dt.date.min, c.rel))


def consultation_reasons(doc: Document, idx: RecordIndex) -> list[str]:
    """Why the coordination is not complete; empty when every department has agreed."""
    index_no = str(doc.get("索引号") or "")
    records = idx.consultations.get(index_no, [])
    created = parse_date(str(doc.get("产生时间") or ""))
    reasons: list[str] = []
    for dept in concerned(doc):
        everything = [c for c in records if c.department == dept]
        signed = [c for c in everything if c.signed_by]  # an unsigned opinion counts for nothing
        mine = [c for c in signed if not backdated(c, created)]
        if everything and not signed:
            reasons.append(
                f"涉及部门“{dept}”的书面意见没有有效签名（{everything[0].signature_problem}）"
            )
            continue
        if signed and not mine:
            reasons.append(f"涉及部门“{dept}”的书面意见{backdated(signed[0], created)}")
            continue
        decisions = [c for c in mine if c.kind == "协调决定"]
        replies = [c for c in mine if c.kind == "征求意见"]
        if decisions:
            last = _latest(decisions)
            if last.decision != "同意公开":
                reasons.append(f"政务公开领导小组办公室已决定不予公开（{last.rel}）")
            else:
                reasons.extend(lead_check(doc, idx, last))
        elif not replies:
            reasons.append(
                f"缺少涉及部门“{dept}”的书面意见（附件6 第七条：公开前须书面征求意见），"
                "请在 consultations/ 中记录"
            )
        elif _latest(replies).reply != "同意公开":
            reasons.append(
                f"涉及部门“{dept}”不同意公开（{_latest(replies).rel}），须报政务公开领导小组办公室"
                "决定（附件6 第七条），尚无决定记录"
            )
    return list(dict.fromkeys(reasons))


def backdated(c: Consultation, created: dt.date | None) -> str:
    """Why the date of ``c`` cannot be true ("" when it can): before 征求日期 or 产生时间."""
    if c.date is None:
        return f"（{c.rel}）没有有效的日期，不算数"
    if c.kind == "征求意见" and c.asked is not None and c.date < c.asked:
        return f"（{c.rel}）回复日期 {c.date} 早于征求日期 {c.asked}，是倒签的日期，不算数"
    if created is not None and c.date < created:
        return f"（{c.rel}）日期 {c.date} 早于条目的产生时间 {created}，是倒签的日期，不算数"
    return ""


def withdrawn(doc: Document, idx: RecordIndex, today: dt.date) -> bool:
    """A withdrawal record names this entry's 索引号 (in its content or its file name) and its
    date has come. Editing the record's content cannot bring the entry back."""
    index_no = str(doc.get("索引号") or "")
    found = idx.withdrawals.get(index_no, []) + idx.withdrawn_stems.get(file_stem(index_no), [])
    return any(w.date is not None and w.date <= today for w in found)


def lead_check(doc: Document, idx: RecordIndex, decision: Consultation) -> list[str]:
    """The 分管领导审核 that must follow a leading-group decision to publish."""
    index_no, unit = str(doc.get("索引号") or ""), str(doc.get("发布机构") or "")
    # On or after the decision (hence after the entry was made, the decision being so dated).
    mine = [
        a
        for a in idx.approvals
        if a.kind == LEAD_CHECK
        and a.index_no == index_no
        and a.unit == unit
        and a.counts
        and a.date is not None
        and decision.date is not None
        and a.date >= decision.date
    ]
    if not mine:
        return [
            f"领导小组办公室决定公开（{decision.rel}）后，须由“{unit}”的分管领导审核（附件6 第七条），"
            "尚无签名的分管领导审核记录"
        ]
    last = max(mine, key=lambda a: (a.date or dt.date.min, a.rel))
    return [] if last.opinion == "同意" else [f"分管领导审核不同意公开（{last.rel}）"]
