"""The sanitizer (xxgk.model.sanitize): every known payload gives a finding, ordinary
documents give none, and what it publishes is safe as written (findings of clean() are [])."""

from __future__ import annotations

import html as html_text
import random

import pytest
from payloads import ORDINARY, PAYLOADS

from xxgk.model.sanitize import clean, findings, review
from xxgk.rules.unsafe_markup import may_hold_markup, render
from xxgk.voice.markdown import inline, paragraphs

IDS = [p[0] for p in PAYLOADS]


@pytest.mark.parametrize(("body", "message"), [(p[1], p[2]) for p in PAYLOADS], ids=IDS)
def test_every_payload_gives_its_finding(body: str, message: str) -> None:
    found = findings(render(body))
    assert any(message in f for f in found), found


@pytest.mark.parametrize("body", [p[1] for p in PAYLOADS], ids=IDS)
def test_what_clean_publishes_is_safe_as_written(body: str) -> None:
    for html in (render(body), body):  # through Markdown, and as raw HTML
        published = clean(html)
        assert findings(published) == [], published
        assert clean(published) == published


def test_an_ordinary_rich_document_has_no_findings_and_keeps_its_content() -> None:
    html = render(ORDINARY)
    assert findings(html) == []
    out = clean(html)
    assert findings(out) == []
    for kept in (
        '<h2 id="goal">',
        '<th style="text-align: right;">',
        "<strong>合计</strong>",
        '<a href="https://www.gov.cn/zhengce/?a=1&amp;b=2" title="中国政府网" rel="noopener noreferrer">',
        '<a href="#goal"',
        '<img alt="工作流程图" src="attachments/流程图.png" title="流程图">',
        '<div class="toc">',
        "m<sup>2</sup>",
        '<abbr title="政府信息公开">',
        "&amp;有关规定",
        "A&amp;B 与 a &lt; b",
        "<code>&lt;script&gt;</code>",
        '<ol start="3" type="a">',
        '<th colspan="2" scope="col">',
        "mailto:",
        'href="tel:0477-1234567"',
        '<code class="language-html">&lt;script&gt;围栏里的示例代码&lt;/script&gt;',
    ):
        assert kept in out, kept


def test_text_without_markup_costs_nothing_and_is_safe() -> None:
    assert review("各镇人民政府 &amp; 旗直各有关部门") == []


@pytest.mark.parametrize(
    ("html", "message"),
    [
        (
            '<table><tr><td style="text-align: left; position: fixed">x</td></tr></table>',
            "style（<td>）",
        ),
        ('<p style="text-align: left;">x</p>', "不允许的属性 style（<p>）"),
        ('<div class="toc md-dialog">x</div>', "不允许的 class 名称 md-dialog（<div>）"),
        ('<img src="//other.example/x.gif">', "不允许引用其他网站的图片 //other.example/x.gif"),
        ('<img src="data:image/gif;base64,R0lGOD">', "不允许的链接协议 data:"),
        ('<a href="https://x.example/" target="_blank">x</a>', "不允许的属性 target（<a>）"),
        ('<a href="vbscript:msgbox(1)">x</a>', "不允许的链接协议 vbscript:"),
        ("<p>x</p></p></div>", "多余的结束标签 </div>"),
        ("<?php echo 1; ?>", "不允许 HTML 注释"),
        ("<IMG SRC=x OnError=alert(1)>", "不允许的属性 onerror（<img>）"),
        ("<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>", "不允许的标签 <math>"),
    ],
)
def test_details_the_allowlist_refuses(html: str, message: str) -> None:
    found = findings(html)
    assert any(message in f for f in found), found
    assert findings(clean(html)) == []


def test_links_to_other_hosts_stay_with_noopener_and_images_must_be_local() -> None:
    out = clean(
        '<p><a href="https://www.gov.cn/">国务院</a><img src="https://other.example/x.gif" alt="x">'
        '<img src="../images/a.png" alt="a"></p>'
    )
    assert '<a href="https://www.gov.cn/" rel="noopener noreferrer">国务院</a>' in out
    assert "other.example" not in out and '<img src="../images/a.png" alt="a">' in out


def test_the_table_alignment_markdown_writes_is_allowed() -> None:
    html = render("| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n")
    assert 'style="text-align: center;"' in html and findings(html) == []


_PIECES = [
    "各镇",
    "人民政府",
    " ",
    "\n",
    "\n\n",
    "```",
    "```c#\n",
    "~~~\n",
    "# ",
    "## ",
    "**",
    "*",
    "_",
    "`",
    "``",
    "|",
    "---",
    "-",
    "> ",
    "1. ",
    "2) ",
    "[",
    "]",
    "(",
    ")",
    "!",
    "&",
    "&amp;",
    "&#106;",
    ":",
    "javascript:",
    "https://evil.example/x",
    "[TOC]",
    "    ",
    "\\",
    "'",
    '"',
    "=",
    "#",
    "~",
    "----\n",
    "|:--|",
    "onerror=alert(1)",
    "style=x",
    "=\n",
    "***",
    "<!",
    "}",
    "]:",
    "](",
    "<",
    "{",
    "![",
    "](a)",
    "](https://www.gov.cn/)",
    "](//x.example/a)",
    "](javascript:x)",
    "](JavaScript:x)",
    "](data:x)",
    "](mailto:a@b.cn)",
    "<br>",
    "br>",
    ' "标题")',
    ")",
    "](a b)",
    "](附件:1)",
    "](a/b:c)",
    "](http:x)",
    "](#x)",
]


def test_a_body_the_quick_test_skips_cannot_hold_anything_the_sanitizer_removes() -> None:
    """The check skips bodies without "<", "{" or "]:" whose "](" all open plain allowed
    addresses (CAT-UNSAFE-MARKUP): Markdown must not be able to make a finding of them."""
    rng = random.Random(20261127)
    skipped = linked = 0
    for _ in range(6000):
        body = "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 40)))
        if may_hold_markup(body):
            continue
        skipped += 1
        linked += "](" in body
        assert findings(render(body)) == [], repr(body)
    assert skipped > 500 and linked > 100, (skipped, linked)


@pytest.mark.parametrize("body", [p[1] for p in PAYLOADS], ids=IDS)
def test_record_text_on_voice_pages_never_becomes_markup(body: str) -> None:
    """xxgk.voice.markdown renders nothing itself: it makes record text inert Markdown, and
    the page MkDocs renders from it must be exactly what the sanitizer publishes."""
    for text in (
        inline(body),
        paragraphs(body),
        f"| {inline(body)} | x |\n|---|---|\n| {inline(body)} | y |",
    ):
        html = render(text)
        assert findings(html) == [], (text, html)
    shown = html_text.unescape(render(paragraphs(body)))
    assert "alert(1)" not in body or "alert(1)" in shown  # shown as the characters typed
