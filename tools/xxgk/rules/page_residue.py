"""CAT-PAGE-RESIDUE — 信息名称和正文开头不带网页的栏目文字。

从原网站复制或导入的信息，常把网页上的文字带进来：信息名称前面多出“当前位置：首页 > … >”、
“标题”、“返回顶部”，正文第一行是“发布日期：…　来源：…　浏览次数：…”。这些是网页的导航和
信息栏，不是信息的内容，页面会另行显示信息名称和发布信息。只看信息名称和正文的前几行。

    信息名称: 鄂托克前旗人民政府工作规则                 # 通过
    信息名称: 当前位置：首页 > 信息公开 > 公开指南       # 警告：信息名称以“当前位置”开头
    信息名称: 标题鄂尔多斯市人民政府关于……的通知        # 警告：信息名称以“标题”开头
    正文第一行: 发布日期：2020-01-31　来源：旗政府办     # 警告：正文以“发布日期”开头
"""

from __future__ import annotations

import re

from xxgk.io.frontmatter import Document
from xxgk.model.problem import Problem, Severity
from xxgk.rules.base import Checker, Context, Rule, text

RULE = Rule(
    "CAT-PAGE-RESIDUE",
    "附件1 二(一)5、二(二)2",
    "信息名称不以“当前位置、首页、标题、返回”开头，"
    "正文开头没有“发布日期、来源、浏览次数”等网页信息栏",
    Severity.WARNING,
)
TITLE_WORDS = ("当前位置", "首页", "标题", "返回")
_BODY = re.compile(
    r"^[\s\u3000>*#_\\-]*(发布日期|发布时间|信息来源|文章来源|来源|浏览次数|阅读次数|"
    r"点击数|阅读量)[\s\u3000*_]*[:：]"
)
_HEAD_LINES = 5  # non-empty lines of the body that are looked at
_SPLIT = 32  # lines split off the body at most (never the whole of it)


def check(doc: Document, ctx: Context) -> Checker:
    title = text(doc, "信息名称")
    if title is not None:
        start = title.lstrip(" \u3000\xa0【[")
        word = next((w for w in TITLE_WORDS if start.startswith(w)), "")
        if word:
            yield RULE.at(
                doc,
                "信息名称",
                f"信息名称以“{word}”开头，像是网页的导航或标签文字，请只写信息本身的名称",
            )
    seen = 0
    for n, line in enumerate(doc.body.split("\n", _SPLIT)[:_SPLIT]):
        if not line.strip():
            continue
        m = _BODY.match(line)
        if m:
            msg = (
                f"正文第 {seen + 1} 行以“{m.group(1)}”开头，是网页的信息栏，不是信息内容，"
                f"请删去这一行（{RULE.basis}）"
            )
            yield Problem(doc.rel, doc.body_line + n, 1, RULE.id, RULE.severity, msg)
            return
        seen += 1
        if seen >= _HEAD_LINES:
            return
