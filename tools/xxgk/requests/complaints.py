"""The 举报投诉 register (附件3 第五条（六）“未及时处理群众的举报投诉的”; 条例第五十一条).

One file a complaint, ``complaints/<年>/TS-<年>-<NNNN>.yml`` (schemas/complaint.schema.json),
read through ``xxgk.io.records`` like every record kind; it only grows: 转办 and 答复 are
appended to 办理.

Time limit. Neither 附件3 nor the regulation names one (条例第五十一条 only says the agency
receiving a complaint investigates it). The county's own period for answering the public on
disclosure is 附件2 第二条's 15 working days from receipt; a complaint that a unit failed that
duty is answered within the same 15 working days by default: the registry's
``政策.举报投诉答复期限`` (``Registry.settings.complaint_days``), counted like a request's
deadline (from the next day, on the calendar of model/workdays, 暂定 beyond it). A complaint
still unanswered after it, or answered late, is an audit finding of the unit complained about.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from xxgk.io.records import Record, read_all
from xxgk.model.dates import parse_date
from xxgk.model.problem import Problem, Severity
from xxgk.model.registry import Registry
from xxgk.model.workdays import Result, WorkCalendar

FOLDER = "complaints"
SCHEMA = "complaint.schema.json"
RULE = "CMP-RECORD"
_NAME = re.compile(r"^TS-(\d{4})-\d{4,}$")
REPLY = "答复"


@dataclass
class Complaint:
    record: Record
    number: str
    received: dt.date
    unit: str
    events: list[dict[str, Any]]
    days: int  # working days to answer: 政策.举报投诉答复期限

    @property
    def rel(self) -> str:
        return self.record.rel

    def replied_on(self) -> dt.date | None:
        days = [parse_date(e.get("日期")) for e in self.events if e.get("类型") == REPLY]
        return next((d for d in days if d is not None), None)

    def due(self, cal: WorkCalendar) -> Result:
        return cal.add(self.received, self.days, provisional=True)

    def late(self, cal: WorkCalendar, ref: dt.date) -> bool:
        """Answered after the deadline, or not answered by ``ref`` though the deadline passed."""
        last = self.due(cal).date
        replied = self.replied_on()
        return replied > last if replied else ref > last


def _problem(rec: Record, where: tuple[str | int, ...], message: str) -> Problem:
    line, col = rec.loaded.pos(*where)
    return Problem(rec.rel, line, col, RULE, Severity.ERROR, message)


def consistency(rec: Record, registry: Registry, today: dt.date) -> list[Problem]:
    data = rec.data
    found: list[Problem] = []
    number, received = str(data.get("编号") or ""), parse_date(data.get("收到日期"))
    if Path(rec.rel).stem != number:
        found.append(
            _problem(rec, ("编号",), f"编号 {number} 与文件名 {Path(rec.rel).name} 不一致")
        )
    m = _NAME.match(number)
    if m and received and int(m[1]) != received.year:
        found.append(_problem(rec, ("编号",), f"编号的年份应与收到日期 {received} 的年份一致"))
    if registry.unit(str(data.get("被投诉单位") or "")) is None:
        found.append(
            _problem(
                rec,
                ("被投诉单位",),
                f"被投诉单位“{data.get('被投诉单位')}”不在 xxgk.yml 的“单位”中",
            )
        )
    if received and received > today:
        found.append(_problem(rec, ("收到日期",), f"收到日期 {received} 在今天（{today}）之后"))
    last = received
    for i, ev in enumerate(data.get("办理") or []):
        day = parse_date(ev.get("日期"))
        if day is None:
            found.append(
                _problem(
                    rec,
                    ("办理", i, "日期"),
                    f"第 {i + 1} 项办理的日期应写作 yyyy-mm-dd（真实的日期）",
                )
            )
            continue
        if last and day < last:
            found.append(
                _problem(
                    rec, ("办理", i, "日期"), f"第 {i + 1} 项办理的日期 {day} 早于前一步（{last}）"
                )
            )
        if day > today:
            found.append(
                _problem(
                    rec,
                    ("办理", i, "日期"),
                    f"第 {i + 1} 项办理的日期 {day} 在今天之后：只记录已经发生的事",
                )
            )
        last = day
        if ev.get("类型") == REPLY and not (ev.get("结果") and ev.get("处理情况")):
            found.append(
                _problem(rec, ("办理", i), "答复须写明“结果”和“处理情况”（附件3 第四条 调查处理）")
            )
    return found


def read_complaints(
    root: Path, registry: Registry, today: dt.date
) -> tuple[list[Complaint], list[Problem]]:
    """Every valid complaint, and the problems of all of them (refused files included)."""
    items: list[Complaint] = []
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for rec in read_all(root, FOLDER, SCHEMA, RULE):
        found = list(rec.problems) or consistency(rec, registry, today)
        number = rec.text("编号")
        if number in seen and not found:
            found.append(_problem(rec, ("编号",), f"编号 {number} 与 {seen[number]} 重复"))
        seen.setdefault(number, rec.rel)
        problems += found
        received = parse_date(rec.data.get("收到日期"))
        if found or received is None:
            continue
        items.append(
            Complaint(
                rec,
                number,
                received,
                rec.text("被投诉单位"),
                list(rec.data.get("办理") or []),
                registry.settings.complaint_days,
            )
        )
    return items, problems


def next_number(root: Path, year: int) -> str:
    folder = root / FOLDER / str(year)
    taken = (
        [
            int(p.stem.rsplit("-", 1)[1])
            for p in folder.glob(f"TS-{year}-*.yml")
            if p.stem.rsplit("-", 1)[1].isdigit()
        ]
        if folder.is_dir()
        else []
    )
    return f"TS-{year}-{max(taken, default=0) + 1:04d}"


def status(item: Complaint, cal: WorkCalendar, today: dt.date) -> str:
    due = item.due(cal)
    replied = item.replied_on()
    if replied:
        return f"已答复（{replied}）" + ("，超过期限" if replied > due.date else "")
    return f"待答复，期限 {due.marked()}" + ("，已逾期" if today > due.date else "")
