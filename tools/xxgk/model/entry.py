"""Catalog entries as text: the field order and the YAML we write for staff to read."""

from __future__ import annotations

import json
import re
from typing import Any

FIELD_ORDER = (
    "索引号", "信息名称", "文件编号", "产生时间", "分类", "发布机构", "责任部门", "公开形式",
    "公开时限", "公开截止日期", "审核程序", "关键词", "内容描述", "文种", "废止日期",
    "涉及部门", "联合发文机关", "附件",
)
_PLAIN_SAFE = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`~][^#]*$")
_RISKY = re.compile(r"^(?:[-+]?[0-9][0-9_:.]*|y|n|yes|no|on|off|true|false|null|~)$", re.IGNORECASE)


def scalar(value: str) -> str:
    """``value`` as a YAML scalar that every YAML reader reads back as the same text."""
    if (value and _PLAIN_SAFE.match(value) and ": " not in value and not value.endswith((":", " "))
            and not _RISKY.match(value)) or _is_date(value):
        return value
    return json.dumps(value, ensure_ascii=False)


def _is_date(value: str) -> bool:
    return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", value))


def front_matter(meta: dict[str, Any]) -> str:
    keys = [k for k in FIELD_ORDER if k in meta] + [k for k in meta if k not in FIELD_ORDER]
    lines = ["---"]
    for key in keys:
        value = meta[key]
        if value is None or value == [] or value == "":
            continue
        if isinstance(value, list):
            lines.append(f"{key}:")
            for item in value:
                if isinstance(item, dict):
                    first = True
                    for k, v in item.items():
                        lines.append(f"  {'- ' if first else '  '}{k}: {scalar(str(v))}")
                        first = False
                else:
                    lines.append(f"  - {scalar(str(item))}")
        else:
            lines.append(f"{key}: {scalar(str(value))}")
    lines.append("---")
    return "\n".join(lines) + "\n"


def file_stem(index_no: str) -> str:
    """A file name for an entry: its index number with path separators replaced."""
    return re.sub(r"[^0-9A-Za-z._-]", "-", index_no)


def entry_url(index_no: str) -> str:
    """Site-relative URL of an entry page, keyed by the 索引号 (which never changes)."""
    return f"catalog/{file_stem(index_no)}/"
