"""Dates as the seed writes them: yyyy-mm-dd text (附件1 二(二)4)."""

from __future__ import annotations

import datetime as dt
import os
import re

_ISO = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")  # ASCII digits, whole text
# The county keeps Beijing time (UTC+8, no daylight saving since 1991) whatever the machine's
# zone: a fixed offset needs no time-zone database on the host.
BEIJING = dt.timezone(dt.timedelta(hours=8), "北京时间")


def parse_date(text: object) -> dt.date | None:
    """The date written as yyyy-mm-dd, or None when it is not a real calendar date."""
    if not isinstance(text, str):
        return None
    m = _ISO.fullmatch(text)
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


class BadToday(ValueError):
    """$XXGK_TODAY is set but is not a date: never fall back to the clock silently."""


def today() -> dt.date:
    """Today in Beijing, or $XXGK_TODAY (yyyy-mm-dd) so that runs and tests can be reproduced."""
    given = os.environ.get("XXGK_TODAY", "")
    if not given:
        return dt.datetime.now(BEIJING).date()
    fixed = parse_date(given)
    if fixed is None:
        raise BadToday(
            f"环境变量 XXGK_TODAY 应写作 yyyy-mm-dd 的真实日期，现为“{given}”；"
            "不设置时按北京时间的今天计算"
        )
    return fixed
