"""A written opinion counts only as the consulted unit's, and a 协调决定 only as the leading group
office's: a key that may sign ``xxgk-consult`` is not enough (附件6 第七条).

The shipped sample: 发改委's 批复 (000014349/2025-00006) concerns 交通运输局 (agreed) and
自然资源局 (refused; the leading group office decided to publish). Real records, real sample
keys, the one publication decision."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from trustkit import REPO, sample_key
from xxgk.io.registry import load_registry
from xxgk.model.dates import parse_date
from xxgk.model.publish import Decision
from xxgk.trust.decision import decisions
from xxgk.trust.records_sign import sign_record

ENTRY = "content/catalog/2025/000014349-2025-00006.md"
LAND = "consultations/2025/000014349-2025-00006-自然资源局.yml"
DECIDED = "consultations/2025/000014349-2025-00006-协调决定.yml"
MAWB, QIAOGQ, WANGJH = "mawb@etkqq.gov.cn", "qiaogq@etkqq.gov.cn", "wangjh@etkqq.gov.cn"


@pytest.fixture
def sample(repo: Path) -> Path:
    """The entry with its shipped review, opinions, decision and 分管领导审核."""
    for pattern in (
        ENTRY,
        "reviews/*/000014349-2025-00006-*",
        "consultations/2025/*",
        "approvals/*/000014349-2025-00006-*",
    ):
        for src in REPO.glob(pattern):
            dst = repo / src.relative_to(REPO)
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(src, dst)
    return repo


def decision(root: Path) -> Decision:
    return decisions(root, load_registry(root), parse_date("2026-11-27"))[ENTRY][1]  # type: ignore[arg-type]


def agreement(
    root: Path, signer: str, name: str = "000014349-2025-00006-自然资源局-再复.yml"
) -> str:
    """A later 同意公开 in 自然资源局's name, signed with ``signer``'s real sample key."""
    rel = f"consultations/2025/{name}"
    text = (root / LAND).read_text("utf-8").replace("回复意见: 不同意公开", "回复意见: 同意公开")
    (root / rel).write_text(
        text.replace('回复日期: "2025-08-27"', '回复日期: "2025-08-29"'), "utf-8"
    )
    sign_record(root, rel, sample_key(signer))
    return rel


def test_the_shipped_opinions_and_decision_publish_the_entry(sample: Path) -> None:
    assert decision(sample).listed, decision(sample).reason


def test_the_publishers_reviewer_cannot_sign_the_consulted_bureaus_agreement(sample: Path) -> None:
    """The reviewer's repro: 马文博 (发改委) signs 自然资源局's 同意公开 over its signed 不同意公开."""
    (sample / DECIDED).unlink()  # no leading-group decision: the bureau's own word decides
    (sample / (DECIDED + ".sig")).unlink()
    agreement(sample, MAWB)
    got = decision(sample)
    assert not got.listed
    assert "自然资源局”不同意公开" in got.reason, got.reason


def test_the_bureaus_own_reviewer_can_change_its_opinion(sample: Path) -> None:
    (sample / DECIDED).unlink()
    (sample / (DECIDED + ".sig")).unlink()
    agreement(sample, QIAOGQ)  # 乔国庆: 审查人员 of 自然资源局
    assert decision(sample).listed, decision(sample).reason


def resign(root: Path, rel: str, signer: str) -> None:
    (root / (rel + ".sig")).unlink()
    sign_record(root, rel, sample_key(signer))


def test_a_decision_signed_outside_the_leading_group_office_does_not_count(sample: Path) -> None:
    resign(sample, DECIDED, MAWB)  # by 发改委's reviewer, whose key may sign xxgk-consult
    got = decision(sample)
    assert not got.listed and "尚无决定记录" in got.reason, got.reason
    resign(sample, DECIDED, WANGJH)  # 王建华, 政府办 (the unit of the leading group office)
    assert decision(sample).listed


def test_an_opinion_dated_before_it_was_asked_for_is_backdated(sample: Path) -> None:
    rel = "consultations/2025/000014349-2025-00006-交通运输局.yml"
    text = (
        (sample / rel)
        .read_text("utf-8")
        .replace('回复日期: "2025-08-25"', '回复日期: "2025-08-20"')
    )
    (sample / rel).write_text(text, "utf-8")
    resign(sample, rel, "surn@etkqq.gov.cn")  # the bureau's own reviewer
    got = decision(sample)
    assert not got.listed and "早于征求日期" in got.reason, got.reason
