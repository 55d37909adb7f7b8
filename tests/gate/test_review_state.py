"""What the site build asks: review, consultation and withdrawal state of entries (fail-closed)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from trustkit import STAFF, sample_key
from xxgk.cli import main
from xxgk.io.frontmatter import read
from xxgk.io.registry import load_registry
from xxgk.model.dates import today
from xxgk.trust.consult import withdrawn
from xxgk.trust.decision import consultation_verdict, load_basis, review_verdict
from xxgk.trust.index import load_index

ENTRY = """---
索引号: 000014349/2026-00007
信息名称: 鄂托克前旗人民政府办公室关于做好2026年政务公开工作的通知
文件编号: 鄂前政办发〔2026〕7号
产生时间: 2026-03-02
分类: 政策文件
发布机构: 鄂托克前旗人民政府办公室
责任部门: 办公室
公开形式: {disclosure}
公开时限: 长期公开
审核程序: 单位内审核后公开
关键词: 政务公开
内容描述: 部署2026年政务公开工作。
{extra}---

正文。
"""
REL = "content/catalog/2026/000014349-2026-00007.md"


def write_entry(root: Path, disclosure: str = "主动公开", extra: str = "") -> Path:
    path = root / REL
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(ENTRY.format(disclosure=disclosure, extra=extra), encoding="utf-8")
    return path


def sign(root: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(
        [
            "--root",
            str(root),
            "review",
            "sign",
            str(root / REL),
            "--reviewer",
            "王建华",
            "--date",
            "2026-11-20",
            "--key",
            sample_key("wangjh@etkqq.gov.cn"),
            "--author",
            STAFF,
            *args,
        ]
    )
    out = capsys.readouterr()
    return code, out.out + out.err


def state(root: Path):  # type: ignore[no-untyped-def]
    basis = load_basis(root, load_registry(root))
    return load_index(root, basis.trust), basis


def verdict(root: Path):  # type: ignore[no-untyped-def]
    idx, basis = state(root)
    return review_verdict(root, read(root / REL, REL), idx, basis)


def consultation(root: Path):  # type: ignore[no-untyped-def]
    return consultation_verdict(read(root / REL, REL), state(root)[0])


def is_withdrawn(root: Path, doc) -> bool:  # type: ignore[no-untyped-def]
    return withdrawn(doc, state(root)[0], today())


def test_unreviewed_entries_are_not_published(repo: Path) -> None:
    write_entry(repo)
    v = verdict(repo)
    assert not v.ok and "没有保密审查记录" in v.reason


def test_a_signed_review_of_the_current_bytes_allows_publication(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_entry(repo)
    code, out = sign(repo, capsys)
    assert code == 0, out
    assert verdict(repo).ok
    (repo / REL).write_text((repo / REL).read_text(encoding="utf-8") + "补充。\n", encoding="utf-8")
    v = verdict(repo)
    assert not v.ok and "审查已失效" in v.reason


def test_partial_disclosure_after_redaction_is_published_as_reviewed(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_entry(repo)
    code, out = sign(repo, capsys, "--conclusion", "脱密处理后部分公开")
    assert code == 1 and "--reason" in out
    code, out = sign(
        repo,
        capsys,
        "--conclusion",
        "脱密处理后部分公开",
        "--reason",
        "删去附表中的个人信息（条例第十五条）",
    )
    assert code == 0, out
    v = verdict(repo)  # 附件4 第九条（三）: the 分管负责同志 approves it first
    assert not v.ok and "分管负责同志签名审批" in v.reason
    record = next((repo / "reviews").rglob("*.yml")).relative_to(repo).as_posix()
    assert (
        main(
            [
                "--root",
                str(repo),
                "review",
                "approve",
                record,
                "--approver",
                "张明",
                "--date",
                "2026-11-21",
                "--key",
                sample_key("zhangm@etkqq.gov.cn"),
            ]
        )
        == 0
    )
    assert verdict(repo).ok


def test_a_refusal_keeps_the_entry_off_the_site(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_entry(repo)
    code, out = sign(
        repo,
        capsys,
        "--conclusion",
        "不予公开",
        "--attribute",
        "不公开",
        "--reason",
        "属于内部事务信息",
    )
    assert code == 0, out
    v = verdict(repo)
    assert not v.ok and "不予公开" in v.reason


def test_the_reviewed_attribute_must_match_the_entry(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_entry(repo)
    sign(repo, capsys, "--attribute", "依申请公开")
    v = verdict(repo)
    assert not v.ok and "公开属性为“依申请公开”" in v.reason


def test_someone_off_the_roster_cannot_sign(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_entry(repo)
    code = main(["--root", str(repo), "review", "sign", str(repo / REL), "--reviewer", "张三"])
    assert code == 1 and "不在保密审查人员名册" in capsys.readouterr().err
    assert not (repo / "reviews").exists()


def test_a_hand_edited_review_record_counts_for_nothing(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_entry(repo)
    sign(repo, capsys)
    record = next((repo / "reviews").rglob("*.yml"))
    text = record.read_text(encoding="utf-8")
    assert "审查结论: 同意公开" in text
    record.write_text(text.replace("审查结论: 同意公开", "审查结论: 同意"), encoding="utf-8")
    assert not verdict(repo).ok


def test_consultation_is_needed_for_every_concerned_department(repo: Path) -> None:
    write_entry(repo, extra="涉及部门:\n  - 鄂托克前旗财政局\n")
    v = consultation(repo)
    assert not v.ok and "鄂托克前旗财政局" in v.reason
    write_entry(repo)
    assert consultation(repo).ok


def test_a_withdrawn_entry_leaves_the_site_from_its_date(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_entry(repo)
    doc = read(repo / REL, REL)
    assert is_withdrawn(repo, doc) is False
    code = main(
        [
            "--root",
            str(repo),
            "review",
            "withdraw",
            str(repo / REL),
            "--reason",
            "复查发现内容有误",
            "--approver",
            "李秀英",
            "--date",
            "2026-11-26",
        ]
    )
    assert code == 0
    assert is_withdrawn(repo, doc) is True
    code = main(
        [
            "--root",
            str(repo),
            "review",
            "withdraw",
            str(repo / REL),
            "--reason",
            "再次",
            "--approver",
            "李秀英",
            "--date",
            "2026-11-26",
        ]
    )
    assert code == 1 and "不能覆盖" in capsys.readouterr().err


def test_review_check_reports_every_bad_record_with_its_line(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "training" / "t.yml").write_text("类型: 集中培训\n日期: 2026-13-01\n", encoding="utf-8")
    (repo / "withdrawals").mkdir()
    (repo / "withdrawals" / "w.yml").write_text("索引号: x\n索引号: y\n", encoding="utf-8")
    assert main(["--root", str(repo), "review", "check"]) == 1
    out = capsys.readouterr().out
    assert "training/t.yml:1:1: 错误 [TRAINING-RECORD] 缺少“主题”（培训主题）" in out
    assert "training/t.yml:2:" in out and "withdrawals/w.yml:2:1: 错误 [FM-DUPLICATE-KEY]" in out


def test_a_faulty_withdrawal_record_still_withdraws(repo: Path) -> None:
    write_entry(repo)
    (repo / "withdrawals").mkdir()
    (repo / "withdrawals" / "w.yml").write_text(
        "索引号: 000014349/2026-00007\n撤回原因: 含个人信息\n", encoding="utf-8"
    )
    assert is_withdrawn(repo, read(repo / REL, REL)) is True


def test_an_unknown_base_is_a_usage_error(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    assert main(["--root", str(repo), "gate", "--base", "no-such-branch"]) == 2
    assert "无法确定比较基线“no-such-branch”" in capsys.readouterr().err


def test_a_refusal_is_recorded_as_not_disclosed_and_contradictions_are_refused(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_entry(repo)
    code, out = sign(repo, capsys, "--attribute", "不公开")
    assert code == 1 and "矛盾" in out
    code, out = sign(
        repo, capsys, "--conclusion", "不予公开", "--reason", "属于过程性信息（条例第十六条）"
    )
    assert code == 0, out
    assert "公开属性: 不公开" in next((repo / "reviews").rglob("*.yml")).read_text(encoding="utf-8")
