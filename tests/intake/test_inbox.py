"""``xxgk request inbox``: sealed submissions become records, once, with the receipt's deadline."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest
from intake_kit import KEY, entries, person, small_repo, xxgk

from xxgk.intake.service import Intake, Settings
from xxgk.requests.sealed import read_recipients, recipients_of


def submit(
    root: Path,
    spool: Path,
    kind: str,
    data: dict[str, str],
    now: str,
    monkeypatch: pytest.MonkeyPatch,
) -> dict[str, str]:
    """One submission through the service's own code (its HTTP side is tested elsewhere)."""
    monkeypatch.setenv("XXGK_NOW", now)
    keys = recipients_of(["age1sg2xqxvfa50nvurd4fcdcx8g7tn6z2ljzn6ecqd95ul0xd3xea9s2ey57a"])
    intake = Intake(Settings(root, spool, keys, min_seconds=1))
    token = intake.tokens.issue(time.time() - 5)
    outcome = intake.accept(kind, {**data, "token": token})
    assert outcome.status == 201, outcome.as_json()
    return outcome.receipt


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return small_repo(tmp_path / "repo")


def inbox(
    root: Path, spool: Path, today: str = "2026-11-27", key: Path = KEY
) -> tuple[int, list[dict[str, str]]]:
    done = xxgk(
        root,
        "request",
        "inbox",
        "--identity",
        str(key),
        "--spool",
        str(spool),
        "--format",
        "json",
        today=today,
    )
    assert done.returncode in (0, 1), done.stderr
    return done.returncode, json.loads(done.stdout)


def test_an_application_becomes_a_sealed_record_with_the_receipts_deadline(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    receipt = submit(root, tmp_path / "spool", "申请", person(), "2026-11-27 10:00", monkeypatch)
    code, taken = inbox(root, tmp_path / "spool")
    assert (
        code == 0
        and [t["status"] for t in taken] == ["已导入"]
        and entries(tmp_path / "spool") == []
    )
    record = root / taken[0]["record"]
    text = record.read_text("utf-8")
    assert (
        f"受理编号: {receipt['受理编号']}" in text
        and "渠道: 网络" in text
        and "收到日期: 2026-11-27" in text
    )
    assert (
        "测试申请人" not in text and "99999919900101123X" not in text and "13000000000" not in text
    )
    assert "BEGIN AGE ENCRYPTED FILE" in text and "标识: " in text
    assert xxgk(root, "check", str(record)).returncode == 0
    sealed = json.loads(
        xxgk(root, "request", "show", receipt["受理编号"], "--format", "json").stdout
    )
    assert (
        sealed["答复期限"] == receipt["答复期限"] == "2026-12-18"
        and sealed["申请人"]["姓名"] == "已加密"
    )
    shown = xxgk(root, "request", "show", record.stem, "--identity", str(KEY))
    assert "姓名 测试申请人（虚构）" in shown.stdout and "答复期限：2026-12-18" in shown.stdout
    assert "获取方式：电子文档，电子邮件" in shown.stdout


def test_running_twice_adds_nothing_and_a_half_done_run_is_finished(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spool = tmp_path / "spool"
    submit(root, spool, "申请", person(), "2026-11-27 10:00", monkeypatch)
    entry = entries(spool)[0]
    saved = entry.read_bytes()
    inbox(root, spool)
    assert inbox(root, spool) == (0, [])
    entry.write_bytes(saved)
    code, taken = inbox(root, spool)  # as if the first run stopped before removing the entry
    assert code == 0 and [t["status"] for t in taken] == ["已导入过"] and entries(spool) == []
    assert len(list((root / "requests").rglob("*.yml"))) == 1


def test_a_weekend_application_waits_in_the_spool_until_its_received_day(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spool = tmp_path / "spool"
    receipt = submit(root, spool, "申请", person(), "2026-11-28 15:00", monkeypatch)  # Saturday
    assert receipt["收到日期"] == "2026-11-30" and receipt["答复期限"] == "2026-12-21"
    code, taken = inbox(root, spool, today="2026-11-28")
    assert code == 0 and taken[0]["status"] == "暂缓" and "2026-11-30" in taken[0]["message"]
    assert len(entries(spool)) == 1 and not list((root / "requests").rglob("*.yml"))
    code, taken = inbox(root, spool, today="2026-11-30")
    assert taken[0]["status"] == "已导入" and "答复期限 2026-12-21" in taken[0]["message"]


def test_an_organisation_keeps_its_name_plain_and_its_contact_sealed(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    org = {
        "applicant_type": "法人或者其他组织",
        "org_kind": "法律服务机构",
        "org": "示例律师事务所（虚构）",
        "credit_code": "31150000MD0000000X",
        "contact": "联系人丙（虚构）",
        "phone": "0477-7620000",
        "address": "敖勒召其镇示例路1号",
        "info": "某项目环评批复",
        "carrier": "纸质",
        "delivery": "邮寄",
        "name": "不应保存的姓名",
    }  # a page without script shows both kinds of fields
    submit(root, tmp_path / "spool", "申请", org, "2026-11-27 10:00", monkeypatch)
    _, taken = inbox(root, tmp_path / "spool")
    text = (root / taken[0]["record"]).read_text("utf-8")
    assert (
        "类型: 法律服务机构" in text
        and "名称: 示例律师事务所（虚构）" in text
        and "获取方式: 纸质，邮寄" in text
    )
    assert "联系人丙" not in text and "示例路" not in text and "姓名" not in text


def test_a_questionnaire_becomes_an_evaluation_record_that_counts(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(Path(__file__).resolve().parents[2] / "evaluations", root / "evaluations")
    answers = {
        "unit": "鄂托克前旗财政局",
        "q1": "满意",
        "q3": "不满意",
        "comments": "预算表请给可检索的版本。",
    }
    receipt = submit(root, tmp_path / "spool", "评议", answers, "2026-11-27 10:00", monkeypatch)
    code, taken = inbox(root, tmp_path / "spool")
    assert code == 0 and taken[0]["record"] == "evaluations/2026/PY-2026-004.yml"
    text = (root / taken[0]["record"]).read_text("utf-8")
    assert f"受理编号: {receipt['受理编号']}" in text and "渠道: 网络调查" in text
    assert xxgk(root, "evaluation", "check").returncode == 0
    report = json.loads(
        xxgk(root, "evaluation", "report", "--year", "2026", "--format", "json").stdout
    )
    assert report["各单位"]["鄂托克前旗财政局"]["q3"]["不满意"] >= 1
    assert inbox(root, tmp_path / "spool") == (0, [])


def test_the_wrong_key_leaves_the_entry_and_says_why(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    submit(root, tmp_path / "spool", "申请", person(), "2026-11-27 10:00", monkeypatch)
    other = tmp_path / "other-key.txt"
    from pyrage import x25519

    other.write_text(str(x25519.Identity.generate()) + "\n", "utf-8")
    code, taken = inbox(root, tmp_path / "spool", key=other)
    assert code == 1 and taken[0]["status"] == "未导入" and "无法解密" in taken[0]["message"]
    assert len(entries(tmp_path / "spool")) == 1


def test_the_service_refuses_a_private_key_as_its_recipient(tmp_path: Path) -> None:
    with pytest.raises(Exception, match="私钥"):
        read_recipients(KEY)
    root = small_repo(tmp_path / "repo")
    done = xxgk(
        root,
        "intake",
        "serve",
        "--port",
        "1",
        "--spool",
        str(tmp_path / "s"),
        "--recipient",
        str(KEY),
    )
    assert done.returncode == 2 and "只放公钥" in done.stderr
