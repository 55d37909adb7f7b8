"""SCAN-LANDLINE — 固定电话（区号 0 开头 3–4 位 + 7–8 位号码，可有括号、空格、连字符）。

发现：``0477-7621234``、``(0477)7621234``、``０４７７－７６２１２３４``。
xxgk.yml“公开工作机构”里登记的电话、传真是公开的，不报告。
不算：日期 ``2018-11-05``、索引号 ``000014349/2018-01705``、没有区号的 7 位数。
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from xxgk.scan.text import Span

RULE = "SCAN-LANDLINE"
NAME = "固定电话号码"
_LANDLINE = re.compile(r"0[1-9][0-9]{1,2}[2-9][0-9]{6,7}")
_BRACKETED = re.compile(r"[(（]\s*(0[1-9][0-9]{1,2})\s*[)）]\s*([2-9][0-9]{6,7})(?![0-9])")


def find(folded: str, spans: list[Span]) -> Iterator[tuple[int, int, str, str]]:
    for span in spans:
        if 10 <= len(span.digits) <= 12 and _LANDLINE.fullmatch(span.digits):
            yield span.start, span.end, span.digits, span.digits
    for m in _BRACKETED.finditer(folded):
        value = m.group(1) + m.group(2)
        yield m.start(), m.end(), value, value
