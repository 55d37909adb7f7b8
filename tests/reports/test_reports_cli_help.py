"""Every reports command explains itself in Chinese and ends its help with examples."""

from __future__ import annotations

import pytest
from reports_helpers import REPO, xxgk


@pytest.mark.parametrize("command", [["report", "annual"], ["training", "report"], ["audit"]])
def test_help_has_examples(command: list[str]) -> None:
    done = xxgk(REPO, *command, "--help")
    assert done.returncode == 0 and "示例:" in done.stdout
    assert f"xxgk {' '.join(command)} --year" in done.stdout.split("示例:")[1]


def test_a_bad_year_is_a_usage_error_in_chinese() -> None:
    done = xxgk(REPO, "report", "annual", "--year", "二〇二五")
    assert done.returncode == 2 and "用法错误" in done.stderr and "Traceback" not in done.stderr
