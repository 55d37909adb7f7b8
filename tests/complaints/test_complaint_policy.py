"""The complaints' time limit is the registry's 政策.举报投诉答复期限 (default 15 working days, from
schemas/registry.schema.json): a county that sets 10 sees the shorter deadline in the list and
in the audit."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from test_complaints import FINANCE, REL, add, reply, xxgk

from xxgk.io.registry import load_registry
from xxgk.reports.audit import run_audit
from xxgk.reports.audit_duties import complaint_findings


def set_days(root: Path, days: int | None) -> None:
    """State 政策.举报投诉答复期限 (None: leave it out, so the schema's default applies)."""
    reg = root / "xxgk.yml"
    lines = reg.read_text("utf-8").splitlines(keepends=True)
    at = next(i for i, t in enumerate(lines) if t.startswith("  举报投诉答复期限:"))
    lines[at] = "" if days is None else f"  举报投诉答复期限: {days}\n"
    reg.write_text("".join(lines), "utf-8")


@pytest.mark.parametrize(("days", "due"), [(None, "2026-11-23"), (10, "2026-11-16")])
def test_the_deadline_follows_the_registry(repo: Path, days: int | None, due: str) -> None:
    set_days(repo, days)
    done = add(repo)  # received Monday 2026-11-02
    assert done.returncode == 0, done.stderr
    assert f"期限 {due}" in done.stdout
    assert xxgk(repo, "complaint", "list", "--format", "json").stdout.count(f'"{due}"') == 1


def test_a_reply_within_15_but_after_10_working_days_is_late_under_10(repo: Path) -> None:
    set_days(repo, 10)
    assert add(repo).returncode == 0
    done = reply(repo)
    assert done.returncode == 0 and "超过期限" in done.stdout, done.stdout + done.stderr
    audit = run_audit(
        repo,
        load_registry(repo),
        2026,
        dt.date(2026, 11, 27),
        [("举报投诉", complaint_findings)],
    )
    assert [(f.path, f.department) for f in audit.findings] == [(REL, FINANCE)]


def test_a_time_limit_below_one_day_is_a_registry_error(repo: Path) -> None:
    set_days(repo, 0)
    done = xxgk(repo, "check")
    line = next(
        n
        for n, t in enumerate((repo / "xxgk.yml").read_text("utf-8").splitlines(), 1)
        if "举报投诉答复期限" in t
    )
    assert done.returncode != 0 and f"xxgk.yml:{line}:" in done.stdout + done.stderr
    assert "[REG-SCHEMA]" in done.stdout + done.stderr
