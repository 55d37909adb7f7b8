"""Read record files (evaluations/, opinions/) with positions, schema-check them.

Every YAML file goes through the project's one reader (``load_yaml``): values stay text,
duplicate keys are errors. Numbers and yes/no fields are then turned into what the
record's schema asks for, the same way as the registry. A record with an error is kept
out of every computation that publishes (fail-closed) and its problems are reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from xxgk.io.records import load_record
from xxgk.io.yamlsafe import Loaded
from xxgk.model.problem import Problem, Severity

SUFFIXES = (".yml", ".yaml")


@dataclass
class Record:
    """One record file: its values (as the schema types them) and where each one is."""

    rel: str
    data: dict[str, Any]
    loaded: Loaded = field(default_factory=Loaded)

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)

    def problem(self, path: tuple[str | int, ...], rule: str, message: str,
                severity: Severity = Severity.ERROR) -> Problem:
        line, col = self.loaded.pos(*path) if path else (1, 1)
        return Problem(self.rel, line, col, rule, severity, message)


def record_paths(root: Path, folder: str) -> list[Path]:
    base = root / folder
    if not base.is_dir():
        return []
    return sorted(p for p in base.rglob("*") if p.suffix in SUFFIXES and p.is_file()
                  and not p.name.startswith("."))


def read_record(root: Path, path: Path, schema_name: str, rule: str) -> tuple[Record | None, list[Problem]]:
    """The record, or None when it cannot be used; with every problem found."""
    rel = path.relative_to(root).as_posix()
    result = load_record(root, path.read_bytes(), rel, schema_name, rule, coerce=True)
    usable = result.data is not None and not any(p.severity is Severity.ERROR for p in result.problems)
    if not usable or result.loaded is None or result.data is None:
        return None, result.problems
    return Record(rel, result.data, result.loaded), result.problems


def read_folder(root: Path, folder: str, schema_name: str, rule: str,
                skip: tuple[str, ...] = ()) -> tuple[list[Record], list[Problem]]:
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
