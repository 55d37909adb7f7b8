"""SCAN-EMAIL — 电子邮件地址。

发现：``联系邮箱zhangsan@163.com``（紧挨汉字也算）、全角 ``＠``、HTML 注释里的地址。
xxgk.yml“公开工作机构”里登记的邮箱是公开的，不报告。
不算：没有点号域名的 ``a@b``、``@某某`` 这样的提及。
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from xxgk.scan.text import Span

RULE = "SCAN-EMAIL"
NAME = "电子邮件地址"
_EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
)


def find(folded: str, spans: list[Span]) -> Iterator[tuple[int, int, str, str]]:
    for m in _EMAIL.finditer(folded):
        yield m.start(), m.end(), m.group().lower(), m.group()
