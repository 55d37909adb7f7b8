"""Findings of 社会评议 and 舆情回应 for the accountability audit (附件3 第五条).

``audit_findings(root, year)`` lists, with the department concerned:

* ``EVA-RECTIFY-OVERDUE`` — a criticism or suggestion of that year's evaluations that is
  neither rectified nor explained to the leading group past its date (附件7 第六条);
* ``EVA-RECTIFY-LATE`` (warning) — closed, but after its date;
* ``OPN-LATE`` — an opinion item detected that year answered after its deadline;
* ``OPN-OVERDUE`` — an opinion item past its deadline with no response yet;
* record problems (schema, unknown unit …) so that a broken record cannot hide a finding.

"Now" is ``XXGK_NOW`` / ``XXGK_TODAY`` or the clock (see ``xxgk.voice.times.now``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from xxgk.io.registry import load_registry
from xxgk.model.problem import Finding, Problem, Severity
from xxgk.voice.evaluation import comment_problem
from xxgk.voice.opinion import late_problem
from xxgk.voice.policy import voice_policy
from xxgk.voice.store import load_evaluations, load_opinions, load_years
from xxgk.voice.times import now as clock


def _finding(p: Problem, department: str) -> Finding:
    return Finding(p.path, p.line, p.column, p.rule, p.severity, p.message, department)


def check_records(root: Path) -> list[Problem]:
    """Every problem of the evaluation and opinion records (for ``xxgk check`` and CI)."""
    registry = load_registry(root)
    problems = load_evaluations(root, registry)[1] + load_opinions(root, registry)[1]
    return problems + load_years(root)[1]


def audit_findings(root: Path, year: int, at: dt.datetime | None = None) -> list[Finding]:
    """Every finding of ``year``; raises ``ConfigError`` when the registry is unusable."""
    registry = load_registry(root)
    moment = at or clock()
    basis = voice_policy(registry).basis
    evaluations, problems = load_evaluations(root, registry)
    opinions, more = load_opinions(root, registry)
    found = [_finding(p, "") for p in problems + more if p.severity is Severity.ERROR]
    for ev in evaluations:
        if ev.date.year != year:
            continue
        for comment in ev.comments:
            p = comment_problem(comment, moment.date())
            if p is not None:
                found.append(_finding(p, comment.department))
    for item in opinions:
        if item.detected.year != year:
            continue
        for mark in item.deadlines:
            state = mark.state(moment)
            if state.is_finding:
                found.append(_finding(late_problem(item, mark, state, basis), item.department))
    return sorted(found)
