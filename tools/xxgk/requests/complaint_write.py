"""Write the 举报投诉 register: a new record (never over an existing file), or one more step
appended at the end of 办理 (the record only grows, as the gate requires)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from xxgk.io.atomic import write_atomic
from xxgk.io.records import parse_record
from xxgk.io.safefs import RECORD_LIMIT, UnsafeFile, read_bytes
from xxgk.model.problem import Problem, Severity
from xxgk.model.registry import Registry
from xxgk.model.yamltext import scalar
from xxgk.requests.complaints import FOLDER, RULE, SCHEMA, consistency, next_number

HEADER = (
    "# yaml-language-server: $schema=../../schemas/complaint.schema.json\n"
    "# 举报投诉记录（附件3 第五条（六））：内部记录，不发布；只增不改，办理情况追加在“办理”末尾。\n"
)
FIELDS = ("编号", "收到日期", "渠道", "被投诉单位", "事项", "举报人", "联系方式", "登记人")


class Refused(Exception):
    """Nothing was written: the problems say why (file and line)."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("；".join(p.message for p in problems))


def _step(event: dict[str, str]) -> str:
    items = [(k, v) for k, v in event.items() if v]
    first, *rest = items
    lines = [f"  - {first[0]}: {scalar(first[1])}"] + [f"    {k}: {scalar(v)}" for k, v in rest]
    return "\n".join(lines) + "\n"


def _checked(root: Path, rel: str, text: str, registry: Registry, today: dt.date) -> None:
    rec = parse_record(text.encode("utf-8"), rel, root, SCHEMA, RULE)
    problems = list(rec.problems) or consistency(rec, registry, today)
    if problems:
        raise Refused(problems)


def add(root: Path, registry: Registry, fields: dict[str, str], today: dt.date) -> str:
    """A new record; returns its path relative to ``root``."""
    year = fields["收到日期"][:4]
    number = next_number(root, int(year)) if year.isdigit() else "TS-0000-0000"
    values = {"编号": number, **fields}
    text = HEADER + "".join(f"{k}: {scalar(values[k])}\n" for k in FIELDS if values.get(k))
    rel = f"{FOLDER}/{year}/{number}.yml"
    _checked(root, rel, text, registry, today)
    write_atomic(root / rel, text, exclusive=True)
    return rel


def append(
    root: Path, registry: Registry, number: str, event: dict[str, str], today: dt.date
) -> str:
    """Append one step to 办理; refused (nothing written) if the result would not check."""
    year = number.split("-")[1] if number.count("-") == 2 else ""
    rel = f"{FOLDER}/{year}/{number}.yml"
    try:
        old = read_bytes(root, rel, RECORD_LIMIT).decode("utf-8")
    except (UnsafeFile, OSError, UnicodeDecodeError) as exc:
        raise FileNotFoundError(f"找不到或无法读取举报投诉记录 {rel}：{exc}") from exc
    before = parse_record(old.encode("utf-8"), rel, root, SCHEMA, RULE)
    steps = before.data.get("办理") or []
    text = old if old.endswith("\n") else old + "\n"
    if not steps:
        text += "办理:\n"
    elif not text.rstrip("\n").splitlines()[-1].startswith(" "):
        raise Refused(
            [
                Problem(
                    rel,
                    1,
                    1,
                    RULE,
                    Severity.ERROR,
                    "“办理”不在记录末尾，无法只追加：请把“办理”移到最后",
                )
            ]
        )
    text += _step(event)
    after = parse_record(text.encode("utf-8"), rel, root, SCHEMA, RULE)
    if after.data.get("办理", [])[: len(steps)] != steps:
        raise Refused(
            [Problem(rel, 1, 1, RULE, Severity.ERROR, "追加后原有的办理情况会改变：未写入")]
        )
    _checked(root, rel, text, registry, today)
    write_atomic(root / rel, text)
    return rel
