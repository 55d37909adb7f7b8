"""CAT-KEYWORD-LEN — 每个关键词不超过10个字。

附件1 二(一)1：“每条信息的关键词长度不要超过10个字”。

    关键词: 政府信息公开 工作制度        # 通过
    关键词: 政府信息公开工作制度汇编     # 错误：12个字
"""

from __future__ import annotations

import re

from xxgk.io.frontmatter import Document
from xxgk.rules.base import Checker, Context, Rule, text

RULE = Rule("CAT-KEYWORD-LEN", "附件1 二(一)1", "每个关键词不超过10个字")
_SPLIT = re.compile(r"[\s,，、;；|/]+")
LIMIT = 10


def check(doc: Document, ctx: Context) -> Checker:
    value = text(doc, "关键词")
    if value is None:
        return
    for word in _SPLIT.split(value.strip()):
        if len(word) > LIMIT:
            yield RULE.at(
                doc, "关键词", f"关键词“{word}”有{len(word)}个字，超过{LIMIT}个字，请拆分或缩短"
            )
