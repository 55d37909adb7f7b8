"""Letters: 补正告知书, 延期答复告知书 and one 答复书 per outcome, with their legal basis."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from rq_support import KEY, add, log, rq, xxgk  # noqa: F401  (rq is a fixture)


def letter(
    root: Path, number: str, *args: str, today: str = "2026-11-27"
) -> subprocess.CompletedProcess[str]:
    """The letter, with the office key: the applicant's name and address are sealed in the record."""
    return xxgk(root, "request", "letter", number, *args, "--identity", str(KEY), today=today)


REASONS = "理由=经审查认定（测试理由）"
REPLIES = [
    ("予以公开", ["当场提供=否"], ["第三十六条", "2026年12月4日前向您提供"]),
    (
        "部分公开",
        ["不予公开内容=第三页人员名单", REASONS],
        ["第三十七条", "第六条", "第三页人员名单"],
    ),
    ("不予公开", ["情形=属于国家秘密", REASONS], ["第十四条", "属于国家秘密", "不予公开"]),
    ("不予公开", ["情形=保护第三方合法权益", REASONS], ["第十五条"]),
    ("无法提供", ["情形=没有现成信息需要另行制作", REASONS], ["第三十八条"]),
    ("不予处理", ["情形=信访举报投诉类申请", REASONS], ["第三十九条第一款"]),
    (
        "不予处理",
        ["情形=要求行政机关确认或重新出具已获取信息", REASONS, "依据=《示例法规》第九条"],
        ["《示例法规》第九条"],
    ),
    ("其他处理", ["情形=其他", REASONS], ["测试理由"]),
]


@pytest.mark.parametrize(("result", "fields", "expected"), REPLIES)
def test_each_outcome_has_its_reply_letter_citing_the_law(
    rq: Path, result: str, fields: list[str], expected: list[str]
) -> None:
    number = add(rq, "2026-11-02")
    assert log(rq, number, "答复", "2026-11-20", f"结果={result}", *fields).returncode == 0
    done = letter(rq, number, "答复书")
    if result in (
        "予以公开",
        "部分公开",
    ):  # released information is reviewed first: test_release_reviews.py
        assert done.returncode == 1 and "附件4 第七条（三）" in done.stderr, done.stderr
        return
    assert done.returncode == 0, done.stderr
    text = done.stdout
    for needle in [
        *expected,
        "测试人（虚构）：",
        number,
        "鄂托克前旗自然资源局",
        "2026年11月20日",
        "2026年11月2日",
    ]:
        assert needle in text, needle
    assert "行政复议" in text and "鄂托克前旗人民政府申请行政复议" in text  # registry's review body
    assert "{{" not in text and "{%" not in text


def test_correction_notice_names_what_to_correct_and_the_restart(rq: Path) -> None:
    number = add(rq, "2026-11-02")
    assert (
        log(rq, number, "补正告知", "2026-11-04", "补正内容=请写明文件的文号或发文年份").returncode
        == 0
    )
    text = letter(rq, number, "补正告知书").stdout
    for needle in [
        "补正告知书",
        "请写明文件的文号或发文年份",
        "第三十条",
        "收到补正的申请之日起计算",
        "2026年11月4日",
    ]:
        assert needle in text, needle


def test_extension_notice_gives_old_and_new_deadline(rq: Path) -> None:
    number = add(rq, "2025-09-30", today="2025-10-20")
    assert (
        log(
            rq,
            number,
            "延期",
            "2025-10-20",
            "批准人=王建华",
            "理由=需调取档案",
            "天数=10",
            today="2025-10-20",
        ).returncode
        == 0
    )
    text = letter(rq, number, "延期答复告知书", today="2025-10-20").stdout
    for needle in [
        "延期答复告知书",
        "因需调取档案",
        "2025年10月28日前",
        "延长10个工作日",
        "2025年11月11日前",
        "第四条",
    ]:
        assert needle in text, needle


def test_a_letter_without_its_event_is_refused_clearly(rq: Path) -> None:
    number = add(rq, "2026-11-02")
    done = letter(rq, number, "延期答复告知书")
    assert done.returncode == 1 and "没有“延期”事件" in done.stderr


