"""``xxgk gate``: every entry added or changed since the base may be merged (先审查、后公开).

For each such entry: a review matching its current bytes and attachments, by a rostered
reviewer who made none of its commits, trained in the review's year, added by a commit
touching only reviews/ and signed with that reviewer's key; one per issuing body; every
concerned department consulted; no open scan finding. For the branch as a whole: the
allowed-signers file is not changed together with content, a published entry keeps its
索引号, and is not deleted without a withdrawal record.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from xxgk.io.catalog import CATALOG_DIR, entry_paths, quick_index_numbers
from xxgk.io.frontmatter import Document, parse, read
from xxgk.model.problem import Problem, Severity
from xxgk.model.registry import Registry
from xxgk.review.baseline import SIGNERS_FILE, Trusted, load_trusted, temporary_folder
from xxgk.review.consult import consultation_reasons
from xxgk.review.gate_review import Failure, independence, review_commit, training
from xxgk.review.hashing import attachment_names
from xxgk.review.history import History
from xxgk.review.index import FOLDERS, RecordIndex, load_index
from xxgk.review.verdict import assess
from xxgk.scan.run import ScanResult, public_values, scan_file

CATALOG = CATALOG_DIR.as_posix() + "/"


@dataclass
class GateRun:
    root: Path
    hist: History
    trusted: Trusted
    idx: RecordIndex
    public: frozenset[str]
    problems: list[Problem] = field(default_factory=list)
    entries: int = 0

    def fail(self, path: str, rule: str, message: str, title: str = "") -> None:
        named = f"条目“{title}”：" if title else ""
        self.problems.append(Problem(path, 1, 1, rule, Severity.ERROR, named + message))


def run_gate(root: Path, base: str, registry: Registry | None) -> tuple[list[Problem], int]:
    hist = History(root, base)
    changes = hist.changes()
    with temporary_folder() as tmp:
        run = GateRun(root, hist, load_trusted(root, hist, Path(tmp)), load_index(root),
                      public_values(registry))
        check_signers_file(run, changes)
        check_records(run, changes)
        for path in sorted(changed_entries(root, changes) | entries_of_records(run, changes)):
            run.entries += 1
            check_entry(run, read(root / path, path))
        for status, path in changes:
            if status == "D" and is_entry_path(path):
                check_deleted(run, path)
    return run.problems, run.entries


def is_entry_path(path: str) -> bool:
    return path.startswith(CATALOG) and path.endswith(".md")


def changed_entries(root: Path, changes: list[tuple[str, str]]) -> set[str]:
    """Entries added or modified, and entries whose attachment changed."""
    found = {p for s, p in changes if s != "D" and is_entry_path(p)}
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
    return found


def entries_of_records(run: GateRun, changes: list[tuple[str, str]]) -> set[str]:
    """Entries whose review or consultation records were added or changed: a record alone can
    publish an entry on the site, so it passes the same conditions as a changed entry."""
    touched = {p for s, p in changes if s != "D" and p.split("/")[0] in FOLDERS}
    reviews = [rv for rvs in run.idx.by_sha.values() for rv in rvs if rv.rel in touched]
    numbers = {c.index_no for cs in run.idx.consultations.values() for c in cs if c.rel in touched}
    found = {rv.entry for rv in reviews}
    if numbers:
        where = quick_index_numbers(run.root, entry_paths(run.root))
        found |= {path for n in numbers for path in where.get(n, [])}
    return {p for p in found if (run.root / p).is_file()}


def check_signers_file(run: GateRun, changes: list[tuple[str, str]]) -> None:
    if any(p == SIGNERS_FILE for _, p in changes):
        content = [p for _, p in changes if p.startswith(CATALOG) or p.split("/")[0] in FOLDERS]
        if content:
            run.fail(SIGNERS_FILE, "GATE-SIGNERS-FILE", "本次改动同时修改了允许签名人文件和内容或审查记录"
                     f"（如 {content[0]}）：签名人文件只能由领导小组在单独的合并请求中修改")


def check_records(run: GateRun, changes: list[tuple[str, str]]) -> None:
    """Records are only ever added: changing or deleting one would rewrite what was signed."""
    touched = {p for s, p in changes if s != "D"}
    run.problems.extend(p for p in run.idx.problems if p.path in touched)
    for status, path in changes:
        if status in "MD" and path.split("/")[0] in FOLDERS:
            done = "修改" if status == "M" else "删除"
            run.fail(path, "GATE-RECORD-CHANGED", f"{done}了已有的记录：审查、征求意见和撤回记录只增不改，"
                     "情况变化时请新增一份记录（例如重新审查、新的协调决定）")


def check_entry(run: GateRun, doc: Document) -> None:
    title = str(doc.get("信息名称") or doc.rel)
    if not doc.parsed:
        run.fail(doc.rel, "GATE-ENTRY", "元数据无法读取，不能合并（详见 xxgk check）", title)
        return
    check_index_kept(run, doc, title)
    result = assess(run.root, doc, run.idx, run.trusted.people)
    for reason in result.reasons:
        run.fail(doc.rel, "GATE-REVIEW", reason, title)
    if result.valid:
        check_reviews(run, doc, result.valid, title)
    for reason in consultation_reasons(doc, run.idx):
        run.fail(doc.rel, "GATE-CONSULT", reason, title)
    scanned = ScanResult()
    scan_file(run.root, run.root / doc.rel, run.idx, run.public, scanned)
    run.problems.extend(scanned.problems())


def check_reviews(run: GateRun, doc: Document, valid: list, title: str) -> None:  # type: ignore[type-arg]
    paths = [doc.rel] + [(PurePosixPath(doc.rel).parent / n).as_posix() for n in attachment_names(doc.meta)]
    commits = run.hist.commits_touching(paths)
    by_body: dict[str, list[list[Failure]]] = {}
    for rv in valid:
        failures = (independence(rv, commits, run.trusted) + training(rv, run.trusted)
                    + review_commit(rv, run.hist, run.trusted))
        by_body.setdefault(rv.body, []).append(failures)
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
        run.fail(doc.rel, "GATE-INDEX-CHANGED", f"已发布条目的索引号由“{old}”改为“{new}”：索引号一经发布不得修改"
                 "（政府信息公开目录系统实施指引）", title)


def check_deleted(run: GateRun, path: str) -> None:
    before = run.hist.show(path)
    doc = parse(before or b"", path)
    index_no = str(doc.get("索引号") or "")
    if index_no and index_no in run.idx.withdrawals:
        return
    if index_no and index_no in quick_index_numbers(run.root, entry_paths(run.root)):
        return  # moved: the entry at its new path is checked as added
    run.fail(path, "GATE-DELETED", f"删除了已发布条目（索引号 {index_no or '无'}）但没有撤回记录："
             "请先用 xxgk review withdraw 记录撤回原因和批准人", str(doc.get("信息名称") or ""))
