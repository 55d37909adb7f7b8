"""Read the staff-written inputs of a year's report: annual/<年度>/统计数据.yml, 复议诉讼.yml, 正文.md.

Every file goes through the project's one YAML reader and its schema; every problem names the
file and line. Numbers arrive as text and are turned into int only where the schema says so.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from xxgk.io.frontmatter import decode, parse
from xxgk.io.registry import _coerce
from xxgk.io.schema import drop_empty, schema_for
from xxgk.io.yamlsafe import Loaded, load_yaml
from xxgk.model.dates import parse_date
from xxgk.model.problem import Problem, Severity, has_errors
from xxgk.reports.tables import GROUPS_4, OUTCOME_COLUMNS_4, TableFour

ANNUAL_DIR = "annual"
STATS_FILE = "统计数据.yml"
APPEALS_FILE = "复议诉讼.yml"
TEXT_FILE = "正文.md"
# The staff-written sections, in order; 二、三、四 are generated from the records.
SECTIONS = ("一、总体情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项")
_HEADING = re.compile(r"^##[ \t]+(\S.*?)[ \t]*#*[ \t]*$")
RULE = "RPT-INPUT"


@dataclass
class Inputs:
    stats: dict[str, Any] = field(default_factory=dict)
    appeals: TableFour | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    sections: dict[str, str] = field(default_factory=dict)  # heading -> Markdown body
    problems: list[Problem] = field(default_factory=list)

    @property
    def fees(self) -> Decimal:
        return Decimal(str(self.stats.get("行政事业性收费", "0")))


@dataclass(frozen=True)
class Scope:
    """Whose report: the whole government (unit None) or one department (附件3 第二条 units)."""

    year: int
    unit: str | None = None
    code: str | None = None  # the unit's 代码 in xxgk.yml: names the folders of its report

    @property
    def folder(self) -> str:
        """Where the staff's inputs live: annual/<年度>/ or annual/<年度>/<单位代码>/."""
        return f"{ANNUAL_DIR}/{self.year}" + (f"/{self.code}" if self.code else "")


def _problem(rel: str, where: tuple[int, int], message: str) -> Problem:
    return Problem(rel, where[0], where[1], RULE, Severity.ERROR, message)


def _read_yaml(
    root: Path, scope: Scope, name: str, schema: str
) -> tuple[dict[str, Any], Loaded, list[Problem]]:
    rel = f"{scope.folder}/{name}"
    path = root / rel
    if not path.is_file():
        return (
            {},
            Loaded(),
            [
                _problem(
                    rel,
                    (1, 1),
                    f"缺少文件 {rel}：请照 {ANNUAL_DIR}/ 下已有年度的样式填写后再生成报告",
                )
            ],
        )
    text, bad = decode(path.read_bytes(), rel)
    if text is None:
        return {}, Loaded(), [bad] if bad else []
    loaded = load_yaml(text, rel)
    problems = list(loaded.problems)
    if not loaded.ok or not isinstance(loaded.data, dict):
        if loaded.ok:
            problems.append(_problem(rel, (1, 1), "文件应由“字段名: 值”的行组成"))
        return {}, loaded, problems
    data, problems = _validate(root, rel, loaded, schema, scope.year, problems)
    return data, loaded, problems


def _validate(
    root: Path, rel: str, loaded: Loaded, schema_name: str, year: int, problems: list[Problem]
) -> tuple[dict[str, Any], list[Problem]]:
    schema = schema_for(root, schema_name)
    data = _coerce(drop_empty(loaded.data or {}), schema.schema)
    for err in schema.errors(data):
        problems.append(_problem(rel, loaded.pos(*err.path), err.message))
    if isinstance(data, dict) and data.get("年度") not in (None, str(year)):
        problems.append(
            _problem(
                rel,
                loaded.pos("年度"),
                f"“年度”写的是 {data.get('年度')}，但文件在 {year} 年的文件夹里",
            )
        )
    return (data if isinstance(data, dict) else {}), problems


