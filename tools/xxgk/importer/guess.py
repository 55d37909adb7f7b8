"""Propose an entry's metadata from a converted document, and clean its body.

Each guess keeps where it came from, so that the command can tell staff what to verify.
A value the web page states in its own metadata (信息公开 table, ``<meta>``) wins over one
read from the layout, except the 成文日期 printed under the signature, which is the legal date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from xxgk.importer.blocks import Block, escape
from xxgk.importer.cndate import find_date
from xxgk.importer.header import compact, find_title, normalise_doc_no, read_head
from xxgk.importer.tail import (
    Tail,
    attachment_start,
    mark_sections,
    read_list,
    read_signoff,
    strip_record,
)
from xxgk.model.registry import Registry

OUTLINE = ((re.compile(r"^第[一二三四五六七八九十百]+[章编]"), 2),
           (re.compile(r"^[一二三四五六七八九十]+、"), 2),
           (re.compile(r"^[（(][一二三四五六七八九十]+[）)]"), 3))
HEADING_MAX = 40  # longer lines are paragraphs that merely start with 一、


@dataclass
class Guess:
    value: str
    origin: str  # where it was read, in Chinese


@dataclass
class Reading:
    fields: dict[str, Guess] = field(default_factory=dict)
    markings: list[str] = field(default_factory=list)  # 份号, 密级 as printed
    removed: list[str] = field(default_factory=list)  # parts taken out of the body
    notes: list[str] = field(default_factory=list)  # things staff should look at
    listed: list[str] = field(default_factory=list)  # attachments named in 附件说明
    sections: list[str] = field(default_factory=list)  # attachments found in the text
    joint: list[str] = field(default_factory=list)  # 联合发文机关 when several signed
    old_index: str = ""  # the 索引号 a web page already showed
    body: list[Block] = field(default_factory=list)


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
        if b.kind == "p" and level and len(text) <= HEADING_MAX and not re.search(r"[。；;]$", text):
            out.append(Block("h", b.text, f"{'#' * level} {escape(b.text)}", level))
        else:
            out.append(b)
    return out


def read(blocks: list[Block], page: dict[str, str], registry: Registry) -> Reading:
    r = Reading(old_index=page.get("索引号", "").strip())
    head, rest = read_head(blocks)
    r.markings, r.removed = head.markings, list(head.removed)
    known = page.get("信息名称", "")
    title, at, count = find_title(rest, known)
    if at >= 0:
        del rest[at:at + count]
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
    _fields(r, head.doc_no, head.doc_no_printed, title, tail, page, registry)
    if head.banner and "发布机构" not in r.fields:
        _publisher(r, [head.banner], "发文机关标志", registry)
    return r


def _fields(r: Reading, doc_no: str, printed: str, title: str, tail: Tail, page: dict[str, str],
            registry: Registry) -> None:
    if title:
        r.fields["信息名称"] = Guess(title, "网页标注的标题" if page.get("信息名称") else "正文标题")
    if page.get("文件编号") and not printed:
        printed = page["文件编号"]
        doc_no = normalise_doc_no(printed)
    if doc_no:
        r.fields["文件编号"] = Guess(doc_no, "发文字号")
        if compact(printed) != doc_no:
            r.notes.append(f"文件编号原文为“{printed}”，已按 GB/T 9704 写作“{doc_no}”")
    elif printed:
        r.notes.append(f"发文字号“{printed}”无法按 GB/T 9704 改正，请用 --doc-no 给出")
    if tail.date:
        r.fields["产生时间"] = Guess(tail.date.isoformat(), f"成文日期“{tail.date_printed}”")
    elif page.get("产生时间") and (when := find_date(page["产生时间"])):
        r.fields["产生时间"] = Guess(when.isoformat(), f"网页上的日期“{page['产生时间']}”")
    _publisher(r, tail.signature, "落款", registry)
    if "发布机构" not in r.fields and page.get("发布机构"):
        _publisher(r, [page["发布机构"]], "网页标注的发布机构", registry)
    for key in ("关键词", "内容描述"):
        if page.get(key):
            r.fields[key] = Guess(page[key], "网页 meta 标签")


def _publisher(r: Reading, signs: list[str], origin: str, registry: Registry) -> None:
    units = [match_unit(s, registry) for s in signs]
    found = [u for u in units if u]
    if found:
        r.fields["发布机构"] = Guess(found[0], f"{origin}“{signs[units.index(found[0])]}”")
        if len(set(found)) > 1:
            r.joint = list(dict.fromkeys(found))
    elif signs:
        r.notes.append(f"{origin}“{'、'.join(signs)}”不是 xxgk.yml 中登记的单位，请用 --publisher 给出")
