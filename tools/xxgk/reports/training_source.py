"""Adapter: the training ledger (read by ``xxgk.training``) and git history as the report's inputs.

The training records and their reader belong to ``xxgk.training``; this module turns what it
reads into ``Attendance`` rows, takes who must train from the registry, and takes who
published or reviewed what, and when, from the git history of content/catalog/ and reviews/.

全员培训 (附件5 第二条) is measured against the registry's 工作人员名册 — every person doing
disclosure work in every unit, and its leaders — plus the reviewers. With that roster, a commit
counts as someone's work only when its author is on it (by name, or by the e-mail that is their
签名身份): a maintainer's or a bot's identity is not staff. Without it, as before, whoever
committed is counted.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from xxgk.io.registry import load_registry
from xxgk.model.layout import CATALOG_DIR
from xxgk.model.problem import Problem
from xxgk.model.registry import Registry
from xxgk.reports import history
from xxgk.reports.training_report import Activity, Attendance, TrainingReport, build
from xxgk.trust.anchor import load_trust
from xxgk.trust.index import load_index
from xxgk.trust.roster import has_staff_roster, staff
from xxgk.trust.roster import roster as reviewer_roster
from xxgk.trust.training import Attendance as TrustAttendance
from xxgk.trust.training import read_ledger

CATALOG = CATALOG_DIR


def minimum_hours(registry: Registry) -> Decimal:
    return registry.settings.training_hours


def roster(registry: Registry) -> dict[str, str]:
    """Everyone the registry names as doing disclosure work: the staff roster and the reviewers."""
    return {**staff(registry), **{r.name: r.unit for r in reviewer_roster(registry).values()}}


def identities(registry: Registry) -> dict[str, str]:
    """Commit identity (name or 签名身份) -> roster name; empty when there is no staff roster."""
    if not has_staff_roster(registry):
        return {}
    out = {name: name for name in roster(registry)}
    for r in reviewer_roster(registry).values():
        if r.principal:
            out[r.principal] = r.name
    for items in registry.raw.get("工作人员名册") or []:
        for role in ("分管负责同志", "信息公开工作负责人"):
            p = items.get(role) if isinstance(items, dict) else None
            if isinstance(p, dict) and p.get("签名身份"):
                out[str(p["签名身份"])] = str(p.get("姓名") or "")
    return out


def activities(root: Path) -> list[Activity]:
    """Who published (committed an entry: git history) or reviewed (review records) on which day."""
    people = identities(load_registry(root))
    touches = history.touches(root, CATALOG)
    if people:
        found = [
            Activity(people.get(t.author) or people[t.email], t.date, "发布", t.path)
            for t in touches
            if t.author in people or t.email in people
        ]
    else:
        found = [Activity(t.author, t.date, "发布", t.path) for t in touches]
    for reviews in load_index(root, load_trust(root, load_registry(root))).by_sha.values():
        found += [
            Activity(r.reviewer, r.date, "审查", r.rel) for r in reviews if r.date and r.reviewer
        ]
    return found


def attendances(root: Path) -> tuple[list[Attendance], list[Attendance], list[Problem]]:
    """The ledger's attendances that count (a session not failed, or self-study passed:
    附件5 第五、六条), those whose assessment was failed, and the ledger's problems."""
    rows, problems = read_ledger(root)

    def row(a: TrustAttendance) -> Attendance:
        return Attendance(
            a.name, a.unit, a.date, a.hours, a.topic if a.kind != "自学" else "自学", a.rel, 1
        )

    failed = [row(a) for a in rows if a.assessment == "不合格"]
    return [row(a) for a in rows if a.counts], failed, problems


def training_report(
    root: Path, registry: Registry, year: int
) -> tuple[TrainingReport, list[Problem]]:
    records, failed, problems = attendances(root)
    report = build(
        year,
        minimum_hours(registry),
        records,
        roster(registry),
        activities(root),
        [a for a in failed if a.date.year == year],
    )
    return report, problems
