"""The training ledger report: hours, eligibility for 优秀, 先培训后上岗, name spellings, the roster."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from reports_helpers import OFFICE, set_reviewers, write_entry, xxgk

from xxgk.io.registry import load_registry
from xxgk.reports import audit_sources as src
from xxgk.reports.audit import run_audit
from xxgk.reports.names import collisions, name_key
from xxgk.reports.training_source import training_report

FINANCE = "鄂托克前旗财政局"


@pytest.fixture(autouse=True)
def two_reviewers(repo: Path) -> None:
    set_reviewers(repo, [("王建华", OFFICE), ("李秀英", OFFICE)])
    shutil.rmtree(repo / "training")  # only the records each test writes


def write_training(
    root: Path,
    name: str,
    date: str,
    hours: str,
    people: list[tuple[str, str]],
    kind: str = "集中培训",
    passed: str = "合格",
) -> Path:
    path = root / "training" / date[:4] / f"{name}.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [
        f"类型: {kind}",
        f"日期: {date}",
        f"主题: {name}",
        f'学时: "{hours}"',
        f"组织单位: {OFFICE}",
        "参加人员:",
    ]
    for person, unit in people:
        lines += [f"  - 姓名: {person}", f"    单位: {unit}"]
        if kind == "自学":
            lines.append(f"    考核: {passed}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_hours_per_person_and_unit_and_who_may_not_be_rated_excellent(repo: Path) -> None:
    write_training(repo, "条例解读", "2025-03-10", "1.5", [("张伟", FINANCE), ("王建华", OFFICE)])
    write_training(repo, "保密审查实务", "2025-09-02", "1", [("张伟", FINANCE)])
    write_training(
        repo, "自学一", "2025-10-01", "1", [("王建华", OFFICE)], kind="自学", passed="不合格"
    )
    write_training(repo, "去年培训", "2024-05-01", "4", [("刘芳", FINANCE)])
    report, problems = training_report(repo, load_registry(repo), 2025)
    assert problems == []
    people = {p.name: p for p in report.people}
    assert people["张伟"].hours == Decimal("2.5") and people["张伟"].eligible
    assert (
        people["王建华"].hours == Decimal("1.5") and not people["王建华"].eligible
    )  # failed self-study
    assert people["刘芳"].hours == 0 and not people["刘芳"].eligible  # trained last year only
    assert people["李秀英"].first_training is None  # a reviewer on the roster, never trained
    assert report.units()[FINANCE] == (2, Decimal("2.5"), 1)
    assert report.units()[OFFICE] == (2, Decimal("1.5"), 2)


def test_spellings_of_one_name_are_reported() -> None:
    assert name_key("王 建華") == name_key("王建华") == name_key("王　建华")
    assert name_key("巴特尔·朝鲁") == name_key("巴特尔朝鲁")
    assert collisions(["王建华", "王 建华", "王建華", "李秀英", "李秀芳"]) == [
        ("王 建华", "王建华", "王建華")
    ]


def _commit(root: Path, author: str, when: str) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": author,
        "GIT_AUTHOR_EMAIL": "x@example.org",
        "GIT_COMMITTER_NAME": author,
        "GIT_COMMITTER_EMAIL": "x@example.org",
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
    }
    for args in (["add", "-A"], ["commit", "-q", "-m", "entry"]):
        subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def test_publishing_before_the_first_training_is_found_in_git_history(repo: Path) -> None:
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=repo, check=True)
    write_training(repo, "上岗培训", "2025-04-01", "2", [("张伟", FINANCE), ("赵敏", FINANCE)])
    _commit(repo, "赵敏", "2025-04-02T09:00:00")
    write_entry(repo, "张伟早发", "其他", "2025-03-01", publisher=FINANCE)
    _commit(repo, "张伟", "2025-03-02T09:00:00")  # before his training on 04-01
    write_entry(repo, "赵敏发布", "其他", "2025-04-10", publisher=FINANCE)
    _commit(repo, "赵敏", "2025-04-10T09:00:00")  # after hers
    report, _ = training_report(repo, load_registry(repo), 2025)
    early = [(e.activity.person, e.activity.kind, e.first_training) for e in report.early]
    assert early == [("张伟", "发布", dt.date(2025, 4, 1))]
    audit = run_audit(
        repo, load_registry(repo), 2025, dt.date(2026, 11, 27), [("培训", src.training_findings)]
    )
    messages = [f.message for f in audit.findings if f.department == FINANCE]
    assert any("张伟 于 2025-03-02 发布" in m and "先培训后上岗" in m for m in messages)
    assert not any(m.startswith("赵敏") for m in messages)


def test_cli_roster_as_json_and_exit_code(repo: Path) -> None:
    write_training(repo, "条例解读", "2025-03-10", "2", [("王建华", OFFICE), ("李秀英", OFFICE)])
    done = xxgk(repo, "training", "report", "--year", "2025", "--format", "json")
    assert done.returncode == 0, done.stdout + done.stderr
    data = json.loads(done.stdout)
    assert {p["姓名"]: p["可评优秀"] for p in data["名册"]} == {"王建华": True, "李秀英": True}
    write_training(repo, "补训", "2025-11-02", "1", [("王 建华", OFFICE)])
    text = xxgk(repo, "training", "report", "--year", "2025")
    assert text.returncode == 1 and "王 建华、王建华" in text.stdout
    md = xxgk(repo, "training", "report", "--year", "2025", "--format", "markdown")
    assert md.stdout.startswith("# 2025 年政府信息公开工作培训台账") and "| 王建华 |" in md.stdout


def test_a_broken_training_record_is_named_not_counted_silently(repo: Path) -> None:
    bad = write_training(repo, "条例解读", "2025-03-10", "两", [("王建华", OFFICE)])
    done = xxgk(repo, "training", "report", "--year", "2025")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert bad.relative_to(repo).as_posix() in done.stderr


def test_staff_short_of_the_yearly_hours_are_audit_findings_of_their_unit(repo: Path) -> None:
    write_training(repo, "条例解读", "2025-03-10", "2", [("张伟", FINANCE), ("李秀英", OFFICE)])
    write_training(repo, "短训", "2025-06-10", "1", [("刘芳", FINANCE)])
    audit = run_audit(
        repo, load_registry(repo), 2025, dt.date(2026, 11, 27), [("培训", src.training_findings)]
    )
    assert audit.not_checked == []
    found = {
        (f.department, f.message.split(" ")[0]) for f in audit.findings if f.rule == "AUD-UNTRAINED"
    }
    assert found == {(FINANCE, "刘芳"), (OFFICE, "王建华")}
    reviewer = next(f for f in audit.findings if f.message.startswith("王建华"))
    assert reviewer.path == "xxgk.yml" and reviewer.line > 1  # the roster line that names him
    write_training(repo, "坏记录", "2025-07-01", "三", [("张伟", FINANCE)])
    again = run_audit(
        repo, load_registry(repo), 2025, dt.date(2026, 11, 27), [("培训", src.training_findings)]
    )
    assert any(
        f.path == "training/2025/坏记录.yml" and f.rule == "TRAINING-RECORD" for f in again.findings
    )


def test_a_review_signed_before_the_reviewers_first_training_is_reported(repo: Path) -> None:
    write_training(
        repo, "保密审查培训", "2025-05-01", "2", [("李秀英", OFFICE), ("王建华", OFFICE)]
    )
    for n, (who, day) in enumerate((("李秀英", "2025-04-20"), ("王建华", "2025-05-06")), 1):
        path = repo / "reviews" / "2025" / f"r{n}.yml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            "\n".join(
                [
                    f"条目: content/catalog/2025/x{n}.md",
                    f"索引号: 000014349/2025-0000{n}",
                    "信息名称: 通知",
                    "内容摘要: 通知。",
                    "公开属性: 主动公开",
                    "审查结论: 同意公开",
                    f"审查单位: {OFFICE}",
                    f"审查人: {who}",
                    f"审查日期: {day}",
                    "作者: zhangl@etkqq.gov.cn",
                    "条目哈希: " + "a" * 64,
                ]
            )
            + "\n",
            encoding="utf-8",
        )
    report, _ = training_report(repo, load_registry(repo), 2025)
    early = [(e.activity.person, e.activity.kind, e.activity.rel) for e in report.early]
    assert early == [("李秀英", "审查", "reviews/2025/r1.yml")]
