"""Propose an entry's metadata from a converted document, and clean its body.

Each guess keeps where it came from, truthfully (which table cell, ``<meta>`` tag or line of
the text), so that the command and the import report can tell staff what to verify. A value
printed in the document itself (发文字号, 落款, 成文日期) wins over what the page states around
it; among the page's values, its 信息公开 header wins over ``<meta>`` tags.
"""

from __future__ import annotations

import re

from xxgk.importer.blocks import Block, escape
from xxgk.importer.dates import created, stated_notes
from xxgk.importer.furniture import Edges, trim
from xxgk.importer.header import compact, find_title, normalise_doc_no, read_head
from xxgk.importer.labels import Stated
from xxgk.importer.reading import Guess, Reading
from xxgk.importer.tail import (
    Tail,
    attachment_start,
    mark_sections,
    read_list,
    read_signoff,
    strip_record,
)
from xxgk.model.registry import Registry

OUTLINE = (
    (re.compile(r"^第[一二三四五六七八九十百]+[章编]"), 2),
    (re.compile(r"^[一二三四五六七八九十]+、"), 2),
    (re.compile(r"^[（(][一二三四五六七八九十]+[）)]"), 3),
)
HEADING_MAX = 40  # longer lines are paragraphs that merely start with 一、


def match_unit(text: str, registry: Registry) -> str | None:
    """The registered unit a signature or 发布机构 names (full name, abbreviation or inside)."""
    plain = compact(text)
    names = [u.name for u in registry.units]
    if plain in names:
        return plain
    for short, full in registry.abbreviations.items():
        if plain == short and full in names:
            return full
    inside = [n for n in names if n in plain]
    return max(inside, key=len) if inside else None


def outline(blocks: list[Block]) -> list[Block]:
    """Headings: the document's own heading levels shifted to start at ##, and short lines
    numbered 一、 / （一） (the outline of Chinese official documents) made headings."""
    levels = [b.level for b in blocks if b.kind == "h" and b.level]
    shift = 2 - min(levels) if levels else 0
    out = []
    for b in blocks:
        text = compact(b.text)
        if b.kind == "h":
            level = min(6, max(2, b.level + shift)) if b.level else 2
            out.append(Block("h", b.text, f"{'#' * level} {escape(b.text)}", level))
            continue
        level = next((lv for rx, lv in OUTLINE if rx.match(text)), 0)
        if (
            b.kind == "p"
            and level
            and len(text) <= HEADING_MAX
            and not re.search(r"[。；;]$", text)
        ):
            out.append(Block("h", b.text, f"{'#' * level} {escape(b.text)}", level))
        else:
            out.append(b)
    return out


def read(
    blocks: list[Block], page: dict[str, Stated], registry: Registry, web: bool = False
) -> Reading:
    """What the document (and, for a web page, what the page) says, and the cleaned body.
    ``page``: the values a web page states outside the article, with their origins; a web
    page's article also loses the site furniture at its edges."""
    blocks, edges = trim(blocks) if web else (blocks, Edges())
    page = {**edges.stated, **page}  # the header table wins over a line at the top of the text
    r = Reading(old_index=page["索引号"].value.strip() if "索引号" in page else "")
    r.removed += edges.removed
    head, rest = read_head(blocks)
    r.markings, r.removed = head.markings, r.removed + list(head.removed)
    known = page["信息名称"].value if "信息名称" in page else ""
    title, at, count = find_title(rest, known)
    if at >= 0:
        del rest[at : at + count]
        r.removed.append("标题（页面上方会显示信息名称）")
    tail = Tail()
    rest = strip_record(rest, tail)
    cut = attachment_start(rest)
    read_list(rest[:cut], tail)
    read_signoff(rest[:cut], tail)
    rest = rest[:cut] + mark_sections(rest[cut:], tail)
    r.removed += tail.removed
    r.listed, r.sections = tail.listed, tail.sections
    r.body = outline(rest)
    if title:
        origin = page["信息名称"].origin if known else "正文标题"
        r.fields["信息名称"] = Guess(title, origin)
    _doc_no(r, head.doc_no, head.doc_no_printed, page)
    created(r, tail, page)
    _publisher(r, tail.signature, "落款", registry)
    for key in ("发布机构", "来源"):
        if "发布机构" not in r.fields and key in page:
            _publisher(r, [page[key].value], page[key].origin, registry)
    if head.banner and "发布机构" not in r.fields:
        _publisher(r, [head.banner], "发文机关标志", registry)
    for key in ("关键词", "内容描述"):
        if key in page:
            r.fields[key] = Guess(page[key].value, page[key].origin)
    r.notes += stated_notes(page)
    if "主题分类" in page:
        r.topic = f"{page['主题分类'].origin}是“{page['主题分类'].value}”"
    return r


def _doc_no(r: Reading, doc_no: str, printed: str, page: dict[str, Stated]) -> None:
    origin = "正文中的发文字号"
    if not printed and "文件编号" in page:
        printed, origin = page["文件编号"].value, page["文件编号"].origin
        doc_no = normalise_doc_no(printed)
    if doc_no:
        r.fields["文件编号"] = Guess(doc_no, origin)
        if compact(printed) != doc_no:
            r.notes.append(f"文件编号原文为“{printed}”，已按 GB/T 9704 写作“{doc_no}”")
    elif printed:
        r.notes.append(f"发文字号“{printed}”无法按 GB/T 9704 改正，请用 --doc-no 给出")


def _publisher(r: Reading, signs: list[str], origin: str, registry: Registry) -> None:
    units = [match_unit(s, registry) for s in signs]
    found = [u for u in units if u]
    if found:
        r.fields["发布机构"] = Guess(found[0], f"{origin}“{signs[units.index(found[0])]}”")
        if len(set(found)) > 1:
            r.joint = list(dict.fromkeys(found))
    elif signs:
        r.notes.append(
            f"{origin}“{'、'.join(signs)}”不是 xxgk.yml 中登记的单位，请用 --publisher 给出"
        )
