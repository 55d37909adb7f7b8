"""``xxgk check`` (CAT-UNSAFE-MARKUP) reports every finding of the sanitizer on the rendered
body, with the file and the line holding the offending tag, attribute or scheme."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest
from payloads import LEAD, ORDINARY, PAYLOADS
from xxgk_site_kit import add_entry

from xxgk.cli import main
from xxgk.rules.unsafe_markup import markup_problems, may_hold_markup

REL = "content/catalog/2024/000014349-2024-00001.md"


@pytest.fixture(autouse=True)
def _in_repo(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo)  # paths on the command line are relative to where staff stand


def check(root: Path, *args: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()) as err:
        code = main(["--root", str(root), "check", *args])
    assert "Traceback" not in err.getvalue()
    return code, out.getvalue()


def body_start(path: Path) -> int:
    """File line of the body's first line (add_entry puts a blank line after the front matter)."""
    return path.read_text("utf-8").split("\n").index("---", 1) + 3


@pytest.mark.parametrize(
    ("body", "message", "line"), [p[1:] for p in PAYLOADS], ids=[p[0] for p in PAYLOADS]
)
def test_check_reports_the_payload_with_file_and_line(
    repo: Path, body: str, message: str, line: int
) -> None:
    path = add_entry(repo, 1, body=body, sign=False)
    code, out = check(repo, "--format", "json", REL)
    rows = [(p["line"], p["message"]) for p in json.loads(out) if p["rule"] == "CAT-UNSAFE-MARKUP"]
    assert code == 1
    assert any(n == body_start(path) + line - 1 and message in m for n, m in rows), rows


def test_the_report_reads_path_line_rule_and_message(repo: Path) -> None:
    path = add_entry(repo, 1, body=LEAD + "正文。\n\n<img src=x\nonerror=alert(1)>\n", sign=False)
    code, out = check(repo, REL)
    line = body_start(path) + 5  # body line 6: onerror=
    assert code == 1
    assert (
        f"{REL}:{line}:1: 错误 [CAT-UNSAFE-MARKUP] 不允许的属性 onerror（<img>）"
        "（附件4 第四条（先审查、后公开））"
    ) in out


def test_an_ordinary_rich_entry_passes(repo: Path) -> None:
    add_entry(repo, 1, body=ORDINARY, sign=False)
    _code, out = check(repo, "--format", "json", REL)
    assert [p for p in json.loads(out) if p["rule"] == "CAT-UNSAFE-MARKUP"] == []


def test_text_and_plain_links_are_not_rendered_at_all() -> None:
    plain = (
        "各镇人民政府：\n\n**一、总体要求**\n\n| 项目 | 金额 |\n|---|---|\n| 收费 | 1 |\n\n1. 第一\n\n[TOC]\n"
        '详见[附件](attachments/表.xlsx)和[国务院文件](https://www.gov.cn/a?b=1 "中国政府网")，'
        "[来信](mailto:xxgk@example.gov.cn)。\n"
    )
    assert not may_hold_markup(plain) and markup_problems(plain, 7) == ()
    assert not may_hold_markup("![图](images/a.png)、[本站](../x/)")
    assert not may_hold_markup(
        "| 时间 | 地点 |\n|---|---|\n| 上午<br>下午 | 会议室 |\n"
    )  # xxgk import
    for trigger in (
        "<b>",
        "<br/>",
        "<<br>",
        "{: .x }",
        "[a]: b",
        "[a](javascript:x)",
        "[a](&#106;avascript:x)",
        "[a](java\nscript:x)",
        "[a](b c)",
        "[a](b(c))",
        "![a](https://x.example/p.gif)",
        "![a](//x.example/p.gif)",
        "![a](b)[c](https://www.gov.cn/)",
        "[a](data:x)",
    ):
        assert may_hold_markup(plain + trigger), trigger


def test_an_offending_token_that_no_line_shows_is_reported_on_the_first_body_line() -> None:
    # the newline inside the scheme is dropped by the browser, so no single line holds it
    found = markup_problems('<a href="java\nscript:alert(1)">x</a>\n', 12)
    assert (12, "不允许的链接协议 javascript:") in found
