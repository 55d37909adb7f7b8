"""Audit findings of the approval chain (附件4 第五、七、九、十三、十四、十六条; 附件6 第五、七条;
附件5 第二条; 附件8 二), each filed under the unit that must act.

The judgement belongs to ``xxgk.trust`` (``sign_off``, ``consult``, ``releases``): this module
asks it about every review of the year, every entry with concerned departments, every reply
that released information, and files the answers by unit. The codes and their clauses are
rows of ``reports.audit.CLAUSES`` (the report's 类别与依据 table).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from xxgk.io.catalog import entry_paths, load_entries
from xxgk.model.problem import Finding
from xxgk.model.registry import Registry
from xxgk.reports.audit import Source, finding
from xxgk.requests.outcomes import GIVES_INFORMATION
from xxgk.requests.service import Workspace
from xxgk.requests.store import read_record, record_paths
from xxgk.trust.consult import concerned, consultation_reasons
from xxgk.trust.decision import load_basis
from xxgk.trust.index import cached_index
from xxgk.trust.releases import release_reasons
from xxgk.trust.roster import STAFF_ROSTER, has_staff_roster, leaders, opinion_contacts
from xxgk.trust.sign_off import sign_off_reasons


def approval_findings(root: Path, registry: Registry, year: int, ref: dt.date) -> list[Finding]:
    """Reviews of the year still waiting for an approval, an answer, a 解密 or a 发布批准."""
    basis = load_basis(root, registry)
    idx = cached_index(root, basis.trust)
    found = []
    for reviews in idx.by_sha.values():
        for rv in reviews:
            if rv.date is None or rv.date.year != year:
                continue
            for why in sign_off_reasons(rv, rv.index_no, idx):
                found.append(finding(rv.body, rv.rel, 1, "AUD-APPROVAL", why))
    return found


def coordination_findings(root: Path, registry: Registry, year: int, ref: dt.date) -> list[Finding]:
    """Entries whose release coordination (written opinions, decision, 分管领导审核) is unfinished."""
    basis = load_basis(root, registry)
    idx = cached_index(root, basis.trust)
    found = []
    for doc in load_entries(root, entry_paths(root)):
        if not doc.parsed or not concerned(doc) or str(doc.get("产生时间") or "")[:4] != str(year):
            continue
        for why in consultation_reasons(doc, idx):
            found.append(
                finding(str(doc.get("发布机构") or ""), doc.rel, 1, "AUD-COORDINATION", why)
            )
    return found


def release_findings(root: Path, registry: Registry, year: int, ref: dt.date) -> list[Finding]:
    """Replies of the year that released information without review and sign-off."""
    basis = load_basis(root, registry)
    idx = cached_index(root, basis.trust)
    found: list[Finding] = []
    ws = Workspace.open(root)
    for path in record_paths(root):
        record = read_record(root, path)
        req = record.request
        if req is None or req.received is None or req.policy_version not in ws.policies:
            continue  # an unreadable record is the request checks' finding
        state = ws.item(record).state
        if (
            state.outcome not in GIVES_INFORMATION
            or state.replied_on is None
            or state.replied_on.year != year
        ):
            continue
        for why in release_reasons(root, req.number, req.unit, idx, basis):
            found.append(
                finding(
                    req.unit,
                    record.rel,
                    record.loaded.pos("编号")[0],
                    "AUD-RELEASE",
                    f"申请 {req.number}（{state.outcome}）：{why}",
                )
            )
    return found


def roster_findings(root: Path, registry: Registry, year: int, ref: dt.date) -> list[Finding]:
    """Units the staff roster does not cover: no 分管负责同志, no 24-hour 舆情 contact."""
    if not has_staff_roster(registry):
        return [
            finding(
                "",
                "xxgk.yml",
                1,
                "AUD-ROSTER",
                f"xxgk.yml 没有{STAFF_ROSTER}：各单位的分管负责同志、信息公开工作人员和 24 小时舆情联系人"
                "均未登记，全员培训无从衡量",
            )
        ]
    heads, contacts = leaders(registry), opinion_contacts(registry)
    found = []
    for unit in registry.units:
        if unit.name not in heads:
            found.append(
                finding(
                    unit.name,
                    "xxgk.yml",
                    1,
                    "AUD-ROSTER",
                    f"{STAFF_ROSTER}没有登记“{unit.name}”的分管负责同志（附件4 第五条）",
                )
            )
        if unit.name not in contacts:
            found.append(
                finding(
                    unit.name,
                    "xxgk.yml",
                    1,
                    "AUD-ROSTER",
                    f"{STAFF_ROSTER}没有登记“{unit.name}”的 24 小时舆情联系人（附件8 二（四））",
                )
            )
    return found


APPROVAL_SOURCES: list[tuple[str, Source]] = [
    ("保密审查的审批", approval_findings),
    ("发布协调", coordination_findings),
    ("依申请提供信息的审查", release_findings),
    ("工作人员名册", roster_findings),
]
