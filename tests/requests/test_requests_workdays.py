"""Working days: weekends, holidays, 调休 Saturdays, and years the package does not know."""

from __future__ import annotations

from pathlib import Path

import pytest
from rq_support import D, rq, xxgk, xxgk_proc  # noqa: F401  (rq is a fixture)

from xxgk.model.workdays import MissingYear, WorkCalendar
from xxgk.requests.calendar_files import load_calendar

YEAR_2027 = """# 测试用的假想安排，不是真实通知
年份: "2027"
依据: 测试用假想通知（非真实）
放假:
  - {节日: 元旦, 开始: 2027-01-01, 结束: 2027-01-03}
调休上班: [2027-01-09]
"""


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        ("2025-09-30", 15, "2025-10-28"),  # 国庆+中秋 2025, with Saturday 10-11 a working day
        ("2018-09-20", 15, "2018-10-17"),  # 中秋 2018 and 国庆 with 调休 Saturday 09-29
        ("2026-02-10", 15, "2026-03-09"),  # 春节 2026-02-15..23, Saturdays 02-14 and 02-28 worked
        ("2025-09-30", 0, "2025-09-30"),  # on the spot
        ("2025-10-10", 1, "2025-10-11"),  # a 调休 Saturday counts
    ],
)
def test_working_days_count_from_the_next_day(start: str, n: int, expected: str) -> None:
    assert WorkCalendar().add(D(start), n).date == D(expected)


def test_a_year_without_data_names_the_file_to_add() -> None:
    with pytest.raises(MissingYear, match="calendar/2027.yml"):
        WorkCalendar().add(D("2026-12-20"), 15)


def test_a_year_without_data_can_be_counted_provisionally_and_says_so() -> None:
    result = WorkCalendar().add(D("2026-12-20"), 15, provisional=True)
    assert result.date == D("2027-01-11")  # Monday–Friday less 元旦 (Friday 2027-01-01)
    assert result.provisional and "calendar/2027.yml" in result.note()
    assert not WorkCalendar().add(D("2026-12-01"), 5, provisional=True).provisional


def test_a_year_file_in_the_repository_is_used_across_the_new_year(rq: Path) -> None:
    (rq / "calendar").mkdir()
    (rq / "calendar" / "2027.yml").write_text(YEAR_2027, encoding="utf-8")
    calendar, problems = load_calendar(rq)
    assert problems == []
    result = calendar.add(D("2026-12-20"), 15)
    assert result.date == D("2027-01-09") and not result.provisional
    done = xxgk(rq, "workdays", "add", "2026-12-20", "15")
    assert (done.returncode, done.stdout) == (0, "2027-01-09\n")


def test_workdays_command_prints_only_the_date(rq: Path) -> None:
    done = xxgk_proc(rq, "workdays", "add", "2025-09-30", "15")
    assert (done.returncode, done.stdout, done.stderr) == (0, "2025-10-28\n", "")


def test_workdays_command_without_the_year_file_exits_2_naming_it(rq: Path) -> None:
    done = xxgk(rq, "workdays", "add", "2026-12-20", "15")
    assert done.returncode == 2 and done.stdout == ""
    assert "calendar/2027.yml" in done.stderr and "Traceback" not in done.stderr
    done = xxgk(rq, "workdays", "add", "2026-12-20", "15", "--provisional")
    assert done.returncode == 0 and done.stdout == "2027-01-11\n" and "暂定" in done.stderr


@pytest.mark.parametrize(
    ("args", "says"), [(("2026-13-01", "3"), "yyyy-mm-dd"), (("2026-01-05", "-3"), "非负整数")]
)
def test_workdays_command_rejects_bad_input_in_chinese(
    rq: Path, args: tuple[str, str], says: str
) -> None:
    done = xxgk(rq, "workdays", "add", *args)
    assert done.returncode == 2 and says in done.stderr and "Traceback" not in done.stderr


def test_a_broken_year_file_is_reported_with_its_line_and_never_guessed(rq: Path) -> None:
    (rq / "calendar").mkdir()
    bad = YEAR_2027.replace("调休上班: [2027-01-09]", "调休上班: [2027-01-11]")  # a Monday
    (rq / "calendar" / "2027.yml").write_text(bad, encoding="utf-8")
    calendar, problems = load_calendar(rq)
    assert [(p.path, p.line, p.rule) for p in problems] == [("calendar/2027.yml", 6, "CAL-YEAR")]
    assert not calendar.covers(2027)
    done = xxgk(rq, "workdays", "add", "2026-12-20", "15")
    assert done.returncode == 2 and "calendar/2027.yml:6" in done.stderr


def test_the_fast_lookup_agrees_with_chinese_calendar_on_every_day_it_knows() -> None:
    import datetime as dt

    import chinese_calendar

    calendar, day = WorkCalendar(), dt.date(2004, 1, 1)
    while day.year < 2027:
        assert calendar.is_workday(day) == chinese_calendar.is_workday(day), day
        day += dt.timedelta(days=1)
