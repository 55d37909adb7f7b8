"""Cleaned HTML → a list of blocks (paragraph, heading, list, table, image), each with its plain
text (to recognise the parts of an official document) and its Markdown.

Only structure survives: headings, bold, lists, tables, images and safe links. Fonts, colours,
sizes, classes and inline styles never reach the Markdown because nothing here reads them.
Text is escaped so that a document cannot smuggle HTML or ``{: onclick=…}`` attributes into
the site (MkDocs has no HTML sanitizer). The walk recurses, so documents are first cut to
MAX_DEPTH levels (:func:`limit_depth`): 20,000 nested ``<div>`` or unclosed ``<b><i>`` pairs
would otherwise exhaust Python's stack, and searching each element's subtree grows with depth.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bs4.element import Comment, NavigableString, Tag

BLOCK_TAGS = {
    "p",
    "div",
    "section",
    "article",
    "main",
    "center",
    "blockquote",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "table",
    "pre",
    "hr",
    "dl",
    "form",
    "body",
    "td",
}
_CJK = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
# [^\S\n]* before the newline, not \s*: with \s* on both sides, a run of n newlines after a
# Chinese character was tried at every split, n² steps
_WRAP = re.compile(rf"(?<=[{_CJK}])[^\S\n]*\n\s*(?=[{_CJK}])")
_SPACES = re.compile(r"[ \t\r\n\xa0]+")
_ESCAPE = re.compile(r"([\\`*_\[\]{}])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_LINE_START = re.compile(r"^([#>+\-=|])")
MAX_DEPTH = 40  # real pages nest some 25 levels; every level costs the walk a few stack frames


@dataclass
class Block:
    kind: str  # "p" | "h" | "list" | "table" | "image"
    text: str  # plain text, for recognising 发文字号, 落款, 成文日期 …
    md: str  # Markdown
    level: int = 0  # heading level as found in the source


@dataclass
class Resolver:
    """Turns image sources and link targets into Markdown (the caller saves the files)."""

    image: Callable[[str, str], str]  # (src, alt) -> Markdown or ""
    link: Callable[[str, str], str]  # (href, escaped text) -> Markdown


def limit_depth(root: Tag, limit: int = MAX_DEPTH) -> bool:
    """Replace what is nested deeper than ``limit`` by its text; True when anything was."""
    flattened = False
    stack = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        for child in [c for c in node.contents if isinstance(c, Tag)]:
            if depth + 1 < limit:
                stack.append((child, depth + 1))
            elif any(isinstance(c, Tag) for c in child.contents):
                text = child.get_text()
                child.clear()
                child.append(NavigableString(text))
                flattened = True
    return flattened


def escape(text: str) -> str:
    text = _ESCAPE.sub(r"\\\1", text)
    text = _ENTITY.sub("&amp;", text).replace("<", "&lt;")
    return _LINE_START.sub(r"\\\1", text)


def plain(text: str) -> str:
    text = _WRAP.sub("", text.replace("\x00", ""))
    return _SPACES.sub(" ", text)


def inline(node: Tag, res: Resolver) -> str:
    """Markdown of the inline content of ``node`` (block children flattened into it)."""
    out: list[str] = []
    for child in node.children:
        if isinstance(child, Comment):
            continue
        if isinstance(child, NavigableString):
            out.append(escape(plain(str(child))))
        elif isinstance(child, Tag):
            out.append(_inline_tag(child, res))
    return "".join(out)


def _inline_tag(tag: Tag, res: Resolver) -> str:
    name = tag.name
    if name == "br":
        return "  \n"
    if name == "img":
        return res.image(str(tag.get("src") or ""), tag.get_text() or str(tag.get("alt") or ""))
    inner = inline(tag, res)
    if name in ("strong", "b") and inner.strip():
        lead, core, trail = _split_space(inner)
        return f"{lead}**{core}**{trail}"
    if name == "a" and tag.get("href"):
        return res.link(str(tag["href"]), inner)
    if name in BLOCK_TAGS or name == "li":
        return f" {inner} "
    return inner


def _split_space(text: str) -> tuple[str, str, str]:
    core = text.strip()
    start = text.find(core)
    return text[:start], core, text[start + len(core) :]


def text_of(tag: Tag) -> str:
    """Plain text; a <br> stays a line break (a 落款 and its date often share one paragraph)."""
    parts = []
    for node in tag.descendants:
        if isinstance(node, Comment):
            continue
        if isinstance(node, NavigableString):
            parts.append(str(node))
        elif isinstance(node, Tag) and node.name == "br":
            parts.append("\u2028")
    lines = plain("".join(parts)).split("\u2028")
    return "\n".join(x.strip(" \u3000") for x in lines if x.strip(" \u3000"))


def paragraph(tag: Tag, res: Resolver) -> list[Block]:
    md = inline(tag, res).strip(" \u3000\n")
    text = text_of(tag)
    if not md:
        return []
    if not text and "![" in md:
        return [Block("image", "", md)]
    md = "\n".join(
        line.strip(" \u3000") if not line.endswith("  ") else line.lstrip(" \u3000")
        for line in md.split("\n")
    )
    return [Block("p", text, md)]


def has_blocks(tag: Tag) -> bool:
    return any(
        isinstance(c, Tag) and (c.name in BLOCK_TAGS or c.name == "li") for c in tag.children
    )
