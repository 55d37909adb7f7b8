"""The trust anchor covers the 收件公钥 and the policy values that protect people or secrecy:
an insider who adds their own age key, or lowers 每年培训最少学时, breaks the leading group's
signature, so production neither builds nor starts the intake service."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from pyrage import x25519

from xxgk.cli import main
from xxgk.io.registry import load_registry
from xxgk.trust.anchor import ANCHOR_ENV, load_trust

SAMPLE_AGE = "age1sg2xqxvfa50nvurd4fcdcx8g7tn6z2ljzn6ecqd95ul0xd3xea9s2ey57a"


@pytest.fixture
def anchored(repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    key = tmp_path / "anchor" / "leading_group"
    key.parent.mkdir()
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "领导小组", "-f", str(key)],
        check=True,
    )
    assert main(["--root", str(repo), "trust", "sign", "--key", str(key)]) == 0
    monkeypatch.setenv(ANCHOR_ENV, str(key.with_suffix(".pub")))
    return repo


def edit(root: Path, old: str, new: str) -> None:
    reg = root / "xxgk.yml"
    text = reg.read_text("utf-8")
    assert old in text
    reg.write_text(text.replace(old, new, 1), "utf-8")


def mode(root: Path) -> tuple[str, str]:
    trust = load_trust(root, load_registry(root))
    return trust.mode, trust.message


def insiders_key() -> str:
    return str(x25519.Identity.generate().to_public())


def test_the_signed_registry_is_trusted_and_an_unprotected_value_may_change(anchored: Path) -> None:
    assert mode(anchored)[0] == "anchored"
    edit(anchored, "办公时间: 工作日", "办公时间: 每个工作日")
    assert mode(anchored)[0] == "anchored"


def test_an_added_recipient_key_breaks_the_anchor(anchored: Path) -> None:
    edit(anchored, f"    - {SAMPLE_AGE}\n", f"    - {SAMPLE_AGE}\n    - {insiders_key()}\n")
    got, message = mode(anchored)
    assert got == "refused" and "收件公钥" in message, message


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("每年培训最少学时: 2", "每年培训最少学时: 1"),
        ("保密审查复查周期月数: 12", "保密审查复查周期月数: 120"),
        ("答复期限: 15 ", "答复期限: 20 "),
    ],
)
def test_a_lowered_protective_policy_value_breaks_the_anchor(
    anchored: Path, old: str, new: str
) -> None:
    edit(anchored, old, new)
    assert mode(anchored)[0] == "refused"


def test_the_build_stops_in_production_when_a_recipient_was_added(anchored: Path) -> None:
    from xxgk_site_kit import make_site, mkdocs_build

    make_site(anchored)
    edit(anchored, f"    - {SAMPLE_AGE}\n", f"    - {insiders_key()}\n")
    done = mkdocs_build(anchored)
    assert done.returncode != 0 and "信任锚核验失败" in done.stderr, done.stderr[-1500:]
    assert not (anchored / "site" / "index.html").exists()


def test_production_refuses_to_start_the_intake_service(
    anchored: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(anchored, f"    - {SAMPLE_AGE}\n", f"    - {insiders_key()}\n")
    code = main(
        [
            "--root",
            str(anchored),
            "intake",
            "serve",
            "--port",
            "1",
            "--spool",
            str(tmp_path / "spool"),
        ]
    )
    err = capsys.readouterr().err
    assert code == 2 and "不启动在线申请服务" in err and "信任锚核验失败" in err, err


def test_production_refuses_a_recipient_file_the_anchor_did_not_sign(
    anchored: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    extra = tmp_path / "office.pub"
    extra.write_text(insiders_key() + "\n", "utf-8")
    code = main(
        [
            "--root",
            str(anchored),
            "intake",
            "serve",
            "--port",
            "1",
            "--spool",
            str(tmp_path / "spool"),
            "--recipient",
            str(extra),
        ]
    )
    err = capsys.readouterr().err
    assert code == 2 and "不是领导小组签署的收件公钥" in err, err


def test_a_preview_says_the_recipients_are_not_anchored(repo: Path) -> None:
    got, message = mode(repo)
    assert got == "preview" and "收件公钥" in message and "政策值" in message


def test_renaming_the_office_breaks_the_anchor(anchored: Path) -> None:
    """The 协调决定 belong to the unit the office's name begins with: a rename that moves them to
    another registered unit needs the leading group's signature."""
    edit(
        anchored,
        "名称: 鄂托克前旗人民政府办公室政务公开办公室",
        "名称: 鄂托克前旗财政局政务公开办公室",
    )
    got, message = mode(anchored)
    assert got == "refused" and "公开工作机构名称" in message, message


