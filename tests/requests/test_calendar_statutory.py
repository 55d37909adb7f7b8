"""The statutory holidays of 《全国年节及纪念日放假办法》 in years without a notice (2027 on).

Lunar festivals and 清明 are computed; the computation is checked against the official days
that chinese-calendar carries for 2008–2026, and 2027 against the dates published in advance.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import chinese_calendar
import pytest
from rq_support import D, rq  # noqa: F401  (rq is a fixture)

from xxgk.model.statutory import qingming, statutory_days
from xxgk.model.workdays import MissingYear, WorkCalendar
from xxgk.requests.calendar_files import load_calendar

HOLIDAYS_2027 = {
    "2027-01-01": "元旦",
    "2027-02-05": "春节",
    "2027-02-06": "春节",
    "2027-02-07": "春节",
    "2027-02-08": "春节",
    "2027-04-05": "清明节",
    "2027-05-01": "劳动节",
    "2027-05-02": "劳动节",
    "2027-06-09": "端午节",
    "2027-09-15": "中秋节",
    "2027-10-01": "国庆节",
    "2027-10-02": "国庆节",
    "2027-10-03": "国庆节",
}


def test_the_thirteen_statutory_days_of_2027() -> None:
    days = statutory_days(2027)
    assert {d.isoformat(): name for d, name in days.items()} == HOLIDAYS_2027


@pytest.mark.parametrize("year", [2025, 2026])
def test_every_computed_day_was_a_day_off_in_the_official_calendar(year: int) -> None:
    # 2025 and 2026 follow the amended 办法 (国务院令第795号): all 13 days must be off
    for day, name in statutory_days(year).items():
        assert chinese_calendar.is_holiday(day), (day, name)


@pytest.mark.parametrize("year", range(2008, 2025))
def test_lunar_festivals_and_qingming_match_the_official_days_since_2008(year: int) -> None:
    # Before 2025 除夕 and 5月2日 were not statutory; 初一–初三, 清明, 端午, 中秋 were.
    days = [d for d, name in statutory_days(year).items() if name in ("清明节", "端午节", "中秋节")]
    days += [d for d, name in statutory_days(year).items() if name == "春节"][1:]
    assert len(days) == 6
    for day in days:
        assert chinese_calendar.is_holiday(day), day


def test_qingming_is_the_solar_term_not_a_fixed_date() -> None:
    assert [qingming(y).isoformat() for y in (2024, 2025, 2026, 2027, 2028)] == [
        "2024-04-04",
        "2025-04-04",
        "2026-04-05",
        "2027-04-05",
        "2028-04-04",
    ]


def test_a_provisional_count_in_2027_skips_the_spring_festival() -> None:
    # Thursday 2027-02-04 + 1: Friday 除夕 and Monday 初三 are off, the weekend between too
    result = WorkCalendar().add(D("2027-02-04"), 1, provisional=True)
    assert result.date == D("2027-02-09") and result.provisional
    assert "调休尚未公布" in result.note() and "calendar/2027.yml" in result.note()
    assert WorkCalendar().add(D("2027-09-30"), 1, provisional=True).date == D("2027-10-04")


def test_without_provisional_the_missing_year_is_still_an_error() -> None:
    with pytest.raises(MissingYear, match="calendar/2027.yml"):
        WorkCalendar().add(D("2027-02-04"), 1)


def test_the_notice_in_a_year_file_replaces_the_computed_days(rq: Path) -> None:
    (rq / "calendar").mkdir()
    (rq / "calendar" / "2027.yml").write_text(
        '年份: "2027"\n依据: 测试用的假想通知\n放假:\n'
        "  - {节日: 春节, 开始: 2027-02-05, 结束: 2027-02-12}\n"
        "调休上班: [2027-02-13]\n",
        encoding="utf-8",
    )
    calendar, problems = load_calendar(rq)
    assert problems == []
    result = calendar.add(D("2027-02-04"), 1)
    assert result.date == D("2027-02-13") and not result.provisional  # the 调休 Saturday
    assert calendar.is_workday(D("2027-04-05"))  # the file did not list 清明: the file wins


def test_years_beyond_the_lunar_tables_count_weekdays_and_stay_provisional() -> None:
    result = WorkCalendar().add(dt.date(2099, 12, 30), 3, provisional=True)
    assert result.provisional and result.date == dt.date(2100, 1, 4)
