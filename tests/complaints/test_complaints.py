"""The 举报投诉 register: written by the command, checked by xxgk check, appended only (also in
the gate's history check), and an audit finding of the unit complained about when late."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from xxgk.io.registry import load_registry
from xxgk.reports.audit import run_audit
from xxgk.reports.audit_duties import complaint_findings
from xxgk.review.gate_history import record_changes
from xxgk.review.history import History

FINANCE = "鄂托克前旗财政局"
REL = "complaints/2026/TS-2026-0001.yml"


def xxgk(root: Path, *args: str, today: str = "2026-11-27") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XXGK_TODAY": today}
    return subprocess.run(
        [sys.executable, "-m", "xxgk", "--root", str(root), *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        cwd=root,
    )


def add(
    root: Path, received: str = "2026-11-02", unit: str = FINANCE
) -> subprocess.CompletedProcess[str]:
    return xxgk(
        root,
        "complaint",
        "add",
        "--received",
        received,
        "--channel",
        "电话",
        "--unit",
        unit,
        "--matter",
        "申请政府信息公开超过期限未获答复",
        "--name",
        "匿名",
        "--staff",
        "王建华",
    )


def reply(root: Path, date: str = "2026-11-20") -> subprocess.CompletedProcess[str]:
    return xxgk(
        root,
        "complaint",
        "reply",
        "TS-2026-0001",
        "--date",
        date,
        "--result",
        "属实",
        "--detail",
        "已督促财政局答复申请人",
        "--staff",
        "王建华",
    )


def test_add_forward_and_reply_grow_the_record_and_list_shows_the_deadline(repo: Path) -> None:
    done = add(repo)
    assert done.returncode == 0, done.stderr
    # 15 working days after Monday 2026-11-02: Monday 2026-11-23
    assert f"已写入 {REL}：TS-2026-0001 待答复，期限 2026-11-23" in done.stdout
    first = (repo / REL).read_bytes()
    assert (
        xxgk(
            repo, "complaint", "forward", "TS-2026-0001", "--date", "2026-11-03", "--to", FINANCE
        ).returncode
        == 0
    )
    second = (repo / REL).read_bytes()
    assert second.startswith(first)
    listed = xxgk(repo, "complaint", "list")
    assert listed.returncode == 1 and "已逾期" in listed.stdout  # 2026-11-27 is past 11-23
    replied = reply(repo)
    assert replied.returncode == 0 and "已答复（2026-11-20）" in replied.stdout, replied.stderr
    assert (repo / REL).read_bytes().startswith(second)
    assert xxgk(repo, "complaint", "list").returncode == 0
    assert "已写入 complaints/2026/TS-2026-0002.yml" in add(repo).stdout  # never overwrites


def test_a_reply_before_receipt_or_an_unknown_unit_is_refused_naming_the_line(repo: Path) -> None:
    bad = add(repo, unit="鄂托克前旗不存在局")
    assert bad.returncode == 1 and "被投诉单位" in bad.stderr and "Traceback" not in bad.stderr
    assert not (repo / "complaints").exists() or not list((repo / "complaints").rglob("*.yml"))
    add(repo)
    before = (repo / REL).read_bytes()
    early = xxgk(
        repo,
        "complaint",
        "reply",
        "TS-2026-0001",
        "--date",
        "2026-10-01",
        "--result",
        "属实",
        "--detail",
        "x",
    )
    assert early.returncode == 1 and f"{REL}:" in early.stderr and "早于" in early.stderr
    assert (repo / REL).read_bytes() == before  # refused: nothing written
    assert (
        xxgk(
            repo, "complaint", "reply", "TS-2026-9999", "--result", "属实", "--detail", "x"
        ).returncode
        == 1
    )


def test_xxgk_check_covers_the_complaints_folder(repo: Path) -> None:
    add(repo)
    assert xxgk(repo, "check").returncode == 0
    path = repo / REL
    path.write_text(path.read_text("utf-8") + "渠道2: 多余\n", "utf-8")
    done = xxgk(repo, "check")
    assert done.returncode == 1 and f"{REL}:" in done.stdout and "CMP-RECORD" in done.stdout
    assert xxgk(repo, "check", "complaints").returncode == 1


@pytest.mark.parametrize(
    ("reply", "late"), [(None, True), ("2026-11-24", True), ("2026-11-23", False)]
)
def test_the_audit_finds_complaints_answered_late_or_not_at_all(
    repo: Path, reply: str | None, late: bool
) -> None:
    add(repo)
    if reply:
        assert (
            xxgk(
                repo,
                "complaint",
                "reply",
                "TS-2026-0001",
                "--date",
                reply,
                "--result",
                "不属实",
                "--detail",
                "经核实已按期答复",
            ).returncode
            == 0
        )
    audit = run_audit(
        repo,
        load_registry(repo),
        2026,
        dt.date(2026, 11, 27),
        [("举报投诉办理", complaint_findings)],
    )
    assert [(f.department, f.rule, f.path) for f in audit.findings] == (
        [(FINANCE, "AUD-COMPLAINT", REL)] if late else []
    )


def _git(root: Path, *args: str) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def test_the_gate_allows_appending_to_a_committed_complaint_but_not_changing_it(repo: Path) -> None:
    _git(repo, "init", "-q", "-b", "main")
    add(repo)
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "complaint")
    xxgk(
        repo,
        "complaint",
        "reply",
        "TS-2026-0001",
        "--date",
        "2026-11-20",
        "--result",
        "属实",
        "--detail",
        "已督促答复",
    )
    _git(repo, "commit", "-q", "-am", "reply")
    assert record_changes(History(repo, "HEAD~1"), [("M", REL)]) == []
    path = repo / REL
    path.write_text(path.read_text("utf-8").replace("2026-11-02", "2026-11-05"), "utf-8")
    _git(repo, "commit", "-q", "-am", "edit")
    failures = record_changes(History(repo, "HEAD~1"), [("M", REL)])
    assert [(p, rule) for p, rule, _ in failures] == [(REL, "GATE-RECORD-CHANGED")]
