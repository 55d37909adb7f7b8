"""Documents that are not laid out as a full 红头文件: styles instead of a head, joint signatures,
signature and date in one paragraph."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_samples import numbered_docx, simple_docx

from xxgk.cli import main
from xxgk.io.frontmatter import read

OPTIONS = [
    "--category",
    "工作信息",
    "--department",
    "办公室",
    "--keywords",
    "信息公开",
    "--summary",
    "工作安排。",
]


def import_one(repo: Path, path: Path, *extra: str) -> tuple[int, dict[str, object], str]:
    code = main(["--root", str(repo), "import", str(path), *OPTIONS, *extra])
    found = sorted((repo / "content" / "catalog").rglob("*.md"))
    if not found:
        return code, {}, ""
    doc = read(found[0], "e.md")
    return code, doc.meta, doc.body


def test_word_title_and_heading_styles(repo: Path, tmp_path: Path) -> None:
    path = simple_docx(
        tmp_path / "a.docx",
        [
            ("Title", "鄂托克前旗财政局2026年预算公开工作方案"),
            ("Heading 1", "工作目标"),
            "按时公开预算。",
            ("Heading 2", "时间安排"),
            "三月底前完成。",
            "鄂托克前旗财政局",
            "2026年2月10日",
        ],
    )
    code, meta, body = import_one(repo, path)
    assert code == 0
    assert meta["信息名称"] == "鄂托克前旗财政局2026年预算公开工作方案"
    assert meta["发布机构"] == "鄂托克前旗财政局" and meta["产生时间"] == "2026-02-10"
    assert "文件编号" not in meta
    assert body.startswith("\n## 工作目标\n\n按时公开预算。\n\n### 时间安排\n")
    assert "预算公开工作方案" not in body


def test_signature_and_date_in_one_paragraph(repo: Path, tmp_path: Path) -> None:
    path = simple_docx(
        tmp_path / "b.docx",
        [
            "关于调整办公时间的通知",
            "各单位：",
            "自即日起调整办公时间。",
            "鄂托克前旗人民政府办公室\n二〇二六年四月一日",
        ],
    )
    code, meta, _ = import_one(repo, path)
    assert code == 0
    assert meta["发布机构"] == "鄂托克前旗人民政府办公室" and meta["产生时间"] == "2026-04-01"


def test_joint_signature_lists_every_body(repo: Path, tmp_path: Path) -> None:
    path = simple_docx(
        tmp_path / "c.docx",
        [
            "鄂前财发〔2026〕4号",
            "关于做好农牧业补贴资金公开工作的通知",
            "各镇人民政府：",
            "请做好公开。",
            "鄂托克前旗财政局",
            "鄂托克前旗农牧局",
            "2026年5月6日",
        ],
    )
    code, meta, _ = import_one(repo, path)
    assert code == 0
    assert meta["发布机构"] == "鄂托克前旗财政局"
    assert meta["联合发文机关"] == ["鄂托克前旗财政局", "鄂托克前旗农牧局"]
    assert meta["文件编号"] == "鄂前财发〔2026〕4号"


def test_words_like_secret_inside_sentences_are_kept(repo: Path, tmp_path: Path) -> None:
    path = simple_docx(
        tmp_path / "d.docx",
        [
            "关于保密审查工作的通知",
            "各单位：",
            "秘密",
            "涉及秘密★事项的信息不得公开。",
            "鄂托克前旗人民政府办公室",
            "2026年6月1日",
        ],
    )
    code, _meta, body = import_one(repo, path, "--force")  # the scanner may still flag them
    assert code == 0  # but a marking is removed only from the head, never from the text
    assert "\n秘密\n" in body and "涉及秘密★事项的信息不得公开。" in body


@pytest.mark.parametrize(
    "lines,missing",
    [
        (
            ["没有标题也没有落款的一段话。"],
            ["--title（信息名称）", "--date（产生时间）", "--publisher（发布机构）"],
        ),
    ],
)
def test_nothing_recognisable_lists_everything_needed(
    repo: Path,
    tmp_path: Path,
    lines: list[str],
    missing: list[str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, meta, _ = import_one(repo, simple_docx(tmp_path / "e.docx", list(lines)))
    assert code == 1 and meta == {}
    out = capsys.readouterr().out
    assert all(m in out for m in missing)


def test_record_is_removed_only_at_the_end(repo: Path, tmp_path: Path) -> None:
    path = simple_docx(
        tmp_path / "f.docx",
        [
            "关于转发管理办法的通知",
            "各单位：",
            "《管理办法》已由市政府办公室于2026年1月5日印发",
            "请遵照执行。",
            "鄂托克前旗人民政府办公室",
            "2026年2月1日",
            "抄送：旗委办公室。",
            "鄂托克前旗人民政府办公室　2026年2月1日印发",
        ],
    )
    code, _meta, body = import_one(repo, path)
    assert code == 0
    assert (
        "于2026年1月5日印发" in body
        and "抄送" not in body
        and "日印发\n" not in body.split("执行")[1]
    )


def test_attachment_note_on_its_own_line_before_the_signature(repo: Path, tmp_path: Path) -> None:
    path = simple_docx(
        tmp_path / "g.docx",
        [
            "关于报送统计数据的通知",
            "各单位：",
            "请报送数据。",
            "附件",
            "1.统计表",
            "鄂托克前旗财政局",
            "2026年8月3日",
            "附件1",
            "统计表",
            "单位名称、数据。",
        ],
    )
    code, meta, body = import_one(repo, path)
    assert code == 0
    assert meta["产生时间"] == "2026-08-03" and meta["发布机构"] == "鄂托克前旗财政局"
    assert "## 附件1 统计表" in body


def test_word_auto_numbering_in_chinese_becomes_the_heading_text(
    repo: Path, tmp_path: Path
) -> None:
    code, _meta, body = import_one(repo, numbered_docx(tmp_path / "h.docx"))
    assert code == 0
    assert "## 一、总体要求\n\n### （一）明确责任\n\n### （二）加强督查\n\n## 二、重点任务" in body
    assert "1. 更新指南\n2. 编制年报" in body  # a plain numbered list stays a list
