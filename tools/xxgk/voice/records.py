"""Read record files (evaluations/, opinions/) with positions, schema-check them.

Every YAML file goes through the project's one reader (``load_yaml``): values stay text,
duplicate keys are errors. Numbers and yes/no fields are then turned into what the
record's schema asks for, the same way as the registry. A record with an error is kept
out of every computation that publishes (fail-closed) and its problems are reported.
"""

from __future__ import annotations

from pathlib import Path

from xxgk.io.records import Record, record_files
from xxgk.io.records import read_record as read_any
from xxgk.model.problem import Problem, Severity

__all__ = ["Record", "read_folder", "read_record", "record_paths"]


def record_paths(root: Path, folder: str) -> list[Path]:
    """Every record file of ``folder``: regular files only, never through a symlink (those
    are reported by ``xxgk check``)."""
    return record_files(root, folder)


def read_record(
    root: Path, path: Path, schema_name: str, rule: str
) -> tuple[Record | None, list[Problem]]:
    """The record, or None when it cannot be used; with every problem found."""
    rec = read_any(root, path, schema_name, rule, coerce=True, warnings=True)
    usable = bool(rec.data) and not any(p.severity is Severity.ERROR for p in rec.problems)
    return (rec if usable else None), rec.problems


def read_folder(
    root: Path, folder: str, schema_name: str, rule: str, skip: tuple[str, ...] = ()
) -> tuple[list[Record], list[Problem]]:
    records: list[Record] = []
    problems: list[Problem] = []
    for path in record_paths(root, folder):
        if path.name in skip:
            continue
        record, found = read_record(root, path, schema_name, rule)
        problems.extend(found)
        if record is not None:
            records.append(record)
    return records, problems
