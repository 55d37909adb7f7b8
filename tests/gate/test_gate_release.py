"""The gate's release-coordination, numbering, deletion and joint-document conditions."""

from __future__ import annotations

from gatekit import DECISION, FINANCE, GitRepo, keys, repo  # noqa: F401 (fixtures)

NEW, NEW_INDEX = "000014349-2026-00002", "000014349/2026-00002"
PUBLISHED = "content/catalog/2026/000014349-2026-00001.md"
CONCERNED = f"涉及部门:\n  - {FINANCE}\n"

REPLY = """记录类型: 征求意见
索引号: "{index}"
信息名称: 鄂托克前旗2026年政务公开工作要点
主办单位: 鄂托克前旗人民政府办公室
被征求单位: 鄂托克前旗财政局
基本情况: 拟主动公开全旗本年度政务公开工作要点，其中涉及预决算公开安排。
主办单位意见: 拟主动公开。依据《政府信息公开条例》第二十条。
征求日期: "2026-11-20"
回复意见: {reply}
回复内容: {text}
回复日期: "2026-11-21"
回复人: 高峰
"""


def add_reviewed(repo: GitRepo, capsys, extra: str = "", body: str = "一、加强政策解读。") -> str:  # type: ignore[no-untyped-def]
    rel = repo.entry(NEW, NEW_INDEX, extra=extra, body=body)
    repo.commit("张丽", "新增条目", [rel], key="张丽")
    repo.commit("王建华", "保密审查", [repo.sign(capsys, rel, "王建华")])
    return rel


def record(repo: GitRepo, rel: str, text: str, signer: str | None = "高峰") -> None:
    """A consultation record, signed by ``signer`` (the department's rostered reviewer)."""
    repo.write(rel, text)
    if signer:
        repo.sign_record(rel, signer)
    repo.commit("张丽", "发布协调记录", [rel])


def gate(repo: GitRepo, capsys) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    return repo.xxgk(capsys, "gate", "--base", "main")


def test_a_concerned_department_without_written_opinion_blocks(repo: GitRepo, capsys) -> None:  # type: ignore[no-untyped-def]
    add_reviewed(repo, capsys, extra=CONCERNED)
    code, out = gate(repo, capsys)
    assert code == 1, out
    assert "[GATE-CONSULT]" in out and "缺少涉及部门“鄂托克前旗财政局”的书面意见" in out


def test_a_written_agreement_lets_it_pass(repo: GitRepo, capsys) -> None:  # type: ignore[no-untyped-def]
    add_reviewed(repo, capsys, extra=CONCERNED)
    record(
        repo,
        "consultations/2026/000014349-2026-00002-财政局.yml",
        REPLY.format(index=NEW_INDEX, reply="同意公开", text="无意见。"),
    )
    code, out = gate(repo, capsys)
    assert code == 0, out


def test_a_disagreement_blocks_until_the_leading_group_office_decides(
    repo: GitRepo, capsys
) -> None:  # type: ignore[no-untyped-def]
    add_reviewed(repo, capsys, extra=CONCERNED)
    record(
        repo,
        "consultations/2026/000014349-2026-00002-财政局.yml",
        REPLY.format(index=NEW_INDEX, reply="不同意公开", text="预算数据尚未经人大批准。"),
    )
    code, out = gate(repo, capsys)
    assert code == 1, out
    assert "[GATE-CONSULT]" in out and "不同意公开" in out and "尚无决定记录" in out
    record(
        repo,
        "consultations/2026/000014349-2026-00002-决定.yml",
        DECISION.format(index=NEW_INDEX),
        "王建华",
    )
    code, out = gate(repo, capsys)  # 附件6 第七条: the decision is then checked by the 分管领导
    assert code == 1 and "尚无决定记录" not in out and "尚无签名的分管领导审核记录" in out, out


def test_an_unsigned_agreement_counts_for_nothing(repo: GitRepo, capsys) -> None:  # type: ignore[no-untyped-def]
    add_reviewed(repo, capsys, extra=CONCERNED)
    record(
        repo,
        "consultations/2026/000014349-2026-00002-财政局.yml",
        REPLY.format(index=NEW_INDEX, reply="同意公开", text="无意见。"),
        signer=None,
    )
    code, out = gate(repo, capsys)
    assert code == 1 and "[GATE-CONSULT]" in out and "没有有效签名" in out


