"""Table 三 from the request records: who applied, what came in, what was decided, what is left.

Each request counts once on each side of the balance: as 一 (received this year) or 二 (received
earlier, still open on 1 January), and as one outcome row of 三 (decided this year) or 四 (still
open on 31 December). A record whose dates contradict this (decided before it arrived, decided
in this year but received after it) therefore breaks the balance, and the report says which.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from xxgk.model.problem import Problem, Severity
from xxgk.reports.tables import APPLICANT_TYPES, TableThree, outcome_row

RULE = "RPT-REQUEST"


@dataclass(frozen=True)
class RequestFacts:
    """What the annual report needs of one request (derived from its event log)."""

    rel: str  # the record file, for messages
    line: int  # where its decision (or the record) is written
    applicant_type: str
    received: dt.date
    decided: dt.date | None  # date of the (last) reply; None while open
    result: str | None
    reason: str | None


def _problem(facts: RequestFacts, message: str) -> Problem:
    return Problem(facts.rel, facts.line, 1, RULE, Severity.ERROR, message)


def count_requests(requests: list[RequestFacts], year: int) -> tuple[TableThree, list[Problem]]:
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    table = TableThree()
    problems: list[Problem] = []
    for req in requests:
        if req.applicant_type not in APPLICANT_TYPES:
            problems.append(
                _problem(
                    req,
                    f"申请人类型“{req.applicant_type}”不是年度报告的类型之一："
                    + "、".join(APPLICANT_TYPES),
                )
            )
            continue
        col = req.applicant_type
        if start <= req.received <= end:
            table.add("一", col)
        elif req.received < start and (req.decided is None or req.decided >= start):
            table.add("二", col)
        if req.decided is not None and start <= req.decided <= end:
            row = outcome_row(req.result or "", req.reason)
            if row is None:
                problems.append(
                    _problem(
                        req,
                        f"答复结果“{req.result}”“{req.reason or ''}”不是年度报告"
                        "表三的办理结果分类，无法统计",
                    )
                )
                continue
            table.add(row, col)
        if req.received <= end and (req.decided is None or req.decided > end):
            table.add("四", col)
    return table, problems


def suspects(requests: list[RequestFacts], year: int) -> list[Problem]:
    """Records whose dates make table 三 unbalanced: named so that staff can correct them."""
    found = []
    for req in requests:
        if (
            req.decided is not None
            and req.decided < req.received
            and year in (req.decided.year, req.received.year)
        ):
            found.append(
                _problem(
                    req,
                    f"答复日期 {req.decided} 早于收到日期 {req.received}，"
                    f"使 {year} 年度报告表三不平衡",
                )
            )
    return found
