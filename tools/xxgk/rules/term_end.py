"""CAT-TERM-END — 限时公开要有晚于产生时间的公开截止日期；长期公开不填截止日期。

附件1 二(二)6：公开时限分长期公开和限时公开。

    公开时限: 限时公开
    公开截止日期: 2026-12-31   # 通过（晚于产生时间）
    公开时限: 限时公开         # 错误：没有截止日期
"""

from __future__ import annotations

from xxgk.io.frontmatter import Document
from xxgk.model.dates import parse_date
from xxgk.rules.base import Checker, Context, Rule, text

RULE = Rule("CAT-TERM-END", "附件1 二(二)6", "限时公开须有晚于产生时间的公开截止日期")


def check(doc: Document, ctx: Context) -> Checker:
    term = text(doc, "公开时限")
    end_text = text(doc, "公开截止日期")
    if term == "长期公开" and end_text:
        yield RULE.at(
            doc,
            "公开截止日期",
            "长期公开的信息不应填写公开截止日期；到期下线的信息请把公开时限改为“限时公开”",
        )
    if term != "限时公开":
        return
    if end_text is None and "公开截止日期" not in doc.invalid:
        yield RULE.at(doc, "公开时限", "限时公开的信息须填写“公开截止日期: yyyy-mm-dd”")
        return
    created, end = parse_date(text(doc, "产生时间")), parse_date(end_text)
    if created and end and end <= created:
        yield RULE.at(doc, "公开截止日期", f"公开截止日期 {end} 应晚于产生时间 {created}")
