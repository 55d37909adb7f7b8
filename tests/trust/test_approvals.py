"""The approval chain of 附件4 and 附件6: the 分管负责同志's signed 审批, 难以确定 referrals,
解密 records for 密级标志, 发布批准 and the 分管领导审核 after a leading-group decision.
Real records, real ssh-keygen signatures with the shipped sample keys, the one decision."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from trustkit import STAFF, sample_key
from xxgk.cli import main
from xxgk.io.frontmatter import read
from xxgk.io.registry import load_registry
from xxgk.trust.decision import consultation_verdict, load_basis, review_verdict
from xxgk.trust.index import load_index
from xxgk.trust.records_sign import sign_record

OFFICE = "鄂托克前旗人民政府办公室"
INDEX = "000014349/2026-00007"
REL = "content/catalog/2026/000014349-2026-00007.md"
ENTRY = f"""---
索引号: {INDEX}
信息名称: 鄂托克前旗人民政府办公室关于做好2026年政务公开工作的通知
文件编号: 鄂前政办发〔2026〕7号
产生时间: 2026-03-02
分类: 政策文件
发布机构: {OFFICE}
责任部门: 办公室
公开形式: 主动公开
公开时限: 长期公开
审核程序: 单位内审核后公开
关键词: 政务公开
内容描述: 部署2026年政务公开工作。
{{extra}}---

