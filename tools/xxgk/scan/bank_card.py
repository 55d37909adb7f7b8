"""SCAN-BANK-CARD — 银行卡号（16–19 位，首位 3–6，通过 Luhn 校验）。

发现：``6222 0212 3456 7890 128``（可用空格或连字符分组，紧挨汉字也算）。
不算：Luhn 校验不通过的长数字、公民身份号码、统计表里的金额。
"""

from __future__ import annotations

from collections.abc import Iterator

from xxgk.scan import id_card
from xxgk.scan.text import Span, mask

RULE = "SCAN-BANK-CARD"
NAME = "银行卡号"


def luhn(number: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(number)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def find(folded: str, spans: list[Span]) -> Iterator[tuple[int, int, str, str]]:
    for span in spans:
        d = span.digits
        if (
            16 <= len(d) <= 19
            and d.isdigit()
            and d[0] in "3456"
            and luhn(d)
            and not id_card.valid(d)
        ):
            yield span.start, span.end, d, mask(d)
