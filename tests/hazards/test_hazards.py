"""Hostile files never crash, hang or leak: ``xxgk check``, ``xxgk scan`` and ``xxgk import``
run as staff and CI run them (a separate process), each within 10 seconds, without a Python
traceback or “内部错误”, naming the hostile file — and the rest of the run is not lost."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from documents_kit import IMPORT_HAZARDS
from hazard_kit import CANARY, CANARY_RULES, REPO_HAZARDS, Hazard, good_entries

TIMEOUT = 10  # seconds: every run on hostile input ends well within it
IMPORT_OPTIONS = ("--category", "政策文件", "--department", "办公室", "--dry-run")


@dataclass
class Run:
    code: int
    output: str


def xxgk(cwd: Path, *args: str) -> Run:
    env = {**os.environ, "XXGK_TODAY": "2026-11-27"}
    env.pop("XXGK_ROOT", None)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "xxgk", *args],
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"xxgk {' '.join(args)[:80]} took more than {TIMEOUT} s")
    return Run(done.returncode, done.stdout + done.stderr)


def names(run: Run, name: str, rule: str) -> bool:
    """Some line of the output names ``name`` under ``rule``."""
    return any(name in line and f"[{rule}]" in line for line in run.output.splitlines())


def assert_clean_failure(run: Run) -> None:
    assert "Traceback" not in run.output, run.output
    assert "内部错误" not in run.output, run.output
    assert run.code in (1, 2), run.output


@pytest.mark.parametrize("command", ["check", "scan"])
@pytest.mark.parametrize("hazard", REPO_HAZARDS, ids=[h.id for h in REPO_HAZARDS])
def test_a_hostile_file_is_named_and_the_rest_of_the_run_is_kept(
    repo: Path, tmp_path: Path, hazard: Hazard, command: str
) -> None:
    good_entries(repo)
    named = hazard.build(repo, tmp_path)
    run = xxgk(repo, command)
    assert_clean_failure(run)
    if command in hazard.named_by:
        assert names(run, named, hazard.rule), run.output
    assert f"{CANARY}:" in run.output and f"[{CANARY_RULES[command]}]" in run.output, run.output


def test_every_hazard_at_once(repo: Path, tmp_path: Path) -> None:
    """All of them in one repository: each named, still within the time."""
    good_entries(repo)
    named: dict[str, tuple[str, str]] = {}
    for hazard in REPO_HAZARDS:
        if hazard.id.startswith("attachment"):
            continue  # they share the one hostile entry
        scratch = tmp_path / hazard.id
        scratch.mkdir()
        named[hazard.id] = (hazard.build(repo, scratch), hazard.rule)
    run = xxgk(repo, "check")
    assert_clean_failure(run)
    missing = [h for h, (name, rule) in named.items() if name and not names(run, name, rule)]
    assert not missing, run.output


@pytest.mark.parametrize("case", IMPORT_HAZARDS, ids=[c[0] for c in IMPORT_HAZARDS])
def test_a_hostile_document_to_import_is_refused_by_name(
    repo: Path, tmp_path: Path, case: tuple
) -> None:  # type: ignore[type-arg]
    _id, build, named = case
    source = build(tmp_path)
    run = xxgk(repo, "import", str(source), *IMPORT_OPTIONS)
    assert_clean_failure(run)
    assert named in run.output, run.output


def test_a_hostile_file_given_by_name_is_refused_without_reading_it(
    repo: Path, tmp_path: Path
) -> None:
    good_entries(repo)
    pipe = REPO_HAZARDS[5].build(repo, tmp_path)  # the FIFO: opening it would block
    for command in ("check", "scan"):
        run = xxgk(repo, command, pipe, CANARY)
        assert_clean_failure(run)
        assert f"{pipe}:1:1: 错误 [FILE-KIND]" in run.output, run.output
        assert f"[{CANARY_RULES[command]}]" in run.output, run.output
