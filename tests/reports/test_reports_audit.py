"""The accountability audit: one record set per kind of finding, each in a real repository."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from reports_helpers import OFFICE, REPO, copy_calendar, write_entry, write_request, xxgk

from xxgk.io.registry import load_registry
from xxgk.reports import audit_sources as src
from xxgk.reports.audit import Unavailable, run_audit

TODAY = dt.date(2026, 11, 27)


def _run(root: Path, year: int, *sources: src.Source) -> list:  # type: ignore[type-arg]
    audit = run_audit(root, load_registry(root), year, TODAY, [("t", s) for s in sources])
    assert not audit.not_checked, audit.not_checked
    return audit.findings


def _git(root: Path, *args: str, when: str = "2025-01-10T10:00:00", author: str = "王建华") -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": author,
        "GIT_AUTHOR_EMAIL": "a@example.org",
        "GIT_COMMITTER_NAME": author,
        "GIT_COMMITTER_EMAIL": "a@example.org",
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
    }
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def _commit_all(root: Path, message: str, when: str, author: str = "王建华") -> None:
    _git(root, "add", "-A", when=when, author=author)
    _git(root, "commit", "-q", "-m", message, when=when, author=author)


@pytest.fixture
def git_repo(repo: Path) -> Path:
    _git(repo, "init", "-q", "-b", "main")
    _commit_all(repo, "registry", "2024-06-01T09:00:00")
    return repo


def test_a_reply_after_its_deadline_is_a_finding_of_the_receiving_unit(repo: Path) -> None:
    copy_calendar(repo)
    write_request(repo, "YSQ-2025-0001", "2025-03-03", reply="2025-05-30")
    write_request(repo, "YSQ-2025-0002", "2025-03-03", reply="2025-03-20")  # in time
    found = _run(repo, 2025, src.request_findings)
    assert [(f.rule, f.department, f.path) for f in found] == [
        ("AUD-REQUEST-LATE", OFFICE, "requests/2025/YSQ-2025-0001.yml")
    ]
    assert "答复晚于期限" in found[0].message


def test_a_request_never_answered_is_a_finding(repo: Path) -> None:
    copy_calendar(repo)
    write_request(repo, "YSQ-2025-0003", "2025-10-09")
    found = _run(repo, 2025, src.request_findings)
    assert [f.rule for f in found] == ["AUD-REQUEST-UNANSWERED"]
    assert "YSQ-2025-0003" in found[0].message and "至今未办结" in found[0].message
    assert _run(repo, 2024, src.request_findings) == []


def test_a_fee_where_the_registry_allows_none_is_a_finding(repo: Path) -> None:
    copy_calendar(repo)
    fee = (
        '  - 类型: 收费通知\n    日期: 2025-04-08\n    计费方式: 按页\n    数量: "120"\n'
        '    金额: "1500"\n'
    )
    write_request(repo, "YSQ-2025-0004", "2025-04-01", extra_events=fee)
    write_request(repo, "YSQ-2025-0005", "2025-04-01", reply="2025-04-10")
    found = _run(repo, 2025, src.fee_findings)
    assert found and {f.rule for f in found} == {"AUD-FEE"}
    assert all(
        f.path == "requests/2025/YSQ-2025-0004.yml" and f.department == OFFICE for f in found
    )
    assert "不得收费" in found[0].message


def test_guide_not_updated_for_twelve_months_is_a_finding(git_repo: Path) -> None:
    registry = git_repo / "xxgk.yml"
    text = registry.read_text(encoding="utf-8")
    registry.write_text(
        text.replace("前旗: 鄂托克前旗", "前旗: 鄂托克前旗\n  旗农牧局: 鄂托克前旗农牧局"),
        encoding="utf-8",
    )
    _commit_all(git_repo, "abbreviation only", "2025-09-01T09:00:00")
    found = _run(git_repo, 2025, src.guide_findings)
    assert [f.rule for f in found] == ["AUD-GUIDE-STALE"]
    assert "最后一次更新是 2024-06-01" in found[0].message
    registry.write_text(
        registry.read_text(encoding="utf-8").replace("0477-7621234", "0477-7621299"),
        encoding="utf-8",
    )
    _commit_all(git_repo, "new phone number", "2025-10-01T09:00:00")
    assert _run(git_repo, 2025, src.guide_findings) == []


def test_a_unit_without_entries_for_the_configured_months_is_a_finding(repo: Path) -> None:
    write_entry(repo, "早前通知", "其他", "2025-02-01", publisher="鄂托克前旗财政局")
    write_entry(repo, "近期通知", "其他", "2025-09-01", publisher="鄂托克前旗民政局")
    found = {f.department: f for f in _run(repo, 2025, src.silent_unit_findings)}
    assert "最近一条产生于 2025-02-01" in found["鄂托克前旗财政局"].message
    assert "鄂托克前旗民政局" not in found
    assert "目录中没有该单位的条目" in found["鄂托克前旗农牧局"].message
    assert found["鄂托克前旗财政局"].path == "xxgk.yml" and found["鄂托克前旗财政局"].line > 1


def test_voice_findings_are_taken_over_with_their_department(repo: Path) -> None:
    from xxgk.voice import findings as voice

    for folder in ("opinions", "evaluations"):
        if (REPO / folder).is_dir():
            shutil.copytree(REPO / folder, repo / folder)
    theirs = voice.audit_findings(repo, 2026)
    assert theirs, "the shipped samples should hold at least one late item"
    found = _run(repo, 2026, src.voice_findings)
    assert sorted((f.rule, f.department, f.path, f.line) for f in found) == sorted(
        (f.rule, f.department or "（未注明单位）", f.path, f.line) for f in theirs
    )


def test_a_source_that_cannot_run_is_listed_not_passed_over(repo: Path) -> None:
    audit = run_audit(
        repo, load_registry(repo), 2025, TODAY, [("公开指南更新", src.guide_findings)]
    )
    assert audit.findings == [] and audit.not_checked and "公开指南更新" in audit.not_checked[0]
    with pytest.raises(Unavailable):
        src.guide_findings(repo, load_registry(repo), 2025, TODAY)


def test_cli_prints_findings_per_department_as_text_markdown_and_json(repo: Path) -> None:
    copy_calendar(repo)
    write_request(repo, "YSQ-2025-0001", "2025-03-03", reply="2025-05-30")
    text = xxgk(repo, "audit", "--year", "2025")
    assert (
        text.returncode == 1
        and f"【{OFFICE}】" in text.stdout
        and "AUD-REQUEST-LATE" in text.stdout
    )
    assert "未能检查" in text.stdout  # no git history here: said, not hidden
    md = xxgk(repo, "audit", "--year", "2025", "--format", "markdown")
    assert f"## {OFFICE}" in md.stdout and "| AUD-REQUEST-LATE |" in md.stdout
    before = sorted(p.relative_to(repo) for p in repo.rglob("*"))
    data = json.loads(xxgk(repo, "audit", "--year", "2025", "--format", "json").stdout)
    assert "AUD-REQUEST-LATE" in [f["rule"] for f in data["单位"][OFFICE]]  # beside AUD-RELEASE
    assert (
        sorted(p.relative_to(repo) for p in repo.rglob("*")) == before
    )  # internal: writes nothing


def test_a_merged_entry_without_a_valid_review_is_a_finding(git_repo: Path) -> None:
    merged = write_entry(git_repo, "已合并通知", "其他", "2025-05-01", publisher="鄂托克前旗财政局")
    write_entry(
        git_repo, "次年通知", "其他", "2026-02-01", publisher="鄂托克前旗财政局"
    )  # not yet in 2025
    _commit_all(git_repo, "entries without review", "2026-02-02T10:00:00")
    write_entry(git_repo, "草稿通知", "其他", "2025-06-01")  # not committed: still a draft
    found = _run(git_repo, 2025, src.unreviewed_findings)
    assert [(f.rule, f.department, f.path) for f in found] == [
        ("AUD-UNREVIEWED", "鄂托克前旗财政局", merged.relative_to(git_repo).as_posix())
    ]
    assert "保密审查" in found[0].message
