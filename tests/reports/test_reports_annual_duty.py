"""Annual report duty (条例第四十九条): departments by 31 January, the county by 31 March; a
report counts only when its page has a signed review; the county report says how it counts."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from reports_helpers import OFFICE, copy_calendar, copy_inputs, xxgk

from trustkit import STAFF, sample_key
from xxgk.io.frontmatter import read
from xxgk.io.registry import load_registry
from xxgk.reports import audit_duties as duties
from xxgk.reports.annual_duty import LATE, MISSING, ON_TIME, PENDING, Duty
from xxgk.reports.audit import run_audit
from xxgk.reports.inputs import Scope
from xxgk.reports.page import SCOPE_NOTE
from xxgk.review.sign import SignRequest, build, record_path, write
from xxgk.trust.roster import roster

FINANCE = "鄂托克前旗财政局"  # 代码 005
EDUCATION = "鄂托克前旗教育体育局"  # 代码 004
TODAY = dt.date(2026, 11, 27)


def page(root: Path, name: str, published: str, sign: bool = True, reviewed: str = "") -> Path:
    """A report page with its 发布日期, signed (by default on that day) by the sample reviewer."""
    path = root / "content" / "reports" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f"---\ntitle: 年度报告\n发布日期: {published}\n---\n\n# 年度报告\n\n正文。\n", "utf-8"
    )
    if sign:
        registry, rel = load_registry(root), path.relative_to(root).as_posix()
        people = roster(registry)
        req = SignRequest(
            reviewer="王建华",
            body=None,
            conclusion="同意公开",
            attribute=None,
            reason="",
            opinion="",
            date=dt.date.fromisoformat(reviewed or published),
            acks={},
            author=STAFF,
        )
        doc = read(path, rel)
        record = build(root, doc, req, people, registry)
        write(
            root,
            record_path(registry, doc, str(record["审查单位"]), req.date),
            record,
            sample_key(people["王建华"].principal),
        )
    return path


def test_a_publication_date_before_the_first_review_is_not_believed(repo: Path) -> None:
    copy_inputs(repo, 2025)
    page(repo, "2025-005-annual-report.md", "2026-01-30", reviewed="2026-02-10")
    found = findings(repo)
    assert any(
        "逾期发布（2026-02-10，期限 2026-01-31；页面写的发布日期 2026-01-30 早于它最早的有效审查"
        in m
        for m in found[FINANCE]
    ), found.get(FINANCE)


def findings(root: Path, year: int = 2026) -> dict[str, list[str]]:
    audit = run_audit(
        root, load_registry(root), year, TODAY, [("年度报告", duties.annual_report_findings)]
    )
    assert not audit.not_checked, audit.not_checked
    out: dict[str, list[str]] = {}
    for f in audit.findings:
        assert f.rule == "AUD-ANNUAL-REPORT"
        out.setdefault(f.department, []).append(f.message)
    return out


def test_missing_late_and_unreviewed_reports_are_findings_of_the_unit_responsible(
    repo: Path,
) -> None:
    copy_inputs(repo, 2025)
    page(repo, "2025-annual-report.md", "2026-04-02")  # county: after 31 March
    page(repo, "2025-005-annual-report.md", "2026-01-30")  # finance: on time
    page(repo, "2025-004-annual-report.md", "2026-01-20", sign=False)  # education: not reviewed
    found = findings(repo)
    assert FINANCE not in found
    assert any("本级人民政府：逾期发布（2026-04-02，期限 2026-03-31）" in m for m in found[OFFICE])
    assert any("保密审查" in m and "逾期未发布" in m for m in found[EDUCATION])
    assert any(
        "没有 content/reports/2025-013-annual-report.md" in m for m in found["鄂托克前旗应急管理局"]
    )
    assert "鄂托克前旗人民政府" not in found  # the county government's report is the county report


def test_a_report_due_later_in_the_year_is_not_yet_a_finding(repo: Path) -> None:
    copy_inputs(repo, 2025)
    audit = run_audit(
        repo,
        load_registry(repo),
        2026,
        dt.date(2026, 1, 20),
        [("年度报告", duties.annual_report_findings)],
    )
    assert audit.findings == []
    audit = run_audit(
        repo,
        load_registry(repo),
        2026,
        dt.date(2026, 2, 1),
        [("年度报告", duties.annual_report_findings)],
    )
    assert {f.department for f in audit.findings} >= {FINANCE, EDUCATION}
    assert OFFICE not in {f.department for f in audit.findings if "本级人民政府" in f.message}


def test_without_any_report_in_the_repository_the_duty_is_listed_as_not_checked(repo: Path) -> None:
    audit = run_audit(
        repo, load_registry(repo), 2026, TODAY, [("年度报告", duties.annual_report_findings)]
    )
    assert audit.findings == [] and "年度报告" in audit.not_checked[0]
    copy_inputs(repo, 2025)
    assert findings(repo, 2025) == {}  # reports on 2024: before the repository kept any


def test_status_follows_the_deadline_of_each_kind_of_unit() -> None:
    county, dept = Scope(2025), Scope(2025, FINANCE, "005")
    assert Duty(county, OFFICE, "x", None).status(dt.date(2026, 3, 31)) == PENDING
    assert Duty(county, OFFICE, "x", None).status(dt.date(2026, 4, 1)) == MISSING
    assert Duty(dept, FINANCE, "x", None).status(dt.date(2026, 2, 1)) == MISSING
    assert Duty(dept, FINANCE, "x", dt.date(2026, 1, 31)).status(TODAY) == ON_TIME
    assert Duty(dept, FINANCE, "x", dt.date(2026, 2, 1)).status(TODAY) == LATE


def test_report_annual_says_who_has_not_published_and_the_county_page_says_how_it_counts(
    repo: Path,
) -> None:
    copy_calendar(repo)
    copy_inputs(repo, 2025)
    page(repo, "2025-005-annual-report.md", "2026-01-30")
    done = xxgk(repo, "report", "annual", "--year", "2025")
    assert done.returncode == 0, done.stderr
    assert "2025 年度报告发布情况" in done.stdout
    assert f"{FINANCE}：按期发布（2026-01-30，期限 2026-01-31）" in done.stdout
    assert f"{EDUCATION}：逾期未发布（期限 2026-01-31" in done.stdout
    county = (repo / "content" / "reports" / "2025-annual-report.md").read_text("utf-8")
    assert SCOPE_NOTE in county and "不再与本报告相加" in county
    # the page was just generated and is not reviewed yet: it does not count as published
    assert "本级人民政府：逾期未发布" in done.stdout and "保密审查" in done.stdout
    dept_inputs = repo / "annual" / "2025" / "005"
    dept_inputs.mkdir()
    for src in (repo / "annual" / "2025").glob("*.*"):
        (dept_inputs / src.name).write_bytes(src.read_bytes().replace(b"2026-03-20", b"2026-01-30"))
    data = json.loads(
        xxgk(
            repo, "report", "annual", "--year", "2025", "--unit", FINANCE, "--format", "json"
        ).stdout
    )
    # regenerating replaced the reviewed bytes: the old review no longer covers the page
    assert data[0]["发布情况"] == {"状态": MISSING, "期限": "2026-01-31", "发布日期": None}
    dept = (repo / "content" / "reports" / "2025-005-annual-report.md").read_text("utf-8")
    assert SCOPE_NOTE not in dept
