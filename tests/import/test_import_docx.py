"""``xxgk import`` of real .docx files written with python-docx (红头文件 layout)."""

from __future__ import annotations

import hashlib
import io
import os
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document
from import_samples import TITLE, UNIT

from xxgk.cli import main
from xxgk.io.frontmatter import read

OPTIONS = [
    "--category",
    "政策文件",
    "--department",
    "政务公开办公室",
    "--keywords",
    "政府信息公开 工作要点",
    "--summary",
    "部署2026年政府信息公开重点工作。",
]


def _zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("hello.txt", "不是 Word")
    return buf.getvalue()


def _empty() -> bytes:
    buf = io.BytesIO()
    Document().save(buf)
    return buf.getvalue()


ZIP, EMPTY = _zip(), _empty()


def run(repo: Path, *args: str) -> int:
    return main(["--root", str(repo), *args])


def check(repo: Path) -> int:
    """``xxgk check`` in its own process, as staff and CI run it."""
    done = subprocess.run(
        [sys.executable, "-m", "xxgk", "--root", str(repo), "check"],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "XXGK_TODAY": "2026-11-27"},
    )
    assert "Traceback" not in done.stderr
    return done.returncode


def entries(repo: Path) -> list[Path]:
    return sorted((repo / "content" / "catalog").rglob("*.md"))


