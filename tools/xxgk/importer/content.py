"""Where a saved page's article is: the 正文 container of a known government CMS, else the
main content that readability-lxml finds, else the element with the most paragraph text.

Government platforms put the article in a container with a fixed name (TRS/拓尔思 WCM:
``#zoom`` and ``.TRS_Editor``; 大汉/Hanweb: ``#zoom`` and ``#ivs_content``; the Inner Mongolia
信息公开 platforms: ``.xxgk_content``; others ``#UCAP-CONTENT``, ``.article-content`` …). Such a
container is taken as it is. Pages of other layouts go through readability-lxml (maintained,
chosen over trafilatura and jusText by the comparison in docs/import.md).
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag
from bs4.element import NavigableString
from lxml.etree import LxmlError
from readability import Document  # type: ignore[import-untyped]
from readability.readability import Unparseable  # type: ignore[import-untyped]

# in order of preference: the innermost names first where platforms nest them
CONTAINERS = (
    "#ivs_content",
    ".TRS_Editor",
    ".TRS_UEDITOR",
    "#UCAP-CONTENT",
    "#zoom",
    "#Zoom",
    "#fontzoom",
    ".xxgk_content",
    "#xxgk_content",
    ".article-content",
    ".art_con",
    ".wz_content",
    ".zwxl-article",
    ".pages_content",
    "#js_content",
    "#content_text",
)
MIN_TEXT = 20  # CJK characters a container must hold to be the article
LISTING_RUN = 30  # a page whose longest text outside links is shorter is a list of links
_CJK = re.compile(r"[\u3400-\u9fff]")


def cjk(text: str) -> int:
    return len(_CJK.findall(text))


def known_container(body: Tag) -> tuple[Tag, str] | None:
    """The 正文 container of a known platform, and its selector."""
    for selector in CONTAINERS:
        for found in body.select(selector):
            if cjk(found.get_text()) >= MIN_TEXT:
                return found, selector
    return None


def by_readability(html: str) -> Tag | None:
    """The main content as readability-lxml extracts it (None when it finds nothing)."""
    try:
        summary = Document(html, min_text_length=10).summary(html_partial=True)
    except (Unparseable, LxmlError, ValueError):
        return None
    root = BeautifulSoup(summary, "lxml")
    found = root.body or root
    return found if cjk(found.get_text()) >= MIN_TEXT else None


def by_score(body: Tag) -> Tag:
    """The element holding the most paragraph text (leaves weighed into parent and grandparent)."""
    scores: dict[int, float] = {}
    nodes: dict[int, Tag] = {}
    for p in body.find_all(["p", "td", "div", "li"]):
        if p.find(["p", "div", "table", "li"]):
            continue  # only leaves carry text
        weight = cjk(p.get_text())
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


def is_listing(body: Tag) -> bool:
    """A column or home page: its text is links, no run of prose outside them."""
    longest = linked = total = 0
    for node in body.descendants:
        if not isinstance(node, NavigableString) or not node.parent:
            continue
        count = cjk(str(node))
        total += count
        if node.find_parent("a") is not None:
            linked += count
        else:
            longest = max(longest, count)
    return longest < LISTING_RUN and linked * 2 > total
