"""Withdrawal (撤回) records: a published entry taken off the site, with reason and approval."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from xxgk.io.atomic import write_atomic
from xxgk.io.frontmatter import Document
from xxgk.model.entry import file_stem
from xxgk.review.sign import SignError
from xxgk.review.yamlout import dump
from xxgk.trust.index import WITHDRAWALS

HEADER = (
    "撤回记录（附件4 第十五条），由 xxgk review withdraw 生成。有本记录的条目不再出现在公开专栏。"
)


def withdrawal_path(doc: Document, date: dt.date) -> str:
    slug = file_stem(str(doc.get("索引号")))
    return f"{WITHDRAWALS}/{date.year}/{slug}.yml"


def write_withdrawal(
    root: Path, doc: Document, reason: str, approver: str, handler: str, date: dt.date
) -> str:
    if not doc.parsed or not doc.get("索引号"):
        raise SignError(f"{doc.rel}：条目的元数据无法读取或没有索引号，无法记录撤回")
    rel = withdrawal_path(doc, date)
    record = {
        "索引号": doc.get("索引号"),
        "条目": doc.rel,
        "信息名称": doc.get("信息名称"),
        "撤回原因": reason,
        "撤回日期": date.isoformat(),
        "批准人": approver,
        "经办人": handler,
    }
    try:
        write_atomic(root / rel, dump(record, HEADER), exclusive=True)
    except FileExistsError as exc:
        raise SignError(f"{rel} 已存在：该条目本年已有撤回记录，记录不能覆盖") from exc
    return rel
