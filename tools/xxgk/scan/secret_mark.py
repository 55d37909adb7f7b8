"""SCAN-SECRET-MARK — 国家秘密标志和内部资料标志（附件4 第六条；GB/T 9704 密级和保密期限）。

发现：``秘密★1年``、``机密★10年``、``绝密★长期``（★ 或 ☆，可有空格）、``密级：机密``、
``内部资料``、``注意保存``、``不得外传``、``涉密``。
不算标志：正文里的“商业机密”“国家秘密”“保密审查”“秘密”（没有 ★，也不在“密级”之后）。
审查人须逐条核实并在审查记录中确认，否则合并检查不通过。
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from xxgk.scan.text import Span

RULE = "SCAN-SECRET-MARK"
NAME = "密级或内部资料标志"

_PATTERN = re.compile(
    r"(?:绝密|机密|秘密)[ \t]*[★☆][ \t]*(?:[0-9]+[ \t]*(?:年|个月)|长期)?"
    r"|密[ \t]*级[ \t]*[:：][ \t]*\S{0,6}"
    r"|内部资料|注意保存|不得外传|涉密"
)


def find(folded: str, spans: list[Span]) -> Iterator[tuple[int, int, str, str]]:
    for m in _PATTERN.finditer(folded):
        value = re.sub(r"\s+", "", m.group())
        yield m.start(), m.end(), value, value
