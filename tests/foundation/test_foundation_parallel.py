"""``xxgk check`` over many entries runs in forked workers: it must report exactly what the
one-process check reports, duplicates across the workers' slices included."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from foundation_helpers import CASES, CORPUS, run_in_process

from xxgk.io.catalog import entry_paths, index_numbers, load_entries
from xxgk.io.registry import load_registry
from xxgk.model.dates import parse_date
from xxgk.model.problem import Problem
from xxgk.rules import check_entries
from xxgk.rules.base import Context
from xxgk.rules.batch import check_catalog


def _catalog_of_every_case(repo: Path) -> list[Path]:
    """Every case file of every rule (each in a folder of its own, with its companions and
    attachments), the corpus, and a copy of the first entry at the very end of the catalog:
    the same 索引号 at both ends, in different slices."""
    catalog = repo / "content" / "catalog"
    shutil.copytree(CORPUS, catalog, dirs_exist_ok=True)
    for folder in sorted(p for p in CASES.iterdir() if p.is_dir()):
        if (folder / "registry-edit.txt").exists():
            continue  # cases that need another registry are checked on their own
        target = catalog / "cases" / folder.name
        shutil.copytree(folder, target)
    paths = entry_paths(repo)
    (catalog / "zz").mkdir()
    shutil.copy(paths[0], catalog / "zz" / "copy-of-the-first.md")
    return entry_paths(repo)


def _key(problems: list[Problem]) -> list[tuple[str, int, int, str, str]]:
    return sorted((p.path, p.line, p.column, p.rule, p.message) for p in problems)


def test_workers_report_what_one_process_reports(repo: Path) -> None:
    paths = _catalog_of_every_case(repo)
    assert len(paths) > 60
    registry = load_registry(repo)
    today = parse_date("2026-11-27")
    assert today is not None
    docs = list(load_entries(repo, paths))
    whole = Context(registry=registry, today=today, index_numbers=index_numbers(docs), root=repo)
    expected = _key(check_entries(docs, whole, repo))
    assert any(
        r == "CAT-INDEX-DUPLICATE" and p.endswith("copy-of-the-first.md")
        for p, _, _, r, _ in expected
    )
    bare = Context(registry=registry, today=today, index_numbers={}, root=repo)
    for workers in (1, 2, 3):
        assert _key(check_catalog(repo, paths, bare, {}, workers=workers)) == expected, workers


def test_the_command_finds_a_duplicate_between_a_path_given_and_the_rest(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = _catalog_of_every_case(repo)
    monkeypatch.chdir(repo)
    given = paths[-1].relative_to(repo).as_posix()
    run = run_in_process(repo, "check", "--format", "json", given)
    assert ("CAT-INDEX-DUPLICATE", given) in {(p["rule"], p["path"]) for p in run.json()}, run.out
