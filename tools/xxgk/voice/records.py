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

from xxgk.io.frontmatter import decode
from xxgk.io.registry import _coerce
from xxgk.io.schema import drop_empty, schema_for
from xxgk.io.yamlsafe import Loaded, load_yaml
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
    text, bad = decode(path.read_bytes(), rel)
    if text is None:
        return None, [bad] if bad else []
    loaded = load_yaml(text, rel)
    problems = list(loaded.problems)
    if not loaded.ok:
        return None, problems
    if not isinstance(loaded.data, dict):
        return None, problems + [Problem(rel, 1, 1, rule, Severity.ERROR, "记录应由“字段名: 值”的行组成")]
    schema = schema_for(root, schema_name)
    data = _coerce(drop_empty(loaded.data), schema.schema)
    for err in schema.errors(data):
        line, col = loaded.pos(*err.path)
        problems.append(Problem(rel, line, col, rule, Severity.ERROR, err.message))
    usable = not any(p.severity is Severity.ERROR for p in problems)
    return (Record(rel, data, loaded) if usable else None), problems


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
