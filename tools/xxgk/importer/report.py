"""The report of a folder import: a CSV with one row per file (what was extracted and from
where, what is missing, what a person must look at) and a summary in Chinese.

The CSV is written with a BOM so that Excel and WPS open its Chinese as it is.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from pathlib import Path

from xxgk.importer.bulk import DONE, FAILED, FIELDS, HELD, LISTING, SEEN, WOULD, Row
from xxgk.io.atomic import write_atomic

COLUMNS = (
    "文件",
    "结果",
    "条目",
    "索引号",
    "索引号来源",
    "正文取自",
    *FIELDS,
    *(f"{k}出处" for k in FIELDS),
    "缺少",
    "需人工处理",
)


def csv_text(rows: list[Row]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for r in rows:
        writer.writerow(
            [
                r.file,
                r.outcome,
                r.entry,
                r.index_no,
                r.index_how,
                r.extractor,
                *(r.values.get(k, "") for k in FIELDS),
                *(r.origins.get(k, "") for k in FIELDS),
                "、".join(r.missing),
                "；".join(r.attention),
            ]
        )
    return "\ufeff" + out.getvalue()


def summary(folder: str, rows: list[Row]) -> str:
    count = Counter(r.outcome for r in rows)
    kept = sum(1 for r in rows if r.outcome in (DONE, WOULD) and r.index_how == "保留原索引号")
    new = sum(1 for r in rows if r.outcome in (DONE, WOULD) and r.index_how == "新分配")
    lines = [
        f"导入 {folder}：共 {len(rows)} 个文件",
        f"  已导入 {count[DONE]} 个"
        + (f"（试运行，可导入 {count[WOULD]} 个）" if count[WOULD] else ""),
        f"  以前已导入、本次跳过 {count[SEEN]} 个",
        f"  栏目页或首页（不是文章）跳过 {count[LISTING]} 个",
        f"  未写入 {count[HELD]} 个，读取失败 {count[FAILED]} 个",
        f"  索引号：保留原网站的 {kept} 个，新分配 {new} 个",
    ]
    held = [r for r in rows if r.outcome in (HELD, FAILED)]
    if held:
        lines.append("未写入的文件（补上后重新运行同一命令，已导入的不会重复）：")
        for r in held:
            why = (["缺少 " + "、".join(r.missing)] if r.missing else []) + r.attention[:3]
            lines.append(f"  {r.file}：{'；'.join(why)}")
    check = [r for r in rows if r.outcome in (DONE, WOULD) and r.attention]
    if check:
        lines.append("已导入、但请人工核对：")
        lines += [f"  {r.entry}（{r.file}）：{'；'.join(r.attention)}" for r in check]
    return "\n".join(lines) + "\n"


def write_report(base: Path, folder: str, rows: list[Row]) -> tuple[Path, Path]:
    """``<base>.csv`` and ``<base>.txt``, each written whole or not at all."""
    table, text = base.with_suffix(".csv"), base.with_suffix(".txt")
    write_atomic(table, csv_text(rows))
    write_atomic(text, summary(folder, rows))
    return table, text
