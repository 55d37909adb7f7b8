"""The statutory holidays of 《全国年节及纪念日放假办法》 for any year, computed.

As amended by 国务院令第795号 (in force 2025-01-01) the whole nation has 13 days off:
元旦 1 (1月1日), 春节 4 (农历除夕、正月初一至初三), 清明节 1 (清明节气当日), 劳动节 2 (5月1日、2日),
端午节 1 (农历五月初五), 中秋节 1 (农历八月十五), 国庆节 3 (10月1日至3日).

These days are fixed by the 办法 itself; what the State Council's yearly notice adds — 调休
working weekends, and which weekday makes up a holiday that falls on a weekend (补假, 办法
第六条) — cannot be computed and stays provisional until the notice is copied into
``calendar/<year>.yml``.

Lunar dates and the 清明 solar term come from ``lunar-python`` (astronomical computation,
1900–2100); the tests compare them with ``chinese-calendar``'s official days for 2008–2026.
"""

from __future__ import annotations

import datetime as dt

from lunar_python import Lunar

FIRST_YEAR = 2025  # the 795号令 version: 除夕 and 5月2日 became days off


def _solar(year: int, month: int, day: int) -> dt.date:
    solar = Lunar.fromYmd(year, month, day).getSolar()
    return dt.date(solar.getYear(), solar.getMonth(), solar.getDay())


def qingming(year: int) -> dt.date:
    """The day of the 清明 solar term in the Gregorian ``year``."""
    term = Lunar.fromYmd(year, 1, 1).getJieQiTable()["清明"]
    return dt.date(term.getYear(), term.getMonth(), term.getDay())


def statutory_days(year: int) -> dict[dt.date, str]:
    """Every statutory day off of ``year`` with the festival's name (2025 rules)."""
    if not 1901 <= year <= 2099:
        raise ValueError(f"{year} 年超出农历换算的范围（1901—2099）")
    new_year = _solar(year, 1, 1)
    days: dict[dt.date, str] = {dt.date(year, 1, 1): "元旦"}
    for k in range(-1, 3):  # 除夕 (the day before 正月初一) to 初三
        days[new_year + dt.timedelta(days=k)] = "春节"
    days[qingming(year)] = "清明节"
    days[dt.date(year, 5, 1)] = days[dt.date(year, 5, 2)] = "劳动节"
    days[_solar(year, 5, 5)] = "端午节"
    days[_solar(year, 8, 15)] = "中秋节"
    for d in (1, 2, 3):
        days.setdefault(dt.date(year, 10, d), "国庆节")
    return days
