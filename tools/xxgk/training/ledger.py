"""Read training/ records: one attendance per person per record, class hours per person and year.

A session (集中培训) counts for everyone listed; self-study (自学) counts only when its
assessment (考核) was passed (附件5 第四、六条). Names are counted exactly as written, so
write a person's name the same way in the roster, the records and the commits.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from xxgk.model.dates import parse_date
from xxgk.model.problem import Problem
from xxgk.review.records import Record, read_all

TRAINING = "training"


@dataclass(frozen=True)
class Attendance:
    rel: str
    name: str
    unit: str
    section: str
    date: dt.date
    kind: str  # 集中培训 | 自学
    topic: str
    hours: Decimal
    assessment: str  # 合格 | 不合格 | ""

    @property
    def counts(self) -> bool:
        return self.kind == "集中培训" or self.assessment == "合格"


def attendances(rec: Record) -> list[Attendance]:
    day = parse_date(rec.text("日期"))
    if day is None:
        return []
    return [Attendance(rec.rel, p.get("姓名", ""), p.get("单位", ""), p.get("科室", ""), day,
                       rec.text("类型"), rec.text("主题"), Decimal(rec.text("学时") or "0"),
                       p.get("考核", ""))
            for p in rec.data.get("参加人员") or () if isinstance(p, dict)]


def read_ledger(root: Path) -> tuple[list[Attendance], list[Problem]]:
    """Every attendance of every valid record, and the problems of invalid ones (which count nothing)."""
    found: list[Attendance] = []
    problems: list[Problem] = []
    for rec in read_all(root, TRAINING, "training.schema.json", "TRAINING-RECORD"):
        if rec.valid:
            found.extend(attendances(rec))
        else:
            problems.extend(rec.problems)
    return found, problems


def hours_by_person(items: list[Attendance], year: int) -> dict[str, Decimal]:
    total: dict[str, Decimal] = defaultdict(Decimal)
    for a in items:
        if a.date.year == year and a.counts:
            total[a.name] += a.hours
    return dict(total)
