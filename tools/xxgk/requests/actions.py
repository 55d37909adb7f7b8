"""Registering a request and appending an event: checked in full before anything is written."""

from __future__ import annotations

from typing import Any

from xxgk.model.problem import Problem, Severity
from xxgk.requests import model as m
from xxgk.requests.check import fee_count_problems
from xxgk.requests.policy import current_version
from xxgk.requests.sealed import seal_person
from xxgk.requests.service import Workspace
from xxgk.requests.store import (
    REQUESTS_DIR,
    Record,
    RecordError,
    append_event,
    appended_text,
    create_record,
    next_number,
    parse_record,
    read_record,
    record_paths,
    record_text,
)


class Refused(Exception):
    """The record would break a rule; nothing was written."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} 个错误")
        self.problems = problems


def _errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity is Severity.ERROR]


def build_request(
    ws: Workspace,
    received: str,
    registered: str,
    fields: dict[str, Any],
    staff: str | None,
    *,
    number: str | None = None,
    receipt: str | None = None,
    seal: bool = True,
) -> tuple[Record, str]:
    """The record a registration would write, checked in full (Refused), not yet written.

    ``seal``: the applicant's personal fields are sealed to the registry's 收件公钥 (a check
    of the values before they are written may leave them plain: the rules read no content)."""
    year = int(received[:4])
    number = number or next_number(ws.root, year)
    head = {"编号": number, **({"受理编号": receipt} if receipt else {})}
    data = {**head, "政策版本": current_version(ws.registry), "收到日期": received, **fields}
    if seal and isinstance(data.get("申请人"), dict):
        data["申请人"] = seal_person(data["申请人"], ws.recipients())
    event = {
        k: v for k, v in {"类型": m.REGISTER, "日期": registered, "经办人": staff}.items() if v
    }
    path = ws.root / REQUESTS_DIR / str(year) / f"{number}.yml"
    text = record_text(data, [event])
    record = parse_record(ws.root, text.encode("utf-8"), path)
    errors = _errors(ws.problems(record))
    if errors:
        raise Refused(errors)
    return record, text


def register_request(
    ws: Workspace,
    received: str,
    registered: str,
    fields: dict[str, Any],
    staff: str | None,
    receipt: str | None = None,
) -> Record:
    """Write a new record with its 登记 event, numbered next in the year of receipt."""
    record, text = build_request(ws, received, registered, fields, staff, receipt=receipt)
    try:
        create_record(ws.root, record.path, text)
    except RecordError as exc:
        raise RecordError(f"{exc}。请重新运行（编号会顺延）。") from exc
    return record


def log_event(ws: Workspace, number: str, event: dict[str, str]) -> tuple[Record, list[Problem]]:
    """Append ``event`` if the record stays valid; returns the new record and any warnings."""
    record = ws.record(number)
    before = ws.problems(record)
    if _errors(before):
        raise RecordError(
            f"{record.rel} 已有错误，请先改正再追加事件（运行 xxgk check {record.rel}）"
        )
    after = parse_record(ws.root, appended_text(record, event).encode("utf-8"), record.path)
    new = [p for p in ws.problems(after) if p not in before]
    if (
        event.get("类型") == m.FEE_NOTICE
    ):  # the fee by count depends on the applicant's other requests
        others = [read_record(ws.root, p) for p in record_paths(ws.root) if p != record.path]
        new += [
            p
            for p in fee_count_problems([*others, after])
            if p.path == after.rel and p not in before
        ]
    if _errors(new):
        raise Refused(new)
    return append_event(ws.root, record, event), new
