"""Helpers shared by the request tests (a uniquely named module: pytest puts this folder on sys.path)."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from xxgk.cli import main

REPO = Path(__file__).resolve().parents[2]
D = dt.date.fromisoformat
KEY = REPO / ".xxgk" / "sample-keys" / "office-age-key.txt"  # the sample office identity (样例)


@pytest.fixture
def rq(repo: Path) -> Path:
    """The ``repo`` fixture plus the letter templates and an empty requests/ folder."""
    shutil.copytree(REPO / "templates", repo / "templates")
    (repo / "requests").mkdir()
    return repo


def xxgk_proc(
    root: Path, *args: str, today: str = "2026-11-27"
) -> subprocess.CompletedProcess[str]:
    """Run the real command as a separate process (what staff and CI run)."""
    env = {**os.environ, "XXGK_TODAY": today}
    env.pop("XXGK_ROOT", None)
    return subprocess.run(
        [sys.executable, "-m", "xxgk", *args],
        cwd=root,
        env=env,
        check=False,
        capture_output=True,
        text=True,
    )


def xxgk(root: Path, *args: str, today: str = "2026-11-27") -> subprocess.CompletedProcess[str]:
    """The same command run in this process (fast); output captured the same way."""
    out, err = io.StringIO(), io.StringIO()
    saved = os.environ.get("XXGK_TODAY")
    os.environ["XXGK_TODAY"] = today
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["--root", str(root), *args])
    except SystemExit as exc:  # argparse usage errors
        code = int(exc.code or 0)
    finally:
        if saved is None:
            os.environ.pop("XXGK_TODAY", None)
        else:
            os.environ["XXGK_TODAY"] = saved
    return subprocess.CompletedProcess(list(args), code, out.getvalue(), err.getvalue())


def add(root: Path, received: str, *extra: str, today: str = "2026-11-27") -> str:
    """Register a request from a fictitious person (personal fields sealed, with the 标识 the
    fee count needs); returns its number."""
    done = xxgk(
        root,
        "request",
        "add",
        "--received",
        received,
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
        "--identity",
        str(KEY),
        *extra,
        today=today,
    )
    assert done.returncode == 0, done.stderr
    found = re.search(r"YSQ-\d{4}-\d{4}", done.stdout)
    assert found, done.stdout
    return found[0]


def log(
    root: Path, number: str, kind: str, date: str, *fields: str, today: str = "2026-11-27"
) -> subprocess.CompletedProcess[str]:
    return xxgk(root, "request", "log", number, kind, *fields, "--date", date, today=today)


def record(root: Path, number: str) -> Path:
    return root / "requests" / number.split("-")[1] / f"{number}.yml"
