"""Lists and tables as Markdown.

Merged cells (colspan/rowspan) leave the covered cells empty, so that every row has the same
number of columns (Markdown tables cannot merge). Paragraphs inside a cell are joined with
``<br>``, the only HTML the importer writes. A table with one column or one cell is a layout
table (web pages put whole articles in them): its content is read as ordinary blocks.
"""

from __future__ import annotations

from collections.abc import Callable

from bs4 import Tag

from xxgk.importer.blocks import Block, Resolver, has_blocks, inline, paragraph, text_of

# The block walker, passed in by importer.blocks (a table cell holds blocks of its own).
Walk = Callable[[Tag, Resolver], list[Block]]


def _items(tag: Tag) -> list[Tag]:
    return [li for li in tag.find_all("li", recursive=False)]


def _list_lines(tag: Tag, res: Resolver, depth: int) -> list[str]:
    lines: list[str] = []
    ordered = tag.name == "ol"
    for n, li in enumerate(_items(tag), 1):
        nested = [c for c in li.find_all(["ul", "ol"], recursive=False)]
        for sub in nested:
            sub.extract()
        text = " ".join(inline(li, res).split("\n")).strip(" \u3000")
        marker = f"{n}." if ordered else "-"
        lines.append(f"{'    ' * depth}{marker} {text}")
        for sub in nested:
            lines.extend(_list_lines(sub, res, depth + 1))
    return lines


def list_block(tag: Tag, res: Resolver) -> list[Block]:
    text = text_of(tag)
    lines = _list_lines(tag, res, 0)
    return [Block("list", text, "\n".join(lines))] if lines else []


def _rows(table: Tag) -> list[Tag]:
    return [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]


def _cell_md(cell: Tag, res: Resolver, walk: Walk) -> str:
    if has_blocks(cell):
        parts = [b.md.replace("\n", " ") for b in walk(cell, res)]
    else:
        parts = [b.md.replace("\n", " ") for b in paragraph(cell, res)]
    return "<br>".join(p for p in parts if p).replace("|", "\\|")


def _span(cell: Tag, attr: str) -> int:
    try:
        return max(1, min(int(str(cell.get(attr) or 1)), 50))
    except ValueError:
        return 1


def grid(table: Tag, res: Resolver, walk: Walk) -> list[list[str]]:
    """The table as rows of equal length, merged cells expanded into empty cells."""
    taken: dict[tuple[int, int], str] = {}
    for r, tr in enumerate(_rows(table)):
        c = 0
        for cell in tr.find_all(["td", "th"], recursive=False):
            while (r, c) in taken:
                c += 1
            text = _cell_md(cell, res, walk)
            for dr in range(_span(cell, "rowspan")):
                for dc in range(_span(cell, "colspan")):
                    taken[(r + dr, c + dc)] = text if dr == dc == 0 else ""
            c += _span(cell, "colspan")
    if not taken:
        return []
    height = max(r for r, _ in taken) + 1
    width = max(c for _, c in taken) + 1
    return [[taken.get((r, c), "") for c in range(width)] for r in range(height)]


def table_blocks(table: Tag, res: Resolver, walk: Walk) -> list[Block]:
    rows = grid(table, res, walk)
    if not rows:
        return []
    if len(rows[0]) == 1 or (len(rows) == 1 and len(rows[0]) <= 2 and has_blocks_in(table)):
        blocks: list[Block] = []
        for tr in _rows(table):
            for cell in tr.find_all(["td", "th"], recursive=False):
                blocks.extend(walk(cell, res))
        return blocks
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + " --- |" * len(rows[0])]
    lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
    return [Block("table", text_of(table), "\n".join(lines))]


def has_blocks_in(table: Tag) -> bool:
    return any(has_blocks(cell) for cell in table.find_all(["td", "th"]))
