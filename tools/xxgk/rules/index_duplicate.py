"""CAT-INDEX-DUPLICATE — 索引号在整个目录中唯一。

政府信息公开目录系统实施指引：索引号唯一，一经赋予不再改变。两个分支同时新增条目时
可能得到相同的序号：合并结果的检查会拒绝，在后合并的分支上运行
``xxgk renumber --base origin/main`` 即可为本分支新增的条目重新编号。

    两个条目的索引号不同   # 通过
    两个条目都是 000014349/2026-00012   # 错误（两处都报告）
"""

from __future__ import annotations

from xxgk.io.frontmatter import Document
from xxgk.rules.base import Checker, Context, Rule, text

RULE = Rule("CAT-INDEX-DUPLICATE", "附件1 二(二)1", "索引号在目录中唯一")


def check(doc: Document, ctx: Context) -> Checker:
    value = text(doc, "索引号")
    if value is None:
        return
    others = [p for p in ctx.index_numbers.get(value, []) if p != doc.rel]
    if others:
        where = "、".join(sorted(others)[:3])
        yield RULE.at(
            doc,
            "索引号",
            f"索引号 {value} 与 {where} 重复；新增条目请运行“xxgk renumber --base origin/main”重新编号",
        )
