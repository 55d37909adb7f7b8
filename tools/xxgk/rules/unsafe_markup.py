"""CAT-UNSAFE-MARKUP — 正文只能含政府文件用得到的标记。

正文按网站的方式转成网页（Markdown，扩展 attr_list、tables、toc，以及 MkDocs 总会加上的
fenced_code）后，用网站发布时的同一个清理器（``xxgk.model.sanitize``）检查：清理器会去掉或
改动的，一律报错，因为网站不会悄悄改动审查过的正文。允许的是段落、标题、列表、表格、强调、
上下标、引用、代码、链接和本站图片；不允许的例如 ``<script>``、``<style>``、``<iframe>``、
``<form>``、``<svg>``、``<base>``、``<meta>`` 等标签，``on…=`` 事件属性，``style``（包括
``{: style=…}``），``javascript:`` 等链接（写成 ``&#106;avascript:`` 也一样），引用其他网站的
图片（会泄露谁在看哪个页面），HTML 注释（审查人员在页面上看不到注释里的文字）。报告的行是
第一个写有问题标签、属性或协议的行（实体按解码后的文字找），找不到时是正文的第一行。代码
（反引号、缩进四格、“```”围栏）里的示例不算。

    正文: 详见[通知全文](附件/全文.pdf)。         # 通过
    正文: <a href="javascript:alert(1)">点击</a>   # 错误
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from markdown import Markdown

from xxgk.io.frontmatter import Document
from xxgk.model import sanitize
from xxgk.model.problem import Problem
from xxgk.rules.base import Checker, Context, Rule

RULE = Rule(
    "CAT-UNSAFE-MARKUP",
    "附件4 第四条（先审查、后公开）",
    "正文渲染出的 HTML 经白名单净化不会被改动：无脚本、事件属性、样式、表单、外站图片、注释，链接只用 http、https、mailto、tel 或相对地址",
)

# The site's: mkdocs.yml's, and fenced_code, which MkDocs always adds (without MkDocs itself).
EXTENSIONS = ["attr_list", "tables", "toc", "fenced_code"]
_NOISE = re.compile(r"[\t\r\x00]")
_md: Markdown | None = None


def check(doc: Document, ctx: Context) -> Checker:
    for line, message in markup_problems(doc.body, doc.body_line):
        yield Problem(doc.rel, line, 1, RULE.id, RULE.severity, f"{message}（{RULE.basis}）")


def may_hold_markup(body: str) -> bool:
    """False when Markdown cannot make a tag, attribute or address the sanitizer would
    remove: raw HTML, autolinks and comments need "<", attribute lists (fenced blocks' too)
    "{", reference links a definition "]:", inline links and images "](". Everything else
    becomes allowed tags and classes (``[TOC]`` and a fence's ``language-…`` included), and
    so does a "](" that opens a plain allowed address (``_plain_links``), and the ``<br>``
    the importer writes in table cells. This is what keeps a body of text, ordinary links
    and imported tables almost free to check."""
    if "<br>" in body:
        body = body.replace("<br>", " ")  # a space: no trigger is made of what stood around it
    if "<" in body or "{" in body or "]:" in body:
        return True
    return "](" in body and not _plain_links(body)


_TARGET = re.compile(r'\]\(([^\s()<>&\\]*)(?: +"[^"\n]*")?\)')
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")


def _plain_links(body: str) -> bool:
    """Every "](" opens a link target Markdown passes through unchanged — no space, entity,
    escape or parenthesis in it, so the browser reads the same address — and that address
    is allowed: relative, or http(s)/mailto/tel; with an image ("![") anywhere, relative."""
    targets = _TARGET.findall(body)
    if len(targets) != body.count("]("):
        return False
    images = "![" in body
    for url in targets:
        m = _SCHEME.match(url)
        absolute = m is not None or url.startswith("//")
        if (images and absolute) or (m and m.group(1).lower() not in sanitize.SCHEMES):
            return False
    return True


def render(body: str) -> str:
    """The body as the site renders it (one Markdown instance, reset per body)."""
    global _md
    if _md is None:
        _md = Markdown(extensions=EXTENSIONS)
    _md.reset()
    return str(_md.convert(body))


def markup_problems(body: str, first_line: int) -> tuple[tuple[int, str], ...]:
    """(line, message) for everything the sanitizer would remove from the rendered body."""
    return _rendered_problems(body, first_line) if may_hold_markup(body) else ()


@lru_cache(maxsize=16)  # the site asks twice per entry: to decide it, then to stop the build
def _rendered_problems(body: str, first_line: int) -> tuple[tuple[int, str], ...]:
    return tuple(locate(body, first_line, sanitize.review(render(body))))


def locate(source: str, first_line: int, found: list[sanitize.Unsafe]) -> list[tuple[int, str]]:
    """Each finding with the first source line holding its token (entities decoded, case
    ignored), else ``first_line``."""
    if not found:
        return []
    lines = [_NOISE.sub("", html.unescape(s)).lower() for s in source.split("\n")]
    out = []
    for item in found:
        token = item.token.lower()
        at = next((n for n, s in enumerate(lines) if token and token in s), 0)
        out.append((first_line + at, item.message))
    return out
