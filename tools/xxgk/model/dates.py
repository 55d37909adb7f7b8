"""Dates as the seed writes them: yyyy-mm-dd text (附件1 二(二)4)."""

from __future__ import annotations

import datetime as dt
import os
import re

_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
# The county keeps Beijing time (UTC+8, no daylight saving since 1991) whatever the machine's
# zone: a fixed offset needs no time-zone database on the host.
BEIJING = dt.timezone(dt.timedelta(hours=8), "北京时间")


def parse_date(text: object) -> dt.date | None:
    """The date written as yyyy-mm-dd, or None when it is not a real calendar date."""
    if not isinstance(text, str):
        return None
    m = _ISO.match(text)
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def today() -> dt.date:
    """Today in Beijing, or $XXGK_TODAY (yyyy-mm-dd) so that runs and tests can be reproduced."""
    fixed = parse_date(os.environ.get("XXGK_TODAY", ""))
    return fixed or dt.datetime.now(BEIJING).date()
