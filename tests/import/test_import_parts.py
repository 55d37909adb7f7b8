"""The pieces of the importer on their own: dates, 发文字号, head, title, escaping."""

from __future__ import annotations

import datetime as dt
import re

import markdown
import pytest
from bs4 import BeautifulSoup

from xxgk.importer.assets import Assets, word_resolver
from xxgk.importer.blocks import Block, escape
from xxgk.importer.cndate import date_line, find_date
from xxgk.importer.header import find_title, normalise_doc_no, read_head
from xxgk.importer.walk import walk


@pytest.mark.parametrize(
    "text,want",
    [
        ("2018年11月5日", dt.date(2018, 11, 5)),
        ("２０１８年１１月５日", dt.date(2018, 11, 5)),
        ("二〇一八年十一月五日", dt.date(2018, 11, 5)),
        ("二○○三年十二月一日", dt.date(2003, 12, 1)),
        ("二〇二六年三月三十一日", dt.date(2026, 3, 31)),
        ("二〇二六年十月二十日", dt.date(2026, 10, 20)),
        ("（2026年3月5日）", dt.date(2026, 3, 5)),
        ("2018 年 11 月 5 日", dt.date(2018, 11, 5)),
    ],
)
def test_date_lines(text: str, want: dt.date) -> None:
    assert date_line(text) == want


@pytest.mark.parametrize(
    "text", ["2018年2月30日", "二〇一八年十三月一日", "于2018年11月5日印发", "2018-11-05"]
)
def test_not_a_date_line(text: str) -> None:
    assert date_line(text) is None


def test_dates_inside_web_fields() -> None:
    assert find_date("2018年11月05日 00:00") == dt.date(2018, 11, 5)
    assert find_date("2026-03-06 09:30") == dt.date(2026, 3, 6)


@pytest.mark.parametrize(
    "printed,want",
    [
        ("鄂前政办发〔2018〕96号", "鄂前政办发〔2018〕96号"),
        ("鄂前政办发[2018]96号", "鄂前政办发〔2018〕96号"),
        ("鄂前政办发（2018）096号", "鄂前政办发〔2018〕96号"),
        ("鄂前政办发【2018】第96号", "鄂前政办发〔2018〕96号"),
        ("鄂前政办发 〔 2018 〕 96 号", "鄂前政办发〔2018〕96号"),
    ],
)
def test_doc_numbers_are_normalised_to_gbt_9704(printed: str, want: str) -> None:
    assert normalise_doc_no(printed) == want


def p(text: str) -> Block:
    return Block("p", text, escape(text))


def test_head_parts_fill_whole_lines_only() -> None:
    blocks = [
        p("000001"),
        p("机密★10年"),
        p("鄂托克前旗财政局文件"),
        p("鄂前财发〔2026〕3号"),
        p("关于秘密事项的通知"),
        p("本文件涉及的秘密★事项已解密。"),
    ]
    head, rest = read_head(blocks)
    assert head.markings == ["份号 000001", "密级 机密★10年"]
    assert head.banner == "鄂托克前旗财政局" and head.doc_no == "鄂前财发〔2026〕3号"
    assert [b.text for b in rest] == ["关于秘密事项的通知", "本文件涉及的秘密★事项已解密。"]


def test_head_ends_where_the_text_starts() -> None:
    head, rest = read_head([p("关于保密工作的通知"), p("各单位："), p("秘密"), p("000001")])
    assert head.markings == [] and len(rest) == 4


def test_title_over_two_lines_ends_at_its_kind_of_document() -> None:
    blocks = [p("关于做好2026年"), p("政府信息公开工作的通知"), p("各单位："), p("正文。")]
    assert find_title(blocks) == ("关于做好2026年政府信息公开工作的通知", 0, 2)


def test_a_first_sentence_is_not_a_title() -> None:
    assert find_title([p("各单位："), p("正文。")])[1] == -1


def test_known_title_removes_only_lines_that_spell_it() -> None:
    blocks = [p("各单位："), p("正文。")]
    assert find_title(blocks, "关于做好工作的通知") == ("关于做好工作的通知", -1, 0)


def test_text_that_looks_like_markup_is_escaped() -> None:
    soup = BeautifulSoup(
        "<div><p>&lt;script&gt;x&lt;/script&gt; a*b*c [x](y) {: .c} # 一</p>"
        "<p># 不是标题</p></div>",
        "lxml",
    )
    blocks = walk(soup.div, word_resolver(Assets()))
    assert blocks[0].md == r"&lt;script>x&lt;/script> a\*b\*c \[x\](y) \{: .c\} # 一"
    assert blocks[1].md == r"\# 不是标题"


def test_merged_cells_keep_the_table_rectangular() -> None:
    html = (
        "<table><tr><td rowspan='2'>甲</td><td colspan='2'>乙</td></tr>"
        "<tr><td>1</td><td>2|3</td></tr></table>"
    )
    soup = BeautifulSoup(html, "lxml")
    [table] = walk(soup.body, word_resolver(Assets()))
    assert table.md == "| 甲 | 乙 |  |\n| --- | --- | --- |\n|  | 1 | 2\\|3 |"


@pytest.mark.parametrize(
    "source", ['<p>报送。<br>{: onclick="x"}</p>', '<p><b>二、要求 {: onclick="y"}</b></p>']
)
def test_attribute_lists_in_text_stay_text(source: str) -> None:
    soup = BeautifulSoup(f"<div>{source}</div>", "lxml")
    md = "\n\n".join(b.md for b in walk(soup.div, word_resolver(Assets())))
    html = markdown.markdown(md, extensions=["attr_list"])
    assert "onclick" in html and not re.search(r"<[^>]*\son\w+=", html)


def test_doc_number_line_with_signer_of_an_upward_document() -> None:
    head, rest = read_head([p("鄂前政发〔2026〕5号　　签发人：张三"), p("关于请求拨付资金的请示")])
    assert head.doc_no == "鄂前政发〔2026〕5号" and [b.text for b in rest] == [
        "关于请求拨付资金的请示"
    ]
