"""End to end (附件4 第七条（三）、第十四条): a 予以公开 reply whose release review and 答复签发 exist
produces its 答复书; a refusal by the 负责人, a sign-off by the wrong person or a file changed after
the review stops it again. Real request records, real ssh-keygen signatures."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

from rq_support import KEY, add, log, rq, xxgk  # noqa: F401 (fixture)

from trustkit import sample_key

LAND_LEADER = (
    "zhoujg@etkqq.gov.cn"  # 周建国, 分管负责同志 of 鄂托克前旗自然资源局 in the staff roster
)


def leader_key(root: Path) -> str:
    """周建国 has no shipped sample key: make one and let it sign approvals in this repository."""
    key = root.parent / "zhoujg"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(key)], check=True)
    with (root / ".xxgk" / "allowed_signers").open("a", encoding="utf-8") as f:
        f.write(
            f'{LAND_LEADER} namespaces="xxgk-approval,git" {Path(f"{key}.pub").read_text().strip()}\n'
        )
    return str(key)


def released(rq: Path) -> tuple[str, Path, str]:
    """A 予以公开 reply, the file handed over and its signed release review."""
    number = add(rq, "2026-11-02")
    assert log(rq, number, "答复", "2026-11-20", "结果=予以公开", "当场提供=否").returncode == 0
    given = rq / "requests" / "2026" / number / "提供-土地利用规划.txt"
    given.parent.mkdir(parents=True)
    given.write_text("土地利用总体规划（公开部分）。\n", encoding="utf-8")
    done = xxgk(
        rq,
        "review",
        "release",
        number,
        str(given),
        "--reviewer",
        "乔国庆",
        "--date",
        "2026-11-19",
        "--key",
        sample_key("qiaogq@etkqq.gov.cn"),
    )
    assert done.returncode == 0, done.stderr
    return number, given, re.search(r"已写入并签名 (\S+)", done.stdout).group(1)  # type: ignore[union-attr]


def sign_off(rq: Path, record: str, key: str, *more: str) -> None:
    done = xxgk(
        rq,
        "review",
        "approve",
        record,
        "--approver",
        "周建国",
        "--date",
        "2026-11-20",
        "--key",
        key,
        *more,
    )
    assert done.returncode == 0, done.stderr


def letter(rq: Path, number: str, out: Path) -> subprocess.CompletedProcess[str]:
    return xxgk(rq, "request", "letter", number, "答复书", "--identity", str(KEY), "-o", str(out))


def test_a_reviewed_and_signed_off_release_produces_its_reply_letter(
    rq: Path, tmp_path: Path
) -> None:
    number, _, record = released(rq)
    out = tmp_path / "答复书.md"
    assert letter(rq, number, out).returncode == 1 and not out.exists()
    assert "AUD-RELEASE" in audit_rules(rq)
    sign_off(rq, record, leader_key(rq))
    done = letter(rq, number, out)
    assert done.returncode == 0, done.stderr
    text = out.read_text(encoding="utf-8")
    assert number in text and "政府信息公开申请答复书" in text.replace(" ", "")
    shown = xxgk(rq, "request", "show", number)
    assert (
        "缺少提供信息的保密审查" not in shown.stdout
        and "缺少信息公开工作负责人签发" not in shown.stdout
    )
    assert "AUD-RELEASE" not in audit_rules(rq)


def audit_rules(rq: Path) -> list[str]:
    """The audit's finding codes for 鄂托克前旗自然资源局 (the unit that received the request)."""
    data = json.loads(xxgk(rq, "audit", "--year", "2026", "--format", "json").stdout)
    return [f["rule"] for f in data["单位"].get("鄂托克前旗自然资源局", [])]


def test_a_refusal_by_the_leader_stops_the_letter(rq: Path, tmp_path: Path) -> None:
    number, _, record = released(rq)
    sign_off(
        rq, record, leader_key(rq), "--opinion", "不同意", "--note", "第三页涉及第三方商业秘密"
    )
    done = letter(rq, number, tmp_path / "答复书.md")
    assert done.returncode == 1 and "信息公开工作负责人不同意提供" in done.stderr


def test_a_sign_off_with_another_key_does_not_count(rq: Path, tmp_path: Path) -> None:
    number, _, record = released(rq)
    sign_off(rq, record, sample_key("zhangm@etkqq.gov.cn"))  # 周建国 named, 张明's key (政府办)
    done = letter(rq, number, tmp_path / "答复书.md")
    assert done.returncode == 1 and "缺少信息公开工作负责人签发答复的审批" in done.stderr


def test_a_file_changed_after_review_and_sign_off_stops_the_letter(
    rq: Path, tmp_path: Path
) -> None:
    number, given, record = released(rq)
    sign_off(rq, record, leader_key(rq))
    assert letter(rq, number, tmp_path / "a.md").returncode == 0
    given.write_text("土地利用总体规划（含未公开的征地名单）。\n", encoding="utf-8")
    done = letter(rq, number, tmp_path / "b.md")
    assert (
        done.returncode == 1
        and "在审查后被修改" in done.stderr
        and not (tmp_path / "b.md").exists()
    )
