"""CAT-KEYWORD-SEP — 关键词之间用空格分开，不用逗号、顿号或分号。

附件1 二(一)1：“两个以上关键词间用空格分开”。

    关键词: 政府信息公开 保密审查      # 通过
    关键词: 政府信息公开，保密审查      # 错误：用了逗号
"""

from __future__ import annotations

import re

from xxgk.io.frontmatter import Document
from xxgk.rules.base import Checker, Context, Rule, text

RULE = Rule("CAT-KEYWORD-SEP", "附件1 二(一)1", "关键词之间用空格分开，不用逗号、顿号、分号")
_SEPARATORS = re.compile(r"[,，、;；|/]")


def check(doc: Document, ctx: Context) -> Checker:
    value = text(doc, "关键词")
    if value is None:
        return
    found = _SEPARATORS.search(value)
    if found:
        fixed = " ".join(
            w for w in _SEPARATORS.split(value.replace("\u3000", " ")) for w in w.split()
        )
        yield RULE.at(doc, "关键词", f"关键词之间用了“{found.group(0)}”，应使用空格分开：“{fixed}”")
