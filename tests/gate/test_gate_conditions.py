"""The merge gate on real repositories: one passing case, and one failing case per condition."""

from __future__ import annotations

import pytest
from gatekit import GitRepo, keys, repo  # noqa: F401 (fixtures)

from xxgk.io.hashing import sha256_file

NEW = "000014349-2026-00002"
NEW_INDEX = "000014349/2026-00002"


def staff_adds_entry(repo: GitRepo, extra: str = "", key: str | None = "张丽") -> str:
    """张丽 adds an entry in a commit signed with her key (unsigned when ``key`` is None)."""
    rel = repo.entry(NEW, NEW_INDEX, extra=extra)
    repo.commit("张丽", "新增条目：2026年政务公开工作要点", [rel], key=key)
    return rel


def reviewed(repo: GitRepo, capsys, reviewer: str = "王建华", key: str | None = None) -> str:  # type: ignore[no-untyped-def]
    rel = staff_adds_entry(repo)
    record = repo.sign(capsys, rel, reviewer, key=key)
    repo.commit(reviewer, "保密审查：2026年政务公开工作要点", [record])
    return rel


def gate(repo: GitRepo, capsys) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    return repo.xxgk(capsys, "gate", "--base", "main")


def test_a_properly_reviewed_entry_passes(repo: GitRepo, capsys) -> None:  # type: ignore[no-untyped-def]
    reviewed(repo, capsys)
    code, out = gate(repo, capsys)
    assert code == 0, out
    assert "检查了 1 个新增或改动的条目，没有发现问题" in out


def test_an_entry_without_review_is_refused(repo: GitRepo, capsys) -> None:  # type: ignore[no-untyped-def]
    rel = staff_adds_entry(repo)
    code, out = gate(repo, capsys)
    assert code == 1, out
    assert f"{rel}:1:1: 错误 [GATE-REVIEW]" in out
    assert "鄂托克前旗2026年政务公开工作要点" in out and "没有保密审查记录" in out


def test_a_review_of_an_older_version_is_void(repo: GitRepo, capsys) -> None:  # type: ignore[no-untyped-def]
    rel = reviewed(repo, capsys)
    repo.write(rel, (repo.root / rel).read_text() + "三、补充一句。\n")
    repo.commit("张丽", "条目补充", [rel], key="张丽")
    code, out = gate(repo, capsys)
    assert code == 1, out
    assert "[GATE-REVIEW]" in out and "审查已失效" in out and "又被修改" in out


def test_an_attachment_changed_after_review_voids_it(repo: GitRepo, capsys) -> None:  # type: ignore[no-untyped-def]
    att = "content/catalog/2026/附件/工作要点.pdf"
    repo.write(att, b"%PDF-1.4 first version")
    rel = repo.entry(
        NEW, NEW_INDEX, extra="附件:\n  - 名称: 工作要点全文\n    文件: 附件/工作要点.pdf\n"
    )
    repo.commit("张丽", "新增条目和附件", [rel, att], key="张丽")
    repo.commit("王建华", "保密审查", [repo.sign(capsys, rel, "王建华")])
    assert gate(repo, capsys)[0] == 0
    repo.write(att, b"%PDF-1.4 second version")
    repo.commit("张丽", "更换附件", [att], key="张丽")
    code, out = gate(repo, capsys)
    assert code == 1, out
    assert "[GATE-REVIEW]" in out and "附件“附件/工作要点.pdf”在审查后被修改" in out


def test_a_reviewer_may_not_review_own_changes(repo: GitRepo, capsys) -> None:  # type: ignore[no-untyped-def]
    rel = repo.entry(NEW, NEW_INDEX)
    repo.commit("王建华", "新增条目", [rel], key="王建华")
    code, out = repo.xxgk(
        capsys,
        "review",
        "sign",
        str(repo.root / rel),
        "--reviewer",
        "王建华",
        "--key",
        str(repo.keys / "王建华"),
    )
    assert code == 1 and "作者，不能审查自己写的内容" in out
    assert not (repo.root / "reviews").exists()


