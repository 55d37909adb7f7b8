"""附件4 第七条（三）、第十四条: a reply that releases information needs a signed review of what
is handed over and the 负责人's signed 答复签发 before its 答复书 is written."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from rq_support import KEY, add, log, rq, xxgk  # noqa: F401 (fixture)

from trustkit import sample_key


def letter(root: Path, number: str, kind: str) -> subprocess.CompletedProcess[str]:
    return xxgk(root, "request", "letter", number, kind, "--identity", str(KEY))


def test_a_release_reply_waits_for_review_and_sign_off(rq: Path) -> None:
    number = add(rq, "2026-11-02")
    assert log(rq, number, "答复", "2026-11-20", "结果=予以公开", "当场提供=否").returncode == 0
    done = letter(rq, number, "答复书")
    assert done.returncode == 1 and "缺少提供信息的保密审查（附件4 第七条（三））" in done.stderr
    shown = xxgk(rq, "request", "show", number)
    assert "提供信息审查：缺少提供信息的保密审查" in shown.stdout
    released = rq / "requests" / "2026" / number / "提供-土地利用规划.txt"
    released.parent.mkdir(parents=True)
    released.write_text("土地利用总体规划（公开部分）。\n", encoding="utf-8")
    rel = released.relative_to(rq).as_posix()
    done = xxgk(
        rq,
        "review",
        "release",
        number,
        str(released),
        "--reviewer",
        "乔国庆",
        "--date",
        "2026-11-19",
        "--key",
        sample_key("qiaogq@etkqq.gov.cn"),
    )
    assert done.returncode == 0, done.stderr
    record = re.search(r"已写入并签名 (\S+)", done.stdout).group(1)  # type: ignore[union-attr]
    assert rel in (rq / record).read_text(encoding="utf-8")
    done = letter(rq, number, "答复书")
    assert (
        done.returncode == 1
        and "缺少信息公开工作负责人签发答复的审批（附件4 第十四条）" in done.stderr
    )
    # the reviewer cannot sign it off: only the unit's 分管负责同志 or 信息公开工作负责人
    done = xxgk(
        rq,
        "review",
        "approve",
        record,
        "--approver",
        "乔国庆",
        "--key",
        sample_key("qiaogq@etkqq.gov.cn"),
    )
    assert done.returncode == 1 and "不是“鄂托克前旗自然资源局”的分管负责同志" in done.stderr
    released.write_text("改过的内容。\n", encoding="utf-8")  # changed after the review
    done = letter(rq, number, "答复书")
    assert done.returncode == 1 and "在审查后被修改" in done.stderr


def test_a_reviewer_of_another_unit_cannot_review_a_release(rq: Path) -> None:
    number = add(rq, "2026-11-02")
    released = rq / "requests" / "提供.txt"
    released.write_text("内容。\n", encoding="utf-8")
    done = xxgk(
        rq,
        "review",
        "release",
        number,
        str(released),
        "--reviewer",
        "王建华",
        "--key",
        sample_key("wangjh@etkqq.gov.cn"),
    )
    assert done.returncode == 1 and "不能代表“鄂托克前旗自然资源局”审查" in done.stderr
    assert not (rq / "releases").exists()
