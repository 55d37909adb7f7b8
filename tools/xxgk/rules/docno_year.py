"""CAT-DOCNO-YEAR — 文件编号中的年份不晚于产生时间的年份。

文件编号: 鄂前政办发〔2018〕96号   产生时间: 2018-11-05   # 通过
文件编号: 鄂前政办发〔2019〕96号   产生时间: 2018-11-05   # 错误
"""

from __future__ import annotations

from xxgk.io.frontmatter import Document
from xxgk.model import docno
from xxgk.model.dates import parse_date
from xxgk.rules.base import Checker, Context, Rule, text

RULE = Rule("CAT-DOCNO-YEAR", "附件1 二(二)3、4", "文件编号的年份不晚于产生时间")


def check(doc: Document, ctx: Context) -> Checker:
    number = docno.parse(text(doc, "文件编号") or "")
    created = parse_date(text(doc, "产生时间"))
    if number and created and number.year > created.year:
        yield RULE.at(
            doc,
            "文件编号",
            f"文件编号的年份 {number.year} 晚于产生时间 {created}，请核对文号或日期",
        )