{{body}}
"""


def write_entry(root: Path, body: str = "正文。", extra: str = "") -> None:
    path = root / REL
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(ENTRY.format(body=body, extra=extra), encoding="utf-8")


def xxgk(root: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["--root", str(root), *args])
    out = capsys.readouterr()
    return code, out.out + out.err


def sign(root: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    code, out = xxgk(
        root,
        capsys,
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
    )
    assert code == 0, out
    return next((root / "reviews").rglob("*.yml")).relative_to(root).as_posix()


def approve(
    root: Path,
    capsys: pytest.CaptureFixture[str],
    record: str,
    *args: str,
    who: str = "张明",
    key: str = "zhangm@etkqq.gov.cn",
) -> tuple[int, str]:
    return xxgk(
        root,
        capsys,
        "review",
        "approve",
        record,
        "--approver",
        who,
        "--date",
        "2026-11-21",
        "--key",
        sample_key(key),
        *args,
    )


def verdict(root: Path):  # type: ignore[no-untyped-def]
    basis = load_basis(root, load_registry(root))
    return review_verdict(root, read(root / REL, REL), load_index(root, basis.trust), basis)


def record(root: Path, rel: str, text: str, key: str = "zhangm@etkqq.gov.cn") -> None:
    (root / rel).parent.mkdir(parents=True, exist_ok=True)
    (root / rel).write_text(text, encoding="utf-8")
    sign_record(root, rel, sample_key(key))


def test_a_refusal_needs_the_leaders_approval_and_a_reviewer_cannot_give_it(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_entry(repo)
    rel = sign(
        repo, capsys, "--conclusion", "脱密处理后部分公开", "--reason", "删去附表中的个人信息"
    )
    assert "分管负责同志签名审批" in verdict(repo).reason
    code, out = approve(repo, capsys, rel, who="王建华", key="wangjh@etkqq.gov.cn")
    assert code == 1 and "不是“鄂托克前旗人民政府办公室”的分管负责同志" in out
    code, out = approve(repo, capsys, rel, "--opinion", "不同意")
    assert code == 0, out
    v = verdict(repo)
    assert not v.ok and "不同意审查意见" in v.reason


def test_an_approval_signed_with_a_reviewers_key_counts_for_nothing(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_entry(repo)
    rel = sign(
        repo, capsys, "--conclusion", "脱密处理后部分公开", "--reason", "删去附表中的个人信息"
    )
    code, out = approve(repo, capsys, rel, key="wangjh@etkqq.gov.cn")  # 张明 named, 王建华's key
    assert code == 0, out  # written and signed, but with a key that may not sign approvals
    v = verdict(repo)
    assert not v.ok and "没有“xxgk-approval”用途" in v.reason


def test_an_unclear_case_sent_to_the_secrecy_bureau_waits_for_its_answer(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_entry(repo)
    rel = sign(
        repo,
        capsys,
        "--unclear",
        "保密工作部门",
        "--unclear-body",
        "鄂托克前旗保密局",
        "--sent",
        "2026-11-20",
    )
    v = verdict(repo)
    assert not v.ok and "已于 2026-11-20 报保密工作部门确定" in v.reason
    assert approve(repo, capsys, rel)[0] == 0
    assert "答复记录之前不得公开" in verdict(repo).reason  # the leader alone does not settle it
    sha = __import__("hashlib").sha256((repo / rel).read_bytes()).hexdigest()
    answer = (
        "\n".join(
            [
                "记录类型: 确定意见",
                f"单位: {OFFICE}",
                "签署人: 张明",
                "日期: 2026-11-25",
                f"审查记录: {rel}",
                f"审查记录哈希: {sha}",
                "确定机关: 鄂托克前旗保密局",
                "确定结果: {result}",
                "来文文号: 鄂前保字〔2026〕3号",
            ]
        )
        + "\n"
    )
    record(repo, "approvals/2026/a1.yml", answer.format(result="属于国家秘密"))
    assert "确定属于国家秘密" in verdict(repo).reason
    record(
        repo,
        "approvals/2026/a2.yml",
        answer.replace("2026-11-25", "2026-11-26").format(result="不属于国家秘密"),
    )
    assert verdict(repo).ok


def test_a_secret_mark_is_acknowledged_only_with_a_declassification_record(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_entry(repo, body="秘密★1年\n\n正文。")
    code, out = xxgk(repo, capsys, "scan", str(repo / REL))
    ident = re.search(r"SCAN-SECRET-MARK:[0-9A-Za-z/._-]+:[0-9a-f]{12}", out).group()  # type: ignore[union-attr]
    code, out = xxgk(
        repo,
        capsys,
        "review",
        "sign",
        str(repo / REL),
        "--reviewer",
        "王建华",
        "--date",
        "2026-11-20",
        "--key",
        sample_key("wangjh@etkqq.gov.cn"),
        "--author",
        STAFF,
        "--ack",
        f"{ident}=已过保密期限，可以公开",
    )
    assert code == 1 and "不能凭说明确认" in out and not (repo / "reviews").exists()
    decl = (
        "\n".join(
            [
                "记录类型: 解密",
                f"单位: {OFFICE}",
                "签署人: 张明",
                "日期: 2026-11-18",
                f"索引号: {INDEX}",
                "决定机关: 鄂托克前旗人民政府办公室",
                "决定人: 刘振华",
                "决定文号: 鄂前政办密〔2026〕2号",
            ]
        )
        + "\n"
    )
    record(repo, "approvals/2026/jm.yml", decl)
    sign(repo, capsys, "--ack", f"{ident}=approvals/2026/jm.yml")
    assert verdict(repo).ok
    (repo / "approvals/2026/jm.yml.sig").unlink()  # the 解密 record no longer counts
    v = verdict(repo)
    assert not v.ok and "附件4 第十六条" in v.reason


def test_release_needing_approval_waits_for_the_signed_permit(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_entry(repo)
    sign(repo, capsys, "--needs-approval", "鄂尔多斯市人民政府办公室")
    v = verdict(repo)
    assert not v.ok and "须经“鄂尔多斯市人民政府办公室”批准后发布" in v.reason
    permit = (
        "\n".join(
            [
                "记录类型: 发布批准",
                f"单位: {OFFICE}",
                "签署人: 张明",
                "日期: 2026-11-22",
                f"索引号: {INDEX}",
                "批准机关: 鄂尔多斯市人民政府办公室",
                "批准文号: 鄂府办字〔2026〕9号",
            ]
        )
        + "\n"
    )
    record(repo, "approvals/2026/pz.yml", permit, key="wangjh@etkqq.gov.cn")  # a reviewer's key
    assert not verdict(repo).ok
    record(repo, "approvals/2026/pz2.yml", permit)
    assert verdict(repo).ok


def test_a_leading_group_decision_is_followed_by_the_leaders_check(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_entry(repo, extra="涉及部门: [鄂托克前旗财政局]\n")
    decision = (
        "\n".join(
            [
                "记录类型: 协调决定",
                f"索引号: {INDEX}",
                "信息名称: 通知",
                f"主办单位: {OFFICE}",
                "被征求单位: 鄂托克前旗财政局",
                "决定: 同意公开",
                "决定依据: 条例第五条",
                "决定机关: 鄂托克前旗政务公开工作领导小组办公室",
                "决定日期: 2026-11-20",
                "经办人: 王建华",
            ]
        )
        + "\n"
    )
    record(repo, "consultations/2026/jd.yml", decision, key="wangjh@etkqq.gov.cn")
    doc = read(repo / REL, REL)

    def reasons() -> str:
        basis = load_basis(repo, load_registry(repo))
        return consultation_verdict(doc, load_index(repo, basis.trust)).reason

    assert "须由“鄂托克前旗人民政府办公室”的分管领导审核" in reasons()
    check = (
        "\n".join(
            [
                "记录类型: 分管领导审核",
                f"单位: {OFFICE}",
                "签署人: 张明",
                "日期: 2026-11-19",
                f"索引号: {INDEX}",
                "意见: 同意",
            ]
        )
        + "\n"
    )
    record(repo, "approvals/2026/sh1.yml", check)  # before the decision: does not follow it
    assert "分管领导审核" in reasons()
    record(repo, "approvals/2026/sh2.yml", check.replace("2026-11-19", "2026-11-21"))
    assert reasons() == ""
