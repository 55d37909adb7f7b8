"""SCAN-ID-CARD — 公民身份号码（GB 11643：17 位数字 + 校验码，校验码可为 X）。

发现：``身份证号150623198001011234``（校验码正确，紧挨汉字也算），``150623 19800101 1234``、
全角数字、前置元数据里的数字、HTML 注释里的号码。
不算：校验码不对的 18 位数字、出生日期不存在的号码、统一社会信用代码。
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from xxgk.scan.text import Span, mask

RULE = "SCAN-ID-CARD"
NAME = "公民身份号码"
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"


def valid(number: str) -> bool:
    if len(number) != 18 or not number[:17].isdigit() or number[0] not in "123456789":
        return False
    total = sum(int(d) * w for d, w in zip(number[:17], _WEIGHTS))
    if _CHECK[total % 11] != number[17]:
        return False
    try:
        dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    return 1900 <= int(number[6:10]) <= 2100


def find(folded: str, spans: list[Span]) -> Iterator[tuple[int, int, str, str]]:
    for span in spans:
        if valid(span.digits):
            yield span.start, span.end, span.digits, mask(span.digits)
