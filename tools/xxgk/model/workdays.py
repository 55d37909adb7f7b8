"""Working days in China: weekends, official holidays and 调休 working weekends.

Periods in days are counted from the day after the starting day (civil-law convention):
``add(2025-09-30, 15)`` is the 15th working day after 30 September, i.e. 2025-10-28.

Where the data comes from, in order:

1. a year file of the repository (``calendar/2027.yml``), naming the State Council notice it
   copies — it wins over the package so that a wrong built-in day can be corrected;
2. ``chinese-calendar`` for 2004–2026;
3. nothing: asking about such a day raises :class:`MissingYear`, whose message names the file
   to add. ``add(..., provisional=True)`` instead counts Monday–Friday less the statutory days
   of 《全国年节及纪念日放假办法》 (``model/statutory.py``: 元旦, 春节, 清明, 劳动节, 端午, 中秋, 国庆,
   the lunar ones computed) and marks the result provisional: only the notice's 调休 working
   weekends and 补假 are unknown, so a report never stops and never looks more certain than it is.

No I/O here: the year files are parsed by ``parse_year`` from already-loaded YAML data.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Container, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import chinese_calendar

from xxgk.model.dates import parse_date
from xxgk.model.statutory import statutory_days

CALENDAR_DIR = "calendar"
BUILTIN_YEARS = range(2004, 2027)  # what chinese-calendar 1.11.0 knows
_BUILTIN_HOLIDAYS: frozenset[dt.date] = frozenset(chinese_calendar.holidays)
_BUILTIN_WORKDAYS: frozenset[dt.date] = frozenset(chinese_calendar.workdays)
_ONE = dt.timedelta(days=1)
_LIMIT = 3660  # days: no lawful period is longer than ten years


def year_file(year: int) -> str:
    return f"{CALENDAR_DIR}/{year}.yml"


class MissingYear(Exception):
    """No holiday data for a year: says which file to add."""

    def __init__(self, year: int) -> None:
        self.year = year
        super().__init__(
            f"没有 {year} 年的节假日数据：请按国务院办公厅关于{year}年部分节假日安排的通知"
            f"新增 {year_file(year)}（格式见 {CALENDAR_DIR}/README.md）"
        )


@dataclass(frozen=True)
class YearData:
    """One year's official arrangement: days off that fall on weekdays and 调休 working weekends."""

    year: int
    source: (
        str  # the notice, e.g. 国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕N号）
    )
    holidays: frozenset[dt.date] = frozenset()
    workdays: frozenset[dt.date] = frozenset()


@dataclass(frozen=True)
class Result:
    """A date reached by counting working days; ``provisional`` names the years guessed."""

    date: dt.date
    missing_years: tuple[int, ...] = ()

    @property
    def provisional(self) -> bool:
        return bool(self.missing_years)

    def note(self) -> str:
        if not self.missing_years:
            return ""
        files = "、".join(year_file(y) for y in self.missing_years)
        return f"暂定：缺少 {files}，已除去法定节假日，调休尚未公布"

    def marked(self) -> str:
        """The date as every command shows it: ``2027-02-10（暂定：…）`` when provisional."""
        return self.date.isoformat() + (f"（{self.note()}）" if self.provisional else "")


