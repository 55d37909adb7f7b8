"""``xxgk gate``: may this change be merged (先审查、后公开)?

For every entry added or changed since the base, and every entry whose records changed,
the one decision (``xxgk.trust.decision``) must allow it, with the trust of the base (or of
the anchor): the gate reports each reason with its rule. On top, what only history can
tell: the 作者 of each review matches the signatures of the commits it covers; records are
append-only, and a signed record it adds carries a recent date (``gate_dates``); a
published entry keeps its 索引号 and is not deleted without a withdrawal; the signers file
changes alone; a change to xxgk.yml leaves no generated page without its review and no
密级标志 or personal data in the registry's public text (``gate_registry``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from xxgk.io.catalog import CATALOG_DIR, entry_paths, quick_index_numbers
from xxgk.io.frontmatter import Document, parse, read
from xxgk.io.hashing import attachment_names, sha256_bytes
from xxgk.io.registry import REGISTRY_FILE
from xxgk.model.dates import today
from xxgk.model.problem import Problem, Severity
from xxgk.model.registry import Registry
from xxgk.review.baseline import gate_basis, temporary_folder
from xxgk.review.gate_dates import record_dates
from xxgk.review.gate_history import RECORD_FOLDERS, record_changes, trust_with_content
from xxgk.review.gate_registry import page_authors, page_problems, registry_findings
from xxgk.review.gate_review import authorship
from xxgk.review.history import History
from xxgk.review.marks import kind_disagreements
from xxgk.rules import check_entry as rule_check
from xxgk.rules.base import Context
from xxgk.scan.run import ScanResult, public_values, scan_file
from xxgk.trust.consult import consultation_reasons, withdrawn
from xxgk.trust.index import FOLDERS, RecordIndex, load_index
from xxgk.trust.verdict import Basis, assess

CATALOG = CATALOG_DIR.as_posix() + "/"


@dataclass
class GateRun:
    root: Path
    hist: History
    basis: Basis
    signers: Path  # the signers file the basis trusts (for git's commit signatures)
    idx: RecordIndex
    public: frozenset[str]
    registry: Registry
    problems: list[Problem] = field(default_factory=list)
    entries: int = 0

    def fail(self, path: str, rule: str, message: str, title: str = "") -> None:
        named = f"条目“{title}”：" if title else ""
        self.problems.append(Problem(path, 1, 1, rule, Severity.ERROR, named + message))


def run_gate(
    root: Path, base: str, registry: Registry, pages: list[tuple[str, str]] | None = None
) -> tuple[list[Problem], int]:
    """``pages``: the pages generated from xxgk.yml (content/… path, text), checked when the
    change touches xxgk.yml."""
    hist = History(root, base)
    changes = hist.changes()
    with temporary_folder() as tmp:
        basis, signers = gate_basis(root, hist, registry, Path(tmp))
        run = GateRun(
            root,
            hist,
            basis,
            signers,
            load_index(root, basis.trust),
            public_values(registry),
            registry,
        )
        run.problems.extend(basis.trust.problems + run.idx.hazards)
        for path, rule, message in trust_with_content(changes, (CATALOG, *RECORD_FOLDERS)):
            run.fail(path, rule, message)
        for path, rule, message in record_changes(hist, changes) + record_dates(
            hist, changes, today()
        ):
            run.fail(path, rule, message)
        if any(p == REGISTRY_FILE for _, p in changes):
            run.problems.extend(registry_findings(root, registry))
            run.problems.extend(page_problems(root, pages or [], run.idx, basis, registry))
            added = {p.removesuffix(".sig") for s, p in changes if s == "A"}
            run.problems.extend(
                page_authors(pages or [], run.idx, basis, registry, (root, hist, signers, added))
            )
        touched = {p for s, p in changes if s != "D"}
        run.problems.extend(p for p in run.idx.problems if p.path in touched)
        for path in sorted(changed_entries(root, changes) | entries_of_records(run, changes)):
            run.entries += 1
            check_entry(run, read(root / path, path))
        for status, path in changes:
            if status in "DT" and is_entry_path(path):
                check_deleted(run, path)
    return run.problems, run.entries


def is_entry_path(path: str) -> bool:
    return path.startswith(CATALOG) and path.endswith(".md")


def changed_entries(root: Path, changes: list[tuple[str, str]]) -> set[str]:
    """Entries added or modified, and entries whose attachment changed."""
    found = {p for s, p in changes if s not in "DT" and is_entry_path(p)}
    others = [p for s, p in changes if p.startswith(CATALOG) and not p.endswith(".md")]
    for other in others:  # attachments live beside or below their entry
        for folder in PurePosixPath(other).parents:
            if not str(folder).startswith(CATALOG.rstrip("/")):
                break
            for entry in (root / folder).glob("*.md"):
                rel = entry.relative_to(root).as_posix()
                names = attachment_names(read(entry, rel).meta)
                if any((PurePosixPath(rel).parent / n).as_posix() == other for n in names):
                    found.add(rel)
    return {p for p in found if (root / p).is_file() and not (root / p).is_symlink()}


def entries_of_records(run: GateRun, changes: list[tuple[str, str]]) -> set[str]:
    """Entries whose review, consultation or approval records were added or changed: a record
    alone can publish an entry on the site, so it passes the same conditions as a changed entry."""
    touched = {
        p.removesuffix(".sig") for s, p in changes if s != "D" and p.split("/")[0] in FOLDERS
    }
    approvals = [a for a in run.idx.approvals if a.rel in touched]
    named = {a.review for a in approvals}  # an approval of a review: the entry of that review
    reviews = [
        rv for rvs in run.idx.by_sha.values() for rv in rvs if rv.rel in touched or rv.rel in named
    ]
    numbers = {c.index_no for cs in run.idx.consultations.values() for c in cs if c.rel in touched}
    numbers |= {a.index_no for a in approvals if a.index_no}
    found = {rv.entry for rv in reviews}
    if numbers:
        where = quick_index_numbers(run.root, entry_paths(run.root))
        found |= {path for n in numbers for path in where.get(n, [])}
    return {p for p in found if (run.root / p).is_file() and not (run.root / p).is_symlink()}


def check_entry(run: GateRun, doc: Document) -> None:
    title = str(doc.get("信息名称") or doc.rel)
    if not doc.parsed:
        run.fail(doc.rel, "GATE-ENTRY", "元数据无法读取，不能合并（详见 xxgk check）", title)
        return
    ctx = Context(
        registry=run.registry,
        today=today(),
        index_numbers=quick_index_numbers(run.root, entry_paths(run.root)),
        root=run.root,
    )
    for p in rule_check(doc, ctx, run.root):
        if p.severity is Severity.ERROR:
            run.fail(doc.rel, "GATE-ENTRY", f"第 {p.line} 行 [{p.rule}] {p.message}", title)
    check_index_kept(run, doc, title)
    result = assess(run.root, doc, run.idx, run.basis)
    for reason in result.reasons:
        run.fail(doc.rel, "GATE-REVIEW", reason, title)
    if result.valid:
        check_authors(run, doc, result.valid, title)
    for reason in consultation_reasons(doc, run.idx):
        run.fail(doc.rel, "GATE-CONSULT", reason, title)
    if withdrawn(doc, run.idx, dt.date.max):
        run.fail(
            doc.rel,
            "GATE-WITHDRAWN",
            "条目已有撤回记录：撤回的条目不再公开，改动它不能使它重新上网",
            title,
        )
    scanned = ScanResult()
    scan_file(run.root, run.root / doc.rel, run.idx, run.public, scanned)
    run.problems.extend(scanned.problems())
    current = [run.idx.verified(rv) for rv in run.idx.by_sha.get(sha256_bytes(doc.raw), [])]
    for reason in kind_disagreements(scanned.acknowledged, current):
        run.fail(doc.rel, "GATE-MARK-KIND", reason, title)


def check_authors(run: GateRun, doc: Document, valid: list, title: str) -> None:  # type: ignore[type-arg]
    paths = [doc.rel] + [
        (PurePosixPath(doc.rel).parent / n).as_posix() for n in attachment_names(doc.meta)
    ]
    commits = run.hist.commits_touching(paths)
    by_body: dict[str, list[list[tuple[str, str]]]] = {}
    for rv in valid:
        person = run.basis.people[rv.reviewer]
        by_body.setdefault(rv.body, []).append(
            authorship(rv, person, commits, run.hist, run.signers)
        )
    for attempts in by_body.values():
        if all(attempts):  # no review of this body passes every condition
            for rule, message in {f for failures in attempts for f in failures}:
                run.fail(doc.rel, rule, message, title)


def check_index_kept(run: GateRun, doc: Document, title: str) -> None:
    before = run.hist.show(doc.rel)
    if before is None:
        return
    old = parse(before, doc.rel).get("索引号")
    new = doc.get("索引号")
    if old and old != new:
        run.fail(
            doc.rel,
            "GATE-INDEX-CHANGED",
            f"已发布条目的索引号由“{old}”改为“{new}”：索引号一经发布不得修改"
            "（政府信息公开目录系统实施指引）",
            title,
        )


def check_deleted(run: GateRun, path: str) -> None:
    before = run.hist.show(path)
    doc = parse(before or b"", path)
    index_no = str(doc.get("索引号") or "")
    if index_no and index_no in run.idx.withdrawals:
        return
    entry = run.root / path
    if (
        index_no
        and not entry.is_symlink()
        and index_no in quick_index_numbers(run.root, entry_paths(run.root))
    ):
        return  # moved: the entry at its new path is checked as added
    run.fail(
        path,
        "GATE-DELETED",
        f"删除了已发布条目（索引号 {index_no or '无'}），或把它改成了链接，但没有撤回记录："
        "请先用 xxgk review withdraw 记录撤回原因和批准人",
        str(doc.get("信息名称") or ""),
    )