def _appeals(
    data: dict[str, Any], rel: str, loaded: Loaded
) -> tuple[TableFour | None, list[Problem]]:
    cells: dict[tuple[str, str], int] = {}
    problems: list[Problem] = []
    for top, sub in GROUPS_4:
        node = data.get(top, {}) if top == sub else data.get(top, {}).get(sub, {})
        path = (top,) if top == sub else (top, sub)
        for column in OUTCOME_COLUMNS_4[:-1]:
            cells[(sub, column)] = int(node.get(column, 0))
        table = TableFour(cells)
        given = node.get("总计")
        if given is not None and int(given) != table.get(sub, "总计"):
            problems.append(
                _problem(
                    rel,
                    loaded.pos(*path, "总计"),
                    f"“{sub}”的总计写的是 {given}，但前四项之和是 {table.get(sub, '总计')}",
                )
            )
    return TableFour(cells), problems


def read_inputs(root: Path, scope: Scope) -> Inputs:
    result = Inputs()
    result.stats, _, probs = _read_yaml(root, scope, STATS_FILE, "annual-statistics.schema.json")
    result.problems += probs
    appeals, loaded, probs = _read_yaml(root, scope, APPEALS_FILE, "annual-appeals.schema.json")
    result.problems += probs
    if appeals and not has_errors(probs):
        result.appeals, probs = _appeals(appeals, f"{scope.folder}/{APPEALS_FILE}", loaded)
        result.problems += probs
    _read_text(root, scope, result)
    return result


def _read_text(root: Path, scope: Scope, into: Inputs) -> None:
    rel = f"{scope.folder}/{TEXT_FILE}"
    path = root / rel
    if not path.is_file():
        into.problems.append(
            _problem(rel, (1, 1), f"缺少文件 {rel}：写明第一、五、六部分后再生成报告")
        )
        return
    doc = parse(path.read_bytes(), rel)
    into.problems += doc.problems
    if not doc.parsed:
        return
    meta, probs = _validate(root, rel, doc.loaded, "annual-text.schema.json", scope.year, [])
    into.meta = meta
    into.problems += probs or _publication_date(rel, doc.loaded, scope, meta.get("发布日期"))
    into.sections, probs = split_sections(doc.body, doc.body_line, rel)
    into.problems += probs


def _publication_date(rel: str, loaded: Loaded, scope: Scope, text: object) -> list[Problem]:
    """After the year it reports on; by 31 January (departments) or 31 March (条例第四十九条)."""
    day = parse_date(text)
    if day is None:
        return []
    where = loaded.pos("发布日期")
    if day.year <= scope.year:
        return [_problem(rel, where, f"发布日期 {day} 不在 {scope.year} 年度结束之后")]
    deadline = dt.date(scope.year + 1, 1 if scope.unit else 3, 31)
    if day > deadline:
        who = "部门" if scope.unit else "县级以上人民政府"
        return [
            Problem(
                rel,
                where[0],
                where[1],
                RULE,
                Severity.WARNING,
                f"发布日期 {day} 晚于{who}发布年度报告的期限 {deadline}（条例第四十九条）",
            )
        ]
    return []


def split_sections(body: str, first_line: int, rel: str) -> tuple[dict[str, str], list[Problem]]:
    """The body cut at its level-2 headings; exactly the three staff sections, in order."""
    found: dict[str, list[str]] = {}
    order: list[str] = []
    problems: list[Problem] = []
    current: list[str] | None = None
    for n, line in enumerate(body.split("\n")):
        m = _HEADING.match(line)
        if m:
            title = m.group(1)
            if title not in SECTIONS or title in found:
                why = "重复出现" if title in found else "不是可写的一节"
                problems.append(
                    _problem(
                        rel,
                        (first_line + n, 1),
                        f"标题“{title}”{why}：正文只写"
                        f"“{'”“'.join(SECTIONS)}”三节，第二至四部分的表格由工具生成",
                    )
                )
                current = None
                continue
            current = found.setdefault(title, [])
            order.append(title)
        elif current is not None:
            current.append(line)
        elif line.strip():
            problems.append(
                _problem(
                    rel,
                    (first_line + n, 1),
                    "正文第一节标题之前不能有文字：请以“## 一、总体情况”开始",
                )
            )
    for title in SECTIONS:
        if title not in found:
            problems.append(_problem(rel, (first_line, 1), f"缺少一节“## {title}”"))
    if [t for t in SECTIONS if t in order] != order:
        problems.append(_problem(rel, (first_line, 1), "各节顺序应为：" + "、".join(SECTIONS)))
    return {t: "\n".join(v).strip() for t, v in found.items()}, problems
