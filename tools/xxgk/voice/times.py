"""Times of day in records: ``yyyy-mm-dd HH:MM`` text in Beijing time, whatever the zone of
the machine that runs the command (a CI runner in UTC, a laptop set to another zone).

Response deadlines are counted in hours from the moment an opinion is detected,
straight through nights, weekends and holidays (国办发〔2016〕61号 speaks of hours), so
plain ``datetime`` arithmetic without a working-day calendar is the rule, not a shortcut.
"""

from __future__ import annotations

import datetime as dt
import os
import re

from xxgk.model.dates import BEIJING, parse_date, today

_STAMP = re.compile(r"^(\d{4}-\d{2}-\d{2}) ([01]\d|2[0-3]):([0-5]\d)$")
FORMAT = "%Y-%m-%d %H:%M"


def parse_stamp(text: object) -> dt.datetime | None:
    """``2026-03-14 09:20`` → datetime; None for anything else (no seconds, no zones)."""
    if not isinstance(text, str):
        return None
    m = _STAMP.match(text)
    day = parse_date(m[1]) if m else None
    if m is None or day is None:
        return None
    return dt.datetime(day.year, day.month, day.day, int(m[2]), int(m[3]))


def show(moment: dt.datetime) -> str:
    return moment.strftime(FORMAT)


def now() -> dt.datetime:
    """$XXGK_NOW, else the end of $XXGK_TODAY's day when only that is set, else the clock
    read in Beijing time (naive, like the stamps in the records).

    Reproducible runs and tests set one of the two; a fixed day alone means "as of that
    day's end" so that everything due that day counts as due.
    """
    fixed = parse_stamp(os.environ.get("XXGK_NOW", ""))
    if fixed:
        return fixed
    if os.environ.get("XXGK_TODAY"):
        day = today()
        return dt.datetime(day.year, day.month, day.day, 23, 59)
    return dt.datetime.now(BEIJING).replace(tzinfo=None, second=0, microsecond=0)


def hours_between(start: dt.datetime, end: dt.datetime) -> float:
    return (end - start).total_seconds() / 3600
