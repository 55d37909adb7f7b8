"""The CI workflows as an attacker who can push a branch reads them: text the pusher chooses
(branch name, pull-request title or body, commit message) never becomes shell, and a job that
may write to the repository runs no code from the branch it processes."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

WORKFLOWS = sorted((Path(__file__).resolve().parents[1] / ".github" / "workflows").glob("*.yml"))
# Contexts whose value the pusher writes (GitHub's list of untrusted input).
UNTRUSTED = re.compile(
    r"\$\{\{\s*github\.(head_ref|event\.(pull_request\.(title|body|head\.ref|head\.label)"
    r"|head_commit\.(message|author)|commits|issue\.(title|body)|comment\.body"
    r"|review\.body|pages))"
)


def _jobs(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text("utf-8"))
    return dict(data.get("jobs") or {})


@pytest.mark.parametrize("path", WORKFLOWS, ids=[p.name for p in WORKFLOWS])
def test_no_pushed_text_is_put_into_a_shell_script(path: Path) -> None:
    for name, job in _jobs(path).items():
        for step in job.get("steps") or []:
            script = str(step.get("run") or "")
            assert not UNTRUSTED.search(script), (
                f"{path.name} {name}: {step.get('name')}: pass it via env:"
            )


@pytest.mark.parametrize("path", WORKFLOWS, ids=[p.name for p in WORKFLOWS])
def test_a_job_that_can_push_runs_no_code_of_a_pull_requests_branch(path: Path) -> None:
    data = yaml.safe_load(path.read_text("utf-8"))
    if "pull_request" not in (data.get(True) or data.get("on") or {}):
        return
    for name, job in _jobs(path).items():
        if (job.get("permissions") or {}).get("contents") != "write":
            continue
        for step in job.get("steps") or []:
            script = str(step.get("run") or "")
            assert not re.search(r"pip install[^\n]*-e \.(\s|$)", script), (
                f"{path.name} {name}: installs the branch"
            )
            assert "mkdocs build" not in script and "make " not in script, f"{path.name} {name}"
