"""Figures of the tables quoted in the staff's text, so that the text and the tables cannot disagree.

In 正文.md staff write ``{{表三:一:总计}}`` where the number of new requests goes; the report
puts the table's value there. References:

* ``{{表二:规章|行政规范性文件:本年制发件数|本年废止件数|现行有效件数}}``
* ``{{表二:行政许可|行政处罚|行政强制|行政事业性收费}}``
* ``{{表三:<行次，如 一、二、三（一）、三（三）2、三（七）、四>:<列，如 自然人、总计>}}``
* ``{{表四:行政复议|未经复议直接起诉|复议后起诉:结果维持|…|总计}}``
"""

from __future__ import annotations

import re
from collections.abc import Callable

from xxgk.reports.tables import (
    COLUMNS_3,
    DOC_COLUMNS,
    DOC_KINDS,
    GROUPS_4,
    OUTCOME_COLUMNS_4,
    TableFour,
    TableThree,
    TableTwo,
    rows_3,
)

PLACEHOLDER = re.compile(
    r"\{\{\s*(表[二三四])\s*[:：]\s*([^}:：]+?)\s*(?:[:：]\s*([^}]+?)\s*)?\}\}"
)


class UnknownFigure(Exception):
    """The reference names no cell of the table; the message says what exists."""


def _two(t: TableTwo, a: str, b: str | None) -> str:
    if a in DOC_KINDS and b in DOC_COLUMNS:
        return str(t.documents[(a, b)])
    if a in t.decisions and b is None:
        return str(t.decisions[a])
    if a == "行政事业性收费" and b is None:
        return format(t.fees, "f")
    raise UnknownFigure(
        f"表二没有“{a}{':' + b if b else ''}”：可写 {'、'.join(DOC_KINDS)} 加列名"
        f"（{'、'.join(DOC_COLUMNS)}），或 行政许可、行政处罚、行政强制、行政事业性收费"
    )


def _three(t: TableThree, a: str, b: str | None) -> str:
    rows = {r.id for r in rows_3() if r.counted} | {"三（七）"}
    if a in rows and b in COLUMNS_3:
        return str(t.get(a, b))
    raise UnknownFigure(
        f"表三没有“{a}:{b}”：行次如 一、二、三（一）、三（三）2、三（七）、四，"
        f"列为 {'、'.join(COLUMNS_3)}"
    )


def _four(t: TableFour, a: str, b: str | None) -> str:
    if a in {sub for _, sub in GROUPS_4} and b in OUTCOME_COLUMNS_4:
        return str(t.get(a, b))
    raise UnknownFigure(
        f"表四没有“{a}:{b}”：组为 行政复议、未经复议直接起诉、复议后起诉，"
        f"列为 {'、'.join(OUTCOME_COLUMNS_4)}"
    )


def fill(
    text: str, two: TableTwo, three: TableThree, four: TableFour
) -> tuple[str, list[tuple[str, str]]]:
    """The text with every reference replaced, and (reference, why) for those that name nothing."""
    bad: list[tuple[str, str]] = []
    lookup: dict[str, Callable[[str, str | None], str]] = {
        "表二": lambda a, b: _two(two, a, b),
        "表三": lambda a, b: _three(three, a, b),
        "表四": lambda a, b: _four(four, a, b),
    }

    def one(m: re.Match[str]) -> str:
        try:
            return lookup[m[1]](m[2], m[3])
        except UnknownFigure as exc:
            bad.append((m[0], str(exc)))
            return m[0]

    return PLACEHOLDER.sub(one, text), bad
