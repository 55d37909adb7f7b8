"""Status and deadlines derived from the event log: restart after 补正, pauses, extensions, overdue."""

from __future__ import annotations

from typing import Any

import pytest
from rq_support import D

from xxgk.model.workdays import WorkCalendar
from xxgk.requests.model import request_of
from xxgk.requests.policy import Policy
from xxgk.requests.state import derive
from xxgk.requests.validate import validate

CAL = WorkCalendar()
POLICY = Policy(
    "测试版本",
    reply_days=15,
    extension_max=15,
    provide_days=10,
    amend_notice_days=7,
    consult_days=15,
    fee_enabled=False,
)


def make(received: str, *events: dict[str, Any]) -> Any:
    data = {
        "编号": "YSQ-2025-0001",
        "政策版本": "测试版本",
        "收到日期": received,
        "受理单位": "x",
        "申请人": {"类型": "自然人", "姓名": "测试"},
        "事件": [{"类型": "登记", "日期": received}, *events],
    }
    return request_of(data)


def ev(kind: str, date: str, **fields: str) -> dict[str, Any]:
    return {"类型": kind, "日期": date, **fields}


def test_reply_is_due_15_working_days_after_receipt() -> None:
    state = derive(make("2025-09-30"), CAL, POLICY, D("2025-10-01"))
    assert state.status == "办理中" and state.reply_due and state.reply_due.date == D("2025-10-28")


def test_a_corrected_application_restarts_the_period() -> None:
    waiting = make("2025-09-30", ev("补正告知", "2025-10-09", 补正内容="写明文号"))
    state = derive(waiting, CAL, POLICY, D("2025-10-20"))
    assert (
        state.status == "待补正" and state.reply_due is None and not state.overdue(D("2026-01-01"))
    )
    restarted = make(
        "2025-09-30",
        ev("补正告知", "2025-10-09", 补正内容="写明文号"),
        ev("补正收到", "2025-10-20"),
    )
    state = derive(restarted, CAL, POLICY, D("2025-10-21"))
    assert state.start == D("2025-10-20")
    assert state.reply_due and state.reply_due.date == D(
        "2025-11-10"
    )  # 15 working days after 10-20


def test_consultation_days_are_not_counted() -> None:
    asked = [
        ev("征求意见", "2025-10-09", 对象类型="第三方", 对象="某公司"),
        ev("征求意见答复", "2025-10-17", 对象="某公司", 意见="同意公开"),
    ]
    state = derive(make("2025-09-30", *asked), CAL, POLICY, D("2025-10-20"))
    # 10-10, 10-11 (调休 Saturday), 10-13..10-17: seven working days paused
    assert state.reply_due and state.reply_due.date == D("2025-11-06")


def test_an_unanswered_consultation_pauses_only_until_its_own_period_ends() -> None:
    asked = ev("征求意见", "2025-10-09", 对象类型="第三方", 对象="某公司")
    open_state = derive(make("2025-09-30", asked), CAL, POLICY, D("2025-10-15"))
    assert open_state.status == "征求意见中" and not open_state.overdue(D("2025-10-29"))
    late = derive(make("2025-09-30", asked), CAL, POLICY, D("2025-12-31"))
    # the pause ends 15 working days after 10-09 (on 10-29): due 15 working days after 10-28
    assert late.status == "办理中" and late.reply_due and late.reply_due.date == D("2025-11-18")


def test_an_extension_adds_working_days_up_to_the_limit() -> None:
    extended = make("2025-09-30", ev("延期", "2025-10-20", 批准人="王某", 理由="需调档", 天数="10"))
    state = derive(extended, CAL, POLICY, D("2025-10-21"))
    assert (
        state.extension_days == 10 and state.reply_due and state.reply_due.date == D("2025-11-11")
    )
    assert validate(extended, CAL, POLICY, D("2025-10-21")) == []


def test_extensions_beyond_the_limit_are_refused_even_in_two_steps() -> None:
    twice = make(
        "2025-09-30",
        ev("延期", "2025-10-20", 批准人="王某", 理由="需调档", 天数="10"),
        ev("延期", "2025-10-27", 批准人="王某", 理由="仍需调档", 天数="6"),
    )
    rules = [(f.rule, f.where) for f in validate(twice, CAL, POLICY, D("2025-10-28"))]
    assert rules == [("REQ-EXTENSION", ("事件", 2, "天数"))]
    exact = make(
        "2025-09-30",
        ev("延期", "2025-10-20", 批准人="王某", 理由="需调档", 天数="10"),
        ev("延期", "2025-10-27", 批准人="王某", 理由="仍需调档", 天数="5"),
    )
    assert validate(exact, CAL, POLICY, D("2025-10-28")) == []


