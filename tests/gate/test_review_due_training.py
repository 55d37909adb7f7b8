"""Re-review dates (附件4 第十五条), the training ledger (附件5) and the site's publication decision."""

from __future__ import annotations

import datetime as dt
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from test_review_state import REL, write_entry

from trustkit import REPO, STAFF, sample_key
from xxgk.cli import main
from xxgk.io.registry import load_registry
from xxgk.model.publish import Visibility
from xxgk.review.due import add_months
from xxgk.trust.decision import decisions
from xxgk.trust.training import hours_by_person, read_ledger

SESSION = """类型: 集中培训
日期: "{date}"
主题: 政府信息公开条例解读
学时: "{hours}"
组织单位: 鄂托克前旗人民政府办公室政务公开办公室
参加人员:
  - 姓名: 王建华
    单位: 鄂托克前旗人民政府办公室
  - 姓名: 张丽
    单位: 鄂托克前旗财政局
    科室: 办公室
"""
SELF_STUDY = """类型: 自学
日期: "2026-06-01"
主题: 保密审查案例自学
学时: "1"
组织单位: 鄂托克前旗人民政府办公室政务公开办公室
参加人员:
  - 姓名: 张丽
    单位: 鄂托克前旗财政局
    考核: {result}
"""


@pytest.fixture(autouse=True)
def reviewed_registry_pages(repo: Path) -> None:
    """The shipped reviews of the guide, 在线申请 page and questionnaire (generated from the same
    xxgk.yml, the questionnaire also from evaluations/): without them ``review due`` lists those
    pages (tests/site/test_guide_review.py, tests/site/test_questionnaire_review.py)."""
    shutil.copytree(REPO / "evaluations", repo / "evaluations", dirs_exist_ok=True)
    for name in ("guide", "apply", "evaluation"):
        for shipped in REPO.glob(f"reviews/*/page-{name}-*"):
            target = repo / shipped.relative_to(REPO)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(shipped, target)


def sign(root: Path, date: str, *more: str) -> int:
    return main(
        [
            "--root",
            str(root),
            "review",
            "sign",
            str(root / REL),
            "--reviewer",
            "王建华",
            "--date",
            date,
            "--key",
            sample_key("wangjh@etkqq.gov.cn"),
            "--author",
            STAFF,
            *more,
        ]
    )


def test_months_are_added_to_the_end_of_short_months() -> None:
    assert add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert add_months(dt.date(2025, 11, 20), 12) == dt.date(2026, 11, 20)


# The sample entry was made on 2026-03-02: its reviews are dated after that (an earlier one
# would be backdated and count for nothing), and "today" is a year later.
def test_published_entries_are_due_after_the_configured_period(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write_entry(repo)
    monkeypatch.setenv("XXGK_TODAY", "2027-03-09")
    assert sign(repo, "2026-03-10") == 0
    capsys.readouterr()
    assert main(["--root", str(repo), "review", "due"]) == 0  # due tomorrow
    assert sign(repo, "2026-03-09") == 0
    assert main(["--root", str(repo), "review", "due"]) == 0  # the newer review is not yet due
    assert "没有发现问题" in capsys.readouterr().out


def test_an_old_review_alone_is_due(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write_entry(repo)
    monkeypatch.setenv("XXGK_TODAY", "2027-03-09")
    assert sign(repo, "2026-03-09") == 0
    capsys.readouterr()
    assert main(["--root", str(repo), "review", "due"]) == 1
    out = capsys.readouterr().out
    assert "[REVIEW-DUE]" in out and "已于 2027-03-09 到复查期" in out


def test_refusals_are_due_for_re_examination(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write_entry(repo)
    monkeypatch.setenv("XXGK_TODAY", "2027-03-09")
    assert (
        sign(
            repo,
            "2026-03-05",
            "--conclusion",
            "不予公开",
            "--attribute",
            "不公开",
            "--reason",
            "过程性信息",
        )
        == 0
    )
    capsys.readouterr()
    assert main(["--root", str(repo), "review", "due", "--format", "json"]) == 1
    out = capsys.readouterr().out
    assert "不予公开的情形是否仍然存在" in out


def test_training_hours_count_sessions_and_passed_self_study(repo: Path) -> None:
    shutil.rmtree(repo / "training")  # only this test's records
    folder = repo / "training" / "2026"
    folder.mkdir(parents=True)
    (folder / "a.yml").write_text(SESSION.format(date="2026-03-10", hours="1.5"), encoding="utf-8")
    (folder / "b.yml").write_text(SESSION.format(date="2025-12-30", hours="2"), encoding="utf-8")
    (folder / "c.yml").write_text(SELF_STUDY.format(result="合格"), encoding="utf-8")
    (folder / "d.yml").write_text(SELF_STUDY.format(result="不合格"), encoding="utf-8")
    (folder / "e.yml").write_text(SESSION.format(date="2026-03-10", hours="二"), encoding="utf-8")
    items, problems = read_ledger(repo)
    assert hours_by_person(items, 2026) == {"王建华": Decimal("1.5"), "张丽": Decimal("2.5")}
    assert hours_by_person(items, 2025) == {"王建华": Decimal(2), "张丽": Decimal(2)}
    assert [p.path for p in problems] == ["training/2026/e.yml"] and "学时" in problems[0].message


def test_self_study_without_assessment_is_invalid(repo: Path) -> None:
    shutil.rmtree(repo / "training")  # only this test's records
    folder = repo / "training"
    folder.mkdir()
    (folder / "x.yml").write_text(
        SELF_STUDY.format(result="合格").replace("    考核: 合格\n", ""), encoding="utf-8"
    )
    items, problems = read_ledger(repo)
    assert items == [] and "考核" in problems[0].message


def test_the_site_publishes_only_reviewed_entries(repo: Path) -> None:
    write_entry(repo)
    registry, today = load_registry(repo), dt.date(2026, 11, 27)
    _, decision = decisions(repo, registry, today)[REL]
    assert decision.visibility is Visibility.HIDDEN and "保密审查" in decision.reason
    assert sign(repo, "2026-11-20") == 0
    assert decisions(repo, registry, today)[REL][1].visibility is Visibility.PUBLISHED


def test_withdrawn_entries_are_not_due(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_entry(repo)
    assert sign(repo, "2025-11-01") == 0
    assert (
        main(
            [
                "--root",
                str(repo),
                "review",
                "withdraw",
                str(repo / REL),
                "--reason",
                "内容已过时",
                "--approver",
                "李秀英",
                "--date",
                "2026-11-01",
            ]
        )
        == 0
    )
    capsys.readouterr()
    assert main(["--root", str(repo), "review", "due"]) == 0
