"""Catalog entries as text: the field order and the YAML we write for staff to read."""

from __future__ import annotations

import re
from typing import Any

from xxgk.model.yamltext import scalar

FIELD_ORDER = (
    "索引号",
    "信息名称",
    "文件编号",
    "产生时间",
    "分类",
    "发布机构",
    "责任部门",
    "公开形式",
    "公开时限",
    "公开截止日期",
    "审核程序",
    "关键词",
    "内容描述",
    "文种",
    "废止日期",
    "涉及部门",
    "联合发文机关",
    "附件",
)


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
