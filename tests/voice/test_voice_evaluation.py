"""社会评议: aggregation over every channel, and rectification tracked until closed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from voice_helpers import write

from xxgk.io.registry import load_registry
from xxgk.voice.evaluation import aggregate
from xxgk.voice.findings import audit_findings
from xxgk.voice.policy import voice_policy
from xxgk.voice.store import load_evaluations

HOUSING = "鄂托克前旗住房和城乡建设局"
FINANCE = "鄂托克前旗财政局"


def evaluation(
    root: Path,
    number: str,
    channel: str,
    date: str,
    unit: str,
    count: int,
    results: str,
    comments: str = "",
) -> Path:
    text = f"编号: {number}\n渠道: {channel}\n日期: {date}\n被评议单位: {unit}\n份数: {count}\n结果:\n{results}"
    if comments:
        text += "意见:\n" + comments
    return write(root, f"evaluations/{date[:4]}/{number}.yml", text)


def three_channels(root: Path) -> None:
    evaluation(
        root,
        "PY-2025-001",
        "网络调查",
        "2025-03-18",
        HOUSING,
        1,
        "  q1: {不满意: 1}\n  q2: {满意: 1}\n",
    )
    evaluation(
        root,
        "PY-2025-002",
        "问卷调查",
        "2025-06-18",
        HOUSING,
        30,
        "  q1: {满意: 20, 基本满意: 6, 不满意: 2, 不了解: 2}\n  q2: {满意: 10, 不满意: 20}\n",
    )
    evaluation(
        root, "PY-2025-003", "座谈会", "2025-10-21", FINANCE, 10, "  q1: {满意: 5, 基本满意: 5}\n"
    )
    evaluation(root, "PY-2026-001", "网络调查", "2026-01-02", FINANCE, 1, "  q1: {不满意: 1}\n")


def test_counts_of_online_paper_and_meeting_records_add_up_per_question_and_per_department(
    repo: Path,
) -> None:
    three_channels(repo)
    registry = load_registry(repo)
    items, problems = load_evaluations(repo, registry)
    assert problems == []
    report = aggregate(items, 2025)
    satisfied = voice_policy(registry).satisfied
    assert dict(report.per_channel) == {"网络调查": 1, "问卷调查": 30, "座谈会": 10}
    q1 = report.per_question["q1"]
    assert dict(q1.counts) == {"满意": 25, "基本满意": 11, "不满意": 3, "不了解": 2}
    assert q1.total() == 41 and q1.rate(satisfied) == pytest.approx(36 / 41)
    assert report.per_unit[HOUSING]["q2"].rate(satisfied) == pytest.approx(11 / 31)
    assert report.per_unit[FINANCE]["q1"].rate(satisfied) == 1.0  # the 2026 answer is another year
    assert "q3" not in report.per_question


def test_an_empty_year_aggregates_to_nothing(repo: Path) -> None:
    three_channels(repo)
    report = aggregate(load_evaluations(repo, load_registry(repo))[0], 2024)
    assert report.per_question == {} and sum(report.per_channel.values()) == 0


@pytest.mark.parametrize(
    ("results", "rule", "line"),
    [
        ("  q9: {满意: 1}\n", "EVA-QUESTION", 7),
        ("  q1: {很好: 1}\n", "EVA-OPTION", 7),
        ("  q1: {满意: 3, 不满意: 1}\n", "EVA-COUNT", 7),
        ("  q1: {满意: 二}\n", "EVA-SCHEMA", 7),
    ],
)
def test_wrong_answers_are_reported_with_their_line_and_the_record_is_left_out(
    repo: Path, results: str, rule: str, line: int
) -> None:
    evaluation(repo, "PY-2025-009", "问卷调查", "2025-06-18", HOUSING, 3, results)
    items, problems = load_evaluations(repo, load_registry(repo))
    assert items == []
    assert [(p.path, p.line, p.rule) for p in problems] == [
        ("evaluations/2025/PY-2025-009.yml", line, rule)
    ]


def test_a_number_that_differs_from_the_file_name_is_reported(repo: Path) -> None:
    path = evaluation(repo, "PY-2025-001", "座谈会", "2025-06-18", HOUSING, 3, "  q1: {满意: 3}\n")
    path.rename(path.with_name("PY-2025-002.yml"))
    _, problems = load_evaluations(repo, load_registry(repo))
    assert [(p.line, p.rule) for p in problems] == [(1, "VOICE-NUMBER")]


COMMENT = """\
  - 内容: 预算公开表格是扫描图片
    类型: 批评
    责任单位: 鄂托克前旗财政局