def test_an_invalid_consultation_record_counts_for_nothing(repo: GitRepo, capsys) -> None:  # type: ignore[no-untyped-def]
    add_reviewed(repo, capsys, extra=CONCERNED)
    text = REPLY.format(index=NEW_INDEX, reply="同意公开", text="无意见。").replace(
        "回复人: 高峰\n", ""
    )
    record(repo, "consultations/2026/bad.yml", text)
    code, out = gate(repo, capsys)
    assert code == 1, out
    assert "consultations/2026/bad.yml" in out and "缺少“回复人”" in out
    assert "缺少涉及部门“鄂托克前旗财政局”的书面意见" in out


def test_changing_the_index_number_of_a_published_entry_is_refused(repo: GitRepo, capsys) -> None:  # type: ignore[no-untyped-def]
    text = (repo.root / PUBLISHED).read_text().replace("2026-00001", "2026-00009", 1)
    repo.write(PUBLISHED, text)
    repo.commit("张丽", "改索引号", [PUBLISHED])
    code, out = gate(repo, capsys)
    assert code == 1, out
    assert (
        "[GATE-INDEX-CHANGED]" in out
        and "由“000014349/2026-00001”改为“000014349/2026-00009”" in out
    )


def test_deleting_a_published_entry_without_withdrawal_is_refused(repo: GitRepo, capsys) -> None:  # type: ignore[no-untyped-def]
    (repo.root / PUBLISHED).unlink()
    repo.commit("张丽", "删除条目", [PUBLISHED])
    code, out = gate(repo, capsys)
    assert code == 1, out
    assert f"{PUBLISHED}:1:1: 错误 [GATE-DELETED]" in out and "没有撤回记录" in out
    assert "鄂托克前旗2026年第一季度政务公开情况" in out


def test_deleting_after_a_withdrawal_record_passes(repo: GitRepo, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out = repo.xxgk(
        capsys,
        "review",
        "withdraw",
        str(repo.root / PUBLISHED),
        "--reason",
        "复查发现附表含个人信息",
        "--approver",
        "王建华",
        "--date",
        "2026-11-21",
    )
    assert code == 0, out
    (repo.root / PUBLISHED).unlink()
    repo.commit("李秀英", "撤回并删除条目", ["withdrawals", PUBLISHED])
    code, out = gate(repo, capsys)
    assert code == 0, out


def test_a_joint_document_needs_a_review_from_each_issuing_body(repo: GitRepo, capsys) -> None:  # type: ignore[no-untyped-def]
    rel = add_reviewed(repo, capsys, extra=f"联合发文机关:\n  - {FINANCE}\n")
    code, out = gate(repo, capsys)
    assert code == 1, out
    assert "缺少联合发文机关“鄂托克前旗财政局”的保密审查（附件4 第十一条" in out
    record_rel = repo.sign(capsys, rel, "高峰", "--body", FINANCE)
    repo.commit("高峰", "财政局保密审查", [record_rel], key="高峰")
    code, out = gate(repo, capsys)
    assert code == 0, out


def test_an_unacknowledged_scan_finding_blocks_and_an_acknowledged_one_does_not(
    repo: GitRepo, capsys
) -> None:  # type: ignore[no-untyped-def]
    rel = repo.entry(NEW, NEW_INDEX, body="联系人：张三，电话13912345678。")
    repo.commit("张丽", "新增条目", [rel], key="张丽")
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
    assert code == 1 and "扫描发现未确认" in out and "SCAN-MOBILE" in out
    ident = out.split("编号 ")[1].split()[0]
    record_rel = repo.sign(
        capsys, rel, "王建华", "--ack", f"{ident}=张三为项目联系人，本人同意公开电话"
    )
    repo.commit("王建华", "保密审查", [record_rel])
    code, out = gate(repo, capsys)
    assert code == 0, out
