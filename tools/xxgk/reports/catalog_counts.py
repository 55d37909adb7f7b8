"""Table 二's document rows from the catalog: 规章 and 行政规范性文件 issued, repealed, in force."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from xxgk.io.catalog import entry_paths, load_entries
from xxgk.io.frontmatter import Document
from xxgk.model.dates import parse_date
from xxgk.model.problem import Problem, Severity
from xxgk.reports.tables import DOC_COLUMNS, DOC_KINDS

RULE = "RPT-CATALOG"


@dataclass(frozen=True)
class Regulation:
    """A 规章 or 行政规范性文件 of the catalog, as table 二 needs it."""

    rel: str
    kind: str
    issued: dt.date
    repealed: dt.date | None


def _problem(doc: Document, key: str, message: str) -> Problem:
    line, col = doc.pos(key)
    return Problem(doc.rel, line, col, RULE, Severity.ERROR, message)


def regulation(doc: Document) -> tuple[Regulation | None, list[Problem]]:
    kind = doc.get("文种")
    if not doc.parsed or kind not in DOC_KINDS:
        return None, []
    issued = parse_date(doc.get("产生时间"))
    repealed_text = doc.get("废止日期")
    repealed = parse_date(repealed_text) if repealed_text else None
    problems = []
    if issued is None:
        problems.append(
            _problem(doc, "产生时间", f"{kind}的“产生时间”不是 yyyy-mm-dd 日期，无法计入年度报告")
        )
    if repealed_text and repealed is None:
        problems.append(
            _problem(doc, "废止日期", "“废止日期”不是 yyyy-mm-dd 日期，无法计入年度报告")
        )
    if issued and repealed and repealed < issued:
        problems.append(_problem(doc, "废止日期", f"“废止日期”{repealed} 早于产生时间 {issued}"))
    if problems or issued is None:
        return None, problems
    return Regulation(doc.rel, kind, issued, repealed), []


def _belongs(doc: Document, unit: str | None) -> bool:
    if unit is None:
        return True
    joint = doc.get("联合发文机关")
    return doc.get("发布机构") == unit or (isinstance(joint, list) and unit in joint)


def read_regulations(root: Path, unit: str | None = None) -> tuple[list[Regulation], list[Problem]]:
    found: list[Regulation] = []
    problems: list[Problem] = []
    for doc in load_entries(root, entry_paths(root)):
        if not doc.parsed:  # its 文种 is unknown: the counts would silently be wrong
            problems.extend(p for p in doc.problems if p.severity is Severity.ERROR)
            continue
        if not _belongs(doc, unit):
            continue
        item, probs = regulation(doc)
        problems += probs
        if item:
            found.append(item)
    return found, problems


def count_documents(items: list[Regulation], year: int) -> dict[tuple[str, str], int]:
    """本年制发, 本年废止 and 现行有效 (issued by 31 December and not repealed by then)."""
    end = dt.date(year, 12, 31)
    cells = {(kind, col): 0 for kind in DOC_KINDS for col in DOC_COLUMNS}
    for item in items:
        if item.issued.year == year:
            cells[(item.kind, "本年制发件数")] += 1
        if item.repealed and item.repealed.year == year:
            cells[(item.kind, "本年废止件数")] += 1
        if item.issued <= end and (item.repealed is None or item.repealed > end):
            cells[(item.kind, "现行有效件数")] += 1
    return cells