@dataclass
class WorkCalendar:
    years: Mapping[int, YearData] = field(default_factory=dict)
    builtin: bool = True

    def covers(self, year: int) -> bool:
        return year in self.years or (self.builtin and year in BUILTIN_YEARS)

    @functools.cached_property
    def _declared(self) -> tuple[frozenset[dt.date], frozenset[dt.date]]:
        """Every day off and every working weekend of every year file, whatever year the
        day is in: a notice lists days of the next or the previous year too (the 2019
        notice: 2018-12-29 worked, 2018-12-31 off)."""
        off = frozenset(d for y in self.years.values() for d in y.holidays)
        on = frozenset(d for y in self.years.values() for d in y.workdays)
        return off, on

    def is_workday(self, day: dt.date) -> bool:
        """True on a working day; raises MissingYear when the year is not known."""
        off, on = self._declared
        if day.year in self.years:
            return day in on or (day.weekday() < 5 and day not in off)
        if self.builtin and day.year in BUILTIN_YEARS:
            # the package's own tables: its is_workday() re-validates the range on every call
            if day in _BUILTIN_WORKDAYS or day in on:
                return True
            return day.weekday() < 5 and day not in _BUILTIN_HOLIDAYS and day not in off
        raise MissingYear(day.year)

    def _guess(self, day: dt.date, missing: set[int]) -> bool:
        try:
            return self.is_workday(day)
        except MissingYear:
            missing.add(day.year)
            off, on = self._declared
            if day in on or day in off:  # a neighbouring year's notice knows this day
                return day in on
            return day.weekday() < 5 and day not in _statutory(day.year)

    def add(
        self, start: dt.date, n: int, skip: Container[dt.date] = (), provisional: bool = False
    ) -> Result:
        """The ``n``-th working day after ``start``, not counting the days in ``skip``.

        ``n == 0`` gives ``start`` itself (an answer on the spot).
        """
        missing: set[int] = set()
        day, left = start, n
        for _ in range(_LIMIT):
            if left <= 0:
                return Result(day, tuple(sorted(missing)))
            day += _ONE
            works = self._guess(day, missing) if provisional else self.is_workday(day)
            if works and day not in skip:
                left -= 1
        raise ValueError(f"{n} 个工作日超出可计算的范围")

    def count(
        self, start: dt.date, end: dt.date, skip: Container[dt.date] = (), provisional: bool = True
    ) -> int:
        """Working days in (start, end]: how many have passed since ``start``."""
        missing: set[int] = set()
        days, day = 0, start
        while day < end:
            day += _ONE
            works = self._guess(day, missing) if provisional else self.is_workday(day)
            if works and day not in skip:
                days += 1
        return days


@functools.cache
def _statutory(year: int) -> frozenset[dt.date]:
    try:
        return frozenset(statutory_days(year))
    except ValueError:  # beyond the lunar tables: weekdays only, still provisional
        return frozenset()


def parse_year(
    data: Any, year: int
) -> tuple[YearData | None, list[tuple[tuple[str | int, ...], str]]]:
    """A year file (already loaded as text values) -> YearData, or (path, message) problems."""
    errors: list[tuple[tuple[str | int, ...], str]] = []
    if not isinstance(data, dict):
        return None, [((), "文件应由“字段名: 值”组成")]
    if str(data.get("年份")) != str(year):
        errors.append((("年份",), f"“年份”应为 {year}（与文件名一致）"))
    source = data.get("依据")
    if not isinstance(source, str) or "通知" not in source:
        errors.append((("依据",), "“依据”应写明国务院办公厅通知的全称和文号"))
    holidays: set[dt.date] = set()
    for i, item in enumerate(data.get("放假") or []):
        span = _span(item, year)
        if span is None:
            errors.append(
                (("放假", i), "每项应有“节日”“开始”“结束”，日期写成 yyyy-mm-dd，开始不晚于结束")
            )
        else:
            holidays.update(span)
    workdays: set[dt.date] = set()
    for i, text in enumerate(data.get("调休上班") or []):
        day = parse_date(text)
        if day is None or day.weekday() < 5:
            errors.append((("调休上班", i), f"“{text}”应为 yyyy-mm-dd 格式的星期六或星期日"))
        else:
            workdays.add(day)
    if holidays & workdays:
        errors.append((("调休上班",), "同一天不能既放假又上班"))
    if errors:
        return None, errors
    return YearData(year, str(source), frozenset(holidays), frozenset(workdays)), []


def _span(item: Any, year: int) -> list[dt.date] | None:
    if not isinstance(item, dict) or not item.get("节日"):
        return None
    first, last = parse_date(item.get("开始")), parse_date(item.get("结束"))
    if first is None or last is None or last < first or abs(first.year - year) > 1:
        return None
    return [first + dt.timedelta(days=k) for k in range((last - first).days + 1)]


def calendar_of(years: Iterable[YearData]) -> WorkCalendar:
    return WorkCalendar({y.year: y for y in years})
