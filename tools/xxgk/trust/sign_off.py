"""What a review needs beyond its own signature before the entry may be published.

* 附件4 第九条（三）: 不予公开, 脱密处理后部分公开 and every case marked 难以确定 need the
  signed 审批 (意见: 同意) of the 审查单位's 分管负责同志, on or after the review date.
* 附件4 第十三条: a case sent to the 保密工作部门 or the 上级业务主管部门 waits for their answer
  (a signed 确定意见: 不属于国家秘密).
* 附件4 第十六条: a 密级标志 is acknowledged only with a signed 解密 record for the entry.
* 附件6 第五条: information whose release needs approval waits for a signed 发布批准.
Each approval names the review record by path and SHA-256, or the entry by 索引号, and counts
only when signed by a leader of the review's 审查单位: one unit cannot approve for another.
"""

from __future__ import annotations

import datetime as dt

from xxgk.io.hashing import sha256_bytes
from xxgk.trust.approvals import DECIDE, DECLASSIFY, PERMIT, REVIEW_OK, Approval, for_review, latest
from xxgk.trust.index import RecordIndex
from xxgk.trust.model import Review

NEEDS_LEADER = frozenset({"不予公开", "脱密处理后部分公开"})
LEADER = "分管负责同志"


def needs_leader(rv: Review) -> bool:
    return rv.conclusion in NEEDS_LEADER or bool(rv.unclear_to)


def sign_off_reasons(
    rv: Review, index_no: str, idx: RecordIndex, created: dt.date | None = None
) -> list[str]:
    """Why the approvals this review needs are not all there; empty when they are.
    ``created``: the entry's 产生时间; an approval about the entry dated before it was made
    (解密, 发布批准) is backdated and does not count."""
    raw = idx.raw.get(rv.rel)
    sha = sha256_bytes(raw) if raw is not None else ""
    items = [a for a in idx.approvals if not _before(a, created)]
    reasons: list[str] = []
    if needs_leader(rv):
        why = _leader(rv, sha, items)
        if why:
            reasons.append(why)
    if rv.unclear_to and rv.unclear_to != LEADER:
        why = _referral(rv, sha, items)
        if why:
            reasons.append(why)
    reasons += _marks(rv, index_no, items)
    if rv.needs_permit:
        permits = [
            a
            for a in items
            if a.kind == PERMIT and a.index_no == index_no and a.unit == rv.body and a.counts
        ]
        if not permits:
            reasons.append(
                f"须经“{rv.needs_permit}”批准后发布（附件6 第五条），尚无签名的发布批准记录"
                f"{_broken(items, PERMIT, index_no)}"
            )
    dropped = [
        a
        for a in idx.approvals
        if _before(a, created) and (a.index_no == index_no or a.review == rv.rel)
    ]
    if reasons and dropped:
        reasons.append(
            f"{dropped[0].rel} 的日期 {dropped[0].date} 早于条目的产生时间 {created}，"
            "是倒签的日期，不算数"
        )
    return reasons


def _leader(rv: Review, sha: str, items: list[Approval]) -> str:
    mine = [
        a
        for a in for_review(items, rv.rel, sha, REVIEW_OK)
        if a.unit == rv.body and (rv.date is None or (a.date is not None and a.date >= rv.date))
    ]
    last = latest(mine)
    why = (
        "审查结论为“" + rv.conclusion + "”"
        if rv.conclusion in NEEDS_LEADER
        else "审查人标记为难以确定"
    )
    if last is None:
        bad = [a for a in items if a.kind == REVIEW_OK and a.review == rv.rel and not a.counts]
        note = f"（{bad[0].rel}：{bad[0].problem}）" if bad else ""
        return (
            f"{why}，须由“{rv.body}”的分管负责同志签名审批（附件4 第九条（三）），尚无有效的审批记录"
            f"{note}：xxgk review approve {rv.rel} --approver 姓名"
        )
    if last.opinion != "同意":
        return f"分管负责同志不同意审查意见（{last.rel}），不得公开"
    return ""


def _before(a: Approval, created: dt.date | None) -> bool:
    return created is not None and a.date is not None and a.date < created


def _referral(rv: Review, sha: str, items: list[Approval]) -> str:
    # The answer to a referral comes after the review that made it (an earlier date is backdated).
    last = latest(
        [
            a
            for a in for_review(items, rv.rel, sha, DECIDE)
            if a.unit == rv.body and (rv.date is None or (a.date is not None and a.date >= rv.date))
        ]
    )
    if last is None:
        sent = f"于 {rv.unclear_sent} " if rv.unclear_sent else ""
        return (
            f"难以确定是否属于国家秘密，已{sent}报{rv.unclear_to}确定（附件4 第十三条），"
            "答复记录之前不得公开"
        )
    if last.result != "不属于国家秘密":
        return f"{rv.unclear_to}确定属于国家秘密（{last.rel}），不得公开"
    return ""


def _marks(rv: Review, index_no: str, items: list[Approval]) -> list[str]:
    found = {
        a.rel: a
        for a in items
        if a.kind == DECLASSIFY and a.index_no == index_no and a.unit == rv.body and a.counts
    }
    reasons = []
    for ident, record in rv.marks:
        if record not in found:
            named = f"所写的解密记录“{record}”无效或不属于本条目" if record else "没有解密记录"
            reasons.append(
                f"密级标志（{ident}）{named}：密级标志不能凭说明确认，须办理解密手续并记录"
                f"（附件4 第十六条）{_broken(items, DECLASSIFY, index_no)}"
            )
    return reasons


def _broken(items: list[Approval], kind: str, index_no: str) -> str:
    bad = [a for a in items if a.kind == kind and a.index_no == index_no and not a.counts]
    return f"（{bad[0].rel}：{bad[0].problem}）" if bad else ""
