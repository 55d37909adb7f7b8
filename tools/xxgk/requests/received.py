"""The day an online application is received (条例第三十一条), as this county decides it.

The regulation: an application over the internet is received on the day both sides confirm
it. The intake service confirms at once with a 受理编号, but the office works on working days
during office hours, so:

* submitted on a working day before the cut-off (政策.依申请公开.在线申请当日截止, Beijing
  time; ``Registry.settings.requests.online_cutoff``) → received that day;
* submitted after the cut-off, or on a weekend or a holiday → received on the next working
  day — a 调休 Saturday is a working day like any other.

Example: Friday 2026-11-27 10:00 → 2026-11-27; the same day at 18:30 → Monday 2026-11-30.
Beyond the years the calendar knows, the day is counted Monday–Friday and marked
provisional (``Result.provisional``), as every deadline is.
"""

from __future__ import annotations

import datetime as dt
import os
import re

from xxgk.model.dates import BEIJING
from xxgk.model.workdays import Result, WorkCalendar

__all__ = ["BEIJING", "beijing_now", "received_on"]
_STAMP = re.compile(r"^(\d{4}-\d{2}-\d{2}) ([01]\d|2[0-3]):([0-5]\d)$")


def received_on(moment: dt.datetime, cal: WorkCalendar, cutoff: dt.time) -> Result:
    """The receiving day of a submission made at ``moment`` (Beijing time)."""
    local = moment.astimezone(BEIJING) if moment.tzinfo else moment
    # The first working day on or after the day (before the cut-off) or after it (from it on).
    after = local.date() if local.time() >= cutoff else local.date() - dt.timedelta(days=1)
    return cal.add(after, 1, provisional=True)


def beijing_now() -> dt.datetime:
    """Now in Beijing; ``$XXGK_NOW`` ("yyyy-mm-dd HH:MM", Beijing time) fixes it for tests."""
    m = _STAMP.match(os.environ.get("XXGK_NOW", ""))
    if m:
        day = dt.date.fromisoformat(m[1])
        return dt.datetime(day.year, day.month, day.day, int(m[2]), int(m[3]), tzinfo=BEIJING)
    return dt.datetime.now(BEIJING)
