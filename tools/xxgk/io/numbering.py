"""Give entries their 索引号: the next serial of their series, written into the file."""

from __future__ import annotations

import re
from pathlib import Path

from xxgk.io.atomic import write_atomic
from xxgk.io.catalog import entry_paths, quick_index_numbers
from xxgk.model.indexno import next_serial
from xxgk.model.registry import Registry

_LINE = re.compile(r"^(索引号[ \t]*:).*$", re.MULTILINE)


def index_values(registry: Registry, publisher: str, category: str, year: int) -> dict[str, str]:
    unit = registry.unit(publisher)
    cat = registry.category(category)
    if unit is None or cat is None:
        raise ValueError("发布机构或分类未登记")
    return {
        "机构代码": unit.org_code,
        "单位代码": unit.code,
        "分类代码": cat.code,
        "地区编号": registry.region_code,
        "年份": str(year),
        "序号": "",
    }


def next_number(registry: Registry, taken: set[str], values: dict[str, str]) -> str:
    fmt = registry.index_format
    serial = next_serial(fmt, taken, values)
    return fmt.render({**values, "序号": serial})


def taken_numbers(root: Path) -> set[str]:
    return set(quick_index_numbers(root, entry_paths(root)))


def set_index_line(text: str, number: str) -> str:
    """The file with its ``索引号:`` line set (inserted after ``---`` when missing)."""
    if _LINE.search(text):
        return _LINE.sub(lambda m: f"{m.group(1)} {number}", text, count=1)
    head, sep, rest = text.partition("\n")
    return f"{head}{sep}索引号: {number}\n{rest}"


def write_number(path: Path, number: str) -> None:
    raw = path.read_bytes()
    bom = raw.startswith(b"\xef\xbb\xbf")
    text = raw[3:].decode("utf-8") if bom else raw.decode("utf-8")
    newline = "\r\n" if "\r\n" in text else "\n"
    updated = set_index_line(text.replace("\r\n", "\n"), number).replace("\n", newline)
    write_atomic(path, (b"\xef\xbb\xbf" if bom else b"") + updated.encode("utf-8"))
