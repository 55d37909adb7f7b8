"""Load every evaluation and opinion record of a repository into the model.

Problems (schema, unknown units, impossible times, a 编号 that differs from the file
name) come back with file and line; the records they concern are left out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from xxgk.io.catalog import entry_paths, quick_index_numbers
from xxgk.model.dates import parse_date
from xxgk.model.problem import Problem, Severity
from xxgk.model.registry import Registry
from xxgk.voice.evaluation import Evaluation, evaluation_from
from xxgk.voice.opinion import Opinion, opinion_from
from xxgk.voice.policy import VoicePolicy, unit_names, voice_policy
from xxgk.voice.records import Record, read_folder, read_record, record_paths

EVALUATIONS = "evaluations"
OPINIONS = "opinions"
YEAR_FILE = "年度结果.yml"
T = TypeVar("T")


@dataclass(frozen=True)
class YearNote:
    """The decision to publish one year's evaluation results (fail-closed: default no)."""

    year: int
    published: bool
    date: str
    intro: str


def _named_like_file(record: Record) -> list[Problem]:
    """编号 = file name, and its year = the year folder it sits in (when there is one)."""
    path = Path(record.rel)
    number = str(record.get("编号"))
    if number != path.stem:
        return [
            record.problem(("编号",), "VOICE-NUMBER", f"编号“{number}”与文件名“{path.stem}”不一致")
        ]
    folder = path.parent.name
    if folder.isdigit() and len(folder) == 4 and number.split("-")[1] != folder:
        return [
            record.problem(
                ("编号",), "VOICE-NUMBER", f"编号“{number}”的年份与所在文件夹“{folder}”不一致"
            )
        ]
    return []


def _load(
    root: Path,
    registry: Registry,
    folder: str,
    kind: str,
    build: Callable[[Record, VoicePolicy, list[str]], tuple[T | None, list[Problem]]],
    skip: tuple[str, ...] = (),
) -> tuple[list[T], list[Problem]]:
    """Read a folder, check each record against the registry; keep the flawless ones."""
    rule = "EVA-SCHEMA" if kind == "evaluation" else "OPN-SCHEMA"
    records, problems = read_folder(root, folder, f"{kind}.schema.json", rule, skip=skip)
    policy, units = voice_policy(registry), unit_names(registry)
    found = []
    for record in records:
        item, more = build(record, policy, units)
        more += _named_like_file(record)
        problems += more
        if item is not None and not more:
            found.append(item)
    return found, problems


def load_evaluations(root: Path, registry: Registry) -> tuple[list[Evaluation], list[Problem]]:
    return _load(root, registry, EVALUATIONS, "evaluation", evaluation_from, skip=(YEAR_FILE,))


def load_opinions(root: Path, registry: Registry) -> tuple[list[Opinion], list[Problem]]:
    items, problems = _load(root, registry, OPINIONS, "opinion", opinion_from)
    return items, problems + unknown_entries(root, items)


def unknown_entries(root: Path, items: list[Opinion]) -> list[Problem]:
    """A 相关条目 that is no catalog entry is a typo: warn (the site just does not link it)."""
    public = [o for o in items if o.public and o.public.entries]
    if not public:
        return []
    known = quick_index_numbers(root, entry_paths(root))
    found = []
    for item in public:
        assert item.public is not None
        for number, (line, column) in zip(item.public.entries, item.public.entries_at, strict=True):
            if number not in known:
                msg = f"相关条目“{number}”不是目录中的索引号，网站上不会链接；请核对"
                found.append(Problem(item.rel, line, column, "OPN-ENTRY", Severity.WARNING, msg))
    return found


def load_years(root: Path) -> tuple[dict[int, YearNote], list[Problem]]:
    notes: dict[int, YearNote] = {}
    problems: list[Problem] = []
    for path in sorted((root / EVALUATIONS).glob(f"*/{YEAR_FILE}")):
        record, found = read_record(root, path, "evaluation-year.schema.json", "EVA-SCHEMA")
        problems += found
        if record is not None:
            note, found = _year_note(record, path.parent.name)
            problems += found
            if note is not None:
                notes[note.year] = note
    return notes, problems


def _year_note(record: Record, folder: str) -> tuple[YearNote | None, list[Problem]]:
    year = record.get("年度")
    if year != folder:
        return None, [
            record.problem(("年度",), "EVA-SCHEMA", f"年度“{year}”与所在文件夹“{folder}”不一致")
        ]
    day = record.get("发布时间", "")
    if record.get("公开") is True and parse_date(day) is None:
        return None, [
            record.problem(
                ("发布时间",), "EVA-SCHEMA", "标为公开的年度结果须写发布时间（yyyy-mm-dd）"
            )
        ]
    return YearNote(int(year), record.get("公开") is True, day, record.get("综述", "")), []


def has_errors(problems: list[Problem]) -> bool:
    return any(p.severity is Severity.ERROR for p in problems)


def next_number(root: Path, folder: str, prefix: str, year: int) -> str:
    """The next free 编号 of a year (PY-2026-004, YQ-2026-012): one more than the largest."""
    head = f"{prefix}-{year}-"
    serials = [
        int(p.stem[len(head) :])
        for p in record_paths(root, folder)
        if p.stem.startswith(head) and p.stem[len(head) :].isdigit()
    ]
    return f"{head}{max(serials, default=0) + 1:03d}"
