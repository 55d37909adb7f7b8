"""Review, consultation and withdrawal records as plain values (no I/O)."""

from __future__ import annotations

import datetime as dt
import hashlib
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
    marks: tuple[tuple[str, str], ...] = ()  # acknowledged 密级标志: (finding id, 解密记录)
    unclear_to: str = ""  # 难以确定: 报送 (分管负责同志 | 保密工作部门 | 上级业务主管部门)
    unclear_sent: dt.date | None = None
    needs_permit: str = ""  # 须经批准: the authority whose approval release needs (附件6 第五条)
    ack_kinds: tuple[
        tuple[str, str], ...
    ] = ()  # every acknowledgement's (finding id, 类别 as written)

    @property
    def allows(self) -> bool:
        return self.conclusion in ALLOWING


def review_from(rec: Record) -> Review:
    atts = tuple(
        (a.get("文件", ""), a.get("哈希", ""))
        for a in rec.data.get("附件哈希") or ()
        if isinstance(a, dict)
    )
    found = [a for a in rec.data.get("已确认发现") or () if isinstance(a, dict)]
    acks = frozenset(a.get("编号", "") for a in found)
    got = rec.data.get("难以确定")
    unclear: dict[str, object] = got if isinstance(got, dict) else {}
    return Review(
        rel=rec.rel,
        entry=rec.text("条目"),
        index_no=rec.text("索引号"),
        title=rec.text("信息名称"),
        attribute=rec.text("公开属性"),
        conclusion=rec.text("审查结论"),
        body=rec.text("审查单位"),
        reviewer=rec.text("审查人"),
        date=parse_date(rec.text("审查日期")),
        entry_sha=rec.text("条目哈希"),
        attachments=atts,
        acknowledged=acks,
        author=rec.text("作者"),
        marks=tuple((a.get("编号", ""), a.get("解密记录", "")) for a in found if is_mark(a)),
        unclear_to=str(unclear.get("报送") or ""),
        unclear_sent=parse_date(str(unclear.get("报送日期") or "")),
        needs_permit=rec.text("须经批准"),
        ack_kinds=tuple((a.get("编号", ""), a.get("类别", "")) for a in found),
    )


MARK_RULE = "SCAN-SECRET-MARK"
MARK, INTERNAL = "密级标志", "内部资料标志"
# The marks of xxgk.scan.secret_mark that are not national-secret marks. A finding id ends with
# the first 12 hex digits of the SHA-256 of the matched text, so a claim that a finding is a
# 内部资料标志 can be checked here without the scanner: a review cannot call 秘密★ 内部资料.
# (tests/trust/test_mark_kinds.py keeps this list in step with the scanner.)
INTERNAL_MARKS = ("内部资料", "注意保存", "不得外传", "涉密")
INTERNAL_DIGESTS = frozenset(
    hashlib.sha256(v.encode("utf-8")).hexdigest()[:12] for v in INTERNAL_MARKS
)


def is_mark(ack: dict[str, str]) -> bool:
    """A 密级标志 acknowledgement: so written, or any secret-mark finding whose id is not that
    of one of the 内部资料 marks (fail-closed: a missing or false 类别 makes it a 密级标志)."""
    ident = ack.get("编号", "")
    if ack.get("类别", "") == MARK:
        return True
    if not ident.startswith(MARK_RULE + ":"):
        return False
    return not (ack.get("类别", "") == INTERNAL and ident.rsplit(":", 1)[-1] in INTERNAL_DIGESTS)


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
    asked: dt.date | None = None  # 征求日期 (征求意见)


REPLY_DATE, DECISION_DATE = "回复日期", "决定日期"


def consultation_date_field(kind: str) -> str:
    """The date a consultation's signer writes, against which the key's validity is checked
    (and which the gate holds to the day the record is added): a reply's 回复日期, any other
    record's (a 协调决定's) 决定日期."""
    return REPLY_DATE if kind == "征求意见" else DECISION_DATE


def consultation_from(rec: Record) -> Consultation:
    kind = rec.text("记录类型")
    when = rec.text(consultation_date_field(kind))
    return Consultation(
        rel=rec.rel,
        kind=kind,
        index_no=rec.text("索引号"),
        department=rec.text("被征求单位"),
        reply=rec.text("回复意见"),
        decision=rec.text("决定"),
        date=parse_date(when),
        asked=parse_date(rec.text("征求日期")),
    )


@dataclass(frozen=True)
class Withdrawal:
    rel: str
    index_no: str
    entry: str
    date: dt.date | None
    reason: str


def withdrawal_from(rec: Record) -> Withdrawal:
    return Withdrawal(
        rel=rec.rel,
        index_no=rec.text("索引号"),
        entry=rec.text("条目"),
        date=parse_date(rec.text("撤回日期")),
        reason=rec.text("撤回原因"),
    )


@dataclass(frozen=True)
class Release:
    """A review of what a reply on request hands over (releases/; 附件4 第七条（三））."""

    rel: str
    request: str  # 申请编号
    unit: str  # 受理单位
    files: tuple[tuple[str, str], ...]  # (path from the root, sha256)
    conclusion: str
    reviewer: str
    date: dt.date | None
    author: str
    signed_by: frozenset[str] = frozenset()
    signature_problem: str = ""


def release_from(rec: Record) -> Release:
    files = tuple(
        (f.get("文件", ""), f.get("哈希", ""))
        for f in rec.data.get("提供文件") or ()
        if isinstance(f, dict)
    )
    return Release(
        rel=rec.rel,
        request=rec.text("申请编号"),
        unit=rec.text("受理单位"),
        files=files,
        conclusion=rec.text("审查结论"),
        reviewer=rec.text("审查人"),
        date=parse_date(rec.text("审查日期")),
        author=rec.text("作者"),
    )
