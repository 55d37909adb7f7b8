"""CAT-DOCNO-FORMAT — 文件编号按 GB/T 9704 写作“机关代字〔年份〕序号号”。

用六角括号〔〕（不是 [] () （） 【】），年份写全四位，不加“第”，序号不编虚位（不写 096）。
只写文号本身：前面不带项目符号（•、·、●）、空格或“文号：”之类的标签文字（从网页复制或导入时
常带进来）。没有文号的信息可以不填文件编号。

    文件编号: 鄂前政办发〔2018〕96号      # 通过
    文件编号: 鄂前政办发[2018]096号       # 错误：应写作 鄂前政办发〔2018〕96号
    文件编号: •鄂府发〔2025〕1号          # 错误：应写作 鄂府发〔2025〕1号
    文件编号: 文号：鄂府发〔2025〕1号     # 错误：应写作 鄂府发〔2025〕1号
"""

from __future__ import annotations

import re

from xxgk.io.frontmatter import Document
from xxgk.model import docno
from xxgk.model.dates import parse_date
from xxgk.rules.base import Checker, Context, Rule, text

RULE = Rule(
    "CAT-DOCNO-FORMAT", "附件1 二(二)3，GB/T 9704-2012 7.2.4", "文件编号写作 代字〔YYYY〕N号"
)
# what pages and pasted text put before a number: bullets, spaces, a label
_LEAD = re.compile(
    r"^(?:[\s\u3000\xa0•·●◆◇■□▪▫◎○★☆\-—*＊>》]|"
    r"(?:文号|发文字号|文件编号|文件字号|字号)[\s\u3000\xa0]*[:：]?)+"
)
_FIRST = re.compile(r"^[\u3400-\u9fffA-Za-z0-9]")  # a 机关代字 starts with a character


def check(doc: Document, ctx: Context) -> Checker:
    value = text(doc, "文件编号")
    if value is None:
        return
    if docno.parse(value) and _FIRST.match(value) and not re.search(r"[:：\s]", value):
        return
    created = parse_date(text(doc, "产生时间"))
    bare = _LEAD.sub("", value).strip()
    fixed = bare if docno.parse(bare) else docno.suggest(bare, created.year if created else None)
    extra = (
        "只写文号本身，不带项目符号、空格或标签文字；"
        if bare != value.strip() or value != value.strip()
        else ""
    )
    if fixed and _FIRST.match(fixed) and fixed != value:
        yield RULE.at(doc, "文件编号", f"文件编号“{value}”格式不对，{extra}应写作“{fixed}”")
    else:
        yield RULE.at(
            doc,
            "文件编号",
            f"文件编号“{value}”格式不对，{extra}应写作“机关代字〔年份〕序号号”，"
            "例如“鄂前政办发〔2018〕96号”",
        )
