"""SCAN-ID-CARD — 公民身份号码（GB 11643：17 位数字 + 校验码，校验码可为 X），以及第一代居民身份证的
15 位号码（6 位地址码 + 6 位出生日期 YYMMDD + 3 位顺序码，没有校验码）。

发现：``身份证号150623198001011234``（校验码正确，紧挨汉字也算），``150623 19800101 1234``、
全角数字、前置元数据里的数字、HTML 注释里的号码；``150623800101123``（地址码的省级代码存在、
19YY 年的出生日期真实存在）。
不算：校验码不对的 18 位数字、出生日期不存在的号码、统一社会信用代码；省级代码不存在或日期不成立的
15 位数字（如 ``123456789012345``、旧的 15 位工商注册号 ``150623000012345``）。
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from xxgk.scan.text import Span, mask

RULE = "SCAN-ID-CARD"
NAME = "公民身份号码"
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"
# 省级行政区划代码 (GB/T 2260) of the mainland, where first-generation cards were issued
_PROVINCES = frozenset(
    {
        "11",
        "12",
        "13",
        "14",
        "15",
        "21",
        "22",
        "23",
        "31",
        "32",
        "33",
        "34",
        "35",
        "36",
        "37",
        "41",
        "42",
        "43",
        "44",
        "45",
        "46",
        "50",
        "51",
        "52",
        "53",
        "54",
        "61",
        "62",
        "63",
        "64",
        "65",
    }
)


def valid(number: str) -> bool:
    if len(number) != 18 or not number[:17].isdigit() or number[0] not in "123456789":
        return False
    if not 1900 <= int(number[6:10]) <= 2100:  # the cheapest test first: pages of figures fail it
        return False
    try:
        dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    total = sum(int(d) * w for d, w in zip(number[:17], _WEIGHTS))
    return _CHECK[total % 11] == number[17]


def valid_15(number: str) -> bool:
    """A first-generation (15-digit) number: a province that exists and a real 19YY birth date."""
    if len(number) != 15 or not number.isdigit() or number[:2] not in _PROVINCES:
        return False
    try:
        dt.date(1900 + int(number[6:8]), int(number[8:10]), int(number[10:12]))
    except ValueError:
        return False
    return True


def find(folded: str, spans: list[Span]) -> Iterator[tuple[int, int, str, str]]:
    for span in spans:
        if valid(span.digits) or valid_15(span.digits):
            yield span.start, span.end, span.digits, mask(span.digits)
