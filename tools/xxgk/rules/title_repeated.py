"""CAT-TITLE-REPEATED — 正文开头不再重复标题。

附件1 二(一)6：“不要在信息正文中再出现标题”。页面会在元数据表和页首显示信息名称。

    正文第一行: 为进一步加强……     # 通过
    正文第一行: # 关于印发……的通知  # 错误：与信息名称相同
"""

from __future__ import annotations

import re

from xxgk.io.frontmatter import Document
from xxgk.model.problem import Problem, Severity
from xxgk.rules.base import Checker, Context, Rule, text

RULE = Rule("CAT-TITLE-REPEATED", "附件1 二(一)6", "正文开头不重复信息名称")
_HEAD_LINES = 64  # only the body's first lines matter; do not split all of it
_DECOR = re.compile(r"^\s{0,3}#{1,6}\s*|[*_\s\u3000]|<[^<>]+>")  # [^<>]: linear on "<<<<…"


def normalise(line: str) -> str:
    return _DECOR.sub("", line).strip("=-")


def check(doc: Document, ctx: Context) -> Checker:
    title = text(doc, "信息名称")
    if title is None:
        return
    want = normalise(title)
    lines = doc.body.split("\n", _HEAD_LINES)
    if len(lines) > _HEAD_LINES and not any(line.strip() for line in lines[:_HEAD_LINES]):
        lines = doc.body.split("\n")  # only blank lines so far: the rare slow way
    for n, line in enumerate(lines):
        if not line.strip():
            continue
        first = normalise(line)
        two = first + normalise(lines[n + 1]) if n + 1 < len(lines) else first
        if want and (first == want or two == want):
            msg = f"正文第一行重复了信息名称“{title}”，请删去这一行（页面会自动显示标题）（{RULE.basis}）"
            yield Problem(doc.rel, doc.body_line + n, 1, RULE.id, Severity.ERROR, msg)
        return
