"""The gate and the approval chain, on a real git repository with real SSH-signed commits:
the 分管负责同志's 审批 and 分管领导审核 let an entry through only when the right person
signed them for the bytes reviewed; a review cannot call a 密级标志 内部资料; approvals only grow."""

from __future__ import annotations

import re

from gatekit import DECISION, OFFICE, GitRepo, keys, repo  # noqa: F401 (fixtures)

from xxgk.review.sign import SignRequest, build, record_path, write
from xxgk.trust.roster import Reviewer

NEW, NEW_INDEX = "000014349-2026-00002", "000014349/2026-00002"
PARTIAL = ("--conclusion", "脱密处理后部分公开", "--reason", "删去附表中的个人住址（条例第十五条）")


def gate(repo: GitRepo, capsys) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    return repo.xxgk(capsys, "gate", "--base", "main")


def written(out: str) -> str:
    return re.search(r"已写入并签名 (\S+)", out).group(1)  # type: ignore[union-attr]


def leader(repo: GitRepo, capsys, *args: str, key: str = "张明") -> str:  # type: ignore[no-untyped-def]
    """A leader's command (approve, confirm …) signed with ``key``'s key, committed by him."""
    code, out = repo.xxgk(
        capsys,
        "review",
        args[0],
        "--approver",
        "张明",
        "--date",
        "2026-11-21",
        "--key",
        str(repo.keys / key),
        *args[1:],
    )
    assert code == 0, out
    rel = written(out)
    repo.commit("张明", "审批", [rel])
    return rel


def partial_entry(repo: GitRepo, capsys) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    rel = repo.entry(NEW, NEW_INDEX, body="一、加强政策解读。（附表已删去个人住址）")
    repo.commit("张丽", "新增条目", [rel], key="张丽")
    review = repo.sign(capsys, rel, "王建华", *PARTIAL)
    repo.commit("王建华", "保密审查", [review])
    return rel, review


def test_a_partial_release_passes_only_after_the_leaders_approval(repo: GitRepo, capsys) -> None:  # type: ignore[no-untyped-def]
    _, review = partial_entry(repo, capsys)
    code, out = gate(repo, capsys)
    assert code == 1 and "[GATE-REVIEW]" in out and "分管负责同志签名审批" in out, out
    leader(repo, capsys, "approve", review)
    code, out = gate(repo, capsys)
    assert code == 0, out


def test_an_approval_signed_by_the_wrong_person_does_not_pass(repo: GitRepo, capsys) -> None:  # type: ignore[no-untyped-def]
    _, review = partial_entry(repo, capsys)
    leader(repo, capsys, "approve", review, key="王建华")  # 张明 named, the reviewer's key used
    code, out = gate(repo, capsys)
    assert code == 1 and "[GATE-REVIEW]" in out and "签名不算数" in out, out
    leader(repo, capsys, "approve", review, "--date", "2026-11-22", key="陌生人")
    code, out = gate(repo, capsys)
    assert code == 1 and "尚无有效的审批记录" in out, out


def test_changing_the_entry_after_the_approval_voids_it(repo: GitRepo, capsys) -> None:  # type: ignore[no-untyped-def]
    rel, review = partial_entry(repo, capsys)
    leader(repo, capsys, "approve", review)
    assert gate(repo, capsys)[0] == 0
    repo.write(
        rel, (repo.root / rel).read_text(encoding="utf-8").replace("个人住址", "家庭住址和电话")
    )
    repo.commit("张丽", "改动条目", [rel], key="张丽")
    code, out = gate(repo, capsys)
    assert code == 1 and "审查已失效" in out, out


def test_an_approval_added_alone_is_checked_with_its_entry(repo: GitRepo, capsys) -> None:  # type: ignore[no-untyped-def]
    _, review = partial_entry(repo, capsys)
    repo.git("checkout", "-q", "main")
    repo.git("merge", "-q", "--ff-only", "pr")  # the entry and its review are on main, unpublished
    repo.git("checkout", "-q", "-b", "approval")
    leader(repo, capsys, "approve", review, key="陌生人")
    code, out = gate(repo, capsys)
    assert code == 1 and "[GATE-REVIEW]" in out and "1 个新增或改动的条目" in out, out
    leader(repo, capsys, "approve", review, "--date", "2026-11-22")
    code, out = gate(repo, capsys)
    assert code == 0 and "1 个新增或改动的条目" in out, out


def test_deleting_a_later_refusal_to_revive_an_approval_is_refused(repo: GitRepo, capsys) -> None:  # type: ignore[no-untyped-def]
    _, review = partial_entry(repo, capsys)
    leader(repo, capsys, "approve", review)
    refusal = leader(repo, capsys, "approve", review, "--opinion", "不同意", "--date", "2026-11-22")
    repo.git("checkout", "-q", "main")
    repo.git("merge", "-q", "--ff-only", "pr")
    repo.git("checkout", "-q", "-b", "drop")
    repo.git("rm", "-q", refusal, refusal + ".sig")
    repo.commit("赵强", "删除审批", [])
    code, out = gate(repo, capsys)
    assert code == 1 and "[GATE-RECORD-CHANGED]" in out and refusal in out, out


