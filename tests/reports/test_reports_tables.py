"""The tables are the national template's, word for word (国办公开办函〔2021〕30号)."""

from __future__ import annotations

from xxgk.reports.tables import (
    COLUMNS_3,
    TableFour,
    TableThree,
    balance,
    columns_4,
    outcome_row,
    rows_3,
)

TEMPLATE_3 = [
    "一、本年新收政府信息公开申请数量",
    "二、上年结转政府信息公开申请数量",
    "（一）予以公开",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "1.属于国家秘密",
    "2.其他法律行政法规禁止公开",
    "3.危及“三安全一稳定”",
    "4.保护第三方合法权益",
    "5.属于三类内部事务信息",
    "6.属于四类过程性信息",
    "7.属于行政执法案卷",
    "8.属于行政查询事项",
    "1.本机关不掌握相关政府信息",
    "2.没有现成信息需要另行制作",
    "3.补正后申请内容仍不明确",
    "1.信访举报投诉类申请",
    "2.重复申请",
    "3.要求提供公开出版物",
    "4.无正当理由大量反复申请",
    "5.要求行政机关确认或重新出具已获取信息",
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "3.其他",
    "（七）总计",
    "四、结转下年度继续办理",
]


def test_table_three_rows_and_columns_are_the_templates() -> None:
    printed = [r.label for r in rows_3() if r.counted or r.id == "三（七）"]
    assert printed == TEMPLATE_3
    assert COLUMNS_3 == (
        "自然人",
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
        "总计",
    )
    categories = [r.label for r in rows_3() if r.level == 1 and not r.counted]
    assert categories == [
        "（三）不予公开",
        "（四）无法提供",
        "（五）不予处理",
        "（六）其他处理",
        "（七）总计",
    ]


def test_table_four_has_fifteen_cells_in_the_templates_order() -> None:
    cells = columns_4()
    assert (
        len(cells) == 15
        and cells[0] == ("行政复议", "结果维持")
        and cells[-1] == ("复议后起诉", "总计")
    )
    table = TableFour({("未经复议直接起诉", "结果纠正"): 2, ("未经复议直接起诉", "尚未审结"): 1})
    assert table.get("未经复议直接起诉", "总计") == 3 and table.get("行政复议", "总计") == 0


def test_a_reason_may_be_written_with_or_without_its_number() -> None:
    assert outcome_row("不予公开", "3.危及“三安全一稳定”") == "三（三）3"
    assert outcome_row("不予公开", "危及“三安全一稳定”") == "三（三）3"
    assert outcome_row("不予处理", "（2）重复申请") == "三（五）2"
    assert outcome_row("予以公开", None) == "三（一）"
    assert outcome_row("不予公开", "不想公开") is None
    assert outcome_row("驳回", None) is None


def test_totals_and_the_balance_rule_per_column() -> None:
    t = TableThree()
    t.add("一", "自然人", 3)
    t.add("三（一）", "自然人", 2)
    t.add("四", "自然人", 1)
    t.add("二", "其他", 1)
    t.add("三（六）3", "其他", 1)
    assert t.get("三（七）", "总计") == 3 and t.get("一", "总计") == 3
    assert balance(t) == []
    t.add("三（四）1", "商业企业")  # decided, but neither new nor carried over
    broken = balance(t)
    assert [b.column for b in broken] == ["商业企业", "总计"]
    assert "表三“商业企业”列不平衡" in broken[0].message(2025)
