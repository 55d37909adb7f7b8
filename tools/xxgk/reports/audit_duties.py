"""Audit findings of duties with a date (附件3 第五条): annual reports (条例第四十九条) and
complaints not answered in time (附件3 第五条（六）)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from xxgk.model.dates import today
from xxgk.model.problem import Finding
from xxgk.model.registry import Registry
from xxgk.reports.annual_duty import LATE, MISSING, duties, first_year
from xxgk.reports.audit import Source, Unavailable, finding
from xxgk.requests.calendar_files import load_calendar
from xxgk.requests.complaints import read_complaints

RULE_ANNUAL = "AUD-ANNUAL-REPORT"
RULE_COMPLAINT = "AUD-COMPLAINT"


def annual_report_findings(
    root: Path, registry: Registry, year: int, ref: dt.date
) -> list[Finding]:
    """Reports on ``year - 1`` due in the audited year: missing after the deadline, or late."""
    first = first_year(root)
    if first is None:
        raise Unavailable("仓库里没有年度报告（annual/、content/reports/），无法判断是否按期发布")
    if year - 1 < first:
        return []
    found = []
    for duty in duties(root, registry, year - 1):
        status = duty.status(ref)
        if status in (MISSING, LATE):
            found.append(
                finding(
                    duty.unit,
                    duty.page,
                    1,
                    RULE_ANNUAL,
                    f"{year - 1} 年度政府信息公开工作年度报告{duty.text(ref)}（条例第四十九条）",
                )
            )
    return found


def complaint_findings(root: Path, registry: Registry, year: int, ref: dt.date) -> list[Finding]:
    """举报投诉 answered late in ``year``, or unanswered past their limit, under the unit complained
    about; a record that cannot be read is a finding too (it would hide a complaint)."""
    cal, broken = load_calendar(root)
    if broken:
        raise Unavailable("节假日数据文件有错误，无法计算举报投诉的办理期限")
    items, problems = read_complaints(root, registry, today())
    found = [finding("", p.path, p.line, RULE_COMPLAINT, p.message) for p in problems]
    for item in items:
        due, replied = item.due(cal), item.replied_on()
        line = item.record.loaded.pos("编号")[0]
        if replied and replied > due.date and replied.year == year:
            found.append(
                finding(
                    item.unit,
                    item.rel,
                    line,
                    RULE_COMPLAINT,
                    f"举报投诉 {item.number} 于 {replied} 答复，超过期限 {due.marked()}",
                )
            )
        elif replied is None and due.date < ref and due.date.year <= year:
            found.append(
                finding(
                    item.unit,
                    item.rel,
                    line,
                    RULE_COMPLAINT,
                    f"举报投诉 {item.number}（{item.received} 收到）期限 {due.marked()} 已过，至今未答复",
                )
            )
    return found


DUTY_SOURCES: list[tuple[str, Source]] = [
    ("年度报告按期发布", annual_report_findings),
    ("举报投诉办理", complaint_findings),
]
