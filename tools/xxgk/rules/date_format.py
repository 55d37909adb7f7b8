"""CAT-DATE — 日期写作 yyyy-mm-dd，并且是真实存在的日期。

附件1 二(二)4：“日期使用yyyy-mm-dd的格式”。适用于产生时间、公开截止日期、废止日期。

    产生时间: 2018-11-05     # 通过
    产生时间: 2018-2-30      # 错误：格式不对，也没有2月30日
    产生时间: 2018年11月5日  # 错误：应写作 2018-11-05
"""

from __future__ import annotations

import re

from xxgk.io.frontmatter import Document
from xxgk.model.dates import parse_date
from xxgk.rules.base import Checker, Context, Rule, text

RULE = Rule("CAT-DATE", "附件1 二(二)4", "日期写作 yyyy-mm-dd，且是真实的日期")
DATE_FIELDS = ("产生时间", "公开截止日期", "废止日期")
_CHINESE = re.compile(r"^\s*(\d{4})\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})\s*日?\s*$")


def _hint(value: str) -> str:
    m = _CHINESE.match(value)
    if m:
        guess = f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}"
        if parse_date(guess):
            return f"，应写作 {guess}"
    return "，例如 2018-11-05"


def check(doc: Document, ctx: Context) -> Checker:
    for key in DATE_FIELDS:
        value = text(doc, key)
        if value is None or parse_date(value):
            continue
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            yield RULE.at(doc, key, f"“{key}”{value} 不是真实存在的日期")
        else:
            yield RULE.at(doc, key, f"“{key}”“{value}”的写法不对{_hint(value)}")