def test_a_false_git_author_does_not_hide_the_reviewer(repo: GitRepo, capsys) -> None:  # type: ignore[no-untyped-def]
    rel = repo.entry(NEW, NEW_INDEX)
    repo.commit(
        "张丽", "新增条目（作者名写成张丽）", [rel], key="王建华"
    )  # signed with the reviewer's key
    repo.commit("王建华", "保密审查", [repo.sign(capsys, rel, "王建华", author="张丽")])
    code, out = gate(repo, capsys)
    assert code == 1, out
    assert "[GATE-SELF-REVIEW]" in out and "用本人密钥签名了条目的改动" in out


def test_an_author_claim_without_signed_commits_is_refused(
    repo: GitRepo, capsys, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    rel = staff_adds_entry(repo, key=None)
    repo.commit("王建华", "保密审查", [repo.sign(capsys, rel, "王建华", author="张丽")])
    code, out = gate(repo, capsys)
    assert code == 1, out
    assert "[GATE-AUTHOR]" in out and "没有可核验的签名" in out
    monkeypatch.setenv(
        "XXGK_CHANGE_AUTHOR", "zhangl@etkqq.gov.cn"
    )  # the forge's pull-request author
    assert gate(repo, capsys)[0] == 0


def test_the_author_comes_from_the_signed_commit(repo: GitRepo, capsys) -> None:  # type: ignore[no-untyped-def]
    rel = repo.entry(NEW, NEW_INDEX)
    repo.commit("张丽", "新增条目", [rel], key="张丽")
    record = repo.sign(capsys, rel, "王建华", author=None)
    assert "作者: zhangl@etkqq.gov.cn" in (repo.root / record).read_text()
    repo.commit("王建华", "保密审查", [record])
    assert gate(repo, capsys)[0] == 0


def test_a_reviewer_added_to_the_roster_in_the_same_branch_does_not_count(
    repo: GitRepo, capsys
) -> None:  # type: ignore[no-untyped-def]
    text = (repo.root / "xxgk.yml").read_text()
    repo.write(
        "xxgk.yml",
        text.replace(
            "审查人员:\n",
            "审查人员:\n  - 姓名: 赵强\n    单位: 鄂托克前旗人民政府办公室\n"
            "    签名身份: zhaoq@etkqq.gov.cn\n",
            1,
        ),
    )
    repo.commit("赵强", "名册增加本人", ["xxgk.yml"])
    rel = staff_adds_entry(repo)
    repo.commit("赵强", "保密审查", [repo.sign(capsys, rel, "赵强")], key="赵强")
    code, out = gate(repo, capsys)
    assert code == 1, out
    assert "[GATE-REVIEW]" in out and "审查人“赵强”不在保密审查人员名册" in out


def test_a_reviewer_without_two_class_hours_is_refused(repo: GitRepo, capsys) -> None:  # type: ignore[no-untyped-def]
    reviewed(repo, capsys, reviewer="李秀英")
    code, out = gate(repo, capsys)
    assert code == 1, out
    assert (
        "[GATE-REVIEW]" in out
        and "李秀英”在审查日期前12个月内经签名确认的培训只有 1 学时，不足 2 学时" in out
    )


def test_an_unsigned_training_record_does_not_count(repo: GitRepo, capsys) -> None:  # type: ignore[no-untyped-def]
    rel = "training/2026/2026-11-01-补记.yml"
    repo.write(
        rel,
        (repo.root / "training/2026/2026-04-02-保密法.yml")
        .read_text()
        .replace('"2026-04-02"', '"2026-11-01"'),
    )
    repo.commit("李秀英", "补记培训", ["training"])
    reviewed(repo, capsys, reviewer="李秀英")
    code, out = gate(repo, capsys)
    assert code == 1, out
    assert "培训只有 1 学时" in out
    repo.sign_record(rel, "王建华")  # the office that organised it signs it
    repo.commit("王建华", "培训记录签名", [rel])
    assert gate(repo, capsys)[0] == 0


def test_a_review_without_its_signature_is_refused(repo: GitRepo, capsys) -> None:  # type: ignore[no-untyped-def]
    rel = staff_adds_entry(repo)
    record = repo.sign(capsys, rel, "王建华")
    (repo.root / (record + ".sig")).unlink()
    repo.commit("王建华", "保密审查", [record])
    code, out = gate(repo, capsys)
    assert code == 1, out
    assert "[GATE-REVIEW]" in out and "没有签名文件" in out


@pytest.mark.parametrize(
    "key, expected",
    [
        ("李秀英", "由“lixy@etkqq.gov.cn”的密钥签名，不是审查人“王建华”"),
        ("陌生人", "不在允许签名人文件"),
        ("张丽", "没有“xxgk-review”用途"),
    ],
)
def test_a_review_signed_by_another_key_is_refused(
    repo: GitRepo, capsys, key: str, expected: str
) -> None:  # type: ignore[no-untyped-def]
    rel = staff_adds_entry(repo)
    repo.commit("王建华", "保密审查", [repo.sign(capsys, rel, "王建华", key=key)])
    code, out = gate(repo, capsys)
    assert code == 1, out
    assert "[GATE-REVIEW]" in out and expected in out


def test_changing_the_allowed_signers_with_content_is_refused(repo: GitRepo, capsys) -> None:  # type: ignore[no-untyped-def]
    reviewed(repo, capsys)
    path = repo.root / ".xxgk/allowed_signers"
    path.write_text(path.read_text() + 'zhaoq@etkqq.gov.cn namespaces="git" ssh-ed25519 AAAA\n')
    repo.commit("赵强", "增加签名人", [".xxgk/allowed_signers"])
    code, out = gate(repo, capsys)
    assert code == 1, out
    assert ".xxgk/allowed_signers:1:1: 错误 [GATE-SIGNERS-FILE]" in out


def test_changing_only_the_allowed_signers_passes(repo: GitRepo, capsys) -> None:  # type: ignore[no-untyped-def]
    path = repo.root / ".xxgk/allowed_signers"
    path.write_text(path.read_text() + "# 2026-11 复核\n")
    repo.commit("赵强", "复核签名人", [".xxgk/allowed_signers"])
    assert gate(repo, capsys)[0] == 0


def test_a_review_added_alone_for_an_unchanged_entry_is_checked_too(repo: GitRepo, capsys) -> None:  # type: ignore[no-untyped-def]
    published = "content/catalog/2026/000014349-2026-00001.md"
    repo.commit("王建华", "保密审查", [repo.sign(capsys, published, "王建华", key="陌生人")])
    code, out = gate(repo, capsys)
    assert code == 1, out
    assert f"{published}:1:1: 错误 [GATE-REVIEW]" in out and "不在允许签名人文件" in out


def test_an_existing_review_record_may_not_be_rewritten(repo: GitRepo, capsys) -> None:  # type: ignore[no-untyped-def]
    record = repo.sign(capsys, "content/catalog/2026/000014349-2026-00001.md", "王建华")
    repo.git("checkout", "-q", "main")
    repo.commit("王建华", "保密审查", [record], key="王建华")
    repo.git("checkout", "-q", "-b", "pr2")
    rel = repo.entry(
        "000014349-2026-00001",
        "000014349/2026-00001",
        title="鄂托克前旗2026年第一季度政务公开情况",
        body="改过的正文。",
    )
    repo.commit("张丽", "修改条目", [rel])
    path = repo.root / record
    old = path.read_text().split("条目哈希: ")[1].split()[0]
    path.write_text(path.read_text().replace(old, sha256_file(repo.root, rel) or ""))
    repo.commit("张丽", "改审查记录里的哈希", [record])
    code, out = repo.xxgk(capsys, "gate", "--base", "main")
    assert code == 1, out
    assert f"{record}:1:1: 错误 [GATE-RECORD-CHANGED]" in out and "只增不改" in out


def test_a_review_record_changed_after_signing_counts_for_nothing(repo: GitRepo, capsys) -> None:  # type: ignore[no-untyped-def]
    rel = staff_adds_entry(repo)
    record = repo.sign(capsys, rel, "王建华", "--opinion", "无")
    repo.commit("王建华", "保密审查", [record])
    path = repo.root / record
    path.write_text(path.read_text().replace("审查意见: 无", "审查意见: 同意"))
    repo.commit("张丽", "顺手改审查意见", [record])
    code, out = gate(repo, capsys)
    assert code == 1, out
    assert "[GATE-REVIEW]" in out and "签名与文件内容不符" in out
