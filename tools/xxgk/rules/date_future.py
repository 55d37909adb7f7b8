"""CAT-DATE-FUTURE — 产生时间不能晚于今天。

产生时间是信息正式发布（签发）的日期（附件1 二(二)4），不会在将来。

    产生时间: 2018-11-05     # 通过
    产生时间: 2999-01-01     # 错误：在将来
"""

from __future__ import annotations

from xxgk.io.frontmatter import Document
from xxgk.model.dates import parse_date
from xxgk.rules.base import Checker, Context, Rule, text

RULE = Rule("CAT-DATE-FUTURE", "附件1 二(二)4", "产生时间不晚于今天")


def check(doc: Document, ctx: Context) -> Checker:
    created = parse_date(text(doc, "产生时间"))
    if created and created > ctx.today:
        yield RULE.at(
            doc, "产生时间", f"产生时间 {created} 晚于今天（{ctx.today}），信息还没有产生"
        )
