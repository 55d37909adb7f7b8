"""Labelled values of a government site's 信息公开 header (索引号, 发布机构, 生成日期, 文号 …).

Platforms lay the header out as a table (a label cell, then a value cell), as a definition
list (``<dt>``/``<dd>``) or as a line of text (``发布日期：2024-06-12　来源：财政局``). Every
label the platforms print is known here, including the ones we do not use (有效性, 浏览次数 …),
so that an empty value is read as empty and never as the label that follows it.

Each value keeps where it was read (:class:`Stated`), to tell staff truthfully.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bs4 import Tag

# label as printed (spaces removed) → the key we keep it under
LABELS = {
    "索引号": "索引号",
    "信息索引号": "索引号",
    "信息名称": "信息名称",
    "名称": "信息名称",
    "标题": "信息名称",
    "文件名称": "信息名称",
    "信息标题": "信息名称",
    "发布机构": "发布机构",
    "发文机关": "发布机构",
    "发文单位": "发布机构",
    "发布单位": "发布机构",
    "来源": "来源",
    "信息来源": "来源",
    "文章来源": "来源",
    "成文日期": "成文日期",
    "发文日期": "成文日期",
    "生成日期": "生成日期",
    "产生日期": "生成日期",
    "发布日期": "发布日期",
    "发布时间": "发布日期",
    "公开日期": "发布日期",
    "文号": "文件编号",
    "发文字号": "文件编号",
    "文件编号": "文件编号",
    "文件字号": "文件编号",
    "关键词": "关键词",
    "关键字": "关键词",
    "主题词": "关键词",
    "内容概述": "内容描述",
    "内容描述": "内容描述",
    "摘要": "内容描述",
    "内容摘要": "内容描述",
    "主题分类": "主题分类",
    "组配分类": "主题分类",
    "体裁分类": "主题分类",
    "信息分类": "主题分类",
    "有效性": "有效性",
    "时效性": "有效性",
    "效力状态": "有效性",
    "是否有效": "有效性",
    "公开方式": "公开方式",
    "公开形式": "公开方式",
    "公开范围": "公开方式",
    "公开时限": "公开方式",
    "浏览次数": "浏览次数",
    "浏览量": "浏览次数",
    "阅读量": "浏览次数",
    "访问量": "浏览次数",
    "点击数": "浏览次数",
    "阅读次数": "浏览次数",
    "字体": "字体",
    "字号": "字体",
    "作者": "作者",
    "编辑": "作者",
    "责任编辑": "作者",
}
_SPACE = re.compile(r"[\s\u3000\xa0]+")
_PATTERN = "|".join(r"[\s\u3000\xa0]*".join(k) for k in sorted(LABELS, key=len, reverse=True))
LABEL = re.compile(rf"(?:^|(?<=[\s\u3000\xa0【\[]))({_PATTERN})[\s\u3000\xa0]*[:：]")
_ALONE = re.compile(rf"^({_PATTERN})[\s\u3000\xa0]*[:：]?$")
_TRIM = " \t\r\n\u3000\xa0;；,，|｜【】[]"


@dataclass(frozen=True)
class Stated:
    """A value the page states, with its label as printed and where it stood."""

    value: str
    label: str
    where: str  # "信息公开表格" | "正文上方" | "正文开头" …

    @property
    def origin(self) -> str:
        return f"{self.where}的“{self.label}”" if self.label else self.where


def compact(text: str) -> str:
    return _SPACE.sub("", text)


def label_key(text: str) -> str | None:
    """The key of a cell or term that is only a label (``索 引 号：``), else None."""
    m = _ALONE.match(text.strip(_TRIM))
    return LABELS[compact(m.group(1))] if m else None


def _put(found: dict[str, Stated], key: str, label: str, value: str, where: str) -> None:
    value = value.strip(_TRIM)
    if key not in found and value:
        found[key] = Stated(value, label, where)


def from_line(line: str, where: str, found: dict[str, Stated]) -> bool:
    """Labelled values of one line of text; True when the line holds nothing else."""
    marks = list(LABEL.finditer(line))
    if not marks:
        return False
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(line)
        label = compact(m.group(1))
        _put(found, LABELS[label], label, line[m.end() : end], where)
    return not line[: marks[0].start()].strip(_TRIM)


def from_cells(cells: list[Tag], where: str, found: dict[str, Stated], seen: set[str]) -> None:
    """Cells of a table row or the terms and definitions of a list: a label cell, then its
    value cell (empty: nothing, never the next label); or ``label：value`` in one cell."""
    n = 0
    while n < len(cells):
        text = cells[n].get_text(" ").strip(_TRIM)
        key = label_key(text)
        if key is None:
            # ``label：value`` inside a cell: a line of the layout, not a cell of the header
            from_line(cells[n].get_text(" "), "正文以外", found)
            n += 1
            continue
        label = compact(text).rstrip(":：")
        seen.add(key)
        nxt = cells[n + 1].get_text(" ") if n + 1 < len(cells) else ""
        if n + 1 < len(cells) and label_key(nxt) is None and not LABEL.match(nxt.strip(_TRIM)):
            _put(found, key, label, nxt, where)
            n += 1
        n += 1


def from_structures(rest: Tag, where: str = "信息公开表格") -> tuple[dict[str, Stated], set[str]]:
    """Values of header tables and definition lists; also the keys whose label was seen."""
    found: dict[str, Stated] = {}
    seen: set[str] = set()
    for row in rest.find_all("tr"):
        if not row.find("table"):
            from_cells(row.find_all(["td", "th"], recursive=False), where, found, seen)
    for dl in rest.find_all("dl"):
        from_cells(dl.find_all(["dt", "dd"]), where, found, seen)
    for item in rest.find_all("li"):
        if not item.find(["li", "table", "dl"]):
            cells = [c for c in item.find_all(True, recursive=False)]
            if len(cells) >= 2 and label_key(cells[0].get_text(" ")):
                from_cells(cells, where, found, seen)
    return found, seen


def from_text(rest: Tag, found: dict[str, Stated], seen: set[str], where: str = "正文上方") -> None:
    """``label：value`` lines elsewhere on the page, for keys not read from a structure."""
    lines = [x for x in (y.strip() for y in rest.get_text("\n").split("\n")) if x]
    for line in lines:
        got: dict[str, Stated] = {}
        from_line(line, where, got)
        for key, stated in got.items():
            if key not in seen:
                found.setdefault(key, stated)