def test_an_extension_after_the_deadline_is_refused() -> None:
    late = make("2025-09-30", ev("延期", "2025-10-29", 批准人="王某", 理由="需调档", 天数="5"))
    assert [f.rule for f in validate(late, CAL, POLICY, D("2025-10-30"))] == ["REQ-EXTENSION"]


def test_overdue_is_detected_the_day_after_the_deadline() -> None:
    req = make("2025-09-30")
    assert not derive(req, CAL, POLICY, D("2025-10-28")).overdue(D("2025-10-28"))
    assert derive(req, CAL, POLICY, D("2025-10-29")).overdue(D("2025-10-29"))


def test_disclosed_information_must_then_be_provided_within_10_working_days() -> None:
    replied = make("2025-09-30", ev("答复", "2025-10-20", 结果="予以公开", 当场提供="否"))
    state = derive(replied, CAL, POLICY, D("2025-11-04"))
    assert (
        state.status == "已答复待提供"
        and state.provide_due
        and state.provide_due.date == D("2025-11-03")
    )
    assert state.overdue(D("2025-11-04"))
    spot = make("2025-09-30", ev("答复", "2025-09-30", 结果="予以公开", 当场提供="是"))
    assert derive(spot, CAL, POLICY, D("2025-11-04")).status == "已办结"


def test_a_late_reply_is_recorded_as_late() -> None:
    late = make(
        "2025-09-30", ev("答复", "2025-10-29", 结果="不予处理", 情形="重复申请", 理由="已答复过")
    )
    state = derive(late, CAL, POLICY, D("2025-11-01"))
    assert state.status == "已办结" and state.late == ["答复晚于期限 2025-10-28"]


def test_a_deadline_in_a_year_without_data_is_marked_provisional() -> None:
    state = derive(make("2026-12-20"), CAL, POLICY, D("2026-12-21"))
    assert (
        state.reply_due and state.reply_due.provisional and "calendar/2027.yml" in state.provisional
    )


@pytest.mark.parametrize(
    ("events", "rule"),
    [
        ([ev("答复", "2025-09-29", 结果="予以公开")], "REQ-ORDER"),  # before receipt
        (
            [
                ev("补正告知", "2025-10-09", 补正内容="甲"),
                ev("补正告知", "2025-10-10", 补正内容="乙"),
            ],
            "REQ-AMEND",
        ),
        ([ev("补正收到", "2025-10-09")], "REQ-AMEND"),
        ([ev("征求意见答复", "2025-10-09", 对象="某公司", 意见="同意公开")], "REQ-CONSULT"),
        ([ev("提供", "2025-10-09", 提供方式="纸质")], "REQ-PROVIDE"),
        (
            [
                ev("答复", "2025-10-09", 结果="予以公开"),
                ev("延期", "2025-10-10", 批准人="王某", 理由="x", 天数="5"),
            ],
            "REQ-REPLY",
        ),
        (
            [ev("提供", "2025-10-02", 提供方式="纸质"), ev("答复", "2025-10-01", 结果="予以公开")],
            "REQ-ORDER",
        ),
    ],
)
def test_impossible_sequences_are_refused(events: list[dict[str, Any]], rule: str) -> None:
    assert rule in [
        f.rule for f in validate(make("2025-09-30", *events), CAL, POLICY, D("2025-12-31"))
    ]


def test_nothing_may_happen_before_registration() -> None:
    data = make("2025-09-30").data
    data["事件"] = [
        {"类型": "答复", "日期": "2025-10-09", "结果": "予以公开"},
        {"类型": "登记", "日期": "2025-10-10"},
    ]
    assert [f.rule for f in validate(request_of(data), CAL, POLICY, D("2025-12-31"))] == [
        "REQ-REGISTER"
    ]


def test_a_late_correction_notice_is_a_warning_not_a_refusal() -> None:
    late = make("2025-09-30", ev("补正告知", "2025-10-17", 补正内容="写明文号"))
    found = validate(late, CAL, POLICY, D("2025-12-31"))
    assert [(f.rule, f.severity.value) for f in found] == [("REQ-AMEND", "warning")]
    on_time = make("2025-09-30", ev("补正告知", "2025-10-16", 补正内容="写明文号"))
    assert validate(on_time, CAL, POLICY, D("2025-12-31")) == []
