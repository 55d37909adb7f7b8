"""SCAN-CREDIT-CODE — 个体工商户的统一社会信用代码（GB 32100，以 92 开头）。

企业、机关、社会组织的统一社会信用代码是公开信息，不报告；个体工商户的代码对应一个自然人
经营者，报告给审查人核实。
发现：``92150623MA0N1234X5`` 这样校验位正确、以 92 开头的代码。
不算：``91150623MA0N12345E``（企业）、校验位不对的 18 位字符串。
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from xxgk.scan.text import Span, mask

RULE = "SCAN-CREDIT-CODE"
NAME = "个体工商户统一社会信用代码"
_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_CODE = re.compile(
    r"(?<![0-9A-Za-z])[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Za-z])"
)


def valid(code: str) -> bool:
    if len(code) != 18 or any(c not in _CHARS for c in code):
        return False
    total = sum(_CHARS.index(c) * w for c, w in zip(code[:17], _WEIGHTS))
    return _CHARS[(31 - total % 31) % 31] == code[17]


def find(folded: str, spans: list[Span]) -> Iterator[tuple[int, int, str, str]]:
    for m in _CODE.finditer(folded):
        code = m.group()
        if code.startswith("92") and valid(code):
            yield m.start(), m.end(), code, mask(code)
