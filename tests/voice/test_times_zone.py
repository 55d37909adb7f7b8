"""Opinion clocks run on Beijing time whatever the machine's time zone (TZ in a subprocess)."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from voice_helpers import opinion

BEIJING = dt.timezone(dt.timedelta(hours=8))
ZONES = ["UTC", "America/Los_Angeles", "Pacific/Kiritimati", "Asia/Shanghai"]


def run(root: Path, zone: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("XXGK_NOW", "XXGK_TODAY")}
    env["TZ"] = zone
    return subprocess.run(
        [sys.executable, "-m", "xxgk", "--root", str(root), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def beijing_minus(hours: float) -> str:
    return (dt.datetime.now(BEIJING) - dt.timedelta(hours=hours)).strftime("%Y-%m-%d %H:%M")


@pytest.mark.parametrize("zone", ZONES)
def test_the_clock_of_the_times_module_is_beijing_time_in_any_zone(
    zone: str, tmp_path: Path
) -> None:
    code = "from xxgk.voice.times import now, show; print(show(now()))"
    env = {k: v for k, v in os.environ.items() if k not in ("XXGK_NOW", "XXGK_TODAY")}
    before = dt.datetime.now(BEIJING).replace(tzinfo=None, second=0, microsecond=0)
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**env, "TZ": zone},
        timeout=60,
        check=True,
    )
    after = dt.datetime.now(BEIJING).replace(tzinfo=None, second=0, microsecond=0)
    shown = dt.datetime.strptime(done.stdout.strip(), "%Y-%m-%d %H:%M")
    assert before <= shown <= after


@pytest.mark.parametrize("zone", ["UTC", "America/Los_Angeles", "Pacific/Kiritimati"])
def test_opinion_due_counts_48_hours_on_beijing_time_in_another_zone(zone: str, repo: Path) -> None:
    # Detected 47 hours ago in Beijing: one hour left. A machine clock read in its own zone would
    # be 8–16 hours off and call it overdue (Kiritimati, UTC+14) or far from due (UTC, UTC-8).
    opinion(repo, "YQ-2026-001", beijing_minus(47))
    done = run(repo, zone, "opinion", "due", "--format", "json")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "还剩" in run(repo, zone, "opinion", "due").stdout
    opinion(repo, "YQ-2026-002", beijing_minus(49))
    late = run(repo, zone, "opinion", "due")
    assert late.returncode == 1 and "YQ-2026-002" in late.stdout and "已超时 1 项" in late.stdout


@pytest.mark.parametrize("zone", ["America/Los_Angeles", "Pacific/Kiritimati"])
def test_today_of_the_commands_is_the_date_in_beijing(zone: str) -> None:
    code = "from xxgk.model.dates import today; print(today().isoformat())"
    env = {k: v for k, v in os.environ.items() if k != "XXGK_TODAY"}
    days = {dt.datetime.now(BEIJING).date().isoformat()}
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**env, "TZ": zone},
        timeout=60,
        check=True,
    )
    days.add(dt.datetime.now(BEIJING).date().isoformat())  # a midnight between the two reads
    assert done.stdout.strip() in days
