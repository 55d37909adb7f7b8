"""Re-review (附件4 第十五条): reviews older than the period in xxgk.yml, and 不公开 decisions.

A published entry is due when its newest counting review is older than
政策.保密审查复查周期月数; a 不予公开 (or 公开属性 不公开) decision is due for
re-examination when the same period has passed and no newer review of that entry exists.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from xxgk.trust.index import RecordIndex
from xxgk.trust.model import Review


def add_months(day: dt.date, months: int) -> dt.date:
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Due:
    kind: str  # 复查 | 不公开复查
    review: Review
    due: dt.date

    def message(self) -> str:
        r = self.review
        if self.kind == "复查":
            return (
                f"“{r.title}”（{r.index_no}）上次保密审查为 {r.date}，已于 {self.due} 到复查期，"
                "请会同业务、保密、法制机构复查公开属性（附件4 第十五条）"
            )
        return (
            f"“{r.title}”（{r.index_no}）于 {r.date} 审查结论为“{r.conclusion}”（公开属性 {r.attribute}），"
            f"已于 {self.due} 到复查期：不予公开的情形是否仍然存在（附件4 第十五条）"
        )


def newest(reviews: list[Review]) -> Review | None:
    dated = [r for r in reviews if r.date is not None]
    return max(dated, key=lambda r: (r.date, r.rel)) if dated else None


def withheld(review: Review) -> bool:
    return review.conclusion == "不予公开" or review.attribute == "不公开"


def due_withheld(idx: RecordIndex, months: int, today: dt.date) -> list[Due]:
    out = []
    for reviews in idx.by_index.values():
        last = newest(reviews)
        if last is not None and last.date is not None and withheld(last):
            when = add_months(last.date, months)
            if when <= today:
                out.append(Due("不公开复查", last, when))
    return out


def due_published(valid_reviews: list[list[Review]], months: int, today: dt.date) -> list[Due]:
    """``valid_reviews``: for each published entry, the reviews that cover its current version."""
    out = []
    for reviews in valid_reviews:
        last = newest(reviews)
        if last is not None and last.date is not None:
            when = add_months(last.date, months)
            if when <= today:
                out.append(Due("复查", last, when))
    return out
