"""Append-only against Git: a committed record may only grow at its end."""

from __future__ import annotations

from pathlib import Path

import pytest
from rq_support import add, log, record, rq  # noqa: F401  (rq is a fixture)

from gitkit import git
from xxgk.requests import check_requests


def committed_request(rq: Path) -> tuple[str, Path]:
    number = add(rq, "2026-11-02")
    assert log(rq, number, "补正告知", "2026-11-04", "补正内容=写明文号").returncode == 0
    git(rq, "init", "-q")
    git(rq, "add", ".")
    git(rq, "commit", "-q", "-m", "登记")
    return number, record(rq, number)


def test_appending_an_event_after_the_commit_is_fine(rq: Path) -> None:
    number, _ = committed_request(rq)
    assert log(rq, number, "补正收到", "2026-11-10").returncode == 0
    assert check_requests(rq) == []


def test_changing_a_committed_event_is_reported_on_its_line(rq: Path) -> None:
    _, path = committed_request(rq)
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("补正内容: 写明文号", "补正内容: 写明文号和年份"), encoding="utf-8"
    )
    found = [(p.rule, p.line) for p in check_requests(rq)]
    line = text.split("\n").index("  - 类型: 补正告知") + 1
    assert found == [("REQ-APPEND-ONLY", line)]


def test_deleting_a_committed_event_or_changing_the_receipt_date_is_reported(rq: Path) -> None:
    _, path = committed_request(rq)
    text = path.read_text(encoding="utf-8")
    cut = text[: text.index("  - 类型: 补正告知")]
    path.write_text(cut, encoding="utf-8")
    assert [p.rule for p in check_requests(rq)] == ["REQ-APPEND-ONLY"]
    path.write_text(text.replace("收到日期: 2026-11-02", "收到日期: 2026-11-03"), encoding="utf-8")
    messages = [p.message for p in check_requests(rq) if p.rule == "REQ-APPEND-ONLY"]
    assert len(messages) == 1 and "收到日期" in messages[0]


def test_a_rewrite_that_was_committed_is_caught_against_the_base_branch(
    rq: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, path = committed_request(rq)
    path.write_text(
        path.read_text(encoding="utf-8").replace("补正内容: 写明文号", "补正内容: 改过的内容"),
        encoding="utf-8",
    )
    git(rq, "commit", "-q", "-am", "改写")
    assert check_requests(rq) == []  # HEAD already holds the rewrite
    monkeypatch.setenv("XXGK_BASE_REF", "HEAD~1")
    assert [p.rule for p in check_requests(rq)] == ["REQ-APPEND-ONLY"]
