"""暂定 is shown the same way by add, log, list, show and due: ``date（暂定：…）``, once."""

from __future__ import annotations

import re
from pathlib import Path

from rq_support import add, rq, xxgk  # noqa: F401  (rq is a fixture)

NOTE = "暂定：缺少 calendar/2027.yml，已除去法定节假日，调休尚未公布"
MARKED = f"2027-01-12（{NOTE}）"  # 15 working days after 2026-12-21, 元旦 2027-01-01 skipped
TODAY = "2026-12-31"


def test_add_list_show_and_due_mark_a_provisional_deadline_alike(rq: Path) -> None:
    done = xxgk(
        rq,
        "request",
        "add",
        "--received",
        "2026-12-21",
        "--channel",
        "网络",
        "--unit",
        "鄂托克前旗自然资源局",
        "--type",
        "商业企业",
        "--org",
        "测试公司（虚构）",
        "--info",
        "某合同",
        today=TODAY,
    )
    assert done.returncode == 0, done.stderr
    assert f"答复期限 {MARKED}。" in done.stdout
    number = re.findall(r"YSQ-\d{4}-\d{4}", done.stdout)[0]
    listed = xxgk(rq, "request", "list", today=TODAY).stdout
    assert f"期限 {MARKED}" in listed
    shown = xxgk(rq, "request", "show", number, today=TODAY).stdout
    assert f"当前期限：{MARKED}" in shown and shown.count("暂定") == 1
    due = xxgk(rq, "request", "due", "--within", "15", today=TODAY).stdout
    assert f"期限 {MARKED}" in due and due.count("暂定") == 1
    logged = xxgk(
        rq,
        "request",
        "log",
        number,
        "延期",
        "--date",
        "2026-12-30",
        "批准人=王建华",
        "理由=需调取档案",
        "天数=10",
        today=TODAY,
    )
    assert logged.returncode == 0, logged.stderr
    assert re.search(rf"当前期限 2027-\d\d-\d\d（{NOTE}）。", logged.stdout), logged.stdout


def test_a_deadline_inside_known_years_carries_no_mark(rq: Path) -> None:
    number = add(rq, "2026-11-02")
    for args in (("list",), ("show", number), ("due", "--within", "30")):
        out = xxgk(rq, "request", *args).stdout
        assert "暂定" not in out and "2026-11-23" in out
