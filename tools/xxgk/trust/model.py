"""Review, consultation and withdrawal records as plain values (no I/O)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from xxgk.io.records import Record
from xxgk.model.dates import parse_date

# 脱密处理后部分公开: the entry file under review is already the redacted version, so the
# site publishes it as it is; the review records what was removed and why (不公开理由).
ALLOWING = frozenset({"同意公开", "脱密处理后部分公开"})
CONCLUSIONS = ("同意公开", "脱密处理后部分公开", "不予公开")


@dataclass(frozen=True)
class Review:
    rel: str
    entry: str
    index_no: str
    title: str
    attribute: str  # 公开属性
    conclusion: str  # 审查结论
    body: str  # 审查单位
    reviewer: str
    date: dt.date | None
    entry_sha: str
    attachments: tuple[tuple[str, str], ...]  # (file, sha256)
    acknowledged: frozenset[str]
    author: str = ""  # 作者: signing identity of who made the reviewed version
    signed_by: frozenset[str] = frozenset()  # principals of the verified signature (empty: none)
    signature_problem: str = ""  # why the signature does not count ("" when it does)

    @property
    def allows(self) -> bool:
        return self.conclusion in ALLOWING


def review_from(rec: Record) -> Review:
    atts = tuple((a.get("文件", ""), a.get("哈希", "")) for a in rec.data.get("附件哈希") or ()
                 if isinstance(a, dict))
    acks = frozenset(a.get("编号", "") for a in rec.data.get("已确认发现") or () if isinstance(a, dict))
    return Review(rel=rec.rel, entry=rec.text("条目"), index_no=rec.text("索引号"),
                  title=rec.text("信息名称"), attribute=rec.text("公开属性"),
                  conclusion=rec.text("审查结论"), body=rec.text("审查单位"),
                  reviewer=rec.text("审查人"), date=parse_date(rec.text("审查日期")),
                  entry_sha=rec.text("条目哈希"), attachments=atts, acknowledged=acks,
                  author=rec.text("作者"))


@dataclass(frozen=True)
class Consultation:
    rel: str
    kind: str  # 征求意见 | 协调决定
    index_no: str
    department: str  # 被征求单位
    reply: str  # 回复意见 (征求意见)
    decision: str  # 决定 (协调决定)
    date: dt.date | None
    signed_by: frozenset[str] = frozenset()
    signature_problem: str = ""


def consultation_from(rec: Record) -> Consultation:
    kind = rec.text("记录类型")
    when = rec.text("回复日期") if kind == "征求意见" else rec.text("决定日期")
    return Consultation(rel=rec.rel, kind=kind, index_no=rec.text("索引号"),
                        department=rec.text("被征求单位"), reply=rec.text("回复意见"),
                        decision=rec.text("决定"), date=parse_date(when))


@dataclass(frozen=True)
class Withdrawal:
    rel: str
    index_no: str
    entry: str
    date: dt.date | None
    reason: str


def withdrawal_from(rec: Record) -> Withdrawal:
    return Withdrawal(rel=rec.rel, index_no=rec.text("索引号"), entry=rec.text("条目"),
                      date=parse_date(rec.text("撤回日期")), reason=rec.text("撤回原因"))
