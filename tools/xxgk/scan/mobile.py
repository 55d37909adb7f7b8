"""SCAN-MOBILE — 手机号码（11 位，1[3-9] 开头，可带 +86）。

发现：``电话13812345678``、``138-1234-5678``、``+86 138 1234 5678``、全角数字。
不算：更长数字中间的 11 位（如身份证号、银行卡号的一部分）、``12345678901``。
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from xxgk.scan.text import Span, mask

RULE = "SCAN-MOBILE"
NAME = "手机号码"
_MOBILE = re.compile(r"(?:86)?(1[3-9][0-9]{9})")


def find(folded: str, spans: list[Span]) -> Iterator[tuple[int, int, str, str]]:
    for span in spans:
        m = _MOBILE.fullmatch(span.digits) if len(span.digits) in (11, 13) else None
        if m:
            yield span.start, span.end, m.group(1), mask(m.group(1))