def test_html_letter_is_printable_and_escapes_the_applicants_text(rq: Path, tmp_path: Path) -> None:
    number = add(rq, "2026-11-02")
    assert (
        log(
            rq, number, "补正告知", "2026-11-04", "补正内容=<script>alert(1)</script>写明文号"
        ).returncode
        == 0
    )
    target = tmp_path / "letter.html"
    done = letter(rq, number, "补正告知书", "--format", "html", "-o", str(target))
    assert done.returncode == 0 and "个人信息" in done.stderr
    html = target.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "@page { size: A4" in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert '<p class="right">' in html and "<h1>政府信息公开申请补正告知书</h1>" in html


def test_proof_of_access_is_issued_on_request(rq: Path) -> None:
    number = add(rq, "2026-11-02")
    assert log(rq, number, "答复", "2026-11-05", "结果=予以公开", "当场提供=是").returncode == 0
    assert (
        log(
            rq,
            number,
            "查阅证明",
            "2026-11-05",
            "证明内容=申请人于2026年11月5日在本机关查阅了上述文件",
        ).returncode
        == 0
    )
    text = letter(rq, number, "查阅证明").stdout
    for needle in ["政府信息查阅证明", "查阅了上述文件", "第八条", "2026年11月5日"]:
        assert needle in text, needle


def test_a_correction_that_is_passed_on_names_the_body(rq: Path) -> None:
    number = add(rq, "2026-11-02")
    refused = log(
        rq, number, "更正申请", "2026-11-05", "更正内容=登记的地址有误", "处理结果=转送有权机关"
    )
    assert refused.returncode == 1 and "[REQ-CORRECTION]" in refused.stderr
    assert (
        log(
            rq,
            number,
            "更正申请",
            "2026-11-05",
            "更正内容=登记的地址有误",
            "处理结果=转送有权机关",
            "转送机关=鄂托克前旗市场监督管理局",
        ).returncode
        == 0
    )


def test_a_letter_can_be_written_as_a_word_document(rq: Path, tmp_path: Path) -> None:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    number = add(rq, "2026-11-02")
    assert log(rq, number, "补正告知", "2026-11-04", "补正内容=请写明文件的文号").returncode == 0
    target = tmp_path / "补正告知书.docx"
    assert letter(rq, number, "补正告知书", "--format", "docx").returncode == 2
    assert letter(rq, number, "补正告知书", "--format", "docx", "-o", str(target)).returncode == 0
    paragraphs = Document(str(target)).paragraphs
    texts = [p.text for p in paragraphs]
    assert (
        texts[0] == "政府信息公开申请补正告知书"
        and paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.CENTER
    )
    assert "请写明文件的文号" in texts and "测试人（虚构）：" in texts
    signed = paragraphs[texts.index("鄂托克前旗自然资源局")]
    assert signed.alignment == WD_ALIGN_PARAGRAPH.RIGHT and not any("{:" in t for t in texts)


def test_without_the_office_key_a_letter_is_refused_and_names_the_option(rq: Path) -> None:
    number = add(rq, "2026-11-02")
    assert log(rq, number, "补正告知", "2026-11-04", "补正内容=请写明文号").returncode == 0
    done = xxgk(rq, "request", "letter", number, "补正告知书")
    assert done.returncode == 2 and "--identity" in done.stderr and done.stdout == ""


@pytest.mark.parametrize(
    "typed",
    [
        "土地文件 *征收*{: onclick=alert(1) }",
        "[点这里](javascript:alert(1)) 的文件",
        "文件\n# 大标题\n{: onmouseover=alert(1) }",
        "![图](https://example.org/x.png) 文件",
    ],
)
def test_an_applicants_markdown_stays_text_in_the_html_letter(
    rq: Path, tmp_path: Path, typed: str
) -> None:
    number = add(rq, "2026-11-02")
    assert log(rq, number, "补正告知", "2026-11-04", f"补正内容={typed}").returncode == 0
    target = tmp_path / "letter.html"
    assert letter(rq, number, "补正告知书", "--format", "html", "-o", str(target)).returncode == 0
    html = target.read_text(encoding="utf-8")
    body = html.split("<body>", 1)[1]
    for bad in ("onclick", "onmouseover", "href", "<a ", "<img", "<em", "src="):
        assert bad not in body.replace("onclick=alert(1)", "").replace(
            "onmouseover=alert(1)", ""
        ), bad
    assert "<h1>政府信息公开申请补正告知书</h1>" in html and html.count("<h1>") == 1
    assert '<p class="right">' in html
