"""Response deadlines of 舆情回应: hours from detection, by risk level, straight through
nights and weekends (国办发〔2016〕61号)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from voice_helpers import opinion

from xxgk.io.registry import load_registry
from xxgk.voice.opinion import State, due_rows
from xxgk.voice.store import load_opinions
from xxgk.voice.times import parse_stamp


def load(root: Path) -> dict[str, object]:
    items, problems = load_opinions(root, load_registry(root))
    assert problems == []
    return {o.number: o for o in items}


def at(text: str) -> dt.datetime:
    moment = parse_stamp(text)
    assert moment is not None
    return moment


def test_other_opinion_detected_friday_night_is_due_sunday_night_not_after_the_weekend(
    repo: Path,
) -> None:
    # 2026-11-27 is a Friday: 48 hours run through Saturday and Sunday, no working-day skipping
    opinion(repo, "YQ-2026-001", "2026-11-27 22:30")
    item = load(repo)["YQ-2026-001"]
    (mark,) = item.deadlines  # type: ignore[attr-defined]
    assert (mark.action, mark.hours, mark.due) == ("回应", 48, at("2026-11-29 22:30"))
    assert mark.due.weekday() == 6  # Sunday
    assert mark.state(at("2026-11-29 22:30")) is State.PENDING
    assert mark.state(at("2026-11-29 22:31")) is State.OVERDUE


def test_major_emergency_at_night_needs_information_in_five_hours_across_midnight_and_a_press_conference_in_24(
    repo: Path,
) -> None:
    opinion(repo, "YQ-2026-002", "2026-12-05 21:10", level="重大突发事件")  # a Saturday night
    item = load(repo)["YQ-2026-002"]
    marks = {m.action: m for m in item.deadlines}  # type: ignore[attr-defined]
    assert marks["发布权威信息"].due == at("2026-12-06 02:10")  # past midnight, on Sunday
    assert marks["召开新闻发布会"].due == at("2026-12-06 21:10")
    rows = due_rows([item], at("2026-12-06 03:00"))  # type: ignore[list-item]
    assert [(d.action, s) for _, d, s in rows] == [
        ("发布权威信息", State.OVERDUE),
        ("召开新闻发布会", State.PENDING),
    ]


def test_each_action_is_met_only_by_its_own_kind_of_response(repo: Path) -> None:
    opinion(
        repo,
        "YQ-2026-003",
        "2026-07-12 02:10",
        level="重大突发事件",
        responses="""
        - 时间: 2026-07-12 06:30
          方式: 发布权威信息
        - 时间: 2026-07-13 09:00
          方式: 召开新闻发布会
    """,
    )
    marks = {m.action: m for m in load(repo)["YQ-2026-003"].deadlines}  # type: ignore[attr-defined]
    assert marks["发布权威信息"].state(at("2026-08-01 00:00")) is State.ON_TIME
    # the press conference came 30 h 50 min after detection: late, although information was on time
    assert marks["召开新闻发布会"].state(at("2026-08-01 00:00")) is State.LATE


def test_a_response_exactly_at_the_deadline_is_on_time_one_minute_later_is_late(repo: Path) -> None:
    opinion(
        repo,
        "YQ-2026-004",
        "2026-03-01 10:00",
        responses="""
        - 时间: 2026-03-03 10:00
          方式: 答复网民
    """,
    )
    opinion(
        repo,
        "YQ-2026-005",
        "2026-03-01 10:00",
        responses="""
        - 时间: 2026-03-03 10:01
          方式: 网上发布信息
    """,
    )
    items = load(repo)
    later = at("2026-04-01 00:00")
    assert items["YQ-2026-004"].deadlines[0].state(later) is State.ON_TIME  # type: ignore[attr-defined]
    assert items["YQ-2026-005"].deadlines[0].state(later) is State.LATE  # type: ignore[attr-defined]


def test_an_item_judged_not_to_need_a_response_has_no_deadline(repo: Path) -> None:
    opinion(
        repo,
        "YQ-2026-006",
        "2026-05-06 14:20",
        extra="""
        研判:
          结论: 无需回应
          分析: 传播范围小，已当面说明。
    """,
    )
    assert load(repo)["YQ-2026-006"].deadlines == ()  # type: ignore[attr-defined]


def test_not_needing_a_response_without_the_reason_is_an_error(repo: Path) -> None:
    opinion(
        repo,
        "YQ-2026-007",
        "2026-05-06 14:20",
        extra="""
        研判:
          结论: 无需回应
    """,
    )
    items, problems = load_opinions(repo, load_registry(repo))
    assert items == []
    assert [(p.path, p.line, p.rule) for p in problems] == [
        ("opinions/2026/YQ-2026-007.yml", 8, "OPN-SCHEMA")
    ]
    assert "研判分析" in problems[0].message


def test_levels_and_hours_come_from_the_registry(repo: Path) -> None:
    text = (repo / "xxgk.yml").read_text(encoding="utf-8")
    text = text.replace(
        "        回应: 48\n", "        回应: 48\n      一般舆情:\n        回应: 72\n"
    )
    (repo / "xxgk.yml").write_text(text, encoding="utf-8")
    opinion(repo, "YQ-2026-008", "2026-02-27 23:59", level="一般舆情")
    (mark,) = load(repo)["YQ-2026-008"].deadlines  # type: ignore[attr-defined]
    assert mark.due == at("2026-03-02 23:59")  # 2026 is no leap year: Feb 27 + 3 days


@pytest.mark.parametrize(
    ("field", "value", "rule"),
    [
        ("风险等级", "特别重大", "OPN-LEVEL"),
        ("涉及单位", "鄂托克前旗不存在局", "OPN-UNIT"),
        ("发现时间", "2026-02-30 10:00", "OPN-TIME"),
    ],
)
def test_unknown_level_unit_or_impossible_time_is_reported_with_its_line(
    repo: Path, field: str, value: str, rule: str
) -> None:
    path = opinion(repo, "YQ-2026-009", "2026-03-01 10:00")
    text = path.read_text(encoding="utf-8")
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if ln.startswith(field + ":"))
    old = next(ln for ln in text.splitlines() if ln.startswith(field + ":"))
    path.write_text(text.replace(old, f"{field}: {value}"), encoding="utf-8")
    items, problems = load_opinions(repo, load_registry(repo))
    assert items == []
    assert [(p.line, p.rule) for p in problems] == [(line, rule)]


def test_a_response_before_detection_is_refused(repo: Path) -> None:
    opinion(
        repo,
        "YQ-2026-010",
        "2026-03-01 10:00",
        responses="""
        - 时间: 2026-03-01 09:00
          方式: 答复网民
    """,
    )
    _, problems = load_opinions(repo, load_registry(repo))
    assert [(p.line, p.rule) for p in problems] == [(8, "OPN-TIME")]
