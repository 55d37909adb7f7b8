"""Request record files: ``requests/<year>/YSQ-<year>-<nnnn>.yml``, read, created and appended to.

A record is created once (never replaced) and afterwards only grows at its end: a new event
is written as text after the last byte of the file, so everything already recorded stays
byte for byte as it was, and the result is read back to prove it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from xxgk.io import records
from xxgk.io.atomic import write_atomic
from xxgk.io.records import load_record
from xxgk.io.schema import drop_empty
from xxgk.io.yamlsafe import Loaded
from xxgk.model.problem import Problem
from xxgk.model.yamltext import scalar
from xxgk.requests.model import Request, request_of

REQUESTS_DIR = "requests"
SCHEMA = "request.schema.json"
NUMBER = re.compile(r"^YSQ-(\d{4})-(\d{4})$")
RECEIPT = re.compile(r"^ZXSQ-\d{4}-\d{5}$")  # 受理编号 of an online application (xxgk.intake)


class RecordError(Exception):
    """A record cannot be written as asked; the message says why, in Chinese."""


@dataclass(kw_only=True)
class Record(records.Record):
    """A request record (the one record type, with its file and the request read from it)."""

    path: Path
    request: Request | None = None


def record_paths(root: Path) -> list[Path]:
    """Every request record: regular files only, never through a symlink (those are
    reported by ``xxgk check``)."""
    return records.record_files(root, REQUESTS_DIR)


def is_record(root: Path, path: Path) -> bool:
    try:
        parts = path.resolve().relative_to(root.resolve()).parts
    except ValueError:
        return False
    return len(parts) > 1 and parts[0] == REQUESTS_DIR and path.suffix == ".yml"


def load_checked(
    root: Path, raw: bytes, rel: str, schema_name: str, rule: str
) -> tuple[Loaded | None, list[Problem]]:
    """A YAML data file read as text values and checked against its schema, with every problem."""
    result = load_record(root, raw, rel, schema_name, rule)
    return (result.loaded if result.data is not None else None), result.problems


def parse_record(root: Path, raw: bytes, path: Path) -> Record:
    rel = path.relative_to(root).as_posix() if path.is_absolute() else path.as_posix()
    loaded, problems = load_checked(root, raw, rel, SCHEMA, "REQ-SCHEMA")
    data = loaded.data if loaded is not None and isinstance(loaded.data, dict) else {}
    record = Record(rel=rel, data=data, loaded=loaded or Loaded(), problems=problems, path=path)
    if loaded is not None:
        record.request = request_of(loaded.data)
    return record


def read_record(root: Path, path: Path) -> Record:
    """Read safely: a symlink, a FIFO or an oversized file is a problem, never followed."""
    raw, refused = records.read_raw(root, path, "REQ-SCHEMA")
    if raw is None:
        rel = path.relative_to(root).as_posix()
        return Record(rel=rel, problems=[refused] if refused else [], path=path)
    return parse_record(root, raw, path)


def find_record(root: Path, number: str) -> Path:
    match = NUMBER.match(number)
    if match:
        path = root / REQUESTS_DIR / match[1] / f"{number}.yml"
        if path.is_file():
            return path
    for path in record_paths(root):
        if path.stem == number:
            return path
    if RECEIPT.match(number):
        found = receipts(root).get(number)
        if found is not None:
            return found
    raise RecordError(f"找不到编号为“{number}”的申请记录（{REQUESTS_DIR}/年份/{number}.yml）")


def receipts(root: Path) -> dict[str, Path]:
    """受理编号 → record, for every record made from an online application."""
    found: dict[str, Path] = {}
    for path in record_paths(root):
        for line in path.read_bytes().decode("utf-8", "replace").splitlines():
            if line.startswith("受理编号:"):
                found[line.partition(":")[2].strip().strip('"')] = path
                break
    return found


def next_number(root: Path, year: int) -> str:
    taken = [
        int(m[2]) for p in record_paths(root) if (m := NUMBER.match(p.stem)) and m[1] == str(year)
    ]
    return f"YSQ-{year}-{max(taken, default=0) + 1:04d}"


def _block(value: str) -> bool:
    """Multi-line text that a literal block (``|``) gives back exactly: sealed values."""
    body = value[:-1] if value.endswith("\n") else value
    return "\n" in body and all(
        line.isprintable() and line and not line[0].isspace() for line in body.split("\n")
    )


def mapping_lines(values: dict[str, Any], indent: int) -> list[str]:
    pad = " " * indent
    lines: list[str] = []
    for key, value in values.items():
        if isinstance(value, dict):
            lines.append(f"{pad}{key}:")
            lines.extend(mapping_lines(value, indent + 2))
        elif isinstance(value, str) and _block(value):
            lines.append(f"{pad}{key}: |" + ("" if value.endswith("\n") else "-"))
            lines.extend(f"{pad}  {line}" for line in value.rstrip("\n").split("\n"))
        elif value not in (None, ""):
            lines.append(f"{pad}{key}: {scalar(str(value))}")
    return lines


def event_text(event: dict[str, str], indent: int) -> str:
    lines = mapping_lines(event, indent + 2) or ["{}"]
    first = lines[0].lstrip()
    return "\n".join([" " * indent + "- " + first, *lines[1:]]) + "\n"


def record_text(data: dict[str, Any], events: list[dict[str, str]]) -> str:
    head = [
        f"# yaml-language-server: $schema=../../schemas/{SCHEMA}",
        "# 依申请公开记录：含申请人个人信息，仅限内部。事件只能用 xxgk request log 在末尾追加。",
    ]
    body = mapping_lines(data, 0) + ["事件:"]
    return "\n".join(head + body) + "\n" + "".join(event_text(e, 2) for e in events)


def create_record(root: Path, path: Path, text: str) -> None:
    try:
        write_atomic(path, text, exclusive=True)
    except FileExistsError as exc:
        raise RecordError(f"{path.relative_to(root).as_posix()} 已存在，没有覆盖") from exc


def appended_text(record: Record, event: dict[str, str]) -> str:
    """The file's text with ``event`` added at the end of 事件, or RecordError."""
    data = record.data
    events = data.get("事件")
    if not isinstance(events, list) or not events or list(data)[-1] != "事件":
        raise RecordError(f"{record.rel}：“事件”必须是文件最后一项、逐行书写的列表，才能在末尾追加")
    text = record.path.read_bytes().decode("utf-8-sig")
    line = record.loaded.pos("事件", 0)[0]
    source = text.split("\n")[line - 1]
    indent = len(source) - len(source.lstrip(" "))
    if not source.lstrip(" ").startswith("- "):
        raise RecordError(f"{record.rel}:{line}：事件不是“- 类型: …”的逐行列表格式，无法追加")
    if not text.endswith("\n"):
        text += "\n"
    return text + event_text(event, indent)


def append_event(root: Path, record: Record, event: dict[str, str]) -> Record:
    """Append and read back: the old events must be unchanged and the new one last."""
    text = appended_text(record, event)
    after = parse_record(root, text.encode("utf-8"), record.path)
    new_events = after.data.get("事件") or []
    if new_events[:-1] != record.data.get("事件") or drop_empty(new_events[-1]) != drop_empty(
        event
    ):
        raise RecordError(f"{record.rel}：追加后读回的内容与预期不符，没有写入")
    write_atomic(record.path, text)
    return after
