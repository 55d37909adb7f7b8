"""The annual report as a site page (Markdown with HTML tables) and as CSV files.

The tables are HTML because table 三 and 四 need merged header cells (rowspan/colspan) that
Markdown tables cannot express; ``<thead>`` repeats on every printed page and the class
``xxgk-annual`` on the wrapper lets the site's print stylesheet keep rows together.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from html import escape

from xxgk.reports.annual import AnnualReport
from xxgk.reports.tables import (
    APPLICANT_TYPES,
    COLUMNS_3,
    DECISION_GROUPS,
    DOC_COLUMNS,
    DOC_KINDS,
    GROUPS_4,
    OUTCOME_COLUMNS_4,
    OUTCOMES,
    TOTAL,
    Row,
    columns_4,
    rows_3,
)

CSV_NAMES = ("table-2.csv", "table-3.csv", "table-4.csv")
# The theme styles only tables without a class, so the hook for print rules is a wrapper.
OPEN = '<div class="xxgk-annual">\n<table>'
CLOSE = "</table>\n</div>"


def money(value: Decimal) -> str:
    """万元 with at most four decimals, written as the staff gave it (no float rounding)."""
    return format(value.normalize(), "f") if value == value.to_integral() else str(value)


# ---- HTML tables ---------------------------------------------------------------------


def _row(cells: list[str]) -> str:
    return "<tr>" + "".join(cells) + "</tr>"


def _cell(tag: str, text: object, span: dict[str, int]) -> str:
    attrs = "".join(f' {k}="{v}"' for k, v in span.items() if v > 1)
    return f"<{tag}{attrs}>{escape(str(text))}</{tag}>"


def _td(text: object, **span: int) -> str:
    return _cell("td", text, span)


def _num(value: object, **span: int) -> str:
    """A figure: centred by the page's style, labels stay left."""
    attrs = "".join(f' {k}="{v}"' for k, v in span.items() if v > 1)
    return f'<td class="n"{attrs}>{escape(str(value))}</td>'


def _th(text: str, **span: int) -> str:
    return _cell("th", text, span)


def table_two_html(report: AnnualReport) -> str:
    t = report.two
    lines = [OPEN, "<tbody>"]
    lines.append(_row([_th("第二十条第（一）项", colspan=4)]))
    lines.append(_row([_th("信息内容"), *(_th(c) for c in DOC_COLUMNS)]))
    for kind in DOC_KINDS:
        lines.append(_row([_td(kind), *(_num(t.documents[(kind, c)]) for c in DOC_COLUMNS)]))
    for item, labels, header in DECISION_GROUPS:
        lines.append(_row([_th(item, colspan=4)]))
        lines.append(_row([_th("信息内容"), _th(header, colspan=3)]))
        for label in labels:
            value = money(t.fees) if label == "行政事业性收费" else t.decisions[label]
            lines.append(_row([_td(label), _num(value, colspan=3)]))
    return "\n".join([*lines, "</tbody>", CLOSE])


def _three_head() -> list[str]:
    return [
        "<thead>",
        _row(
            [
                _th(
                    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
                    colspan=3,
                    rowspan=3,
                ),
                _th("申请人情况", colspan=7),
            ]
        ),
        _row([_th("自然人", rowspan=2), _th("法人或其他组织", colspan=5), _th(TOTAL, rowspan=2)]),
        _row([_th(c) for c in APPLICANT_TYPES[1:]]),
        "</thead>",
    ]


def _printed_rows() -> list[Row]:
    """Rows that carry numbers (a category with reasons is a merged cell, not a row)."""
    return [r for r in rows_3() if r.counted or r.id == "三（七）"]


def table_three_html(report: AnnualReport) -> str:
    printed = _printed_rows()
    handled = [r for r in printed if r.id.startswith("三")]
    body: list[str] = []
    for r in printed:
        values = [_num(report.three.get(r.id, c)) for c in COLUMNS_3]
        if r.level == 0:
            body.append(_row([_td(r.label, colspan=3), *values]))
            continue
        lead = [_td("三、本年度办理结果", rowspan=len(handled))] if r is handled[0] else []
        if r.level == 1:
            body.append(_row([*lead, _td(r.label, colspan=2), *values]))
            continue
        category = r.id.rstrip("0123456789")
        if r.id == category + "1":
            siblings = sum(1 for x in printed if x.id.rstrip("0123456789") == category)
            lead.append(_td(_category_label(category), rowspan=siblings))
        body.append(_row([*lead, _td(r.label), *values]))
    return "\n".join([OPEN, *_three_head(), "<tbody>", *body, "</tbody>", CLOSE])


def _category_label(row_id: str) -> str:
    for number, name, _ in OUTCOMES:
        if row_id == f"三{number}":
            return f"{number}{name}"
    return row_id


def table_four_html(report: AnnualReport) -> str:
    t = report.four
    head = [
        "<thead>",
        _row([_th("行政复议", colspan=5, rowspan=2), _th("行政诉讼", colspan=10)]),
        _row([_th(sub, colspan=5) for top, sub in GROUPS_4 if top == "行政诉讼"]),
        _row([_th(c) for _ in GROUPS_4 for c in OUTCOME_COLUMNS_4]),
        "</thead>",
    ]
    body = _row([_num(t.get(g, c)) for g, c in columns_4()])
    return "\n".join([OPEN, *head, "<tbody>", body, "</tbody>", CLOSE])


# ---- CSV -----------------------------------------------------------------------------


def _csv(rows: list[list[object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerows(rows)
    # a byte-order mark so that spreadsheet programs on Windows read the Chinese correctly
    return "\ufeff" + out.getvalue()


def csv_two(report: AnnualReport) -> str:
    t = report.two
    rows: list[list[object]] = [["条目", "信息内容", "指标", "数值"]]
    for kind in DOC_KINDS:
        rows += [["第二十条第（一）项", kind, c, t.documents[(kind, c)]] for c in DOC_COLUMNS]
    for item, labels, header in DECISION_GROUPS:
        for label in labels:
            value = money(t.fees) if label == "行政事业性收费" else t.decisions[label]
            rows.append([item, label, header, value])
    return _csv(rows)


def csv_three(report: AnnualReport) -> str:
    rows: list[list[object]] = [["行次", "项目", *COLUMNS_3]]
    for r in _printed_rows():
        label = (
            r.label if r.level < 2 else f"{_category_label(r.id.rstrip('0123456789'))} {r.label}"
        )
        rows.append([r.id, label, *(report.three.get(r.id, c) for c in COLUMNS_3)])
    return _csv(rows)


def csv_four(report: AnnualReport) -> str:
    header: list[object] = [
        f"{g}·{c}" if g == "行政复议" else f"行政诉讼·{g}·{c}" for g, c in columns_4()
    ]
    return _csv([header, [report.four.get(g, c) for g, c in columns_4()]])


def csv_files(report: AnnualReport) -> dict[str, str]:
    return dict(zip(CSV_NAMES, (csv_two(report), csv_three(report), csv_four(report))))
