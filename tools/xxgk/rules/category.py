"""CAT-CATEGORY — 分类是机构登记（xxgk.yml）中的九大类之一。

附件1 一(一)：政府公开信息共分九大类。

    分类: 政策文件      # 通过
    分类: 通知公告      # 错误：不是九大类之一
"""

from __future__ import annotations

from xxgk.io.frontmatter import Document
from xxgk.rules.base import Checker, Context, Rule, text

RULE = Rule("CAT-CATEGORY", "附件1 一(一)", "分类是登记的九大类之一")


def check(doc: Document, ctx: Context) -> Checker:
    value = text(doc, "分类")
    if value is not None and ctx.category(value) is None:
        names = "、".join(c.name for c in ctx.registry.categories)
        yield RULE.at(doc, "分类", f"分类“{value}”不在登记的分类中，应为：{names}")