def test_the_leaders_check_after_a_leading_group_decision(repo: GitRepo, capsys) -> None:  # type: ignore[no-untyped-def]
    rel = repo.entry(NEW, NEW_INDEX, extra="涉及部门:\n  - 鄂托克前旗财政局\n")
    repo.commit("张丽", "新增条目", [rel], key="张丽")
    repo.commit("王建华", "保密审查", [repo.sign(capsys, rel, "王建华")])
    decision = "consultations/2026/000014349-2026-00002-决定.yml"
    repo.write(decision, DECISION.format(index=NEW_INDEX))
    repo.sign_record(decision, "王建华")
    repo.commit("王建华", "协调决定", [decision])
    code, out = gate(repo, capsys)
    assert code == 1 and "尚无签名的分管领导审核记录" in out, out
    wrong = leader(repo, capsys, "confirm", str(repo.root / rel), key="李秀英")
    code, out = gate(repo, capsys)
    assert code == 1 and "尚无签名的分管领导审核记录" in out, out
    assert "分管领导审核" in (repo.root / wrong).read_text(encoding="utf-8")
    leader(repo, capsys, "confirm", str(repo.root / rel), "--date", "2026-11-22")
    code, out = gate(repo, capsys)
    assert code == 0, out


def forged_review(repo: GitRepo, rel: str, kinds: dict[str, str]) -> str:
    """A review record made without ``xxgk review sign``'s scan: 已确认发现 with the 类别 the
    forger chose, signed with the reviewer's real key."""
    from xxgk.io.frontmatter import read
    from xxgk.io.registry import load_registry

    doc = read(repo.root / rel, rel)
    person = Reviewer("王建华", OFFICE, frozenset([OFFICE]), "wangjh@etkqq.gov.cn")
    req = SignRequest(
        reviewer="王建华",
        body=None,
        conclusion="同意公开",
        attribute=None,
        reason="",
        opinion="",
        date=__import__("datetime").date(2026, 11, 20),
        acks={i: "内部资料，可以公开" for i in kinds},
        author="zhangl@etkqq.gov.cn",
        ack_kinds={i: (k, "") for i, k in kinds.items()},
    )
    record = build(repo.root, doc, req, {"王建华": person})
    target = record_path(load_registry(repo.root), doc, OFFICE, req.date)
    write(repo.root, target, record, str(repo.keys / "王建华"))
    return target


def test_a_signed_review_calling_a_secret_mark_internal_is_refused(repo: GitRepo, capsys) -> None:  # type: ignore[no-untyped-def]
    rel = repo.entry(
        NEW,
        NEW_INDEX,
        extra="附件:\n  - 文件: 附表.txt\n    名称: 附表\n",
        body="秘密★1年\n\n一、加强政策解读。",
    )
    repo.write("content/catalog/2026/附表.txt", "机密★5年\n名单略。\n")
    repo.commit("张丽", "新增条目", [rel, "content/catalog/2026/附表.txt"], key="张丽")
    code, out = repo.xxgk(capsys, "scan", str(repo.root / rel))
    idents = re.findall(r"SCAN-SECRET-MARK:\S+?:[0-9a-f]{12}", out)
    assert len(set(idents)) == 2, out
    review = forged_review(repo, rel, {i: "内部资料标志" for i in idents})
    repo.commit("王建华", "保密审查", [review])
    code, out = gate(repo, capsys)
    assert code == 1, out
    assert (
        out.count("[GATE-MARK-KIND]") == 2 and "附表.txt" in out and "扫描结果是“密级标志”" in out
    ), out
    assert "[GATE-REVIEW]" in out and "附件4 第十六条" in out  # the one decision refuses it too


def test_an_internal_mark_acknowledged_as_such_passes(repo: GitRepo, capsys) -> None:  # type: ignore[no-untyped-def]
    rel = repo.entry(NEW, NEW_INDEX, body="内部资料\n\n一、加强政策解读。")
    repo.commit("张丽", "新增条目", [rel], key="张丽")
    code, out = repo.xxgk(capsys, "scan", str(repo.root / rel))
    ident = re.search(r"SCAN-SECRET-MARK:\S+?:[0-9a-f]{12}", out).group()  # type: ignore[union-attr]
    review = repo.sign(capsys, rel, "王建华", "--ack", f"{ident}=旧版文件的印记，内容已公开")
    assert "类别: 内部资料标志" in (repo.root / review).read_text(encoding="utf-8")
    repo.commit("王建华", "保密审查", [review])
    code, out = gate(repo, capsys)
    assert code == 0, out