"""


def test_open_comment_past_its_date_is_an_audit_finding_for_its_department(repo: Path) -> None:
    evaluation(
        repo,
        "PY-2026-001",
        "问卷调查",
        "2026-06-20",
        FINANCE,
        2,
        "  q1: {满意: 2}\n",
        COMMENT + "    处理: 整改\n    期限: 2026-09-30\n    状态: 办理中\n",
    )
    (f,) = audit_findings(repo, 2026, at=dt.datetime(2026, 10, 1, 8, 0))
    assert (f.rule, f.department, f.path, f.line) == (
        "EVA-RECTIFY-OVERDUE",
        FINANCE,
        "evaluations/2026/PY-2026-001.yml",
        9,
    )
    assert "2026-09-30" in f.message
    assert audit_findings(repo, 2026, at=dt.datetime(2026, 9, 30, 23, 0)) == []
    assert audit_findings(repo, 2025, at=dt.datetime(2026, 10, 1, 8, 0)) == []


def test_without_a_date_the_registry_default_period_applies_and_undecided_comments_count(
    repo: Path,
) -> None:
    evaluation(
        repo, "PY-2026-002", "座谈会", "2026-10-28", FINANCE, 2, "  q1: {满意: 2}\n", COMMENT
    )
    items, _ = load_evaluations(repo, load_registry(repo))
    (c,) = items[0].comments
    assert c.due == dt.date(2026, 11, 27) and c.handling is None  # 30 days in xxgk.yml
    assert audit_findings(repo, 2026, at=dt.datetime(2026, 11, 27, 23, 0)) == []
    (f,) = audit_findings(repo, 2026, at=dt.datetime(2026, 11, 28, 0, 0))
    assert "确定整改或解释" in f.message


def test_closed_on_time_is_clean_closed_late_is_a_warning(repo: Path) -> None:
    closed = (
        COMMENT
        + "    处理: 整改\n    期限: 2025-11-30\n    状态: 已办结\n    办结日期: {}\n    整改情况: 改为可检索的表格\n"
    )
    evaluation(
        repo,
        "PY-2025-001",
        "座谈会",
        "2025-10-21",
        FINANCE,
        2,
        "  q1: {满意: 2}\n",
        closed.format("2025-11-30"),
    )
    evaluation(
        repo,
        "PY-2025-002",
        "座谈会",
        "2025-10-22",
        FINANCE,
        2,
        "  q1: {满意: 2}\n",
        closed.format("2025-12-10"),
    )
    (f,) = audit_findings(repo, 2025, at=dt.datetime(2026, 6, 1, 0, 0))
    assert (f.path, f.rule, f.severity.value) == (
        "evaluations/2025/PY-2025-002.yml",
        "EVA-RECTIFY-LATE",
        "warning",
    )


@pytest.mark.parametrize(
    ("closing", "missing"),
    [
        ("    处理: 整改\n    状态: 已办结\n    办结日期: 2025-11-01\n", "整改情况"),
        ("    处理: 解释\n    状态: 已办结\n    办结日期: 2025-11-01\n", "向领导小组的解释"),
        ("    状态: 已办结\n    整改情况: 已改\n", "处理方式"),
    ],
)
def test_a_comment_is_closed_only_with_a_rectification_or_an_explanation(
    repo: Path, closing: str, missing: str
) -> None:
    evaluation(
        repo,
        "PY-2025-001",
        "座谈会",
        "2025-10-21",
        FINANCE,
        2,
        "  q1: {满意: 2}\n",
        COMMENT + closing,
    )
    items, problems = load_evaluations(repo, load_registry(repo))
    assert items == [] and problems and all(p.rule == "EVA-SCHEMA" for p in problems)
    assert any(missing in p.message for p in problems), [p.message for p in problems]


def test_shipped_samples_are_valid_and_cover_every_channel() -> None:
    from voice_helpers import REPO

    registry = load_registry(REPO)
    items, problems = load_evaluations(REPO, registry)
    assert problems == []
    assert {e.channel for e in items} == {"网络调查", "问卷调查", "座谈会"}


def test_a_broken_record_shows_in_the_audit_instead_of_hiding_its_findings(repo: Path) -> None:
    from xxgk.voice.findings import check_records

    evaluation(
        repo,
        "PY-2026-001",
        "问卷调查",
        "2026-06-20",
        "不存在的单位",
        2,
        "  q1: {满意: 2}\n",
        COMMENT + "    期限: 2026-09-30\n",
    )
    (f,) = audit_findings(repo, 2026, at=dt.datetime(2026, 10, 1, 8, 0))
    assert (f.rule, f.line) == ("EVA-UNIT", 4)
    assert [p.rule for p in check_records(repo)] == ["EVA-UNIT"]


def test_a_record_in_another_year_folder_is_reported(repo: Path) -> None:
    path = evaluation(repo, "PY-2025-001", "座谈会", "2025-06-18", HOUSING, 3, "  q1: {满意: 3}\n")
    target = repo / "evaluations/2024" / path.name
    target.parent.mkdir()
    path.rename(target)
    _, problems = load_evaluations(repo, load_registry(repo))
    assert [(p.path, p.line, p.rule) for p in problems] == [
        ("evaluations/2024/PY-2025-001.yml", 1, "VOICE-NUMBER")
    ]
    assert "文件夹“2024”" in problems[0].message
