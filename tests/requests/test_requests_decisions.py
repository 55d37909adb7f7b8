"""Replies: every national outcome and its required fields; refusals leave the record untouched."""

from __future__ import annotations

from pathlib import Path

import pytest
from rq_support import add, log, record, rq, xxgk  # noqa: F401  (rq is a fixture)

from xxgk.requests import check_requests
from xxgk.requests.fees import fee_by_count, fee_by_pages
from xxgk.requests.outcomes import OUTCOMES

REASONS = "理由=经审查，所申请信息属于该情形（测试理由）"

# Each outcome with a complete reply (accepted) and what happens without one required field.
COMPLETE = [
    ("予以公开", ["当场提供=否"], None),
    ("部分公开", ["不予公开内容=第三页人员名单", REASONS], ("不予公开内容", "REQ-PARTIAL")),
    ("部分公开", ["不予公开内容=第三页人员名单", REASONS], ("理由", "REQ-PARTIAL")),
]
for outcome in OUTCOMES[2:]:
    for reason, article in outcome.reasons:
        needs_basis = (
            not article and outcome.name != "其他处理"
        )  # "其他" (e.g. withdrawn) cites nothing
        fields = [f"情形={reason}", REASONS] + (["依据=《某法》第一条"] if needs_basis else [])
        if "逾期不补正" in reason or "逾期未按收费" in reason:
            continue  # need a prior notice: tested below
        COMPLETE.append((outcome.name, fields, ("理由", "REQ-REASONS")))
        COMPLETE.append((outcome.name, fields, ("情形", "REQ-REPLY")))
        if needs_basis:
            COMPLETE.append((outcome.name, fields, ("依据", "REQ-BASIS")))


@pytest.mark.parametrize(("result", "fields", "drop"), COMPLETE)
def test_each_outcome_needs_its_fields(
    rq: Path, result: str, fields: list[str], drop: tuple[str, str] | None
) -> None:
    number = add(rq, "2026-11-02")
    path = record(rq, number)
    if drop is not None:
        key, rule = drop
        before = path.read_bytes()
        refused = log(
            rq,
            number,
            "答复",
            "2026-11-20",
            f"结果={result}",
            *[f for f in fields if not f.startswith(key + "=")],
        )
        assert refused.returncode == 1 and f"[{rule}]" in refused.stderr, refused.stderr
        assert path.read_bytes() == before  # nothing written
    done = log(rq, number, "答复", "2026-11-20", f"结果={result}", *fields)
    assert done.returncode == 0, done.stderr
    assert check_requests(rq) == []


def test_a_reason_of_another_outcome_is_refused(rq: Path) -> None:
    number = add(rq, "2026-11-02")
    done = log(rq, number, "答复", "2026-11-20", "结果=不予公开", "情形=重复申请", REASONS)
    assert done.returncode == 1 and "属于国家秘密" in done.stderr  # lists the allowed reasons


def test_an_unknown_outcome_is_refused_with_the_allowed_ones(rq: Path) -> None:
    number = add(rq, "2026-11-02")
    done = log(rq, number, "答复", "2026-11-20", "结果=同意")
    assert done.returncode == 1 and "予以公开、部分公开、不予公开" in done.stderr


def test_abandoned_after_a_correction_notice_needs_that_notice(rq: Path) -> None:
    number = add(rq, "2026-11-02")
    reason = "情形=申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
    assert log(rq, number, "答复", "2026-11-25", "结果=其他处理", reason, REASONS).returncode == 1
    assert log(rq, number, "补正告知", "2026-11-04", "补正内容=写明文号").returncode == 0
    assert log(rq, number, "答复", "2026-11-25", "结果=其他处理", reason, REASONS).returncode == 0


def test_a_reply_before_registration_and_an_event_before_receipt_are_refused(rq: Path) -> None:
    number = add(rq, "2026-11-02", "--registered", "2026-11-04")
    early = log(rq, number, "答复", "2026-11-03", "结果=予以公开")
    assert early.returncode == 1 and "[REQ-ORDER]" in early.stderr and "前一个事件" in early.stderr
    before = log(rq, number, "补正告知", "2026-11-01", "补正内容=写明文号")
    assert before.returncode == 1 and "早于收到申请的日期" in before.stderr


def test_an_event_in_the_future_is_refused(rq: Path) -> None:
    number = add(rq, "2026-11-02")
    done = log(rq, number, "答复", "2026-11-30", "结果=予以公开")
    assert done.returncode == 1 and "今天" in done.stderr


def test_a_fee_is_refused_unless_the_registry_enables_it(rq: Path) -> None:
    number = add(rq, "2026-11-02")
    notice = ("计费方式=按页", "数量=120", "金额=1100")
    done = log(rq, number, "收费通知", "2026-11-05", *notice)
    assert done.returncode == 1 and "[REQ-FEE]" in done.stderr and "收取信息处理费" in done.stderr
    enable_fees(rq)
    wrong = log(rq, number, "收费通知", "2026-11-05", "计费方式=按页", "数量=120", "金额=1000")
    assert wrong.returncode == 1 and "金额应为 1100 元" in wrong.stderr
    assert log(rq, number, "收费通知", "2026-11-05", *notice).returncode == 0
    shown = xxgk(rq, "request", "show", number)
    assert "待缴费" in shown.stdout


def enable_fees(root: Path) -> None:
    registry = root / "xxgk.yml"
    text = registry.read_text(encoding="utf-8")
    assert "收取信息处理费: false" in text
    registry.write_text(
        text.replace("收取信息处理费: false", "收取信息处理费: true"), encoding="utf-8"
    )


@pytest.mark.parametrize(
    ("nth", "yuan"), [(10, 0), (11, 100), (30, 100), (31, 200), (40, 200), (41, 300)]
)
def test_fee_by_count_follows_the_national_bands(nth: int, yuan: int) -> None:
    assert fee_by_count(nth) == yuan


@pytest.mark.parametrize(
    ("pages", "yuan"), [(30, 0), (31, 10), (100, 700), (101, 720), (200, 2700), (201, 2740)]
)
def test_fee_by_pages_charges_each_page_at_its_band(pages: int, yuan: int) -> None:
    assert fee_by_pages(pages) == yuan


def test_a_fee_by_count_must_match_the_applicants_requests_that_month(rq: Path) -> None:
    enable_fees(rq)
    numbers = [add(rq, f"2026-11-{day:02d}") for day in (2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 9)]
    other_month = add(rq, "2026-10-30")
    eleventh = numbers[-1]
    claimed = log(rq, eleventh, "收费通知", "2026-11-10", "计费方式=按件", "数量=12", "金额=100")
    assert claimed.returncode == 1 and "数量”应为 11" in claimed.stderr
    assert (
        log(
            rq, eleventh, "收费通知", "2026-11-10", "计费方式=按件", "数量=11", "金额=100"
        ).returncode
        == 0
    )
    assert check_requests(rq) == []
    free = log(rq, other_month, "收费通知", "2026-11-10", "计费方式=按件", "数量=11", "金额=100")
    assert free.returncode == 1 and "数量”应为 1" in free.stderr
