"""The received day of an online application (条例第三十一条 as this county decides it) and the
deadline the receipt promises, which ``xxgk request show`` must give again."""

from __future__ import annotations

import datetime as dt

import pytest

from xxgk.model.workdays import WorkCalendar
from xxgk.requests.received import BEIJING, received_on

CAL = WorkCalendar()
SIX = dt.time(18, 0)


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=BEIJING)


@pytest.mark.parametrize(
    ("moment", "day"),
    [
        ("2026-11-27 10:00", "2026-11-27"),  # Friday, working hours
        ("2026-11-27 07:30", "2026-11-27"),  # before the office opens: still that day
        ("2026-11-27 17:59", "2026-11-27"),
        ("2026-11-27 18:00", "2026-11-30"),  # at the cut-off: the next working day, Monday
        ("2026-11-28 10:00", "2026-11-30"),  # Saturday
        ("2026-11-29 23:59", "2026-11-30"),  # Sunday
        (
            "2026-09-30 19:00",
            "2026-10-08",
        ),  # after hours before National Day: the holiday is skipped
        ("2026-10-03 09:00", "2026-10-08"),  # during the holiday
        ("2026-10-09 20:00", "2026-10-10"),  # Friday evening: Saturday 10-10 is a 调休 working day
        ("2026-10-10 09:00", "2026-10-10"),  # on that working Saturday
    ],
)
def test_received_day_follows_working_days_hours_and_tiaoxiu(moment: str, day: str) -> None:
    result = received_on(at(moment), CAL, SIX)
    assert result.date.isoformat() == day and not result.provisional


def test_a_moment_in_another_zone_is_counted_in_beijing_time() -> None:
    utc = dt.datetime(2026, 11, 27, 9, 30, tzinfo=dt.UTC)  # 17:30 in Beijing
    assert received_on(utc, CAL, SIX).date == dt.date(2026, 11, 27)
    assert received_on(utc + dt.timedelta(hours=1), CAL, SIX).date == dt.date(2026, 11, 30)


def test_beyond_the_known_years_the_day_is_marked_provisional() -> None:
    result = received_on(at("2026-12-31 19:00"), CAL, SIX)
    assert result.provisional and "calendar/2027.yml" in result.note()
