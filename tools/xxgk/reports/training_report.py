"""The training ledger's yearly report (附件5): hours per person and department, who falls short.

* 第七条: everyone doing disclosure work trains at least the registry's 每年培训最少学时 a year,
  and trains before taking up the work (先培训后上岗): reviewing or publishing before one's
  first training is a finding.
* 第六条: whoever did not train (enough) cannot be rated 优秀 that year.
* Hours are summed by the name as written; spellings that look like one person are listed so
  that staff correct them, rather than merged silently.
Pure: the records come from ``training_source``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from xxgk.reports.listing import Listing, Table
from xxgk.reports.names import collisions

UNKNOWN_UNIT = "（单位未登记）"


@dataclass(frozen=True)
class Attendance:
    """One person's class hours from one session or one assessed self-study."""

    person: str
    unit: str
    date: dt.date
    hours: Decimal
    what: str  # the session's topic, or 自学
    rel: str
    line: int


@dataclass(frozen=True)
class Activity:
    """Someone did disclosure work on a day: reviewed (审查) or published (发布) something."""

    person: str
    date: dt.date
    kind: str  # 审查 | 发布
    rel: str


@dataclass(frozen=True)
class PersonRow:
    name: str
    unit: str
    hours: Decimal
    sessions: int
    first_training: dt.date | None
    eligible: bool  # may be rated 优秀 (第六条)


@dataclass(frozen=True)
class EarlyWork:
    activity: Activity
    first_training: dt.date | None


@dataclass
class TrainingReport:
    year: int
    minimum: Decimal
    people: list[PersonRow] = field(default_factory=list)
    early: list[EarlyWork] = field(default_factory=list)
    spellings: list[tuple[str, ...]] = field(default_factory=list)
    failed: list[Attendance] = field(default_factory=list)  # assessment 不合格: no hours (第六条)

    def below(self) -> list[PersonRow]:
        return [p for p in self.people if not p.eligible]

    def units(self) -> dict[str, tuple[int, Decimal, int]]:
        """unit -> (people, class hours, people below the minimum)."""
        out: dict[str, tuple[int, Decimal, int]] = {}
        for p in self.people:
            n, h, b = out.get(p.unit, (0, Decimal(0), 0))
            out[p.unit] = (n + 1, h + p.hours, b + (not p.eligible))
        return dict(sorted(out.items()))


def _first_training(records: list[Attendance]) -> dict[str, dt.date]:
    first: dict[str, dt.date] = {}
    for a in records:
        if a.hours > 0 and (a.person not in first or a.date < first[a.person]):
            first[a.person] = a.date
    return first


def _units(records: list[Attendance], roster: dict[str, str]) -> dict[str, str]:
    """A person's unit: the latest one written in the ledger, else the roster's."""
    unit = dict(roster)
    for a in sorted(records, key=lambda a: a.date):
        if a.unit:
            unit[a.person] = a.unit
    return unit


def build(
    year: int,
    minimum: Decimal,
    records: list[Attendance],
    roster: dict[str, str],
    activities: Iterable[Activity],
    failed: list[Attendance] | None = None,
) -> TrainingReport:
    """``roster``: name -> unit of everyone who must train (reviewers and other known staff)."""
    acts = [a for a in activities if a.date.year == year]
    first = _first_training(records)
    units = _units(records, roster)
    names = set(roster) | {a.person for a in records} | {a.person for a in acts}
    report = TrainingReport(
        year, minimum, failed=sorted(failed or [], key=lambda a: (a.date, a.person))
    )
    for name in sorted(names):
        this_year = [a for a in records if a.person == name and a.date.year == year]
        hours = sum((a.hours for a in this_year), Decimal(0))
        report.people.append(
            PersonRow(
                name,
                units.get(name, UNKNOWN_UNIT),
                hours,
                len(this_year),
                first.get(name),
                hours >= minimum,
            )
        )
    for act in sorted(acts, key=lambda a: (a.date, a.person, a.rel)):
        start = first.get(act.person)
        if start is None or start > act.date:
            report.early.append(EarlyWork(act, start))
    report.spellings = collisions(names)
    return report


def hours_text(value: Decimal) -> str:
    return format(value.normalize(), "f")


def to_listing(report: TrainingReport) -> Listing:
    minimum = hours_text(report.minimum)
    notes = [
        f"每人每年培训不少于 {minimum} 学时（附件5 第七条）；不足者当年考核不能评为优秀（第六条）。",
        (
            f"共 {len(report.people)} 人，{len(report.below())} 人不足 {minimum} 学时，"
            f"{len(report.early)} 次先上岗后培训，{len(report.spellings)} 组姓名写法不一。"
        ),
    ]
    people = Table(
        "每人学时",
        ["姓名", "单位", "学时", "次数", "首次培训", "可评优秀"],
        [
            [
                p.name,
                p.unit,
                hours_text(p.hours),
                str(p.sessions),
                p.first_training.isoformat() if p.first_training else "从未培训",
                "是" if p.eligible else "否（学时不足）",
            ]
            for p in report.people
        ],
    )
    units = Table(
        "各单位学时",
        ["单位", "人数", "学时合计", "不足学时人数"],
        [[u, str(n), hours_text(h), str(b)] for u, (n, h, b) in report.units().items()],
    )
    early = Table(
        "先培训后上岗：培训前已从事审查或发布（附件5 第七条）",
        ["姓名", "日期", "工作", "文件", "首次培训"],
        [
            [
                e.activity.person,
                e.activity.date.isoformat(),
                e.activity.kind,
                e.activity.rel,
                e.first_training.isoformat() if e.first_training else "从未培训",
            ]
            for e in report.early
        ],
    )
    names = Table(
        "姓名写法不一致（请统一为同一写法，否则学时分开计算）",
        ["写法"],
        [["、".join(group)] for group in report.spellings],
    )
    failed = Table(
        "考核不合格（不计学时，附件5 第六条）",
        ["姓名", "单位", "日期", "培训", "学时", "文件"],
        [
            [a.person, a.unit, a.date.isoformat(), a.what, hours_text(a.hours), a.rel]
            for a in report.failed
        ],
    )
    return Listing(
        f"{report.year} 年政府信息公开工作培训台账", notes, [people, units, early, failed, names]
    )


def to_json(report: TrainingReport) -> dict[str, Any]:
    """The roster as data: what ``xxgk gate`` and other tools may read."""
    return {
        "年度": report.year,
        "最少学时": hours_text(report.minimum),
        "名册": [
            {
                "姓名": p.name,
                "单位": p.unit,
                "学时": hours_text(p.hours),
                "次数": p.sessions,
                "首次培训": p.first_training.isoformat() if p.first_training else None,
                "可评优秀": p.eligible,
            }
            for p in report.people
        ],
        "各单位": [
            {"单位": u, "人数": n, "学时合计": hours_text(h), "不足学时人数": b}
            for u, (n, h, b) in report.units().items()
        ],
        "先上岗后培训": [
            {
                "姓名": e.activity.person,
                "日期": e.activity.date.isoformat(),
                "工作": e.activity.kind,
                "文件": e.activity.rel,
                "首次培训": e.first_training.isoformat() if e.first_training else None,
            }
            for e in report.early
        ],
        "姓名写法不一": [list(g) for g in report.spellings],
        "考核不合格": [
            {
                "姓名": a.person,
                "单位": a.unit,
                "日期": a.date.isoformat(),
                "培训": a.what,
                "学时": hours_text(a.hours),
                "文件": a.rel,
            }
            for a in report.failed
        ],
    }
