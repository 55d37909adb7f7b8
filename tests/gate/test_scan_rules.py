"""Every scan rule: texts it must find (true positives) and texts it must leave alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from xxgk.cli import main
from xxgk.scan.engine import normalise_public, scan_text

FIXTURES = Path(__file__).parent / "scan_fixtures"
PUBLIC = normalise_public(["0477-7621234", "zwgk@etkqq.gov.cn"])

FOUND = [
    ("SCAN-SECRET-MARK", "秘密★1年"),
    ("SCAN-SECRET-MARK", "机密 ★ 10年"),
    ("SCAN-SECRET-MARK", "绝密★长期"),
    ("SCAN-SECRET-MARK", "密级：秘密"),
    ("SCAN-SECRET-MARK", "本件为内部资料"),
    ("SCAN-SECRET-MARK", "请注意保存"),
    ("SCAN-SECRET-MARK", "不得外传"),
    ("SCAN-SECRET-MARK", "涉密人员名单"),
    ("SCAN-ID-CARD", "身份证号150623198001011235。"),
    ("SCAN-ID-CARD", "150623 19800101 1235"),
    ("SCAN-ID-CARD", "１５０６２３１９８５０３１５００２４"),
    ("SCAN-ID-CARD", "150623198503150024"),
    ("SCAN-ID-CARD", "老身份证150623800101123号"),
    ("SCAN-ID-CARD", "110101 491001 002"),
    ("SCAN-MOBILE", "电话13812345678"),
    ("SCAN-MOBILE", "138-1234-5678"),
    ("SCAN-MOBILE", "+86 138 1234 5678"),
    ("SCAN-MOBILE", "１３８１２３４５６７８"),
    ("SCAN-MOBILE", "2018 13812345678"),
    ("SCAN-LANDLINE", "座机0477-7629876"),
    ("SCAN-LANDLINE", "（0477）7629876"),
    ("SCAN-LANDLINE", "０４７７－７６２９８７６"),
    ("SCAN-BANK-CARD", "卡号6222021234567890128止"),
    ("SCAN-BANK-CARD", "6222 0212 3456 7890 128"),
    ("SCAN-EMAIL", "邮箱zhangsan@163.com"),
    ("SCAN-EMAIL", "ｚｈａｎｇ＠ｑｑ．ｃｏｍ"),
    ("SCAN-CREDIT-CODE", "个体户92150623MA0N1234X6"),
]

CLEAN = [
    "审查涉及商业秘密或者个人隐私",
    "商业机密",
    "国家秘密",
    "保密审查",
    "秘密",
    "密级不高",
    "150623198001011234",
    "150623198013011230",
    "12345678901",
    "1381234567",
    "日期2018-11-05",
    "索引号000014349/2018-01705",
    "鄂前政办发〔2018〕96号",
    "6222021234567890123",
    "12,345,678.90 元",
    "a@b",
    "@某某",
    "91150623MA0N12345Y",
    "92150623MA0N1234X5",
    "咨询电话0477-7621234",
    "zwgk@etkqq.gov.cn",
    "共1350623人次",
    "2025 2026 2027 2028",
    # 15 digits that are not a first-generation number: no such province, no such day
    "123456789012345",
    "990623800101123",
    "150623801301123",
    "150623800230123",
    "注册号150623000012345",
]


@pytest.mark.parametrize("rule, text", FOUND)
def test_each_rule_finds_its_true_positives(rule: str, text: str) -> None:
    found = {f.rule for f in scan_text(text, "a.md", PUBLIC)}
    assert rule in found, (text, found)


@pytest.mark.parametrize("text", CLEAN)
def test_no_rule_fires_on_near_misses(text: str) -> None:
    assert scan_text(text, "a.md", PUBLIC) == []


def test_digits_at_the_start_and_end_of_the_text_are_found() -> None:
    assert [f.rule for f in scan_text("13812345678", "a.md")] == ["SCAN-MOBILE"]
    assert scan_text("电话\n13812345678", "a.md")[0].line == 2


def test_parts_of_a_bank_card_are_not_reported_as_phone_numbers() -> None:
    assert [f.rule for f in scan_text("6222 0212 3456 7890 128", "a.md")] == ["SCAN-BANK-CARD"]


def test_finding_id_survives_edits_elsewhere_but_not_a_change_of_the_match() -> None:
    first = scan_text("联系电话13812345678", "a.md")[0]
    moved = scan_text("第一段。\n\n新的联系电话：13812345678。", "a.md")[0]
    changed = scan_text("联系电话13812345679", "a.md")[0]
    assert first.ident == moved.ident and first.line != moved.line
    assert changed.ident != first.ident
    assert first.ident.startswith("SCAN-MOBILE:a.md:")


def test_personal_numbers_are_masked_in_messages() -> None:
    message = scan_text("150623198001011235", "a.md")[0].problem().message
    assert "150623198001011235" not in message and "150***********1235" in message


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["--root", str(Path(__file__).resolve().parents[2]), "scan", *args])
    return code, capsys.readouterr().out


def test_a_file_with_front_matter_numbers_and_html_comments(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out = _run(capsys, "--format", "json", str(FIXTURES / "found.md"))
    assert code == 1
    rows = json.loads(out)
    got = sorted((r["rule"], r["line"]) for r in rows)
    assert got == sorted(
        [
            ("SCAN-MOBILE", 4),
            ("SCAN-ID-CARD", 5),
            ("SCAN-SECRET-MARK", 9),
            ("SCAN-CREDIT-CODE", 11),
            ("SCAN-BANK-CARD", 12),
            ("SCAN-SECRET-MARK", 13),
            ("SCAN-SECRET-MARK", 13),
            ("SCAN-EMAIL", 13),
            ("SCAN-LANDLINE", 13),
        ]
    )
    assert all(r["path"] == "tests/gate/scan_fixtures/found.md" for r in rows)
    assert sum("HTML 注释" in r["message"] for r in rows) == 4


def test_a_clean_file_has_no_findings(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _run(capsys, str(FIXTURES / "clean.md"))
    assert code == 0, out
    assert "没有发现问题" in out


def test_github_format_writes_annotations(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _run(capsys, "--format", "github", str(FIXTURES / "found.md"))
    assert code == 1 and "::error file=tests/gate/scan_fixtures/found.md,line=5," in out
