"""One YAML writer: whatever text a record or an entry holds, our reader gets the same text
back, with no warning — for every writer of the project (entries, review and approval
records, requests and their events, evaluations, opinions)."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from xxgk.io.yamlsafe import load_yaml
from xxgk.model.entry import FIELD_ORDER, front_matter
from xxgk.model.yamltext import scalar
from xxgk.requests.store import record_text
from xxgk.review.yamlout import dump
from xxgk.voice.intake import Answer
from xxgk.voice.intake import record_text as evaluation_text

# Any text a person could type or paste: every plane, controls, line and paragraph
# separators, NEL, BOM; not lone surrogates (they cannot be stored as UTF-8).
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
# Values that look like other types to a YAML 1.1 reader, and other tricky shapes.
TRICKY = [
    "-5",
    "+5",
    "1_000",
    "0x1F",
    "0b101",
    "010",
    "1:20",
    "1.5",
    ".5",
    "1e3",
    "1.0e+3",
    ".inf",
    "-.INF",
    ".NaN",
    "NO",
    "y",
    "Off",
    "true",
    "FALSE",
    "~",
    "null",
    "=",
    "<<",
    "2026-11-30 10:00",
    "2026-1-3",
    "- 项",
    "# 注",
    "a: b",
    "末尾冒号:",
    "末尾空格 ",
    " 开头空格",
    "'单引号'",
    '"双引号"',
    "[1]",
    "{a}",
    "&锚",
    "*引用",
    "!标记",
    "|",
    ">",
    "%",
    "@",
    "`",
    "甲\n乙",
    "甲\r\n乙",
    "甲\u2028乙",
    "\u0085",
    "\ufeff开头",
    "\t制表",
    "鄂前政办发〔2018〕96号",
    "000014349/2018-01705",
    "2026-11-30",
]
VALUE = st.one_of(TEXT, st.sampled_from(TRICKY))
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _read(text: str) -> object:
    loaded = load_yaml(text, "t.yml")
    assert loaded.ok and loaded.problems == [], (text, loaded.problems)
    return loaded.data


def _kept(values: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in values.items() if v not in (None, "")}


@SETTINGS
@given(VALUE)
@example("0x1F")
@example("1_000")
@example("-5")
def test_a_scalar_reads_back_as_the_same_text(value: str) -> None:
    assert _read(f"值: {scalar(value)}\n") == {"值": value}


@SETTINGS
@given(st.fixed_dictionaries({k: VALUE for k in FIELD_ORDER[:8]}), st.lists(VALUE, max_size=4))
def test_entry_front_matter_reads_back(meta: dict[str, str], keywords: list[str]) -> None:
    text = front_matter({**meta, "关键词": keywords})
    assert text.startswith("---\n") and text.endswith("\n---\n")
    want: dict[str, object] = _kept(meta)
    if keywords:
        want["关键词"] = keywords
    assert (_read(text[4:-4]) or {}) == want


@SETTINGS
@given(
    st.fixed_dictionaries({"索引号": VALUE, "审查结论": VALUE, "审查意见": VALUE}),
    st.fixed_dictionaries({"事项": VALUE, "去向": VALUE}),
)
def test_review_and_approval_records_read_back(
    flat: dict[str, str], nested: dict[str, str]
) -> None:
    text = dump({**flat, "难以确定": nested, "日期": "2026-11-30"}, "保密审查记录\n第二行")
    want: dict[str, object] = {**_kept(flat), "日期": "2026-11-30"}
    if _kept(nested):
        want["难以确定"] = _kept(nested)
    else:
        want["难以确定"] = None
    assert _read(text) == want


@SETTINGS
@given(
    st.fixed_dictionaries({"编号": VALUE, "申请人": VALUE, "内容描述": VALUE}),
    st.lists(
        st.fixed_dictionaries({"类型": VALUE, "日期": VALUE, "说明": VALUE}), min_size=1, max_size=3
    ),
)
def test_request_records_and_their_events_read_back(
    data: dict[str, str], events: list[dict[str, str]]
) -> None:
    loaded = _read(record_text(data, events))
    assert isinstance(loaded, dict)
    assert {k: v for k, v in loaded.items() if k != "事件"} == _kept(data)
    assert [_kept(e) for e in loaded["事件"]] == [_kept(e) for e in events]


@SETTINGS
@given(VALUE, VALUE, VALUE)
def test_evaluation_records_read_back(unit: str, note: str, comment: str) -> None:
    answer = Answer(unit=unit, answers={"q1": "满意"}, comments=comment)
    loaded = _read(evaluation_text("PY-2026-0001", "2026-11-30", answer, note, "意见建议"))
    assert isinstance(loaded, dict)
    assert loaded["被评议单位"] == unit or (unit == "" and loaded["被评议单位"] is None)
    assert loaded.get("说明") == (note or None)
    if comment:
        assert loaded["意见"][0]["内容"] == comment


@pytest.mark.parametrize("value", TRICKY)
def test_opinion_records_read_back(value: str, tmp_path: Path) -> None:
    from xxgk.cli.opinion import _template

    args = argparse.Namespace(
        source=value,
        detected="2026-11-30 09:15",
        found_by=value,
        summary=value or "概要",
        unit=value or "单位",
        level="一般",
    )
    loaded = _read(_template("YQ-2026-0001", args))
    assert isinstance(loaded, dict)
    assert loaded["来源"] == value and loaded["发现时间"] == "2026-11-30 09:15"
