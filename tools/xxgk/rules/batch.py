"""Check many catalog entries at once: in forked workers when there are many.

Every rule but one looks at a single entry, so slices of the catalog are checked in
parallel (each worker reads, validates and checks its slice). CAT-INDEX-DUPLICATE needs
every 索引号: the workers send back the numbers they read, and the few entries whose
number appears twice are read again here and given to the same rule with the whole map.
Serial and parallel runs report the same problems.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from xxgk.io.catalog import index_numbers, load_entries, rel
from xxgk.io.parallel import cpus, fork_map
from xxgk.model.problem import Problem
from xxgk.rules import check_entries, index_duplicate, schema_fields
from xxgk.rules.base import Context

PARALLEL_MIN = 2000  # fewer entries: forking costs more than it saves


@dataclass(frozen=True)
class _Job:
    root: Path
    paths: list[Path]
    ctx: Context  # without the catalog's numbers: duplicates are found afterwards


def _slice(job: _Job, start: int, stop: int) -> tuple[list[Problem], dict[str, list[str]]]:
    docs = list(load_entries(job.root, job.paths[start:stop]))
    return check_entries(docs, job.ctx, job.root), index_numbers(docs)


def check_catalog(
    root: Path,
    paths: list[Path],
    ctx: Context,
    others: dict[str, list[str]],
    meanwhile: Callable[[], None] | None = None,
    workers: int = 0,
) -> list[Problem]:
    """Every problem of the entries at ``paths``; ``others`` are the 索引号 of entries not
    checked now (a duplicate with one of them is still found). ``meanwhile`` runs in this
    process while the workers check."""
    n = len(paths)
    count = workers or (cpus() if n >= PARALLEL_MIN else 1)
    job = _Job(root, paths, replace(ctx, index_numbers={}))
    parts = fork_map(_slice, job, n, count, meanwhile)
    problems = [p for found, _ in parts for p in found]
    numbers: dict[str, list[str]] = {}
    for _, part in parts:
        for number, where in part.items():
            numbers.setdefault(number, []).extend(where)
    for number, where in others.items():
        numbers.setdefault(number, []).extend(where)
    problems.extend(_duplicates(root, paths, replace(ctx, index_numbers=numbers)))
    return problems


def _duplicates(root: Path, paths: Iterable[Path], ctx: Context) -> list[Problem]:
    """CAT-INDEX-DUPLICATE for the checked entries whose number is used more than once."""
    shared = {r for where in ctx.index_numbers.values() if len(where) > 1 for r in where}
    again = [p for p in paths if rel(root, p) in shared]
    if not again:
        return []
    schema = schema_fields.entry_schema(root)
    found: list[Problem] = []
    for doc in load_entries(root, again):
        if not doc.parsed:
            continue
        _, invalid = schema_fields.check(doc, schema)
        found.extend(index_duplicate.check(replace(doc, invalid=set(doc.invalid | invalid)), ctx))
    return found
