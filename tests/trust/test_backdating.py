"""A record's date is written by its signer and a key's validity is checked against it, so a
review dated before the entry was even made (产生时间) is backdated — the way a revoked key
would still be used — and does not count."""

from __future__ import annotations

from pathlib import Path

import pytest
from xxgk_site_kit import add_entry

from trustkit import STAFF, sample_key
from xxgk.cli import main
from xxgk.io.registry import load_registry
from xxgk.model.dates import parse_date
from xxgk.trust.decision import decisions

SIGNERS = ".xxgk/allowed_signers"


def sign(root: Path, entry: Path, date: str) -> None:
    assert (
        main(
            [
                "--root",
                str(root),
                "review",
                "sign",
                str(entry),
                "--reviewer",
                "王建华",
                "--date",
                date,
                "--key",
                sample_key("wangjh@etkqq.gov.cn"),
                "--author",
                STAFF,
            ]
        )
        == 0
    )


def verdict(root: Path, entry: Path) -> tuple[bool, str]:
    got = decisions(root, load_registry(root), parse_date("2026-11-27"))  # type: ignore[arg-type]
    dec = got[entry.relative_to(root).as_posix()][1]
    return dec.listed, dec.reason


def revoke(root: Path, principal: str, day: str) -> None:
    """Add valid-before="day" to the principal's line (the documented way to revoke a key)."""
    path = root / SIGNERS
    text = path.read_text("utf-8")
    assert f"\n{principal} namespaces=" in text
    path.write_text(
        text.replace(
            f"\n{principal} namespaces=", f'\n{principal} valid-before="{day}",namespaces='
        ),
        "utf-8",
    )


@pytest.mark.parametrize(("date", "counts"), [("2026-11-19", False), ("2026-11-20", True)])
def test_a_review_dated_before_the_entry_was_made_does_not_count(
    repo: Path, date: str, counts: bool
) -> None:
    entry = add_entry(repo, 1, sign=False, 产生时间="2026-11-20")
    sign(repo, entry, date)
    listed, reason = verdict(repo, entry)
    assert listed is counts, reason
    if not counts:
        assert "早于条目的产生时间 2026-11-20" in reason and "倒签" in reason


def test_a_revoked_key_cannot_publish_a_new_entry_by_backdating(repo: Path) -> None:
    """王建华's key is revoked from 2026-11-01; a review of an entry made on 2026-11-20 signed
    with it counts neither dated after the revocation nor dated before it."""
    revoke(repo, "wangjh@etkqq.gov.cn", "20261101")
    entry = add_entry(repo, 2, sign=False, 产生时间="2026-11-20")
    sign(repo, entry, "2026-11-25")
    listed, reason = verdict(repo, entry)
    assert not listed and "已于 2026-11-01 停用" in reason, reason
    sign(
        repo, entry, "2026-10-30"
    )  # before the revocation: the key verifies, the date cannot be true
    listed, reason = verdict(repo, entry)
    assert not listed and "早于条目的产生时间" in reason, reason
