"""CAT-INDEX-FORMAT — 索引号符合 xxgk.yml 中的格式，各段与发布机构、分类一致。

附件1 二(二)1：索引号由地区编号、部门编号、信息类编号、信息生成年份、信息顺序编号组成；
本旗格式见 xxgk.yml“索引号.格式”，例如 000014349/2018-01705。

    索引号: 000014349/2018-01705   # 通过
    索引号: 000014349-2018-1705    # 错误：格式不对
"""

from __future__ import annotations

from xxgk.io.frontmatter import Document
from xxgk.rules.base import Checker, Context, Rule, text

RULE = Rule("CAT-INDEX-FORMAT", "附件1 二(二)1", "索引号符合登记的格式")


def expected_parts(doc: Document, ctx: Context) -> dict[str, str]:
    """The index-number fields this entry's publisher and category imply."""
    reg = ctx.registry
    want = {"地区编号": reg.region_code}
    unit = ctx.unit(text(doc, "发布机构") or "")
    if unit:
        want["机构代码"], want["单位代码"] = unit.org_code, unit.code
    cat = ctx.category(text(doc, "分类") or "")
    if cat:
        want["分类代码"] = cat.code
    return want


def check(doc: Document, ctx: Context) -> Checker:
    value = text(doc, "索引号")
    if value is None:
        return
    fmt = ctx.registry.index_format
    parts = fmt.parse(value)
    if parts is None:
        yield RULE.at(
            doc,
            "索引号",
            f"索引号“{value}”不符合格式 {fmt.template}（例如 {fmt.example()}）；请用 xxgk renumber 重新生成",
        )
        return
    for name, want in expected_parts(doc, ctx).items():
        if name in parts and parts[name] != want:
            yield RULE.at(doc, "索引号", f"索引号中的{name}“{parts[name]}”应为“{want}”")
