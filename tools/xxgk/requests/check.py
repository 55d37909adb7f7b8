"""``check_requests``: every problem of the request records, for ``xxgk check`` and ``request log``.

Rules besides the schema (REQ-SCHEMA) and the event-log rules of ``validate``:
REQ-NUMBER (编号 matches the file name and is unique), REQ-UNIT (受理单位 is in the registry),
REQ-POLICY (政策版本 is a known version), REQ-APPLICANT (a person has a 姓名, an organisation a
名称), REQ-ORAL (an oral request is written down by a named member of staff, 附件2 第一条),
REQ-APPEND-ONLY (a committed record only grows at its end, ``history``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from xxgk.io.registry import check_registry
from xxgk.model.dates import today
from xxgk.model.problem import Problem, Severity
from xxgk.model.registry import Registry
from xxgk.model.workdays import WorkCalendar
from xxgk.requests import model as m
from xxgk.requests.calendar_files import load_calendar
from xxgk.requests.fees import count_mismatches
from xxgk.requests.history import append_only_problems
from xxgk.requests.policy import policies
from xxgk.requests.store import NUMBER, Record, is_record, read_record, record_paths
from xxgk.requests.validate import validate


def select(root: Path, paths: Iterable[Path] | None) -> list[Path]:
    chosen = list(paths or [])
    if not chosen:
        return record_paths(root)
    files: list[Path] = []
    for path in chosen:
        full = path if path.is_absolute() else Path.cwd() / path
        if full.is_dir():
            files.extend(p for p in sorted(full.rglob("*.yml")) if is_record(root, p))
        elif full.is_file() and is_record(root, full):
            files.append(full)
    return files


def check_requests(root: Path, paths: Iterable[Path] | None = None) -> list[Problem]:
    """Problems of the given records (all of requests/ and calendar/ when no paths are given)."""
    registry, _ = check_registry(root)  # the registry's own problems are reported by check
    if registry is None:
        return []
    calendar, problems = load_calendar(root)
    chosen = list(paths or [])
    if chosen:
        wanted = {p.resolve() for p in select(root, chosen)}
        problems = [p for p in problems if (root / p.path).resolve() in wanted]
    seen: dict[str, str] = {}
    records = [read_record(root, path) for path in select(root, chosen)]
    for record in records:
        problems.extend(record_problems(record, registry, calendar, today()))
        number = record.request.number if record.request else ""
        if number and number in seen:
            problems.append(
                record.problem(("编号",), "REQ-NUMBER", f"编号 {number} 与 {seen[number]} 重复")
            )
        seen.setdefault(number, record.rel)
    return problems + append_only_problems(root, records) + fee_count_problems(records)


def fee_count_problems(records: list[Record]) -> list[Problem]:
    """按件: the fee depends on how many requests the applicant made that month (国办函〔2020〕109号)."""
    by_number = {r.request.number: r for r in records if r.request is not None}
    found = []
    for req, ev, rank in count_mismatches(r.request for r in by_number.values() if r.request):
        assert req.received is not None
        message = (
            f"第 {ev.index + 1} 个事件（收费通知）：按件计费时“数量”应为 {rank}——申请人"
            f"{req.received.year}年{req.received.month}月的第 {rank} 件申请（国办函〔2020〕109号）"
        )
        found.append(by_number[req.number].problem(("事件", ev.index, "数量"), "REQ-FEE", message))
    return found


def record_problems(
    record: Record, registry: Registry, calendar: WorkCalendar, on: dt.date
) -> list[Problem]:
    problems = list(record.problems)
    req = record.request
    if req is None or any(
        p.rule == "REQ-SCHEMA" and p.severity is Severity.ERROR for p in problems
    ):
        return problems  # the log rules need a well-formed record
    problems.extend(_identity(record, req, registry))
    policy = policies(registry).get(req.policy_version)
    if policy is None:
        known = "、".join(policies(registry))
        problems.append(
            record.problem(
                ("政策版本",),
                "REQ-POLICY",
                f"政策版本“{req.policy_version}”不在机构登记中（可用：{known}）",
            )
        )
        return problems
    for finding in validate(req, calendar, policy, on):
        problems.append(
            record.problem(finding.where, finding.rule, finding.message, finding.severity)
        )
    return problems


def _identity(record: Record, req: m.Request, registry: Registry) -> list[Problem]:
    found: list[Problem] = []
    match = NUMBER.match(req.number)
    if record.path.stem != req.number:
        found.append(
            record.problem(
                ("编号",), "REQ-NUMBER", f"编号 {req.number} 与文件名 {record.path.name} 不一致"
            )
        )
    elif match and req.received and int(match[1]) != req.received.year:
        found.append(
            record.problem(
                ("编号",), "REQ-NUMBER", f"编号的年份应为收到申请的年份 {req.received.year}"
            )
        )
    if req.received is None:
        found.append(
            record.problem(
                ("收到日期",),
                "REQ-ORDER",
                f"收到日期“{record.data.get('收到日期')}”不是真实的日期（yyyy-mm-dd）",
            )
        )
    if registry.unit(req.unit) is None:
        found.append(
            record.problem(
                ("受理单位",), "REQ-UNIT", f"受理单位“{req.unit}”不在机构登记（xxgk.yml 单位）中"
            )
        )
    person = record.data.get("申请人") or {}
    if req.applicant_type == "自然人" and not person.get("姓名"):
        found.append(record.problem(("申请人",), "REQ-APPLICANT", "申请人为自然人时须填写“姓名”"))
    elif req.applicant_type != "自然人" and not person.get("名称"):
        found.append(
            record.problem(("申请人",), "REQ-APPLICANT", "申请人为法人或其他组织时须填写“名称”")
        )
    register = req.first(m.REGISTER)
    if req.channel == "口头" and register is not None and not register.get("经办人"):
        found.append(
            record.problem(
                ("事件", register.index),
                "REQ-ORAL",
                "口头申请须由工作人员记录：请在“登记”事件写明“经办人”（附件2 第一条）",
            )
        )
    return found
