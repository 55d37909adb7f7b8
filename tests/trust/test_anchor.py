"""The trust anchor: who may sign is settled outside the repository. Without it a build is
a preview that says so; with it, a signers file or roster changed by whoever can push is
not trusted, and nothing is published."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from xxgk_site_kit import add_entry, make_site, mkdocs_build

from xxgk.cli import main

TITLE = "关于做好政府信息公开保密审查工作的通知"
SIGNERS = ".xxgk/allowed_signers"


@pytest.fixture
def anchor(tmp_path: Path) -> Path:
    key = tmp_path / "anchor" / "leading_group"
    key.parent.mkdir()
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "领导小组", "-f", str(key)],
        check=True,
    )
    return key


@pytest.fixture
def site(repo: Path) -> Path:
    make_site(repo)
    add_entry(repo, 1)
    return repo


def trust_sign(root: Path, key: Path) -> None:
    assert main(["--root", str(root), "trust", "sign", "--key", str(key)]) == 0


def html(root: Path) -> str:
    return "".join(p.read_text("utf-8", "replace") for p in (root / "site").rglob("*.html"))


def test_without_an_anchor_the_build_is_a_preview_and_says_so(site: Path) -> None:
    done = mkdocs_build(site)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "预览版" in done.stderr and "XXGK_TRUST_ANCHOR" in done.stderr
    page = (site / "site" / "index.html").read_text("utf-8")
    assert "预览版" in page and TITLE in html(site)


@pytest.mark.parametrize("as_path", [False, True])
def test_with_the_anchor_the_signed_trust_publishes(
    site: Path,
    anchor: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    as_path: bool,
) -> None:
    trust_sign(site, anchor)
    pub = anchor.with_suffix(".pub")
    monkeypatch.setenv("XXGK_TRUST_ANCHOR", str(pub) if as_path else pub.read_text())
    done = mkdocs_build(site)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "正式版" in done.stderr and TITLE in html(site)
    assert "预览版" not in (site / "site" / "index.html").read_text("utf-8")
    capsys.readouterr()
    assert main(["--root", str(site), "trust", "status"]) == 0
    assert "正式版" in capsys.readouterr().out


def test_self_enrolment_stops_an_anchored_build(
    site: Path, anchor: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    trust_sign(site, anchor)
    monkeypatch.setenv("XXGK_TRUST_ANCHOR", anchor.with_suffix(".pub").read_text())
    mine = tmp_path / "mine"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(mine)], check=True)
    with (site / SIGNERS).open("a") as fh:
        fh.write(
            f'zhaoq@etkqq.gov.cn namespaces="xxgk-review" {mine.with_suffix(".pub").read_text()}'
        )
    done = mkdocs_build(site)
    assert (
        done.returncode != 0 and "信任锚核验失败" in done.stderr and "Traceback" not in done.stderr
    )
    assert not (site / "site" / "catalog").exists()


def test_a_roster_change_alone_stops_an_anchored_build(
    site: Path, anchor: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    trust_sign(site, anchor)
    monkeypatch.setenv("XXGK_TRUST_ANCHOR", anchor.with_suffix(".pub").read_text())
    text = (site / "xxgk.yml").read_text("utf-8")
    (site / "xxgk.yml").write_text(
        text.replace("    审查单位: [鄂托克前旗人民政府]", "    审查单位: [鄂托克前旗财政局]"),
        "utf-8",
    )
    done = mkdocs_build(site)
    assert done.returncode != 0 and "信任锚核验失败" in done.stderr


def test_a_trust_signed_by_another_key_is_refused(
    site: Path,
    anchor: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    other = tmp_path / "other"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(other)], check=True)
    trust_sign(site, other)
    monkeypatch.setenv("XXGK_TRUST_ANCHOR", anchor.with_suffix(".pub").read_text())
    capsys.readouterr()
    assert main(["--root", str(site), "trust", "status"]) == 1
    assert "不是信任锚的密钥" in capsys.readouterr().out


@pytest.mark.parametrize("until, shown", [("20261120", False), ("20261121", True)])
def test_a_revoked_key_keeps_what_it_signed_before(
    site: Path, anchor: Path, monkeypatch: pytest.MonkeyPatch, until: str, shown: bool
) -> None:
    """Reviews are dated 2026-11-20: revoked from that day they no longer count; from the next day they do."""
    path = site / SIGNERS
    lines = [
        line.replace(
            'namespaces="xxgk-review,xxgk-consult,xxgk-training,git"',
            f'namespaces="xxgk-review,xxgk-consult,xxgk-training,git",valid-before="{until}"',
        )
        if line.startswith("wangjh@")
        else line
        for line in path.read_text().splitlines()
    ]
    path.write_text("\n".join(lines) + "\n")
    trust_sign(site, anchor)
    monkeypatch.setenv("XXGK_TRUST_ANCHOR", anchor.with_suffix(".pub").read_text())
    done = mkdocs_build(site)
    assert done.returncode == 0, done.stderr[-2000:]
    assert (TITLE in html(site)) is shown
