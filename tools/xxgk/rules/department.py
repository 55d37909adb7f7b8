"""CAT-DEPARTMENT — 责任部门是发布机构登记的科室；涉及部门是登记的单位。

附件1 二(二)7：责任部门（科室）是负责公开此信息的具体科室。

    发布机构: 鄂托克前旗交通运输局
    责任部门: 办公室        # 通过（交通运输局登记了办公室）
    责任部门: 财务科        # 错误：交通运输局没有登记这个科室
"""

from __future__ import annotations

from xxgk.io.frontmatter import Document
from xxgk.rules.base import Checker, Context, Rule, text

RULE = Rule("CAT-DEPARTMENT", "附件1 二(二)7", "责任部门是发布机构登记的科室，涉及部门是登记的单位")


def check(doc: Document, ctx: Context) -> Checker:
    dept = text(doc, "责任部门")
    unit = ctx.unit(text(doc, "发布机构") or "")
    if dept is not None and unit is not None and dept not in unit.sections:
        known = "、".join(unit.sections)
        yield RULE.at(
            doc,
            "责任部门",
            f"责任部门“{dept}”不是{unit.name}登记的科室（{known}）；新科室请先在 xxgk.yml 中登记",
        )
    if "涉及部门" in doc.invalid:
        return
    for i, name in enumerate(doc.get("涉及部门") or []):
        if isinstance(name, str) and ctx.unit(name) is None:
            yield RULE.at(doc, "涉及部门", f"涉及部门“{name}”没有在 xxgk.yml 中登记", i)
