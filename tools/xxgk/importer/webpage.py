"""A web page saved from a government site → its article, with what the page says about it.

Scripts, styles, comments and elements named like navigation, headers, footers, breadcrumbs,
share and print bars are removed first. The article is then found by
:mod:`xxgk.importer.content` (a known CMS container, else readability-lxml). What the page
states about the article is read from the rest of the page: the 信息公开 header table or
definition list (:mod:`xxgk.importer.labels`), labelled lines such as ``发布日期：…　来源：…``,
the ``<meta>`` tags of the common site systems (ArticleTitle, PubDate, ContentSource,
Keywords, Description), the title above the article and the ``<title>``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup, Tag
from bs4.element import Comment

from xxgk.importer import content
from xxgk.importer.blocks import limit_depth, text_of
from xxgk.importer.labels import Stated, from_structures, from_text
from xxgk.importer.titles import clean_title, page_title
from xxgk.importer.word import ImportError_
from xxgk.io.safefs import HTML_LIMIT, HTML_TAG_LIMIT, UnsafeFile, read_named

DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "iframe",
    "form",
    "input",
    "button",
    "select",
    "textarea",
    "nav",
    "header",
    "footer",
    "aside",
    "link",
    "meta",
    "object",
    "embed",
    "svg",
    "canvas",
    "template",
    "audio",
    "video",
    "map",
)
JUNK = re.compile(
    r"(?:^|[-_ ])(nav|navbar|menu|header|footer|breadcrumbs?|crumbs?|share|side|sidebar|"
    r"banner|search|login|toolbar|print|position|location|copyright|foot|related|"
    r"pager?|comment|qrcode|close|fontsize|zoomfont|bdshare|bdsharebuttonbox|"
    r"dqwz|wz|pos|prev-next|gotop|snapshot-banner|xgwz)(?:$|[-_ \d])",
    re.IGNORECASE,
)
META = {
    "articletitle": "信息名称",
    "pubdate": "发布日期",
    "contentsource": "发布机构",
    "keywords": "关键词",
    "description": "内容描述",
}
_CHARSET = re.compile(rb"""charset\s*=\s*["']?([\w-]+)""", re.IGNORECASE)
_SAVED = re.compile(r"saved from url=\(\d+\)(https?://\S+?)\s*$")
_TITLE_CLASS = re.compile(r"(?:^|[-_ ])(?:title|tit|bt|con_title|biaoti)(?:$|[-_ ])", re.IGNORECASE)


class NotAnArticle(ImportError_):
    """A column or home page (a list of links), not an article."""


@dataclass
class Page:
    article: Tag
    stated: dict[str, Stated] = field(default_factory=dict)  # key → value with its origin
    extractor: str = ""  # how the article was found, in Chinese
    url: str = ""  # the address the page was saved from, when it says


_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def decode(raw: bytes) -> str:
    """Text of a page: a byte-order mark first (UTF-8, UTF-16 as some editors save), then its
    declared charset (GB2312/GBK read as GB18030), else UTF-8, else GB18030."""
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            return raw[len(bom) :].decode(codec, "replace")
    m = _CHARSET.search(raw[:4096])
    declared = m.group(1).decode("ascii", "replace").lower() if m else ""
    order = [
        "gb18030" if declared in ("gb2312", "gbk", "gb18030", "x-gbk") else declared,
        "utf-8",
        "gb18030",
    ]
    for codec in [c for c in order if c]:
        try:
            return raw.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
    return raw.decode("utf-8", "replace")


def _meta(soup: BeautifulSoup) -> dict[str, Stated]:
    found: dict[str, Stated] = {}
    for tag in soup.find_all("meta"):
        name = str(tag.get("name") or "")
        key = META.get(name.lower())
        value = str(tag.get("content") or "").strip()
        if key and value and key not in found:
            found[key] = Stated(value, name, "网页 meta 标签")
    return found


def _url(soup: BeautifulSoup) -> str:
    """The address the page was saved from: the browser's ``saved from url`` comment, else the
    page's canonical link or og:url."""
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        m = _SAVED.search(str(comment).strip())
        if m:
            return m.group(1)
    link = soup.find("link", rel="canonical") or soup.find("meta", property="og:url")
    if isinstance(link, Tag):
        href = str(link.get("href") or link.get("content") or "").strip()
        if re.match(r"https?://\S+$", href):
            return href
    return ""


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


def _heading(rest: Tag) -> str:
    """The article's title outside the article: the longest heading-like element (a site's
    logo is a heading too, but a short one)."""
    found = [t for t in rest.find_all(["h1", "h2", "h3"]) if 0 < len(text_of(t)) <= 100]
    found += [
        t
        for t in rest.find_all(class_=_TITLE_CLASS)
        if not t.find(["div", "p", "table"]) and 0 < len(text_of(t)) <= 100
    ]
    texts = [clean_title(text_of(t)) for t in found]
    return max(texts, key=len, default="")


def page_text(path: Path) -> str:
    """The page's text, refused when it is not a regular file, too large, or has more tags than
    the parser and converter can handle in reasonable time."""
    try:
        text = decode(read_named(path, HTML_LIMIT))
    except UnsafeFile as exc:
        raise ImportError_(f"{exc}：无法导入") from exc
    if text.count("<") > HTML_TAG_LIMIT:
        raise ImportError_(
            f"{path}：网页的标签超过 {HTML_TAG_LIMIT} 个，不像是保存的文章页面，无法导入"
        )
    return text


def _find_article(body: Tag) -> tuple[Tag, str]:
    """The article, taken out of ``body``, and how it was found."""
    known = content.known_container(body)
    if known:
        return known[0].extract(), f"正文容器 {known[1]}"
    extracted = content.by_readability(str(body))
    if extracted is not None:
        mine = {x for x in extracted.get_text("\n").split("\n") if x.strip()}
        for node in body.find_all(string=lambda s: s.strip() in mine):  # what remains is the rest
            node.extract()
        return extracted, "readability-lxml 主体识别"
    return content.by_score(body).extract(), "段落文字最多的元素"


def read_page(path: Path) -> Page:
    """The article element and what the page says about it (信息名称, 发布机构 …)."""
    soup = BeautifulSoup(page_text(path), "lxml")
    limit_depth(soup)
    meta, url = _meta(soup), _url(soup)
    title = page_title(soup.title.get_text()) if soup.title else ""
    _strip(soup)
    body = soup.body or soup
    if content.is_listing(body):
        raise NotAnArticle(f"{path}：这是栏目或首页（几乎全是链接），不是一篇文章，未导入")
    article, how = _find_article(body)
    stated, seen = from_structures(body)
    from_text(body, stated, seen, "正文以外")
    heading = _heading(body)
    for key, value in meta.items():
        stated.setdefault(key, value)
    if "信息名称" in stated:
        stated["信息名称"] = Stated(
            clean_title(stated["信息名称"].value),
            stated["信息名称"].label,
            stated["信息名称"].where,
        )
    elif heading:
        stated["信息名称"] = Stated(heading, "", "正文上方的标题行")
    elif title:
        stated["信息名称"] = Stated(title, "", "网页标题（<title>）")
    if "关键词" in stated:
        words = [w for w in re.split(r"[\s,，;；、]+", stated["关键词"].value) if 0 < len(w) <= 10]
        old = stated["关键词"]
        stated["关键词"] = Stated(" ".join(dict.fromkeys(words)), old.label, old.where)
    return Page(article, {k: v for k, v in stated.items() if v.value}, how, url)
