"""Read training/ records: one attendance per person per record; class hours per person.

A session (集中培训) counts for everyone listed who did not fail its assessment; self-study
(自学) counts only when its assessment (考核) was passed (附件5 第四、六条). For the right to
review, only signed training records count (a record signed with the ``xxgk-training``
namespace by a key the trust allows: an insider cannot make a reviewer "trained" by writing
a file), and the hours are those of the 12 months up to the review date, so January is not a
deadlock. The calendar-year total stays an audit finding (附件5 第七条). Names are counted
exactly as written, so write a person's name the same way in the roster and the records.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

from xxgk.io.records import Record, parse_record, record_files
from xxgk.model.dates import parse_date
from xxgk.model.problem import Problem
from xxgk.trust.anchor import Trust, read_small
from xxgk.trust.attest import verify_record
from xxgk.trust.sshsig import TRAINING as TRAINING_NAMESPACE
from xxgk.trust.sshsig import SignatureError

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
    signed: bool = False  # the record carries a valid xxgk-training signature

    @property
    def counts(self) -> bool:
        if self.assessment == "不合格":
            return False
        return self.kind == "集中培训" or self.assessment == "合格"


def attendances(rec: Record) -> list[Attendance]:
    day = parse_date(rec.text("日期"))
    if day is None:
        return []
    return [
        Attendance(
            rec.rel,
            p.get("姓名", ""),
            p.get("单位", ""),
            p.get("科室", ""),
            day,
            rec.text("类型"),
            rec.text("主题"),
            Decimal(rec.text("学时") or "0"),
            p.get("考核", ""),
        )
        for p in rec.data.get("参加人员") or ()
        if isinstance(p, dict)
    ]


def read_ledger(root: Path, trust: Trust | None = None) -> tuple[list[Attendance], list[Problem]]:
    """Every attendance of every valid record, and the problems of invalid ones (which count
    nothing). With ``trust``, attendances of validly signed records are marked ``signed``."""
    found: list[Attendance] = []
    problems: list[Problem] = []
    for path in record_files(root, TRAINING):
        rel = path.relative_to(root).as_posix()
        try:
            raw = read_small(path) or b""
        except SignatureError:
            continue  # a symlink or special file: reported by the record checks
        rec = parse_record(raw, rel, root, "training.schema.json", "TRAINING-RECORD")
        if not rec.valid:
            problems.extend(rec.problems)
            continue
        items = attendances(rec)
        if trust is not None and items:
            signed, _ = verify_record(root, rel, raw, TRAINING_NAMESPACE, trust, items[0].date)
            items = [replace(a, signed=bool(signed)) for a in items]
        found.extend(items)
    return found, problems


def hours_by_person(items: list[Attendance], year: int) -> dict[str, Decimal]:
    total: dict[str, Decimal] = defaultdict(Decimal)
    for a in items:
        if a.date.year == year and a.counts:
            total[a.name] += a.hours
    return dict(total)


def year_before(day: dt.date) -> dt.date:
    """The same calendar day one year earlier (28 February for 29 February)."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


def hours_before(items: list[Attendance], name: str, day: dt.date) -> Decimal:
    """Signed class hours of ``name`` in the 12 months up to and including ``day``."""
    start = year_before(day)
    return sum(
        (
            a.hours
            for a in items
            if a.name == name and a.signed and a.counts and start < a.date <= day
        ),
        Decimal(0),
    )