def test_secrecy_marks_stop_the_import_without_force(
    repo: Path, make_docx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    code = run(repo, "import", str(make_docx()), *OPTIONS)
    out = capsys.readouterr().out
    assert code == 1
    assert "份号 000123" in out and "密级 秘密★1年" in out and "未写入" in out
    assert entries(repo) == []


def test_red_head_document_becomes_an_entry_that_passes_check(
    repo: Path, make_docx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(repo, "import", str(make_docx()), *OPTIONS, "--force") == 0
    [path] = entries(repo)
    doc = read(path, "entry.md")
    assert doc.meta["索引号"] == "000014349/2026-00001"
    assert doc.meta["信息名称"] == TITLE
    assert doc.meta["文件编号"] == "鄂前政办发〔2026〕8号"  # printed as [2026]第008号
    assert doc.meta["产生时间"] == "2026-03-05"
    assert doc.meta["发布机构"] == UNIT
    out = capsys.readouterr().out
    assert "鄂前政办发[2026]第008号" in out and "取自落款" in out
    assert check(repo) == 0


def test_head_marks_title_and_record_are_not_in_the_body(
    repo: Path, make_docx: Callable[..., Path]
) -> None:
    run(repo, "import", str(make_docx()), *OPTIONS, "--force")
    body = read(entries(repo)[0], "entry.md").body
    for gone in (
        "000123",
        "秘密",
        "特急",
        f"{UNIT}文件",
        "鄂前政办发",
        "抄送",
        "印发",
        "关于做好2026年",
        "政府信息公开工作的通知",
    ):
        assert gone not in body, gone
    assert "各镇人民政府，旗直各有关部门：" in body  # Chinese punctuation untouched


def test_structure_is_kept_and_formatting_is_gone(
    repo: Path, make_docx: Callable[..., Path]
) -> None:
    run(repo, "import", str(make_docx()), *OPTIONS, "--force")
    body = read(entries(repo)[0], "entry.md").body
    assert "\n## 一、总体要求\n" in body
    assert "\n### （一）加强组织领导\n" in body
    assert "**明确责任分工。**各单位主要负责人要亲自抓" in body
    assert (
        "| 序号 | 任务 | 责任单位 |\n| --- | --- | --- |\n| 1 | 更新公开指南 | 政务公开办公室 |"
        in body
    )
    assert "1. 按时报送工作总结\n2. 及时更新目录条目" in body
    assert "## 附件1 2026年政府信息公开工作任务分解表" in body
    assert "## 附件2 政府信息公开工作联系人名单" in body
    for formatting in ("style", "color", "font", "<span", "仿宋", "黑体", "16pt", "\u3000"):
        assert formatting not in body, formatting


def test_pictures_are_saved_beside_the_entry_and_linked(
    repo: Path, make_docx: Callable[..., Path]
) -> None:
    run(repo, "import", str(make_docx()), *OPTIONS, "--force")
    [path] = entries(repo)
    image = path.with_name(path.stem + ".files") / "image-1.png"
    assert image.read_bytes().startswith(b"\x89PNG")
    assert f"]({path.stem}.files/image-1.png)" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "date", ["二○二六年三月五日", "二〇二六年三月五日", "2026年3月5日", "2026年03月05日"]
)
def test_date_in_arabic_or_chinese_numerals(
    repo: Path, make_docx: Callable[..., Path], date: str
) -> None:
    assert run(repo, "import", str(make_docx(secret=False, date=date)), *OPTIONS) == 0
    assert read(entries(repo)[0], "e.md").meta["产生时间"] == "2026-03-05"


def test_signature_by_registered_abbreviation(repo: Path, make_docx: Callable[..., Path]) -> None:
    assert run(repo, "import", str(make_docx(secret=False, signature="旗政府办")), *OPTIONS) == 0
    assert read(entries(repo)[0], "e.md").meta["发布机构"] == UNIT


def test_missing_fields_are_listed_and_nothing_written(
    repo: Path, make_docx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path = make_docx(secret=False, signature="某某科技有限公司")
    assert run(repo, "import", str(path), "--keywords", "公开") == 1
    out = capsys.readouterr().out
    assert "落款“某某科技有限公司”不是 xxgk.yml 中登记的单位" in out
    missing = out.split("还缺少")[1]
    for option in ("--category（分类）", "--department（责任部门）", "--summary（内容描述）"):
        assert option in missing
    assert "--keywords" not in missing and "--publisher" not in missing  # 发文机关标志 names it
    assert "未写入" in out and entries(repo) == []
    assert run(repo, "import", str(path), *OPTIONS) == 0
    assert read(entries(repo)[0], "e.md").meta["发布机构"] == UNIT


def test_a_second_import_never_overwrites_and_takes_the_next_number(
    repo: Path, make_docx: Callable[..., Path]
) -> None:
    path = make_docx(secret=False)
    assert run(repo, "import", str(path), *OPTIONS) == 0
    first = entries(repo)[0].read_bytes()
    other = make_docx("通知（修订）.docx", secret=False, extra="本通知自印发之日起执行。")
    assert run(repo, "import", str(other), *OPTIONS) == 0
    names = [p.name for p in entries(repo)]
    assert names == ["000014349-2026-00001.md", "000014349-2026-00002.md"]
    assert entries(repo)[0].read_bytes() == first
    assert check(repo) == 0


def test_the_same_file_is_not_imported_twice(
    repo: Path, make_docx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path = make_docx(secret=False)
    assert run(repo, "import", str(path), *OPTIONS) == 0
    assert run(repo, "import", str(path), *OPTIONS) == 1
    assert [p.name for p in entries(repo)] == ["000014349-2026-00001.md"]
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert read(entries(repo)[0], "e.md").meta["导入来源"] == f"sha256:{digest}"
    assert "已经导入过" in capsys.readouterr().err


def test_dry_run_prints_the_entry_and_writes_nothing(
    repo: Path, make_docx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(repo, "import", str(make_docx(secret=False)), *OPTIONS, "--dry-run") == 0
    assert f"信息名称: {TITLE}" in capsys.readouterr().out
    assert not any((repo / "content" / "catalog").iterdir())


def test_attach_option_adds_files_named_by_the_attachment_list(
    repo: Path, make_docx: Callable[..., Path], tmp_path: Path
) -> None:
    sheet = tmp_path / "附件1.xlsx"
    sheet.write_bytes(b"PK\x03\x04")
    path = make_docx(secret=False)
    assert run(repo, "import", str(path), *OPTIONS, "--attach", str(sheet)) == 0
    [entry] = entries(repo)
    doc = read(entry, "e.md")
    assert doc.meta["附件"] == [
        {"名称": "附件1", "文件": f"{entry.stem}.files/附件1.xlsx"},
        {"名称": "正文插图1", "文件": f"{entry.stem}.files/image-1.png"},
    ]
    assert (entry.parent / f"{entry.stem}.files" / "附件1.xlsx").read_bytes() == b"PK\x03\x04"


@pytest.mark.parametrize(
    "name,data,message",
    [
        ("坏文件.docx", b"this is not a zip", "不是 .docx 文件"),
        ("旧格式.doc", b"\xd0\xcf\x11\xe0", "只能导入 .docx"),
        ("压缩包.docx", ZIP, "Word 文件已损坏或不完整"),
        ("空白.docx", EMPTY, "没有读到任何正文"),
    ],
)
def test_unreadable_files_get_a_chinese_message(
    repo: Path,
    tmp_path: Path,
    name: str,
    data: bytes,
    message: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert run(repo, "import", str(path), *OPTIONS) == 1
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and "内部错误" not in err


def test_personal_data_found_by_the_scanner_stops_the_import(
    repo: Path, make_docx: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path = make_docx(
        secret=False, extra="联系人张三，身份证号码110101199003074514，电话13912345678。"
    )
    assert run(repo, "import", str(path), *OPTIONS) == 1
    out = capsys.readouterr().out
    assert "公民身份号码“110***********4514”" in out and "手机号码“139****5678”" in out
    assert "110101199003074514" not in out  # the finding itself is shown masked
    assert entries(repo) == []
    assert run(repo, "import", str(path), *OPTIONS, "--force") == 0


def test_registry_contact_numbers_are_not_personal_data(
    repo: Path, make_docx: Callable[..., Path]
) -> None:
    path = make_docx(secret=False, extra="咨询电话：0477-7621234。")
    assert run(repo, "import", str(path), *OPTIONS) == 0
