"""Every rule and input hazard: a file that breaks it (exact rule id and line) and one that
nearly breaks it but passes every rule. The files are in cases/<RULE-ID>/: ``bad-*@LINE.md``
must be reported under that rule at that line; ``near-*.md`` must pass the whole check."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from foundation_helpers import CASES, place_case, run_in_process

from xxgk.rules import all_rules

_BAD = re.compile(r"^bad-[\w-]+@(\d+)\.md$")


def _cases(kind: str) -> list[tuple[str, str]]:
    found = []
    for folder in sorted(CASES.iterdir()):
        for file in sorted(folder.glob(f"{kind}-*.md")):
            found.append((folder.name, file.name))
    return found


def test_every_rule_has_a_breaking_and_a_nearly_breaking_file() -> None:
    for rule in all_rules():
        folder = CASES / rule.id
        assert any(_BAD.match(f.name) for f in folder.glob("bad-*.md")), (
            f"{rule.id}: no bad-*@LINE.md"
        )
        assert list(folder.glob("near-*.md")), f"{rule.id}: no near-*.md"


@pytest.mark.parametrize(("rule", "name"), _cases("bad"))
def test_breaking_file_is_reported_with_rule_and_line(
    repo: Path, monkeypatch: pytest.MonkeyPatch, rule: str, name: str
) -> None:
    match = _BAD.match(name)
    assert match, f"{name}: name it bad-<what>@<line>.md"
    path = place_case(repo, CASES / rule, name)
    monkeypatch.chdir(repo)
    run = run_in_process(repo, "check", "--format", "json", path)
    assert "Traceback" not in run.err
    found = [(p["rule"], p["line"]) for p in run.json() if p["path"] == path]
    assert (rule, int(match.group(1))) in found, found
    severity = next(r.severity for r in all_rules() if r.id == rule)
    assert run.code == (1 if severity.value == "error" else 0), run.out


@pytest.mark.parametrize(("rule", "name"), _cases("near"))
def test_nearly_breaking_file_passes_every_rule(
    repo: Path, monkeypatch: pytest.MonkeyPatch, rule: str, name: str
) -> None:
    path = place_case(repo, CASES / rule, name)
    monkeypatch.chdir(repo)
    run = run_in_process(repo, "check", "--format", "json", path)
    assert run.code == 0 and run.json() == [], run.out + run.err
