"""The audit's sources, one function per kind of finding (附件3 第五条).

Request state, fees and reviews are judged by the modules that own them (``xxgk.requests``,
``xxgk.trust.decision``); this module only asks them and files the answers by department.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from xxgk.io.catalog import entry_paths, load_entries
from xxgk.io.frontmatter import decode
from xxgk.io.git import files_at
from xxgk.io.registry import REGISTRY_FILE, ConfigError
from xxgk.io.yamlsafe import load_yaml
from xxgk.model.dates import parse_date
from xxgk.model.layout import CATALOG_DIR, CONTENT_DIR
from xxgk.model.problem import Finding, Severity
from xxgk.model.registry import Registry
from xxgk.reports import history
from xxgk.reports.audit import (
    Source,
    Unavailable,
    finding,
    voice_findings,
)
from xxgk.reports.audit_approvals import APPROVAL_SOURCES
from xxgk.reports.audit_duties import DUTY_SOURCES
from xxgk.reports.training_source import training_report
from xxgk.requests.service import Workspace
from xxgk.requests.store import read_record, record_paths
from xxgk.trust.decision import load_basis, review_verdict
from xxgk.trust.index import cached_index

FEE_EVENTS = ("收费通知", "缴费")


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` earlier (the last day of the month where it does not exist)."""
    total = day.year * 12 + day.month - 1 - months
    year, month = divmod(total, 12)
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month + 1, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _records(root: Path) -> Iterator[tuple[Any, Any]]:
    """(workspace, record) for every request record whose content could be read."""
    try:
        ws = Workspace.open(root)
    except ConfigError as exc:  # e.g. a broken holiday file: the other sources still run
        raise Unavailable(str(exc)) from exc
    for path in record_paths(root):
        record = read_record(root, path)
        req = record.request
        if req is not None and req.received is not None and req.policy_version in ws.policies:
            yield ws, record


def request_findings(root: Path, registry: Registry, year: int, ref: dt.date) -> list[Finding]:
    """Replies or deliveries after their deadline, and requests still unanswered past it."""
    found: list[Finding] = []
    for ws, record in _records(root):
        req, state = record.request, ws.item(record).state
        line = record.loaded.pos("编号")[0]
        closed = state.closed_on or state.replied_on
        if state.late and closed and closed.year == year:
            found.append(
                finding(
                    req.unit,
                    record.rel,
                    line,
                    "AUD-REQUEST-LATE",
                    f"申请 {req.number}：" + "；".join(state.late),
                )
            )
        due = state.open_due
        if due is not None and due.date < ref and due.date.year <= year and state.overdue(ws.today):
            found.append(
                finding(
                    req.unit,
                    record.rel,
                    line,
                    "AUD-REQUEST-UNANSWERED",
                    f"申请 {req.number}（{state.status}）期限 {due.date} 已过，至今未办结",
                )
            )
    return found


def fee_findings(root: Path, registry: Registry, year: int, ref: dt.date) -> list[Finding]:
    """Fees asked or taken where the policy or the national rule does not allow them."""
    found: list[Finding] = []
    for ws, record in _records(root):
        req = record.request
        if any(e.kind in FEE_EVENTS and e.date and e.date.year == year for e in req.events):
            found += [
                finding(req.unit, p.path, p.line, "AUD-FEE", f"申请 {req.number}：{p.message}")
                for p in ws.problems(record)
                if p.rule == "REQ-FEE"
            ]
    return found


def unreviewed_findings(root: Path, registry: Registry, year: int, ref: dt.date) -> list[Finding]:
    """Committed entries without a valid secrecy review (先审查、后公开)."""
    basis = load_basis(root, registry)
    idx = cached_index(root, basis.trust)
    if not history.has_history(root):
        raise Unavailable("仓库没有提交历史，无法判断哪些条目已合并")
    committed = files_at(root, "HEAD", CATALOG_DIR)
    found: list[Finding] = []
    for doc in load_entries(root, entry_paths(root)):
        made = parse_date(doc.get("产生时间"))
        if doc.rel not in committed or made is None or made > ref:  # not yet there that year
            continue
        verdict = review_verdict(root, doc, idx, basis)
        if not verdict.ok:
            line = doc.pos("信息名称")[0]
            found.append(
                finding(
                    str(doc.get("发布机构") or ""),
                    doc.rel,
                    line,
                    "AUD-UNREVIEWED",
                    f"已合并的条目没有有效的保密审查：{verdict.reason}",
                )
            )
    return found


