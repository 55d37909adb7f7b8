"""CAT-UNSAFE-MARKUP — 正文里不能有会执行脚本或隐藏文字的标记。

网站不会悄悄改动审查过的正文，所以这些写法一律报错：``<script>``、``<iframe>`` 等标签，
``on…=`` 事件属性（包括 ``{: onclick=…}``），``javascript:`` 链接，HTML 注释（审查人员在
页面上看不到注释里的文字）。代码块里的示例不算。生成网站时还会在渲染结果上再查一遍。

    正文: 详见[通知全文](附件/全文.pdf)。         # 通过
    正文: <a href="javascript:alert(1)">点击</a>   # 错误
"""

from __future__ import annotations

from xxgk.io.frontmatter import Document
from xxgk.model.problem import Problem
from xxgk.model.safety import check_source
from xxgk.rules.base import Checker, Context, Rule

RULE = Rule("CAT-UNSAFE-MARKUP", "附件4 第四条（先审查、后公开）", "正文不含脚本、事件属性、javascript: 链接和 HTML 注释")


def check(doc: Document, ctx: Context) -> Checker:
    for line, message in check_source(doc.body, doc.body_line):
        yield Problem(doc.rel, line, 1, RULE.id, RULE.severity, f"{message}（{RULE.basis}）")
