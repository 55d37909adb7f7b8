"""CAT-DOCNO-FORMAT — 文件编号按 GB/T 9704 写作“机关代字〔年份〕序号号”。

用六角括号〔〕（不是 [] () （） 【】），年份写全四位，不加“第”，序号不编虚位（不写 096）。
没有文号的信息可以不填文件编号。

    文件编号: 鄂前政办发〔2018〕96号      # 通过
    文件编号: 鄂前政办发[2018]096号       # 错误：应写作 鄂前政办发〔2018〕96号
"""

from __future__ import annotations

from xxgk.io.frontmatter import Document
from xxgk.model import docno
from xxgk.model.dates import parse_date
from xxgk.rules.base import Checker, Context, Rule, text

RULE = Rule("CAT-DOCNO-FORMAT", "附件1 二(二)3，GB/T 9704-2012 7.2.4", "文件编号写作 代字〔YYYY〕N号")


def check(doc: Document, ctx: Context) -> Checker:
    value = text(doc, "文件编号")
    if value is None or docno.parse(value):
        return
    created = parse_date(text(doc, "产生时间"))
    fixed = docno.suggest(value, created.year if created else None)
    if fixed:
        yield RULE.at(doc, "文件编号", f"文件编号“{value}”格式不对，应写作“{fixed}”")
    else:
        yield RULE.at(doc, "文件编号", f"文件编号“{value}”格式不对，应写作“机关代字〔年份〕序号号”，例如“鄂前政办发〔2018〕96号”")
