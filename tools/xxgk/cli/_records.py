"""The record files beside the catalog, for ``xxgk check``: which checker reads which folder.

Each kind is checked whole when no path is given, or when a given path lies in one of its
folders. Checkers are imported only when their kind is checked.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from xxgk.io.catalog import rel
from xxgk.io.registry import load_registry
from xxgk.model.problem import Problem


def _requests(root: Path, paths: list[Path] | None) -> list[Problem]:
    from xxgk.requests import check_requests

    return check_requests(root, paths)


def _reviews(root: Path, paths: list[Path] | None) -> list[Problem]:
    from xxgk.io.registry import load_registry
    from xxgk.trust.anchor import load_trust
    from xxgk.trust.index import load_index
    from xxgk.trust.training import read_ledger

    trust = load_trust(root, load_registry(root))
    idx = load_index(root, trust)
    return trust.problems + idx.hazards + idx.problems + read_ledger(root)[1]


def _voice(root: Path, paths: list[Path] | None) -> list[Problem]:
    from xxgk.voice.findings import check_records

    return check_records(root)


def _complaints(root: Path, paths: list[Path] | None) -> list[Problem]:
    from xxgk.model.dates import today
    from xxgk.requests.complaints import read_complaints

    return read_complaints(root, load_registry(root), today())[1]


def _annual(root: Path, paths: list[Path] | None) -> list[Problem]:
    from xxgk.reports.annual import input_problems

    return input_problems(root, load_registry(root))


# (folders, checker); a checker takes the given paths (None: everything of its kind)
KINDS: tuple[tuple[tuple[str, ...], Callable[[Path, list[Path] | None], list[Problem]]], ...] = (
    (("requests", "calendar"), _requests),
    (("reviews", "consultations", "withdrawals", "training"), _reviews),
    (("evaluations", "opinions"), _voice),
    (("annual",), _annual),
    (("complaints",), _complaints),
)


def record_problems(root: Path, paths: list[Path]) -> tuple[list[Problem], list[str]]:
    """Problems of the record kinds concerned, and the folders that were checked."""
    found: list[Problem] = []
    checked: list[str] = []
    given = [rel(root, p if p.is_absolute() else Path.cwd() / p) for p in paths]
    for folders, checker in KINDS:
        mine = [p for p, r in zip(paths, given) if r.split("/", 1)[0] in folders or r in folders]
        if paths and not mine:
            continue
        found.extend(checker(root, mine or None))
        checked.extend(f for f in folders if (root / f).is_dir())
    return found, checked
