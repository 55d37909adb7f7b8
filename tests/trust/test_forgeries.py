"""Forgeries an insider with push rights could try: none reaches site/ even when the gate
was never run (a real ``mkdocs build`` of the tree, nothing else)."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

import pytest
from xxgk_site_kit import add_entry, make_site, mkdocs_build

from trustkit import STAFF, sample_key
from xxgk.io.atomic import write_atomic
from xxgk.io.frontmatter import read
from xxgk.io.registry import load_registry
from xxgk.review.sign import HEADER, SignRequest, build, record_path, write
from xxgk.review.yamlout import dump
from xxgk.trust.roster import roster

CANARY = "伪造审查金丝雀"
WANG = "wangjh@etkqq.gov.cn"


def everything(site: Path) -> str:
    return "".join(p.read_text("utf-8", "replace") for p in site.rglob("*") if p.is_file())


def review(root: Path, entry: Path, key: str | None, author: str = STAFF) -> str:
    """The record ``xxgk review sign`` writes for 王建华; signed with ``key`` (unsigned: None)."""
    rel = entry.relative_to(root).as_posix()
    doc, registry = read(entry, rel), load_registry(root)
    req = SignRequest(
        reviewer="王建华",
        body=None,
        conclusion="同意公开",
        attribute=None,
        reason="",
        opinion="",
        date=dt.date(2026, 11, 20),
        acks={},
        author=author,
    )
    record = build(root, doc, req, roster(registry))
    target = record_path(registry, doc, str(doc.get("发布机构")), req.date)
    if key is None:
        write_atomic(root / target, dump(record, HEADER), exclusive=True)
    else:
        write(root, target, record, key)
    return target


@pytest.fixture
def site(repo: Path) -> Path:
    make_site(repo)
    add_entry(repo, 1)  # an honest, reviewed entry: the site is not empty
    return repo


def built(root: Path) -> str:
    done = mkdocs_build(root)
    assert done.returncode == 0, done.stderr[-3000:]
    return everything(root / "site")


def test_the_honest_entry_is_published(site: Path) -> None:
    assert "关于做好政府信息公开保密审查工作的通知" in built(site)


def test_an_unsigned_review_never_reaches_the_site(site: Path) -> None:
    entry = add_entry(
        site, 2, body=CANARY + "。\n", sign=False, 信息名称="鄂托克前旗关于" + CANARY + "的通知"
    )
    review(site, entry, key=None)
    assert CANARY not in built(site)


@pytest.mark.parametrize("signer", ["stranger", STAFF, "lixy@etkqq.gov.cn"])
def test_a_review_signed_with_the_wrong_key_never_reaches_the_site(
    site: Path, tmp_path: Path, signer: str
) -> None:
    key = str(tmp_path / "stranger")
    if signer == "stranger":
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key], check=True)
    else:
        key = sample_key(signer)  # the staff member's commit-only key, or another reviewer's
    entry = add_entry(site, 2, body=CANARY + "。\n", sign=False)
    review(site, entry, key=key)
    assert CANARY not in built(site)


def test_a_review_edited_after_signing_never_reaches_the_site(site: Path) -> None:
    entry = add_entry(site, 2, body="原文。\n", sign=False)
    record = site / review(site, entry, key=sample_key(WANG))
    entry.write_text(entry.read_text("utf-8").replace("原文。", CANARY + "。"), "utf-8")
    text = record.read_text("utf-8")
    old = text.split("条目哈希: ")[1].split()[0]
    import hashlib

    record.write_text(text.replace(old, hashlib.sha256(entry.read_bytes()).hexdigest()), "utf-8")
    assert CANARY not in built(site)


def test_a_self_review_never_reaches_the_site(site: Path) -> None:
    """The tool refuses it; a record written by hand and signed with ssh-keygen counts for nothing."""
    entry = add_entry(site, 2, body=CANARY + "。\n", sign=False)
    record = site / review(site, entry, key=None)
    record.write_text(record.read_text("utf-8").replace(f"作者: {STAFF}", f"作者: {WANG}"), "utf-8")
    subprocess.run(
        [
            "ssh-keygen",
            "-q",
            "-Y",
            "sign",
            "-f",
            sample_key(WANG),
            "-n",
            "xxgk-review",
            str(record),
        ],
        check=True,
    )
    assert CANARY not in built(site)


def test_a_symlinked_review_stops_the_build(site: Path, tmp_path: Path) -> None:
    entry = add_entry(site, 2, body=CANARY + "。\n", sign=False)
    target = site / review(site, entry, key=None)
    outside = tmp_path / "elsewhere.yml"
    outside.write_bytes(target.read_bytes())
    target.unlink()
    os.symlink(outside, target)
    done = mkdocs_build(site)
    assert done.returncode != 0
    assert "符号链接" in done.stderr and target.relative_to(site).as_posix() in done.stderr
    assert "Traceback" not in done.stderr
    assert not (site / "site").exists() or CANARY not in everything(site / "site")


def test_a_withdrawal_replaced_by_a_symlink_stops_the_build(site: Path, tmp_path: Path) -> None:
    rel = "withdrawals/2026/000014349-2024-00001.yml"
    (tmp_path / "other.yml").write_text("索引号: 000014349/1999-99999\n撤回原因: 无\n", "utf-8")
    (site / rel).parent.mkdir(parents=True)
    os.symlink(tmp_path / "other.yml", site / rel)
    done = mkdocs_build(site)
    assert done.returncode != 0 and rel in done.stderr and "符号链接" in done.stderr


def test_a_withdrawal_edited_to_name_another_entry_still_withdraws(site: Path) -> None:
    rel = "withdrawals/2026/000014349-2024-00001.yml"  # its file name names the entry
    (site / rel).parent.mkdir(parents=True)
    (site / rel).write_text(
        '索引号: 000014349/1999-99999\n条目: x\n信息名称: x\n撤回原因: 改过\n撤回日期: "2026-11-01"\n'
        "批准人: 张明\n",
        "utf-8",
    )
    assert "关于做好政府信息公开保密审查工作的通知" not in built(site)
