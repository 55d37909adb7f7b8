"""The three tables of the national annual-report template (国办公开办函〔2021〕30号).

Rows and columns are exactly the template's; a table is a plain mapping from
(row id, column) to a number so that rendering, CSV and the balance rule share one shape.
No I/O here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from xxgk.requests.model import APPLICANT_TYPES as REQUEST_APPLICANT_TYPES
from xxgk.requests.outcomes import OUTCOMES as REQUEST_OUTCOMES

# ---- 表二：主动公开政府信息情况 -------------------------------------------------------

DOC_KINDS = ("规章", "行政规范性文件")
DOC_COLUMNS = ("本年制发件数", "本年废止件数", "现行有效件数")
# (条例第二十条 item, label, the column header) for the figures kept outside the catalog
DECISION_GROUPS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("第二十条第（五）项", ("行政许可",), "本年处理决定数量"),
    ("第二十条第（六）项", ("行政处罚", "行政强制"), "本年处理决定数量"),
    ("第二十条第（八）项", ("行政事业性收费",), "本年收费金额（单位：万元）"),
)


@dataclass(frozen=True)
class TableTwo:
    documents: dict[tuple[str, str], int]  # (规章|行政规范性文件, column) -> count
    decisions: dict[str, int]  # 行政许可 / 行政处罚 / 行政强制 -> count
    fees: Decimal  # 行政事业性收费, 万元


# ---- 表三：收到和处理政府信息公开申请情况 ------------------------------------------

# The template's columns and outcome rows: one definition, shared with the request records
# (whose replies are written in exactly these words).
APPLICANT_TYPES: tuple[str, ...] = REQUEST_APPLICANT_TYPES
TOTAL = "总计"
COLUMNS_3 = (*APPLICANT_TYPES, TOTAL)

# (row number, outcome, its numbered reasons) in the template's order
OUTCOMES: tuple[tuple[str, str, tuple[str, ...]], ...] = tuple(
    (o.row, o.name, tuple(reason for reason, _ in o.reasons)) for o in REQUEST_OUTCOMES
)
_ROW_LABELS_3 = {"三（二）": "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"}


@dataclass(frozen=True)
class Row:
    id: str  # "一", "三（三）2", "三（七）", "四" …
    label: str  # as printed in the template
    level: int  # 0 main row, 1 outcome category, 2 numbered reason
    counted: bool  # a leaf whose cells are counted (not a heading or a sum)


def rows_3() -> tuple[Row, ...]:
    rows = [
        Row("一", "一、本年新收政府信息公开申请数量", 0, True),
        Row("二", "二、上年结转政府信息公开申请数量", 0, True),
        Row("三", "三、本年度办理结果", 0, False),
    ]
    for number, name, reasons in OUTCOMES:
        rid = f"三{number}"
        rows.append(Row(rid, _ROW_LABELS_3.get(rid, f"{number}{name}"), 1, not reasons))
        rows += [Row(f"{rid}{i}", f"{i}.{r}", 2, True) for i, r in enumerate(reasons, 1)]
    rows.append(Row("三（七）", "（七）总计", 1, False))
    rows.append(Row("四", "四、结转下年度继续办理", 0, True))
    return tuple(rows)


def outcome_row(result: str, reason: str | None) -> str | None:
    """The row id of an outcome; None when the result or reason is not a national category."""
    for number, name, reasons in OUTCOMES:
        if result != name:
            continue
        if not reasons:
            return f"三{number}"
        wanted = _strip_number(reason or "")
        for i, known in enumerate(reasons, 1):
            if wanted == known or wanted == str(i):
                return f"三{number}{i}"
        return None
    return None


def _strip_number(reason: str) -> str:
    """'3.危及…' and '（3）危及…' name the same reason as '危及…'."""
    text = reason.strip().replace('"', "“", 1).replace('"', "”", 1)
    for sep in (".", "．", "、", "）", ")"):
        head, found, tail = text.partition(sep)
        if found and head.strip("（( ").isdigit() and tail:
            return tail.strip()
    return text


@dataclass
class TableThree:
    cells: dict[tuple[str, str], int] = field(default_factory=dict)

    def add(self, row: str, applicant: str, n: int = 1) -> None:
        self.cells[(row, applicant)] = self.cells.get((row, applicant), 0) + n

    def get(self, row: str, column: str) -> int:
        if column == TOTAL:
            return sum(self.get(row, a) for a in APPLICANT_TYPES)
        if row == "三（七）":
            return sum(
                self.get(r.id, column) for r in rows_3() if r.id.startswith("三（") and r.counted
            )
        if row == "三" or (row.startswith("三（") and not _is_leaf(row)):
            return sum(
                self.get(r.id, column)
                for r in rows_3()
                if r.counted and r.id.startswith(row) and r.id != row
            )
        return self.cells.get((row, column), 0)


def _is_leaf(row: str) -> bool:
    return any(r.id == row and r.counted for r in rows_3())


@dataclass(frozen=True)
class Imbalance:
    column: str
    new: int
    carried_in: int
    handled: int
    carried_out: int

    def message(self, year: int) -> str:
        return (
            f"表三“{self.column}”列不平衡：一（本年新收 {self.new}）+ 二（上年结转 {self.carried_in}）"
            f"= {self.new + self.carried_in}，而 三（七）总计 {self.handled} + 四（结转下年度 "
            f"{self.carried_out}）= {self.handled + self.carried_out}；"
            f"{year} 年度报告要求每列 一 + 二 = 三（七）+ 四，报告不予生成"
        )


def balance(table: TableThree) -> list[Imbalance]:
    """Columns breaking 一 + 二 = 三（七）+ 四 (the rule printed on the template)."""
    broken = []
    for column in COLUMNS_3:
        new, old = table.get("一", column), table.get("二", column)
        done, later = table.get("三（七）", column), table.get("四", column)
        if new + old != done + later:
            broken.append(Imbalance(column, new, old, done, later))
    return broken


# ---- 表四：行政复议、行政诉讼情况 --------------------------------------------------------

OUTCOME_COLUMNS_4 = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
GROUPS_4 = (("行政复议", "行政复议"), ("行政诉讼", "未经复议直接起诉"), ("行政诉讼", "复议后起诉"))


@dataclass(frozen=True)
class TableFour:
    cells: dict[tuple[str, str], int]  # (行政复议|未经复议直接起诉|复议后起诉, column) -> n

    def get(self, group: str, column: str) -> int:
        if column == "总计":
            return sum(self.cells.get((group, c), 0) for c in OUTCOME_COLUMNS_4[:-1])
        return self.cells.get((group, column), 0)


def columns_4() -> tuple[tuple[str, str], ...]:
    """(group, column) of the one data row, left to right: 15 cells."""
    return tuple((sub, col) for _, sub in GROUPS_4 for col in OUTCOME_COLUMNS_4)