@pytest.mark.parametrize("anchor", [False, True])
def test_an_office_name_of_no_registered_unit_is_refused(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, anchor: bool
) -> None:
    """No unit is guessed (no fall back to the first registered unit): the trust is refused,
    in a preview as under an anchor."""
    edit(repo, "名称: 鄂托克前旗人民政府办公室政务公开办公室", "名称: 某某政务公开办公室")
    if anchor:
        key = tmp_path / "anc"
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(key)], check=True)
        assert main(["--root", str(repo), "trust", "sign", "--key", str(key)]) == 1
        assert not (repo / ".xxgk" / "trust.sig").exists()
        monkeypatch.setenv(ANCHOR_ENV, str(key.with_suffix(".pub")))
    trust = load_trust(repo, load_registry(repo))
    assert trust.mode == "refused" and trust.office == "", trust.message
    assert "公开工作机构.名称“某某政务公开办公室”不以任何登记单位的名称开头" in trust.message


def test_a_history_version_added_later_breaks_the_anchor(anchored: Path) -> None:
    """A record may name a 历史版本: one added with a longer 答复期限 under a new name would
    stretch that record's deadlines."""
    edit(
        anchored,
        "    收取信息处理费: false\n",
        "    收取信息处理费: false\n    历史版本:\n      - 版本: 鄂前政办发〔2017〕1号\n"
        "        答复期限: 60\n",
    )
    assert load_registry(anchored).settings.requests.history  # the registry reads it
    got, message = mode(anchored)
    assert got == "refused" and "历史版本" in message, message


def test_a_signed_history_version_stays_trusted_until_it_changes(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    edit(
        repo,
        "    收取信息处理费: false\n",
        "    收取信息处理费: false\n    历史版本:\n      - 版本: 鄂前政办发〔2017〕1号\n"
        "        答复期限: 20\n",
    )
    key = tmp_path / "anc"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(key)], check=True)
    assert main(["--root", str(repo), "trust", "sign", "--key", str(key)]) == 0
    monkeypatch.setenv(ANCHOR_ENV, str(key.with_suffix(".pub")))
    assert mode(repo)[0] == "anchored"
    edit(repo, "        答复期限: 20\n", "        答复期限: 40\n")
    assert mode(repo)[0] == "refused"


HOLIDAYS = """年份: 2027
依据: 国务院办公厅关于2027年部分节假日安排的通知（测试用虚构数据）
放假:
  - 名称: 春节
    开始: 2027-02-01
    结束: 2027-05-31
调休上班: []
"""


def test_a_holiday_file_added_or_changed_breaks_the_anchor(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Months of declared holidays stretch every deadline: the holiday files' bytes are signed."""
    (repo / "calendar").mkdir()
    key = tmp_path / "anc"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(key)], check=True)
    assert main(["--root", str(repo), "trust", "sign", "--key", str(key)]) == 0
    monkeypatch.setenv(ANCHOR_ENV, str(key.with_suffix(".pub")))
    assert mode(repo)[0] == "anchored"
    year = repo / "calendar" / "2027.yml"
    year.write_text(HOLIDAYS, "utf-8")
    got, message = mode(repo)
    assert got == "refused" and "节假日数据文件" in message, message
    assert main(["--root", str(repo), "trust", "sign", "--key", str(key)]) == 0
    assert mode(repo)[0] == "anchored"
    year.write_text(HOLIDAYS.replace("05-31", "06-30"), "utf-8")
    assert mode(repo)[0] == "refused"
    year.unlink()
    (repo / "calendar" / "2028.yml").symlink_to(tmp_path / "elsewhere.yml")
    assert mode(repo)[0] == "refused"