def guide_findings(root: Path, registry: Registry, year: int, ref: dt.date) -> list[Finding]:
    """The disclosure guide (its registry sections or its page) not updated within the period."""
    if not history.has_history(root):
        raise Unavailable("仓库没有提交历史，无法判断指南的更新时间")
    months = registry.settings.guide_months
    dates = [
        history.registry_sections_changed(root, GUIDE_SECTIONS),
        history.last_change(root, *_guide_files(root)),
    ]
    last = max((d for d in dates if d is not None and d <= ref), default=None)
    limit = months_before(ref, months)
    if last is not None and last >= limit:
        return []
    office = str(registry.site.get("主办单位") or registry.office.get("名称") or registry.name)
    when = f"最后一次更新是 {last}" if last else "在仓库历史中没有更新记录"
    return [
        finding(
            office,
            REGISTRY_FILE,
            _registry_line(root, "公开工作机构"),
            "AUD-GUIDE-STALE",
            f"政府信息公开指南{when}，超过 {months} 个月（截至 {ref}）：请核对公开工作机构、"
            "分类等指南内容并更新",
        )
    ]


# What the 公开指南 is made of: these sections of xxgk.yml (the site writes the guide from
# them), a hand-written guide page if a site has one, and the module that writes the page.
GUIDE_SECTIONS: tuple[history.Section, ...] = (
    ("名称",),
    ("分类",),
    ("公开工作机构",),
    ("政策", "依申请公开"),
)
GUIDE_PAGES = (f"{CONTENT_DIR}/guide", f"{CONTENT_DIR}/guide.md")
GUIDE_CODE = "tools/xxgk/site/guide.py"  # writes the guide page from the registry


def _guide_files(root: Path) -> list[str]:
    """The guide's own pages, and the code that writes the generated guide page."""
    return [*GUIDE_PAGES, GUIDE_CODE]


def silent_unit_findings(root: Path, registry: Registry, year: int, ref: dt.date) -> list[Finding]:
    """Units with no catalog entry within the configured number of months."""
    months = registry.settings.silent_unit_months
    latest: dict[str, dt.date] = {}
    for doc in load_entries(root, entry_paths(root)):
        made = parse_date(doc.get("产生时间"))
        unit = doc.get("发布机构")
        if made and made <= ref and isinstance(unit, str):
            latest[unit] = max(made, latest.get(unit, made))
    limit = months_before(ref, months)
    found = []
    for i, unit in enumerate(registry.units):
        last = latest.get(unit.name)
        if last is None or last < limit:
            when = f"最近一条产生于 {last}" if last else "目录中没有该单位的条目"
            line = _registry_line(root, "单位", i, "名称")
            found.append(
                finding(
                    unit.name,
                    REGISTRY_FILE,
                    line,
                    "AUD-UNIT-SILENT",
                    f"{when}，已超过 {months} 个月没有更新（截至 {ref}）",
                    Severity.WARNING,
                )
            )
    return found


def _registry_line(root: Path, *path: str | int) -> int:
    text, _ = decode((root / REGISTRY_FILE).read_bytes(), REGISTRY_FILE)
    return load_yaml(text or "", REGISTRY_FILE).pos(*path)[0]


def training_findings(root: Path, registry: Registry, year: int, ref: dt.date) -> list[Finding]:
    """Staff short of the yearly class hours, and work done before one's first training."""
    report, problems = training_report(root, registry, year)
    # a record that cannot be read counts no hours: say so beside the shortfalls it causes
    found = [
        finding("", p.path, p.line, p.rule, p.message)
        for p in problems
        if p.severity is Severity.ERROR
    ]
    reviewers = [str(r.get("姓名") or "") for r in registry.reviewers]
    for p in report.below():
        where, line = ("training", 1)
        if p.name in reviewers:
            where, line = (
                REGISTRY_FILE,
                _registry_line(root, "审查人员", reviewers.index(p.name), "姓名"),
            )
        found.append(
            finding(
                p.unit,
                where,
                line,
                "AUD-UNTRAINED",
                f"{p.name} {year} 年培训 {_hours(p.hours)} 学时，不足 {_hours(report.minimum)} 学时",
            )
        )
    for e in report.early:
        start = f"首次培训在 {e.first_training}" if e.first_training else "从未参加培训"
        unit = next((p.unit for p in report.people if p.name == e.activity.person), "")
        found.append(
            finding(
                unit,
                e.activity.rel,
                1,
                "AUD-UNTRAINED",
                f"{e.activity.person} 于 {e.activity.date} {e.activity.kind}，{start}（先培训后上岗）",
            )
        )
    return found


def _hours(value: Decimal) -> str:
    return format(value.normalize(), "f")


SOURCES: list[tuple[str, Source]] = [
    ("依申请公开办理期限", request_findings),
    ("信息处理费", fee_findings),
    ("保密审查", unreviewed_findings),
    ("公开指南更新", guide_findings),
    ("各单位目录更新", silent_unit_findings),
    ("工作人员培训", training_findings),
    ("社会评议与舆情回应", voice_findings),
    *APPROVAL_SOURCES,
    *DUTY_SOURCES,
]
