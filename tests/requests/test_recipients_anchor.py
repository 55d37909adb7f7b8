"""With a trust anchor, the commands that seal applicants' personal data (``request add``,
``request inbox``) use only the 收件公钥 the leading group signed: an insider who appends an
age key to xxgk.yml gets a refusal, not a record sealed to their key."""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

import pytest
from pyrage import x25519
from rq_support import KEY, REPO, add, xxgk

from xxgk.cli import main
from xxgk.intake.service import Intake, Settings
from xxgk.requests.sealed import recipients_of
from xxgk.trust.anchor import ANCHOR_ENV

SAMPLE_AGE = "age1sg2xqxvfa50nvurd4fcdcx8g7tn6z2ljzn6ecqd95ul0xd3xea9s2ey57a"
APPLICATION = {
    "applicant_type": "自然人",
    "name": "测试申请人（虚构）",
    "id_type": "居民身份证",
    "id_number": "99999919900101123X",
    "phone": "13000000000",
    "email": "test@example.cn",
    "unit": "鄂托克前旗财政局",
    "info": "2026年旗本级预算调整方案",
    "carrier": "电子文档",
    "delivery": "电子邮件",
}


@pytest.fixture
def anchored(repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(REPO / "templates", repo / "templates")
    (repo / "requests").mkdir()
    key = tmp_path / "anchor" / "anc"
    key.parent.mkdir()
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(key)], check=True)
    assert main(["--root", str(repo), "trust", "sign", "--key", str(key)]) == 0
    monkeypatch.setenv(ANCHOR_ENV, str(key.with_suffix(".pub")))
    return repo


def insider(root: Path, tmp_path: Path) -> Path:
    """Append an insider's age key under 收件公钥; return the insider's identity file."""
    ident = x25519.Identity.generate()
    path = tmp_path / "insider.key"
    path.write_text(str(ident) + "\n", "utf-8")
    reg = root / "xxgk.yml"
    text = reg.read_text("utf-8")
    line = f"    - {SAMPLE_AGE}\n"
    assert line in text
    reg.write_text(text.replace(line, line + f"    - {ident.to_public()}\n", 1), "utf-8")
    return path


def records(root: Path) -> list[Path]:
    return sorted((root / "requests").rglob("*.yml"))


def test_request_add_seals_to_the_signed_keys(anchored: Path) -> None:
    number = add(anchored, "2026-11-20")
    shown = xxgk(anchored, "request", "show", number, "--identity", str(KEY))
    assert shown.returncode == 0 and "测试人（虚构）" in shown.stdout, shown.stderr


def test_request_add_refuses_an_unsigned_recipient(anchored: Path, tmp_path: Path) -> None:
    insider(anchored, tmp_path)
    done = xxgk(
        anchored,
        "request",
        "add",
        "--received",
        "2026-11-20",
        "--channel",
        "网络",
        "--unit",
        "鄂托克前旗自然资源局",
        "--type",
        "自然人",
        "--name",
        "测试人（虚构）",
        "--phone",
        "13000000000",
        "--info",
        "某年度土地征收补偿标准文件",
    )
    assert done.returncode != 0, done.stdout
    assert "收件公钥" in done.stderr and "信任锚核验失败" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
    assert records(anchored) == []


def test_request_inbox_refuses_an_unsigned_recipient(
    anchored: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spool = tmp_path / "spool"
    monkeypatch.setenv("XXGK_NOW", "2026-11-20 10:00")
    service = Intake(Settings(anchored, spool, recipients_of([SAMPLE_AGE]), min_seconds=1))
    token = service.tokens.issue(time.time() - 5)
    outcome = service.accept("申请", {**APPLICATION, "token": token})
    assert outcome.status == 201, outcome.as_json()
    monkeypatch.delenv("XXGK_NOW")
    insider(anchored, tmp_path)
    done = xxgk(anchored, "request", "inbox", "--spool", str(spool), "--identity", str(KEY))
    assert records(anchored) == [], done.stdout
    assert "收件公钥" in done.stdout + done.stderr, done
    assert "Traceback" not in done.stderr
