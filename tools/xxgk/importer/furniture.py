"""Site furniture at the edges of an extracted article, removed block by block.

Main-content extraction keeps what sits inside the platform's 正文 container, and platforms put
some of their furniture there too: a line ``发布日期：… 来源：… 浏览次数：…``, ``【字体：大 中 小】``,
a breadcrumb, a cache or snapshot banner at the top; ``【打印】【关闭】``, ``分享到：``, ``上一篇``/
``下一篇``, related links and the footer (网站标识码, ICP 备案) at the bottom. Only the first and
last few blocks are looked at, and only short ones, so a sentence of the text is never taken.
The labelled values of the top lines (发布日期, 来源, 文号 …) are kept as what the page states.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from xxgk.importer.blocks import Block
from xxgk.importer.labels import LABEL, Stated, compact, from_line

LEAD_SPAN = 6  # blocks at the top that may be furniture
TAIL_SPAN = 8  # blocks at the bottom
SHORT = 80  # furniture lines are short
# labels whose line is page furniture when it opens the article
META = {
    "发布日期",
    "来源",
    "浏览次数",
    "字体",
    "作者",
    "文件编号",
    "索引号",
    "发布机构",
    "成文日期",
    "生成日期",
    "主题分类",
    "有效性",
}
_BUTTONS = re.compile(
    r"打印本页|打印此页|打印文章|打印|关闭窗口|关闭本页|关闭|分享到|分享|收藏本页|加入收藏|"
    r"收藏|返回顶部|返回首页|返回列表|返回|字体|字号|[大中小]|默认|扫一扫|在手机上打开|"
    r"微信|微博|QQ空间|QQ|[\s【】\[\]()（）:：|｜/·•>＞]"
)
_EDGE = re.compile(
    r"^(?:上一篇|下一篇|上一条|下一条|相关(?:文章|链接|阅读|新闻|信息)|热点推荐|热点新闻|"
    r"网站标识码|版权所有|主办(?:单位)?[:：]|承办(?:单位)?[:：]|技术支持|网站地图|"
    r"\S{0,4}ICP备|\S{0,4}公网安备|当前位置|您现在的位置|您当前的位置|"
    r"(?:本页面|此页面|该页面)(?:为|是)\S*(?:快照|缓存|存档)|这是\s*Google|网页快照)"
)
_INSIDE = re.compile(r"网站标识码|ICP备\d|公网安备|当前位置[:：]|页面为.{0,12}(?:快照|缓存)")


@dataclass
class Edges:
    stated: dict[str, Stated] = field(default_factory=dict)  # label values of the top lines
    removed: list[str] = field(default_factory=list)


def _buttons(text: str) -> bool:
    return bool(text) and not _BUTTONS.sub("", text)


def _furniture(block: Block) -> str:
    """What kind of furniture the block is ("" when it is text)."""
    text = compact(block.text)
    if block.kind not in ("p", "h") or not text or len(text) > SHORT:
        return ""
    if _buttons(text):
        return "打印、关闭、分享、字体按钮"
    if _EDGE.match(text) or _INSIDE.search(text):
        return "导航、页脚、上一篇下一篇等网站栏目文字"
    return ""


def _meta_line(block: Block, edges: Edges) -> bool:
    got: dict[str, Stated] = {}
    lines = block.text.split("\n")
    if block.kind != "p" or not all(LABEL.search(x) for x in lines):
        return False
    alone = all(from_line(x, "正文开头", got) for x in lines)
    if not alone or not got or not set(got) <= META:
        return False
    for key, stated in got.items():
        edges.stated.setdefault(key, stated)
    labels = "、".join(dict.fromkeys(s.label for s in got.values()))
    edges.removed.append(f"正文开头的“{labels}”一行")
    return True


def trim(blocks: list[Block]) -> tuple[list[Block], Edges]:
    """The blocks without furniture at the top and bottom, and what the top lines stated."""
    edges = Edges()
    out: list[Block] = []
    for n, block in enumerate(blocks):
        if n < LEAD_SPAN and (kind := _furniture(block)):
            edges.removed.append(kind)
            continue
        if n < LEAD_SPAN and _meta_line(block, edges):
            continue
        out.append(block)
    end = len(out)
    while end > 0 and end > len(out) - TAIL_SPAN and (kind := _furniture(out[end - 1])):
        edges.removed.append(kind)
        end -= 1
    edges.removed = list(dict.fromkeys(edges.removed))
    return out[:end], edges
