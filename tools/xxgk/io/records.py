"""Record files (requests, reviews, training, evaluations …): list them safely, read one,
check it against its schema.

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
from xxgk.io.safefs import RECORD_LIMIT, RULE, UnsafeFile, list_files, read_bytes
from xxgk.io.schema import Schema, drop_empty, schema_for
from xxgk.io.yamlsafe import Loaded, load_yaml
from xxgk.model.dates import parse_date
from xxgk.model.problem import Problem, Severity


@dataclass
class RecordLoad:
    """``data`` is None when the file is not a readable mapping; ``problems`` has everything."""

    loaded: Loaded | None = None
    data: dict[str, Any] | None = None
    problems: list[Problem] = field(default_factory=list)
    schema: Schema | None = None


def load_record(
    root: Path, raw: bytes, rel: str, schema_name: str, rule: str, *, coerce: bool = False
) -> RecordLoad:
    """``coerce``: turn text into the integers and booleans the schema asks for."""
    text, bad = decode(raw, rel)
    if text is None:
        return RecordLoad(problems=[bad] if bad else [])
    loaded = load_yaml(text, rel)
    out = RecordLoad(loaded=loaded, problems=list(loaded.problems))
    if not loaded.ok:
        return out
    if not isinstance(loaded.data, dict):
        out.problems.append(
            Problem(rel, 1, 1, rule, Severity.ERROR, "记录应由“字段名: 值”的行组成")
        )
        return out
    out.schema = schema_for(root, schema_name)
    data = drop_empty(loaded.data)
    out.data = _coerce(data, out.schema.schema) if coerce else data
    for err in out.schema.errors(out.data):
        line, col = loaded.pos(*err.path)
        out.problems.append(Problem(rel, line, col, rule, Severity.ERROR, err.message))
    return out


SUFFIXES = (".yml", ".yaml")


@dataclass
class Record:
    """One record file: its values (all text) and whatever is wrong with it."""

    rel: str
    data: dict[str, Any] = field(default_factory=dict)
    loaded: Loaded = field(default_factory=Loaded)
    problems: list[Problem] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return not any(p.severity is Severity.ERROR for p in self.problems)

    def text(self, key: str) -> str:
        value = self.data.get(key)
        return value if isinstance(value, str) else ""

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)

    def where(self, path: tuple[str | int, ...]) -> tuple[int, int]:
        """The line and column of ``path``, or of its nearest written parent (a field that is
        missing is reported where its mapping is)."""
        known = self.loaded.value_pos.keys() | self.loaded.key_pos.keys()
        while path and path not in known:
            path = path[:-1]
        return self.loaded.pos(*path) if path else (1, 1)

    def problem(
        self,
        path: tuple[str | int, ...],
        rule: str,
        message: str,
        severity: Severity = Severity.ERROR,
    ) -> Problem:
        return Problem(self.rel, *self.where(path), rule, severity, message)


def record_listing(root: Path, folder: str) -> tuple[list[Path], list[Problem]]:
    """Every record file under ``root/folder`` (sorted; hidden temporary files skipped), and a
    problem for each symlink, special file, odd name or folder named ``*.yml`` there."""
    return list_files(root, folder, SUFFIXES)


def record_files(root: Path, folder: str) -> list[Path]:
    """Every record file under ``root/folder``: regular files only, never through a symlink."""
    return record_listing(root, folder)[0]


def parse_record(
    raw: bytes,
    rel: str,
    root: Path,
    schema_name: str,
    rule: str,
    *,
    coerce: bool = False,
    warnings: bool = False,
) -> Record:
    """``coerce``: numbers and yes/no typed as the schema asks; ``warnings``: keep the
    reader's warnings (FM-IMPLICIT) beside the errors."""
    result = load_record(root, raw, rel, schema_name, rule, coerce=coerce)
    rec = Record(rel=rel)
    if result.loaded is not None:
        rec.loaded = result.loaded
    rec.problems.extend(p for p in result.problems if warnings or p.severity is Severity.ERROR)
    if result.data is None or result.schema is None:
        return rec
    rec.data = result.data
    rec.problems.extend(bad_dates(rec, result.schema.schema, rule))
    return rec


def bad_dates(rec: Record, schema: dict[str, Any], rule: str) -> list[Problem]:
    """The schema's pattern accepts 2026-13-01; a date field must also be a real calendar day."""
    found = []
    for key, prop in schema.get("properties", {}).items():
        value = rec.data.get(key)
        if prop.get("format") == "date" and isinstance(value, str) and parse_date(value) is None:
            line, col = rec.loaded.pos(key)
            msg = f"“{prop.get('title', key)}”的值“{value}”不是真实的日期，应写作 yyyy-mm-dd"
            found.append(Problem(rec.rel, line, col, rule, Severity.ERROR, msg))
    return found


def read_raw(root: Path, path: Path, rule: str) -> tuple[bytes | None, Problem | None]:
    """A record file's bytes, read safely; or the problem that says why it was not read."""
    rel = path.relative_to(root).as_posix()
    try:
        return read_bytes(root, rel, RECORD_LIMIT), None
    except UnsafeFile as exc:  # a symlink, a FIFO, too large: named, never read
        return None, Problem(rel, 1, 1, RULE, Severity.ERROR, str(exc))
    except OSError as exc:
        return None, Problem(rel, 1, 1, rule, Severity.ERROR, f"无法读取：{exc.strerror}")


def read_record(
    root: Path,
    path: Path,
    schema_name: str,
    rule: str,
    *,
    coerce: bool = False,
    warnings: bool = False,
) -> Record:
    rel = path.relative_to(root).as_posix()
    raw, refused = read_raw(root, path, rule)
    if raw is None:
        return Record(rel, problems=[refused] if refused else [])
    return parse_record(raw, rel, root, schema_name, rule, coerce=coerce, warnings=warnings)


def read_all(root: Path, folder: str, schema_name: str, rule: str) -> list[Record]:
    """Every record of ``folder``; what cannot be read (a symlink …) is an invalid record."""
    paths, hazards = record_listing(root, folder)
    return [Record(p.path, problems=[p]) for p in hazards] + [
        read_record(root, p, schema_name, rule) for p in paths
    ]


def tree_signature(root: Path, folders: tuple[str, ...]) -> tuple[tuple[str, int, int], ...]:
    """(path, mtime, size) of every record file: a cache key that changes with any edit."""
    sig: list[tuple[str, int, int]] = []
    for folder in folders:
        for path in record_files(root, folder):
            st = path.stat()
            sig.append((str(path), st.st_mtime_ns, st.st_size))
    return tuple(sig)
