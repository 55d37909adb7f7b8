"""CAT-INDEX-YEAR — 索引号中的年份与产生时间的年份相同。

附件1 二(二)1：索引号包含信息生成年份。

    索引号: 000014349/2018-01705   产生时间: 2018-11-05   # 通过
    索引号: 000014349/2019-00001   产生时间: 2018-11-05   # 错误
"""

from __future__ import annotations

from xxgk.io.frontmatter import Document
from xxgk.model.dates import parse_date
from xxgk.rules.base import Checker, Context, Rule, text

RULE = Rule("CAT-INDEX-YEAR", "附件1 二(二)1", "索引号的年份等于产生时间的年份")


def check(doc: Document, ctx: Context) -> Checker:
    parts = ctx.registry.index_format.parse(text(doc, "索引号") or "")
    created = parse_date(text(doc, "产生时间"))
    if parts and created and "年份" in parts and int(parts["年份"]) != created.year:
        yield RULE.at(
            doc, "索引号", f"索引号中的年份 {parts['年份']} 与产生时间 {created} 的年份不同"
        )
