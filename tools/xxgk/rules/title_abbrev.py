"""CAT-TITLE-ABBREV — 信息名称不得使用简称。

附件1 二(二)2：“信息名称不得使用简称”。简称与全称的对照在 xxgk.yml 的“简称”中登记。

    信息名称: 鄂托克前旗人民政府关于……的通知   # 通过
    信息名称: 旗政府关于……的通知               # 错误：“旗政府”是简称
"""

from __future__ import annotations

from xxgk.io.frontmatter import Document
from xxgk.rules.base import Checker, Context, Rule, text

RULE = Rule("CAT-TITLE-ABBREV", "附件1 二(二)2", "信息名称不使用登记的简称")


def check(doc: Document, ctx: Context) -> Checker:
    title = text(doc, "信息名称")
    finder = ctx.abbreviation_finder
    if title is None or finder is None or not finder.search(title):
        return
    # Blank out full names first, so that an abbreviation inside a full name is not a hit.
    fulls = sorted(set(ctx.registry.abbreviations.values()), key=len, reverse=True)
    masked = title
    for full in fulls:
        masked = masked.replace(full, "\0" * len(full))
    for short in sorted(ctx.registry.abbreviations, key=len, reverse=True):
        if short in masked:
            full = ctx.registry.abbreviations[short]
            yield RULE.at(doc, "信息名称", f"信息名称使用了简称“{short}”，应写全称“{full}”")
            masked = masked.replace(short, "\0" * len(short))
