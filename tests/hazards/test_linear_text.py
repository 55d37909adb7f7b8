"""What reads user text takes time in proportion to it: inputs on which an earlier version
backtracked quadratically (or worse), each made large enough that a quadratic version would
take minutes, must take about a second."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from bs4 import BeautifulSoup

from xxgk.importer.blocks import MAX_DEPTH, limit_depth, plain
from xxgk.importer.tail import date_end
from xxgk.io.yamlsafe import MAX_DEPTH as YAML_DEPTH
from xxgk.io.yamlsafe import load_yaml
from xxgk.scan.engine import scan_text

BUDGET = 5.0  # seconds; the linear versions take well under one on the project's machine


def seconds(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


@pytest.mark.parametrize(
    "work",
    [
        # a newline run between Chinese characters: \s*\n\s* tried every split (n²)
        lambda: plain("字" + "\n" * 200_000 + "x"),
        # a line of spaces before a would-be date: ^(.*?)\s*(date)$ tried every split (n³)
        lambda: date_end("办公室" + " " * 200_000 + "<"),
        # 40,000 phone numbers: each finding searched every earlier one, and counted lines again
        lambda: scan_text("13812345678\n" * 40_000, "a.md"),
        # a page of figures: every span of up to 8 groups used to be a candidate
        lambda: scan_text("12 " * 300_000, "a.md"),
        lambda: scan_text("<!--" * 100_000 + "{" * 100_000, "a.md"),
    ],
    ids=[
        "blank-lines",
        "spaces-before-date",
        "many-phone-numbers",
        "page-of-figures",
        "comments-and-braces",
    ],
)
def test_hostile_text_is_read_in_linear_time(work: Callable[[], object]) -> None:
    assert seconds(work) < BUDGET


def test_many_findings_keep_their_lines() -> None:
    found = scan_text("13812345678\n" * 3000, "a.md")
    assert [f.line for f in found] == list(range(1, 3001))


def test_date_at_the_end_of_a_line_is_still_split_off() -> None:
    assert date_end("鄂托克前旗人民政府办公室　2026年3月5日") == (
        "鄂托克前旗人民政府办公室",
        "2026年3月5日",
    )
    assert date_end("2026年3月5日印发通知") is None


def test_html_nested_deeper_than_the_limit_keeps_its_text() -> None:
    soup = BeautifulSoup("<div>" * 5000 + "<b>深处的文字</b>" + "</div>" * 5000, "lxml")
    assert limit_depth(soup)
    depth, node = 0, soup
    while node.find(True, recursive=False) is not None:
        node, depth = node.find(True, recursive=False), depth + 1
    assert depth <= MAX_DEPTH and "深处的文字" in soup.get_text()


def test_yaml_nested_deeper_than_the_limit_is_a_problem_not_a_crash() -> None:
    for text in ("a: " + "[" * 900 + "]" * 900, "a: &x " + "[" * 900 + "]" * 900):
        loaded = load_yaml(text, "a.md")
        assert [p.rule for p in loaded.problems if "嵌套" in p.message] == ["FM-SYNTAX"]
    fine = load_yaml("a: " + "[" * (YAML_DEPTH - 1) + "1" + "]" * (YAML_DEPTH - 1), "a.md")
    assert fine.problems == []
