"""Adapter: the request records (read by ``xxgk.requests``) as the facts table 三 counts.

The records, their reader and the derivation of their state belong to ``xxgk.requests``;
this module only picks what the report needs: applicant type, dates and the reply's outcome.
"""

from __future__ import annotations

from pathlib import Path

from xxgk.model.problem import Problem, Severity
from xxgk.reports.requests_count import RequestFacts
from xxgk.requests import store
from xxgk.requests.model import REPLY

REQUESTS_DIR = store.REQUESTS_DIR


def read_request_facts(
    root: Path, unit: str | None = None
) -> tuple[list[RequestFacts], list[Problem]]:
    """Facts of every request (of ``unit``'s requests: 受理单位) and the problems of unreadable ones."""
    facts: list[RequestFacts] = []
    problems: list[Problem] = []
    for path in store.record_paths(root):
        record = store.read_record(root, path)
        errors = [p for p in record.problems if p.severity is Severity.ERROR]
        problems += errors  # an unreadable record would silently be missing from table 三
        req = record.request
        if errors or req is None or req.received is None or (unit and req.unit != unit):
            continue
        # the reply that decides the request: the first one, as xxgk.requests.state has it
        reply = req.first(REPLY)
        if reply is None or reply.date is None:
            facts.append(
                RequestFacts(
                    record.rel,
                    record.loaded.pos("收到日期")[0],
                    req.applicant_type,
                    req.received,
                    None,
                    None,
                    None,
                )
            )
            continue
        facts.append(
            RequestFacts(
                record.rel,
                record.loaded.pos("事件", reply.index)[0],
                req.applicant_type,
                req.received,
                reply.date,
                str(reply.get("结果") or ""),
                str(reply.get("情形") or ""),
            )
        )
    return facts, problems
