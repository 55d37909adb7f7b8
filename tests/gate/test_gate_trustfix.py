"""What the gate adds against backdating and unreviewed registry text, on real repositories:
a signed record added by the change carries a recent date (GATE-RECORD-DATE); a change to
xxgk.yml leaves no generated page without a review of its new text (GATE-REGISTRY-PAGE) and
no 密级标志 or personal data in the registry's public text."""

from __future__ import annotations

import pytest
from gatekit import GitRepo, keys, repo  # noqa: F401 (fixtures)
from test_gate_release import CONCERNED, NEW, NEW_INDEX, REPLY, gate

from xxgk.review.gate_dates import RECORD_DAYS

QUESTIONNAIRE = "content/evaluation/index.md"
OPTIONS = "选项: [满意, 基本满意, 不满意, 不了解]\n    满意选项: [满意, 基本满意]"
APPLY_ACKS = (
    "--ack",
    "SCAN-MOBILE:content/apply/index.md:38aed9048140=填写示例",
    "--ack",
    "SCAN-EMAIL:content/apply/index.md:4dae51aa4c4a=填写示例",
)
HOURS = "办公时间: 工作日 上午8:30—12:00，下午14:30—18:00（法定节假日除外）"


def add_entry(repo: GitRepo, extra: str = "") -> str:
    rel = repo.entry(NEW, NEW_INDEX, extra=extra)
    repo.commit("张丽", "新增条目", [rel], key="张丽")
    return rel


@pytest.mark.parametrize(
    ("date", "passes"),
    [("2026-11-20", True), ("2026-11-27", True), ("2026-11-19", False), ("2026-11-28", False)],
)
def test_a_review_added_with_an_old_or_future_date_is_refused(
    repo: GitRepo,
    capsys,
    date: str,  # type: ignore[no-untyped-def]
    passes: bool,
) -> None:
    rel = add_entry(repo)
    record = repo.sign(capsys, rel, "王建华", "--date", date)  # the last --date wins
    repo.commit("王建华", "保密审查", [record])
    code, out = gate(repo, capsys)
    if passes:
        assert code == 0, out
    else:
        assert code == 1 and "[GATE-RECORD-DATE]" in out and record in out, out
        assert (f"今天之前 {RECORD_DAYS} 天" in out) if date < "2026-11-20" else ("晚于今天" in out)


def test_a_backdated_opinion_is_refused(repo: GitRepo, capsys) -> None:  # type: ignore[no-untyped-def]
    rel = add_entry(repo, extra=CONCERNED)
    repo.commit("王建华", "保密审查", [repo.sign(capsys, rel, "王建华")])
    reply = "consultations/2026/000014349-2026-00002-财政局.yml"
    repo.write(
        reply,
        REPLY.format(index=NEW_INDEX, reply="同意公开", text="无意见。")
        .replace('回复日期: "2026-11-21"', '回复日期: "2026-11-10"')
        .replace('征求日期: "2026-11-20"', '征求日期: "2026-11-05"'),
    )
    repo.sign_record(reply, "高峰")
    repo.commit("张丽", "发布协调记录", [reply])
    code, out = gate(repo, capsys)
    assert code == 1 and "[GATE-RECORD-DATE]" in out and reply in out, out


def change_registry(repo: GitRepo, old: str, new: str) -> None:
    text = (repo.root / "xxgk.yml").read_text("utf-8")
    assert old in text
    repo.write("xxgk.yml", text.replace(old, new, 1))
    repo.commit("张丽", "修改机构登记", ["xxgk.yml"], key="张丽")


def test_an_office_text_change_needs_the_review_of_the_new_guide(repo: GitRepo, capsys) -> None:  # type: ignore[no-untyped-def]
    change_registry(repo, HOURS, "办公时间: 工作日全天（内部人员另行通知）")
    code, out = gate(repo, capsys)
    assert code == 1 and "[GATE-REGISTRY-PAGE]" in out, out
    assert "content/guide/index.md" in out and "content/apply/index.md" in out
    assert QUESTIONNAIRE in out  # never reviewed in this repository: withheld, so refused
    guide = repo.sign(capsys, "content/guide/index.md", "王建华")
    apply = repo.sign(capsys, "content/apply/index.md", "王建华", *APPLY_ACKS)
    form = repo.sign(capsys, QUESTIONNAIRE, "王建华")
    repo.commit("王建华", "保密审查：公开指南、在线申请页面和评议问卷", [guide, apply, form])
    code, out = gate(repo, capsys)
    assert code == 0, out


def test_a_change_that_leaves_the_public_text_alone_passes_with_the_pages_reviewed(  # type: ignore[no-untyped-def]
    repo: GitRepo, capsys
) -> None:
    guide = repo.sign(capsys, "content/guide/index.md", "王建华")
    apply = repo.sign(capsys, "content/apply/index.md", "王建华", *APPLY_ACKS)
    form = repo.sign(capsys, QUESTIONNAIRE, "王建华")
    repo.commit("王建华", "保密审查：公开指南、在线申请页面和评议问卷", [guide, apply, form])
    change_registry(repo, "  - 姓名: 高峰", "  - 姓名: 高峰\n    职务: 办公室主任")
    code, out = gate(repo, capsys)
    assert code == 0, out


def test_a_secret_mark_in_the_footer_text_is_refused(repo: GitRepo, capsys) -> None:  # type: ignore[no-untyped-def]
    change_registry(
        repo, "公安机关备案号: 蒙公网安备 15062302000000号", "公安机关备案号: 绝密★长期"
    )
    code, out = gate(repo, capsys)
    line = next(
        n
        for n, t in enumerate((repo.root / "xxgk.yml").read_text("utf-8").splitlines(), 1)
        if "绝密★长期" in t
    )
    assert code == 1 and f"xxgk.yml:{line}:" in out and "[SCAN-SECRET-MARK]" in out, out


def test_renamed_options_change_the_questionnaire_and_need_its_review(  # type: ignore[no-untyped-def]
    repo: GitRepo, capsys
) -> None:
    """The questionnaire shows the registry's questions and options: renaming an option
    changes its text, and the gate refuses the change until the new text is reviewed."""
    guide = repo.sign(capsys, "content/guide/index.md", "王建华")
    apply = repo.sign(capsys, "content/apply/index.md", "王建华", *APPLY_ACKS)
    form = repo.sign(capsys, QUESTIONNAIRE, "王建华")
    repo.commit("王建华", "保密审查：公开指南、在线申请页面和评议问卷", [guide, apply, form])
    change_registry(repo, OPTIONS, OPTIONS.replace("基本满意", "比较满意"))
    code, out = gate(repo, capsys)
    assert code == 1 and f"{QUESTIONNAIRE}:1:1:" in out and "[GATE-REGISTRY-PAGE]" in out, out
    assert "content/guide/index.md" not in out  # its text did not change
    form = repo.sign(capsys, QUESTIONNAIRE, "王建华")
    repo.commit("王建华", "保密审查：评议问卷", [form])
    code, out = gate(repo, capsys)
    assert code == 0, out
