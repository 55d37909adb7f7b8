"""Release coordination (附件6 第七条): every 涉及部门 has given a written opinion.

A department that disagrees blocks publication until the 政务公开领导小组办公室 has
recorded a decision; the latest decision wins over replies.
"""

from __future__ import annotations

import datetime as dt

from xxgk.io.frontmatter import Document
from xxgk.model.entry import file_stem
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
    reasons: list[str] = []
    for dept in concerned(doc):
        everything = [c for c in records if c.department == dept]
        mine = [c for c in everything if c.signed_by]  # an unsigned opinion counts for nothing
        if everything and not mine:
            reasons.append(f"涉及部门“{dept}”的书面意见没有有效签名（{everything[0].signature_problem}）")
            continue
        decisions = [c for c in mine if c.kind == "协调决定"]
        replies = [c for c in mine if c.kind == "征求意见"]
        if decisions:
            last = _latest(decisions)
            if last.decision != "同意公开":
                reasons.append(f"政务公开领导小组办公室已决定不予公开（{last.rel}）")
        elif not replies:
            reasons.append(f"缺少涉及部门“{dept}”的书面意见（附件6 第七条：公开前须书面征求意见），"
                           "请在 consultations/ 中记录")
        elif _latest(replies).reply != "同意公开":
            reasons.append(f"涉及部门“{dept}”不同意公开（{_latest(replies).rel}），须报政务公开领导小组办公室"
                           "决定（附件6 第七条），尚无决定记录")
    return reasons


def withdrawn(doc: Document, idx: RecordIndex, today: dt.date) -> bool:
    """A withdrawal record names this entry's 索引号 (in its content or its file name) and its
    date has come. Editing the record's content cannot bring the entry back."""
    index_no = str(doc.get("索引号") or "")
    found = idx.withdrawals.get(index_no, []) + idx.withdrawn_stems.get(file_stem(index_no), [])
    return any(w.date is not None and w.date <= today for w in found)
