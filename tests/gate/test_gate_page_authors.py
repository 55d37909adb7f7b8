"""The pages generated from xxgk.yml (公开指南, 在线申请) are not reviewed by whoever changed
xxgk.yml: the page review's reviewer and 作者 are checked against the signers of the commits
that changed the registry, as an entry's are (GATE-SELF-REVIEW, GATE-AUTHOR)."""

from __future__ import annotations

from gatekit import GitRepo, keys, repo  # noqa: F401 (fixtures)
from test_gate_release import gate
from test_gate_trustfix import APPLY_ACKS, HOURS, QUESTIONNAIRE

NEW_HOURS = "办公时间: 工作日 上午8:00—12:00，下午14:30—18:30（法定节假日除外）"
PAGES = ("content/guide/index.md", "content/apply/index.md")


def edit_hours(repo: GitRepo, who: str) -> None:
    """``who`` changes 办公时间 in a commit signed with their own key; the questionnaire's
    review (its text does not depend on 办公时间) is committed beforehand."""
    text = (repo.root / "xxgk.yml").read_text("utf-8")
    assert HOURS in text
    repo.write("xxgk.yml", text.replace(HOURS, NEW_HOURS, 1))
    repo.commit(who, "修改办公时间", ["xxgk.yml"], key=who)


def review_pages(repo: GitRepo, capsys, reviewer: str, author: str) -> None:  # type: ignore[no-untyped-def]
    guide = repo.sign(capsys, PAGES[0], reviewer, author=author)
    apply = repo.sign(capsys, PAGES[1], reviewer, *APPLY_ACKS, author=author)
    form = repo.sign(capsys, QUESTIONNAIRE, reviewer, author=author)
    repo.commit(reviewer, "保密审查：公开指南和在线申请页面", [guide, apply, form])


def test_the_editor_of_the_registry_cannot_review_its_pages(repo: GitRepo, capsys) -> None:  # type: ignore[no-untyped-def]
    edit_hours(repo, "王建华")
    review_pages(repo, capsys, "王建华", author="张丽")  # names someone else as 作者
    code, out = gate(repo, capsys)
    assert code == 1 and "[GATE-SELF-REVIEW]" in out, out
    assert all(page in out for page in PAGES), out


def test_another_reviewer_of_the_pages_passes(repo: GitRepo, capsys) -> None:  # type: ignore[no-untyped-def]
    edit_hours(repo, "张丽")
    review_pages(repo, capsys, "王建华", author="张丽")
    code, out = gate(repo, capsys)
    assert code == 0, out


def test_the_pages_author_is_the_signer_of_the_registry_change(repo: GitRepo, capsys) -> None:  # type: ignore[no-untyped-def]
    edit_hours(repo, "张丽")
    review_pages(repo, capsys, "王建华", author="赵强")
    code, out = gate(repo, capsys)
    assert code == 1 and "[GATE-AUTHOR]" in out and "zhaoq@etkqq.gov.cn" in out, out
    assert "[GATE-SELF-REVIEW]" not in out
