"""The national information-processing fee (条例第四十二条, 国办函〔2020〕109号).

Two methods, one per request: by count (按件: the applicant's n-th request in a calendar
month) or by volume (按页: pages of one request, charged by the band each page falls in).
Charged only where the registry enables it (政策.依申请公开.收取信息处理费).

Ranking by count needs to know who asked: a record whose applicant is sealed is recognised by
its 标识 (``sealed.applicant_tag``, written by ``xxgk request inbox`` and by ``request add
--identity``); without one its count cannot be checked and is not.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from xxgk.requests.model import FEE_NOTICE, Event, Request, is_sealed

BY_COUNT = "按件"
BY_PAGES = "按页"
METHODS = (BY_COUNT, BY_PAGES)

# (first page of the band, yuan per page); pages 1-30 are free.
_PAGE_BANDS = ((31, 10), (101, 20), (201, 40))


def fee_by_count(nth: int) -> int:
    """Yuan for the applicant's ``nth`` request this month: 10 free, 11-30 at 100, then +100 per 10."""
    if nth <= 10:
        return 0
    if nth <= 30:
        return 100
    return 100 + 100 * ((nth - 31) // 10 + 1)


def fee_by_pages(pages: int) -> int:
    """Yuan for ``pages`` pages: each page at the rate of the band it falls in."""
    total = 0
    for i, (first, rate) in enumerate(_PAGE_BANDS):
        last = _PAGE_BANDS[i + 1][0] - 1 if i + 1 < len(_PAGE_BANDS) else pages
        if pages >= first:
            total += (min(pages, last) - first + 1) * rate
    return total


def fee(method: str, quantity: int) -> int | None:
    if method == BY_COUNT:
        return fee_by_count(quantity)
    if method == BY_PAGES:
        return fee_by_pages(quantity)
    return None


def applicant_key(person: dict[str, Any]) -> str | None:
    """Who asked: the keyed 标识 when written, else the ID or credit code, otherwise type and
    name; None when that is sealed (a sealed text differs in every record: who it is is unknown)."""
    if person.get("标识"):
        return f"标识:{person['标识']}"
    for key in ("证件号码", "统一社会信用代码"):
        if person.get(key):
            value = str(person[key]).strip()
            return None if is_sealed(value) else f"{key}:{value.upper()}"
    name = str(person.get("姓名") or person.get("名称") or "")
    return None if is_sealed(name) else f"{person.get('类型')}:{name}"


def count_mismatches(requests: Iterable[Request]) -> list[tuple[Request, Event, int]]:
    """按件 fee notices whose 数量 is not the applicant's real rank among their requests that month."""
    months: dict[tuple[str, int, int], list[Request]] = {}
    for req in requests:
        who = applicant_key(req.data.get("申请人") or {})
        if req.received is not None and who is not None:  # an unknown applicant cannot be ranked
            months.setdefault((who, req.received.year, req.received.month), []).append(req)
    found: list[tuple[Request, Event, int]] = []
    for group in months.values():
        group.sort(key=lambda r: (r.received, r.number))
        for rank, req in enumerate(group, 1):
            for ev in req.all(FEE_NOTICE):
                if ev.get("计费方式") == BY_COUNT and ev.int("数量") != rank:
                    found.append((req, ev, rank))
    return found
