"""A web page saved from a government site → its article, with the page's own metadata.

Scripts, styles, navigation, headers, footers, share buttons and comments are removed; the
article is the element holding the most paragraph text (the way readability tools find it),
because every site names its content ``div`` differently. The 信息公开 table that such pages
show above the article (索引号、发布机构、发文日期、名称、文号) and the ``<meta>`` tags of the
common site systems (ArticleTitle, PubDate, ContentSource) are read for metadata.
"""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup, Tag
from bs4.element import Comment

from xxgk.importer.blocks import limit_depth, text_of
from xxgk.importer.word import ImportError_
from xxgk.io.safefs import HTML_LIMIT, HTML_TAG_LIMIT, UnsafeFile, read_named

DROP_TAGS = ("script", "style", "noscript", "iframe", "form", "input", "button", "select",
             "textarea", "nav", "header", "footer", "aside", "link", "meta", "object", "embed",
             "svg", "canvas", "template", "audio", "video", "map")
JUNK = re.compile(r"(?:^|[-_ ])(nav|navbar|menu|header|footer|breadcrumbs?|crumbs?|share|side|sidebar|"
                  r"banner|search|login|toolbar|print|position|location|copyright|foot|related|"
                  r"pager?|comment|qrcode|close|fontsize|zoomfont|bdshare)(?:$|[-_ \d])", re.IGNORECASE)
LABELS = {"索引号": "索引号", "信息名称": "信息名称", "发布机构": "发布机构", "发文机关": "发布机构", "发文日期": "产生时间",
          "成文日期": "产生时间", "生成日期": "产生时间", "名称": "信息名称", "标题": "信息名称",
          "文号": "文件编号", "发文字号": "文件编号", "主题词": "关键词", "关键词": "关键词"}
_LABEL = re.compile(r"(?:^|(?<=\s))(" + "|".join(r"\s*".join(k) for k in LABELS) + r")\s*[:：]")
META = {"articletitle": "信息名称", "pubdate": "产生时间", "contentsource": "发布机构",
        "keywords": "关键词", "description": "内容描述"}
_CHARSET = re.compile(rb"""charset\s*=\s*["']?([\w-]+)""", re.IGNORECASE)


def decode(raw: bytes) -> str:
    """Text of a page: its declared charset (GB2312/GBK read as GB18030), else UTF-8, else GB18030."""
    m = _CHARSET.search(raw[:4096])
    declared = m.group(1).decode("ascii", "replace").lower() if m else ""
    order = ["gb18030" if declared in ("gb2312", "gbk", "gb18030", "x-gbk") else declared,
             "utf-8", "gb18030"]
    for codec in [c for c in order if c]:
        try:
            return raw.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
    return raw.decode("utf-8", "replace")


def _meta(soup: BeautifulSoup) -> dict[str, str]:
    found: dict[str, str] = {}
    for tag in soup.find_all("meta"):
        key = META.get(str(tag.get("name") or "").lower())
        content = str(tag.get("content") or "").strip()
        if key and content:
            found[key] = content
    title = soup.title.get_text().strip() if soup.title else ""
    if title and "信息名称" not in found:
        found["页面标题"] = re.split(r"\s*(?:_|\||｜|(?<!\d)-(?!\d)|—)\s*", title)[0]
    return found


def _strip(soup: BeautifulSoup) -> None:
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for tag in soup.find_all(DROP_TAGS):
        tag.decompose()
    for tag in soup.find_all(True):
        if tag.decomposed or tag.name in ("html", "body"):
            continue
        names = " ".join([*(tag.get("class") or []), str(tag.get("id") or "")])
        if names.strip() and JUNK.search(names):
            tag.decompose()


def _article(body: Tag) -> Tag:
    scores: dict[int, float] = {}
    nodes: dict[int, Tag] = {}
    for p in body.find_all(["p", "td", "div", "li"]):
        if p.find(["p", "div", "table", "li"]):
            continue  # only leaves carry text
        weight = len(re.findall(r"[\u3400-\u9fff]", p.get_text()))
        # a <div> or <td> holding the whole text with <br>s is itself the article
        own = [(p, 1.0)] if p.name in ("div", "td") else []
        up = p.parent.parent if p.parent else None
        for parent, share in (*own, (p.parent, 0.75), (up, 0.4)):
            if isinstance(parent, Tag):
                scores[id(parent)] = scores.get(id(parent), 0) + weight * share
                nodes[id(parent)] = parent
    if not scores:
        return body
    return nodes[max(scores, key=lambda k: scores[k])]


def _info_table(rest: Tag) -> dict[str, str]:
    """Labelled values like ``发布机构：鄂托克前旗人民政府办公室`` outside the article."""
    lines = [x.strip() for x in rest.get_text("\n").split("\n") if x.strip()]
    found: dict[str, str] = {}
    for n, line in enumerate(lines):
        marks = list(_LABEL.finditer(line))
        for i, m in enumerate(marks):
            end = marks[i + 1].start() if i + 1 < len(marks) else len(line)
            value = line[m.end():end].strip()
            if not value and n + 1 < len(lines) and not _LABEL.search(lines[n + 1]):
                value = lines[n + 1]
            key = LABELS[re.sub(r"\s", "", m.group(1))]
            if value and key not in found:
                found[key] = value.strip(" ;；")
    return found


def _heading(rest: Tag) -> Tag | None:
    """The article's title outside the article: the longest heading-like element (a site's
    logo is a heading too, but a short one)."""
    found = [t for t in rest.find_all(["h1", "h2", "h3"]) if 0 < len(text_of(t)) <= 100]
    found += [t for t in rest.find_all(class_=re.compile("title", re.IGNORECASE))
              if not t.find(["div", "p", "table"]) and 0 < len(text_of(t)) <= 100]
    return max(found, key=lambda t: len(text_of(t)), default=None)


def page_text(path: Path) -> str:
    """The page's text, refused when it is not a regular file, too large, or has more tags than
    the parser and converter can handle in reasonable time."""
    try:
        text = decode(read_named(path, HTML_LIMIT))
    except UnsafeFile as exc:
        raise ImportError_(f"{exc}：无法导入") from exc
    if text.count("<") > HTML_TAG_LIMIT:
        raise ImportError_(f"{path}：网页的标签超过 {HTML_TAG_LIMIT} 个，不像是保存的文章页面，无法导入")
    return text


def read_page(path: Path) -> tuple[Tag, dict[str, str]]:
    """The article element and what the page says about it (信息名称, 发布机构 …)."""
    soup = BeautifulSoup(page_text(path), "lxml")
    limit_depth(soup)
    page = _meta(soup)
    _strip(soup)
    body = soup.body or soup
    article = _article(body)
    article.extract()
    heading = _heading(body)
    page = {**page, **_info_table(body)}
    if "信息名称" not in page:
        name = text_of(heading) if heading else page.get("页面标题", "")
        if name:
            page["信息名称"] = name
    if "关键词" in page:
        words = [w for w in re.split(r"[\s,，;；、]+", page["关键词"]) if 0 < len(w) <= 10]
        page["关键词"] = " ".join(dict.fromkeys(words))
    return article, page
