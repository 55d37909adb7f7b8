"""The scanner reads an entry's attachments too: CSV and Word tables are where personal data hides."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
from test_review_state import REL, write_entry

from trustkit import STAFF, sample_key
from xxgk.cli import main

ATTACHED = "附件:\n  - 名称: 附件1 名单\n    文件: att/名单.csv\n  - 名称: 附件2 登记表\n    文件: att/登记表.docx\n"


def attach(root: Path, csv: str, paragraph: str, extra: str = "") -> None:
    folder = (root / REL).parent / "att"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "名单.csv").write_bytes(csv.encode("gb18030"))  # as Excel on Windows saves it
    document = docx.Document()
    document.add_paragraph("报名登记表")
    document.add_paragraph(paragraph)
    document.save(str(folder / "登记表.docx"))
    write_entry(root, extra=ATTACHED + extra)


def scan(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[dict[str, object]]]:
    code = main(["--root", str(root), "scan", "--format", "json", str(root / REL)])
    return code, json.loads(capsys.readouterr().out)


def test_personal_data_in_csv_and_word_attachments_is_found(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    attach(repo, "姓名,电话\n张三,13912345678\n", "身份证号：150623198001011235")
    code, rows = scan(repo, capsys)
    assert code == 1
    found = {(r["path"], r["rule"]) for r in rows}
    folder = "content/catalog/2026/att"
    assert found == {
        (f"{folder}/名单.csv", "SCAN-MOBILE"),
        (f"{folder}/登记表.docx", "SCAN-ID-CARD"),
    }


def test_clean_attachments_pass_and_unreadable_ones_are_a_warning(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "content/catalog/2026/att").mkdir(parents=True)
    (repo / "content/catalog/2026/att/岗位表.pdf").write_bytes(b"%PDF-1.4\n")
    attach(
        repo,
        "岗位,人数\n社区工作者,12\n",
        "姓名：________",
        "  - 名称: 附件3 岗位表\n    文件: att/岗位表.pdf\n",
    )
    code, rows = scan(repo, capsys)
    assert code == 0
    assert [(r["rule"], r["severity"]) for r in rows] == [("SCAN-UNSCANNED", "warning")]
    assert "请审查人打开核对" in str(rows[0]["message"])


def test_an_acknowledged_attachment_finding_lets_the_reviewer_sign(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    attach(repo, "单位,值班电话\n旗应急管理局,13912345678\n", "无")
    signer = ["--key", sample_key("wangjh@etkqq.gov.cn"), "--author", STAFF]
    code = main(
        ["--root", str(repo), "review", "sign", str(repo / REL), "--reviewer", "王建华", *signer]
    )
    err = capsys.readouterr().err
    assert code == 1 and "名单.csv" in err
    ident = err.split("编号 ")[1].split()[0]
    code = main(
        [
            "--root",
            str(repo),
            "review",
            "sign",
            str(repo / REL),
            "--reviewer",
            "王建华",
            *signer,
            "--ack",
            f"{ident}=应急值班电话，按规定公开",
        ]
    )
    assert code == 0
    capsys.readouterr()
    assert scan(repo, capsys)[0] == 0
