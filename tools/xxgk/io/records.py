"""Read one YAML record file (requests, reviews, evaluations …) and check it against its schema.

Every record kind reads its files the same way: bytes → UTF-8 text (or a problem naming
where it stops being UTF-8) → the project's YAML reader (text values, line numbers) →
a mapping of ``字段名: 值`` → schema problems at the line of the field concerned.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from xxgk.io.frontmatter import decode
from xxgk.io.registry import _coerce
from xxgk.io.schema import Schema, drop_empty, schema_for
from xxgk.io.yamlsafe import Loaded, load_yaml
from xxgk.model.problem import Problem, Severity


@dataclass
class RecordLoad:
    """``data`` is None when the file is not a readable mapping; ``problems`` has everything."""

    loaded: Loaded | None = None
    data: dict[str, Any] | None = None
    problems: list[Problem] = field(default_factory=list)
    schema: Schema | None = None


def load_record(root: Path, raw: bytes, rel: str, schema_name: str, rule: str,
                *, coerce: bool = False) -> RecordLoad:
    """``coerce``: turn text into the integers and booleans the schema asks for."""
    text, bad = decode(raw, rel)
    if text is None:
        return RecordLoad(problems=[bad] if bad else [])
    loaded = load_yaml(text, rel)
    out = RecordLoad(loaded=loaded, problems=list(loaded.problems))
    if not loaded.ok:
        return out
    if not isinstance(loaded.data, dict):
        out.problems.append(Problem(rel, 1, 1, rule, Severity.ERROR, "记录应由“字段名: 值”的行组成"))
        return out
    out.schema = schema_for(root, schema_name)
    data = drop_empty(loaded.data)
    out.data = _coerce(data, out.schema.schema) if coerce else data
    for err in out.schema.errors(out.data):
        line, col = loaded.pos(*err.path)
        out.problems.append(Problem(rel, line, col, rule, Severity.ERROR, err.message))
    return out
