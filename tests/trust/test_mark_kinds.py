"""附件4 第十六条: a 密级标志 is acknowledged only with a 解密 record — and a review cannot
escape that by calling the mark 内部资料. The one decision checks the 类别 against the finding
id (the digest of the text found), without the scanner; ``xxgk review sign`` sets it by scanning."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from test_approvals import REL, sign, verdict, write_entry

from trustkit import STAFF
from xxgk.io.frontmatter import read
from xxgk.io.registry import load_registry
from xxgk.review.marks import kind_disagreements, kind_of
from xxgk.review.sign import SignRequest, build, record_path, write
from xxgk.scan import secret_mark
from xxgk.scan.engine import scan_text
from xxgk.trust.decision import load_basis
from xxgk.trust.index import load_index
from xxgk.trust.model import INTERNAL, INTERNAL_DIGESTS, INTERNAL_MARKS, MARK

CLASSIFIED = ("秘密★1年", "机密★10年", "绝密★长期", "秘密☆", "密级：机密")


def test_the_internal_marks_are_exactly_the_scanners_plain_alternatives() -> None:
    top = secret_mark._PATTERN.pattern.rsplit(")", 1)[1]  # the alternatives after the last group
    literal = {alt for alt in top.split("|") if re.fullmatch(r"[\u4e00-\u9fff]+", alt)}
    assert literal == set(INTERNAL_MARKS)
    for text in INTERNAL_MARKS:
        (f,) = scan_text(f"前文{text}后文", "x.md")
        assert kind_of(f) == INTERNAL and f.ident.rsplit(":", 1)[1] in INTERNAL_DIGESTS
    for text in CLASSIFIED:
        (f,) = scan_text(f"{text}\n正文", "x.md")
        assert kind_of(f) == MARK and f.ident.rsplit(":", 1)[1] not in INTERNAL_DIGESTS


def forge(root: Path, kinds: dict[str, str]) -> str:
    """A review written without the CLI's scan: 类别 as the forger chose, signed by 王建华."""
    from trustkit import sample_key

    doc = read(root / REL, REL)
    basis = load_basis(root, load_registry(root))
    req = SignRequest(
        reviewer="王建华",
        body=None,
        conclusion="同意公开",
        attribute=None,
        reason="",
        opinion="",
        date=dt.date(2026, 11, 20),
        acks={i: "内部资料，可以公开" for i in kinds},
        author=STAFF,
        ack_kinds={i: (k, "") for i, k in kinds.items()},
    )
    target = record_path(load_registry(root), doc, "鄂托克前旗人民政府办公室", req.date)
    write(root, target, build(root, doc, req, basis.people), sample_key("wangjh@etkqq.gov.cn"))
    return target


@pytest.mark.parametrize("mark", CLASSIFIED)
def test_a_signed_review_calling_a_secret_mark_internal_does_not_publish(
    repo: Path, mark: str
) -> None:
    body = f"{mark}\n\n正文。"
    write_entry(repo, body=body)
    ident = next(f.ident for f in scan_text((repo / REL).read_text(encoding="utf-8"), REL))
    forge(repo, {ident: INTERNAL})
    v = verdict(repo)
    assert not v.ok and "附件4 第十六条" in v.reason and ident in v.reason


def test_a_real_internal_mark_acknowledged_with_a_reason_publishes(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_entry(repo, body="内部资料\n\n正文。")
    ident = next(f.ident for f in scan_text((repo / REL).read_text(encoding="utf-8"), REL))
    rel = sign(repo, capsys, "--ack", f"{ident}=原件印有内部资料字样，内容已于2026年公开")
    assert f"类别: {INTERNAL}" in (repo / rel).read_text(encoding="utf-8")
    assert verdict(repo).ok


def test_an_internal_mark_without_its_kind_still_needs_a_declassification(repo: Path) -> None:
    write_entry(repo, body="内部资料\n\n正文。")
    ident = next(f.ident for f in scan_text((repo / REL).read_text(encoding="utf-8"), REL))
    forge(repo, {ident: ""})  # no 类别 written: fail-closed, it is treated as a 密级标志
    assert not verdict(repo).ok


def test_the_scan_comparison_names_each_misclassified_finding(repo: Path) -> None:
    write_entry(repo, body="秘密★1年\n\n内部资料\n\n正文。")
    found = scan_text((repo / REL).read_text(encoding="utf-8"), REL)
    secret = next(f for f in found if kind_of(f) == MARK)
    internal = next(f for f in found if kind_of(f) == INTERNAL)
    rel = forge(repo, {secret.ident: INTERNAL, internal.ident: MARK})
    basis = load_basis(repo, load_registry(repo))
    idx = load_index(repo, basis.trust)
    (rv,) = [idx.verified(r) for rs in idx.by_sha.values() for r in rs]
    reasons = kind_disagreements(found, [rv])
    assert len(reasons) == 2 and all(r.startswith(rel) for r in reasons)
    assert (
        "“秘密★1年”" in reasons[0] + reasons[1]
        and "扫描结果是“内部资料标志”" in reasons[0] + reasons[1]
    )
    assert kind_disagreements(found, []) == []
