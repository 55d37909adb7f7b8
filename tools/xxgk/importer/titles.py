"""An article's title as a page shows it, without what sits around it on the page: the
breadcrumb (``当前位置：首页 > 信息公开 > … > 公开指南``), a label (``标题``, ``名称：``), a
navigation link glued to it (``返回顶部``) or the site's name after it (``…_鄂托克前旗人民政府``).
"""

from __future__ import annotations

import re

_SPACE = re.compile(r"[\s\u3000\xa0]+")
_CRUMB = re.compile(r"^.*?(?:当前位置|现在的位置|当前的位置|所在位置|位置)\s*[:：]?.*[>＞»›]\s*")
_PREFIX = re.compile(
    r"^(?:(?:信息名称|文件名称|信息标题|名称)\s*[:：]|标题\s*[:：]?|返回顶部|返回首页|返回列表|"
    r"(?:返回|首页)(?=\s|[:：>＞])[:：>＞]?|【[^】]{0,6}】|\[[^\]]{0,6}\])\s*"
)
_SITE = re.compile(r"\s*(?:_|\||｜|——|—|\s-\s|(?<=[\u3400-\u9fff》）)])-(?=[\u3400-\u9fff]))\s*")
NOISE_WORDS = ("当前位置", "首页", "标题", "返回")


def clean_title(text: str) -> str:
    """``text`` without breadcrumb, label and navigation prefixes; "" when nothing is left."""
    title = _SPACE.sub(" ", text).strip()
    if re.search(r"[>＞»›]", title) and re.search(r"位置|首页", title):
        title = _CRUMB.sub("", title)
        title = re.split(r"\s*[>＞»›]\s*", title)[-1]
    while True:
        shorter = _PREFIX.sub("", title, count=1).strip()
        if shorter == title:
            break
        title = shorter
    return title


def page_title(text: str) -> str:
    """The article's part of a ``<title>``: before the site or column name that follows it."""
    parts = [p for p in _SITE.split(clean_title(text)) if p.strip()]
    return clean_title(max(parts[:1] or [""], key=len))
