"""The form's patterns accept exactly what the rules accept."""

from __future__ import annotations

from pathlib import Path

import pytest

from xxgk.editor import patterns
from xxgk.io.frontmatter import parse
from xxgk.io.registry import load_registry
from xxgk.model.dates import parse_date
from xxgk.model.docno import parse as parse_docno
from xxgk.model.entry import front_matter
from xxgk.rules import check_entry
from xxgk.rules.base import Context

REPO = Path(__file__).resolve().parents[2]
META = {
    "索引号": "000014349/2024-00001",
    "信息名称": "鄂托克前旗人民政府办公室关于做好保密审查工作的通知",
    "产生时间": "2024-03-15",
    "分类": "政策文件",
    "发布机构": "鄂托克前旗人民政府办公室",
    "责任部门": "政务公开办公室",
    "公开形式": "主动公开",
    "公开时限": "长期公开",
    "审核程序": "单位内审核后公开",
    "内容描述": "要求各单位严格执行先审查、后公开。",
}
KEYWORDS = [
    "保密审查",
    "保密审查 政府信息公开",
    "政府信息公开工作制度",
    "政府信息公开工作制度汇编",
    "保密审查，政府信息公开",
    "保密审查、公开",
    "保密审查;公开",
    "保密审查  公开",
    " 保密审查",
    "a/b",
    "营商环境 实施方案 2024",
]
DOCNOS = [
    "鄂前政办发〔2018〕96号",
    "鄂前政办发[2018]96号",
    "鄂前政办发〔2018〕096号",
    "鄂前政办发〔2018〕第96号",
    "鄂前市监处罚〔2023〕CF1005号",
    "鄂前政办发〔18〕96号",
    "96号",
]


def _keyword_problems(value: str) -> list[str]:
    text = front_matter({**META, "关键词": value}) + "\n正文。\n"
    doc = parse(text.encode("utf-8"), "content/catalog/2024/x.md")
    ctx = Context(load_registry(REPO), parse_date("2026-11-27"), {}, REPO)  # type: ignore[arg-type]
    return [p.rule for p in check_entry(doc, ctx, REPO) if p.rule.startswith("CAT-KEYWORD")]


@pytest.mark.parametrize("value", KEYWORDS)
def test_keyword_pattern_agrees_with_the_keyword_rules(value: str) -> None:
    assert patterns.matches(patterns.KEYWORDS, value) == (not _keyword_problems(value))


@pytest.mark.parametrize("value", DOCNOS)
def test_document_number_pattern_agrees_with_the_parser(value: str) -> None:
    assert patterns.matches(patterns.DOCNO, value) == (parse_docno(value) is not None)
