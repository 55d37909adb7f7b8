"""calendar/ year files: read through the safe reader (a FIFO does not hang a command, a
symlink is not followed), and days a notice lists in the neighbouring year count there."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from xxgk.requests.calendar_files import load_calendar

NOTICE = "依据: 国务院办公厅关于{year}年部分节假日安排的通知（样例）\n"


def _year(root: Path, year: int, body: str) -> None:
    folder = root / "calendar"
    folder.mkdir(exist_ok=True)
    (folder / f"{year}.yml").write_text(
        f'年份: "{year}"\n' + NOTICE.format(year=year) + body, "utf-8"
    )


def workdays(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XXGK_TODAY": "2026-11-30"}
    return subprocess.run(
        [sys.executable, "-m", "xxgk", "workdays", "add", *args],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_a_fifo_in_calendar_is_named_and_nothing_hangs(repo: Path) -> None:
    (repo / "calendar").mkdir()
    os.mkfifo(repo / "calendar" / "2027.yml")
    done = workdays(repo, "2026-12-20", "15", "--provisional")  # would block on open()
    assert "calendar/2027.yml" in done.stdout + done.stderr
    assert "Traceback" not in done.stderr


def test_a_symlinked_year_file_is_not_followed(repo: Path, tmp_path: Path) -> None:
    outside = tmp_path / "other.yml"
    outside.write_text(
        '年份: "2027"\n' + NOTICE.format(year=2027) + "调休上班:\n  - 2027-01-02\n", "utf-8"
    )
    (repo / "calendar").mkdir()
    (repo / "calendar" / "2027.yml").symlink_to(outside)
    calendar, problems = load_calendar(repo)
    assert 2027 not in calendar.years
    assert [(p.path, p.rule) for p in problems] == [("calendar/2027.yml", "FILE-KIND")]


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        ("2027-12-30", "1", "2028-01-03"),  # 2027-12-31 is off by the 2028 notice
        ("2027-12-24", "1", "2027-12-25"),  # the Saturday the 2028 notice makes a working day
        ("2028-01-03", "1", "2028-01-04"),
    ],
)
def test_days_a_notice_lists_in_the_neighbouring_year_count(
    repo: Path, start: str, n: str, expected: str
) -> None:
    _year(
        repo,
        2027,
        "放假:\n  - 节日: 春节\n    开始: 2027-02-05\n    结束: 2027-02-11\n"
        "调休上班:\n  - 2027-02-13\n",
    )
    _year(
        repo,
        2028,
        "放假:\n  - 节日: 元旦\n    开始: 2027-12-31\n    结束: 2028-01-02\n"
        "调休上班:\n  - 2027-12-25\n",
    )
    done = workdays(repo, start, n)
    assert done.returncode == 0, done.stderr
    assert expected in done.stdout


def test_a_wrong_xxgk_today_is_refused_not_replaced_by_the_clock(repo: Path) -> None:
    env = {**os.environ, "XXGK_TODAY": "2026-11-31"}
    done = subprocess.run(
        [sys.executable, "-m", "xxgk", "request", "due"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2 and "XXGK_TODAY" in done.stderr and "2026-11-31" in done.stderr
    assert "内部错误" not in done.stderr


@pytest.mark.parametrize(
    "text", ["2026-11-30\n", "２０２６-１１-３０", "2026-11-30 ", "٢٠٢٦-11-30"]
)
def test_only_ascii_yyyy_mm_dd_is_a_date(text: str) -> None:
    from xxgk.model.dates import parse_date

    assert parse_date(text) is None


def test_a_missing_field_is_named_by_the_key_to_write(repo: Path) -> None:
    (repo / "calendar").mkdir()
    (repo / "calendar" / "2027.yml").write_text(
        '年份: "2027"\n' + NOTICE.format(year=2027) + "放假: []\n", "utf-8"
    )
    _, problems = load_calendar(repo)
    assert any("缺少“调休上班”（调休上班日" in p.message for p in problems), problems
