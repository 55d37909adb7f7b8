"""The ``xxgk evaluation`` and ``xxgk opinion`` commands, run as staff run them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from voice_helpers import copy_samples, opinion

from xxgk.cli import build_parser


def xxgk(root: Path, *args: str, now: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XXGK_TODAY": "2026-11-27"}
    env.pop("XXGK_NOW", None)
    if now:
        env["XXGK_NOW"] = now
    return subprocess.run(
        [sys.executable, "-m", "xxgk", "--root", str(root), *args],
        cwd=root,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


@pytest.mark.parametrize("command", ["evaluation", "opinion"])
def test_every_command_has_help_with_an_example(command: str) -> None:
    parser = build_parser()
    sub = parser._subparsers._group_actions[0].choices[command]  # type: ignore[union-attr]
    assert "示例:" in (sub.description or "")


def test_opinion_due_lists_pending_and_overdue_items_and_fails_on_overdue(repo: Path) -> None:
    opinion(repo, "YQ-2026-001", "2026-11-27 22:30")  # due Sunday 22:30
    opinion(repo, "YQ-2026-002", "2026-11-27 23:00", level="重大突发事件")
    done = xxgk(
        repo, "opinion", "due", now="2026-11-28 04:30"
    )  # half an hour after the 5-hour limit
    assert done.returncode == 1, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == (
        "opinions/2026/YQ-2026-002.yml: 已超时 YQ-2026-002 鄂托克前旗民政局（重大突发事件）"
        "应于 2026-11-28 04:00 前发布权威信息，已超时 0.5 小时"
    )
    assert "应于 2026-11-28 23:00 前召开新闻发布会，还剩 18.5 小时" in lines[1]
    assert "YQ-2026-001" in lines[2] and "应于 2026-11-29 22:30 前回应" in lines[2]
    assert lines[-1] == "截至 2026-11-28 04:30：待回应 2 项，已超时 1 项。"
    assert xxgk(repo, "opinion", "due", now="2026-11-28 04:00").returncode == 0


def test_opinion_due_at_a_given_time_as_json(repo: Path) -> None:
    opinion(repo, "YQ-2026-002", "2026-11-27 23:00", level="重大突发事件")
    done = xxgk(repo, "opinion", "due", "--at", "2026-11-28 02:00", "--format", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert [(d["回应方式"], d["时限"], d["状态"]) for d in data["待办"]] == [
        ("发布权威信息", "2026-11-28 04:00", "待办"),
        ("召开新闻发布会", "2026-11-28 23:00", "待办"),
    ]


def test_a_bad_time_is_a_usage_error_in_chinese(repo: Path) -> None:
    done = xxgk(repo, "opinion", "due", "--at", "明天")
    assert (
        done.returncode == 2
        and "yyyy-mm-dd HH:MM" in done.stderr
        and "Traceback" not in done.stderr
    )


def test_opinion_add_numbers_the_record_never_overwrites_and_prints_deadlines(repo: Path) -> None:
    opinion(repo, "YQ-2026-001", "2026-01-01 08:00")
    args = (
        "opinion",
        "add",
        "--source",
        "微信",
        "--detected",
        "2026-11-27 21:40",
        "--unit",
        "鄂托克前旗民政局",
        "--level",
        "其他政务舆情",
        "--summary",
        "群里传“高龄津贴停发”: 需核实",
    )
    done = xxgk(repo, *args)
    assert done.returncode == 0, done.stderr
    assert (
        "opinions/2026/YQ-2026-002.yml" in done.stdout
        and "回应：2026-11-29 21:40 前（48 小时）" in done.stdout
    )
    first = (repo / "opinions/2026/YQ-2026-002.yml").read_bytes()
    again = xxgk(repo, *args)
    assert again.returncode == 0 and "YQ-2026-003.yml" in again.stdout
    assert (repo / "opinions/2026/YQ-2026-002.yml").read_bytes() == first
    assert xxgk(repo, "opinion", "check").returncode == 0


def test_opinion_add_with_an_unknown_level_writes_nothing(repo: Path) -> None:
    done = xxgk(
        repo,
        "opinion",
        "add",
        "--source",
        "微博",
        "--detected",
        "2026-11-27 21:40",
        "--unit",
        "鄂托克前旗民政局",
        "--level",
        "很严重",
        "--summary",
        "x",
    )
    assert done.returncode == 1 and "OPN-LEVEL" in done.stderr
    assert not list((repo / "opinions").rglob("*.yml"))


def test_evaluation_report_aggregates_the_shipped_samples(repo: Path) -> None:
    copy_samples(repo)
    done = xxgk(repo, "evaluation", "report", "--year", "2025", "--format", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["渠道"] == {
        "网络调查": {"次数": 1, "人次": 1},
        "问卷调查": {"次数": 1, "人次": 36},
        "座谈会": {"次数": 1, "人次": 12},
    }
    assert data["各题"]["q1"]["合计"] == 49 and data["各题"]["q1"]["满意"] == 26
    assert set(data["各单位"]) == {
        "鄂托克前旗住房和城乡建设局",
        "鄂托克前旗人民政府",
        "鄂托克前旗人力资源和社会保障局",
    }


def test_evaluation_due_lists_open_comments_and_fails_on_overdue(repo: Path) -> None:
    copy_samples(repo)
    done = xxgk(repo, "evaluation", "due")
    assert done.returncode == 1
    assert "evaluations/2026/PY-2026-002.yml:14: 已超期 鄂托克前旗财政局" in done.stdout
    assert "未办结 3 条，其中超期 1 条" in done.stdout


def test_a_broken_record_is_reported_with_file_and_line(repo: Path) -> None:
    (repo / "evaluations/2026").mkdir(parents=True)
    (repo / "evaluations/2026/PY-2026-001.yml").write_text(
        "编号: PY-2026-001\n渠道: 电话\n渠道: 座谈会\n", encoding="utf-8"
    )
    done = xxgk(repo, "evaluation", "check")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "evaluations/2026/PY-2026-001.yml:3:1: 错误 [FM-DUPLICATE-KEY]" in done.stdout
