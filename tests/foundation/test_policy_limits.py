"""Policy values of xxgk.yml have sensible upper bounds: a huge number is a REG-SCHEMA problem
at its line, never an overflow deep inside a date computation (internal error, traceback)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

CASES = [
    (r"(?m)^(    答复期限: )\d+", "99999999"),
    (r"(?m)^(  保密审查复查周期月数: )\d+", "100000"),
    (r"(?m)^(  每年培训最少学时: )\d+", "0"),
    (r"(?m)^(    整改期限天数: )\d+", "99999999"),
    (r"(?m)^(        回应: )\d+", "99999999999"),
]


def run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XXGK_TODAY": "2026-11-27"}
    return subprocess.run(
        [sys.executable, "-m", "xxgk", *args],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(("pattern", "value"), CASES, ids=[v for _, v in CASES])
def test_an_out_of_range_policy_value_is_named_at_its_line(
    repo: Path, pattern: str, value: str
) -> None:
    text = (repo / "xxgk.yml").read_text("utf-8")
    edited, n = re.subn(pattern, lambda m: m.group(1) + value, text, count=1)
    assert n == 1, pattern
    (repo / "xxgk.yml").write_text(edited, "utf-8")
    line = edited[: re.search(pattern, edited).start()].count("\n") + 1  # type: ignore[union-attr]
    for args in (["check"], ["request", "due"], ["audit", "--year", "2026"], ["opinion", "due"]):
        done = run(repo, *args)
        out = done.stdout + done.stderr
        assert done.returncode in (1, 2), (args, out)
        assert "内部错误" not in out and "Traceback" not in out, (args, out)
    done = run(repo, "check")
    assert f"xxgk.yml:{line}:" in done.stdout and "REG-SCHEMA" in done.stdout, done.stdout
