"""The accountability audit (责任追究, 附件3 第五条): per department, what the records show.

Each source below yields findings of one kind; ``run_audit`` gathers them all. A source that
cannot run (a module of another part missing, no git history) is not silently skipped: it is
listed under 未能检查 so that nobody reads an empty audit as a clean one. Internal only: the
audit names staff and is never written into the site.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from xxgk.model.problem import Finding, Severity
from xxgk.model.registry import Registry
from xxgk.reports.listing import Listing, Table
from xxgk.voice.findings import audit_findings

NO_UNIT = "（未注明单位）"
# 附件3 第五条 and the clauses each finding falls under
CLAUSES = {
    "AUD-REQUEST-LATE": "附件3 第五条（一）不依法履行政府信息公开义务；附件2 第二条",
    "AUD-REQUEST-UNANSWERED": "附件3 第五条（一）不依法履行政府信息公开义务；附件2 第二条",
    "AUD-UNREVIEWED": "附件3 第五条（一）（四）；附件4 先审查、后公开",
    "AUD-PAGE-WITHHELD": "附件3 第五条（一）（二）；附件4 先审查、后公开：生成的页面未经审查，网站上暂不公开",
    "AUD-GUIDE-STALE": "附件3 第五条（二）不及时更新政府信息公开指南",
    "AUD-UNIT-SILENT": "附件3 第五条（二）不及时更新公开的政府信息内容和目录",
    "AUD-FEE": "附件3 第五条（三）违反规定收取费用；条例第四十二条",
    "AUD-UNTRAINED": "附件3 第五条（七）；附件5 第七条 每年不少于规定学时、先培训后上岗",
    "VOICE": "附件3 第五条（五）（六）未及时处理群众的举报投诉、回应关切",
    "AUD-ANNUAL-REPORT": "附件3 第五条（一）；条例第四十九条 部门1月31日前、本级政府3月31日前公布上一年度年度报告",
    "AUD-COMPLAINT": "附件3 第五条（六）未及时处理群众的举报投诉（政策.举报投诉答复期限，默认同附件2 第二条 15 个工作日）",
    "AUD-APPROVAL": "附件4 第九条（三）、第十三条、第十六条；附件6 第五条：审批、报请确定、解密、发布批准",
    "AUD-COORDINATION": "附件6 第七条：书面征求意见，领导小组办公室决定后须经分管领导审核",
    "AUD-RELEASE": "附件4 第七条（三）、第十四条：依申请提供信息的保密审查和负责人签发",
    "AUD-ROSTER": "附件4 第五条 分管负责同志；附件5 第二条 全员培训；附件8 二（四）24 小时联络",
}


def finding(
    department: str,
    path: str,
    line: int,
    rule: str,
    message: str,
    severity: Severity = Severity.ERROR,
) -> Finding:
    return Finding(path, line, 1, rule, severity, message, department or NO_UNIT)


@dataclass
class Audit:
    year: int
    reference: dt.date  # the day the audit looks from: 31 December, or today within the year
    findings: list[Finding] = field(default_factory=list)
    not_checked: list[str] = field(default_factory=list)

    def by_unit(self) -> dict[str, list[Finding]]:
        out: dict[str, list[Finding]] = {}
        for f in sorted(self.findings, key=lambda f: (f.department, f.path, f.line, f.rule)):
            out.setdefault(f.department, []).append(f)
        return out


Source = Callable[[Path, Registry, int, dt.date], list[Finding]]


def reference_day(year: int, today: dt.date) -> dt.date:
    return min(dt.date(year, 12, 31), today)


def run_audit(
    root: Path, registry: Registry, year: int, today: dt.date, sources: list[tuple[str, Source]]
) -> Audit:
    audit = Audit(year, reference_day(year, today))
    for title, source in sources:
        try:
            audit.findings += source(root, registry, year, audit.reference)
        except Unavailable as exc:
            audit.not_checked.append(f"{title}：{exc}")
    return audit


class Unavailable(Exception):
    """A source cannot run here (its module or its data is missing); the message says why."""


def voice_findings(root: Path, registry: Registry, year: int, ref: dt.date) -> list[Finding]:
    """Complaints, evaluations and public-opinion items not handled in time (xxgk.voice)."""
    found = []
    for f in audit_findings(root, year):
        found.append(
            Finding(
                f.path, f.line, f.column, f.rule, f.severity, f.message, f.department or NO_UNIT
            )
        )
    return found


# ---- output --------------------------------------------------------------------------


def to_listing(audit: Audit, registry: Registry) -> Listing:
    units = audit.by_unit()
    errors = sum(f.severity is Severity.ERROR for f in audit.findings)
    notes = [
        f"依据《{registry.name}信息公开责任追究制度》（附件3）第五条；截至 {audit.reference}。",
        (
            f"共 {len(audit.findings)} 项发现（{errors} 项错误），涉及 {len(units)} 个单位。"
            "本报告仅供内部使用，不在网站公开。"
        ),
    ]
    notes += [f"未能检查：{n}" for n in audit.not_checked]
    tables = [
        Table(
            unit,
            ["类别", "位置", "说明"],
            [[f.rule, f"{f.path}:{f.line}", f.message] for f in items],
        )
        for unit, items in units.items()
    ]
    if not tables:
        tables = [Table("全部单位", ["类别", "位置", "说明"], empty="没有发现。")]
    rules = Table("类别与依据", ["类别", "依据"], [[k, v] for k, v in CLAUSES.items()])
    return Listing(f"{audit.year} 年政府信息公开责任追究检查", notes, [*tables, rules])


def to_json(audit: Audit) -> dict[str, Any]:
    return {
        "年度": audit.year,
        "截至": audit.reference.isoformat(),
        "未能检查": audit.not_checked,
        "单位": {u: [f.as_dict() for f in items] for u, items in audit.by_unit().items()},
    }
