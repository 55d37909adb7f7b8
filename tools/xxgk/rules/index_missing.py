"""CAT-INDEX-MISSING — 每个条目都有索引号（由工具生成）。

附件1 二(一)3：“索引号是系统自动生成的，请不要作任何修改”。

    索引号: 000014349/2018-01705   # 通过
    （没有索引号）                  # 错误：运行 xxgk renumber 文件 生成
"""

from __future__ import annotations

from xxgk.io.frontmatter import Document
from xxgk.rules.base import Checker, Context, Rule

RULE = Rule("CAT-INDEX-MISSING", "附件1 二(一)3", "每个条目都有索引号")


def check(doc: Document, ctx: Context) -> Checker:
    if "索引号" not in doc.invalid and not doc.get("索引号"):
        key = "索引号" if "索引号" in doc.meta else None  # written but empty: point at it
        yield RULE.at(
            doc, key, f"缺少索引号：请运行“xxgk renumber {doc.rel}”由工具生成，不要手工编写"
        )
