"""CAT-PUBLISHER — 发布机构是机构登记中的单位（全称）。

发布机构: 鄂托克前旗人民政府办公室   # 通过
发布机构: 旗政府办                   # 错误：未登记（简称）
"""

from __future__ import annotations

import difflib

from xxgk.io.frontmatter import Document
from xxgk.rules.base import Checker, Context, Rule, text

RULE = Rule("CAT-PUBLISHER", "附件1 二(二)", "发布机构是 xxgk.yml 登记的单位")


def check(doc: Document, ctx: Context) -> Checker:
    for key in ("发布机构",):
        value = text(doc, key)
        if value is None or ctx.unit(value):
            continue
        names = [u.name for u in ctx.registry.units]
        full = ctx.registry.abbreviations.get(value)
        close = (
            [full] if full in names else difflib.get_close_matches(value, names, n=1, cutoff=0.5)
        )
        hint = f"，是否应为“{close[0]}”" if close else "；新单位请先在 xxgk.yml 的“单位”中登记"
        yield RULE.at(doc, key, f"发布机构“{value}”没有在 xxgk.yml 中登记{hint}")
    for i, name in enumerate(doc.get("联合发文机关") or []):
        if isinstance(name, str) and not ctx.unit(name) and "联合发文机关" not in doc.invalid:
            yield RULE.at(doc, "联合发文机关", f"联合发文机关“{name}”没有在 xxgk.yml 中登记", i)
