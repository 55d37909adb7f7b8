"""Scan entry files and sort findings into open and acknowledged (by the entry's review records)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from xxgk.io.frontmatter import Document, decode, parse
from xxgk.model.problem import Problem, Severity
from xxgk.model.registry import Registry
from xxgk.review.hashing import attachment_names, attachment_path
from xxgk.trust.index import RecordIndex
from xxgk.scan.attachments import attachment_text
from xxgk.scan.engine import Finding, normalise_public, scan_text

PUBLIC_CONTACTS = ("电话", "传真", "电子邮箱")


@dataclass
class ScanResult:
    open: list[Finding] = field(default_factory=list)
    acknowledged: list[Finding] = field(default_factory=list)
    unreadable: list[Problem] = field(default_factory=list)

    def problems(self, show_acknowledged: bool = False) -> list[Problem]:
        out = [f.problem() for f in self.open] + list(self.unreadable)
        if show_acknowledged:
            out += [f.problem(acknowledged=True) for f in self.acknowledged]
        return out


def public_values(registry: Registry | None) -> frozenset[str]:
    office = registry.office if registry else {}
    return normalise_public(str(office[k]) for k in PUBLIC_CONTACTS if office.get(k))


def scan_file(root: Path, path: Path, idx: RecordIndex, public: frozenset[str],
              into: ScanResult) -> None:
    rel = path.resolve().relative_to(root.resolve()).as_posix()
    raw = path.read_bytes()
    text, bad = decode(raw, rel)
    if text is None:
        into.unreadable.extend([bad] if bad else [])
        return
    doc = parse(raw, rel) if rel.endswith(".md") else None
    index_no = str(doc.get("索引号") or "") if doc else ""
    acks: set[str] = set()
    for review in idx.reviews_of(index_no, rel):
        acks |= review.acknowledged
    findings = scan_text(text, rel, public)
    if doc is not None and doc.parsed:
        findings += scan_attachments(root, doc, public, into)
    for finding in findings:
        (into.acknowledged if finding.ident in acks else into.open).append(finding)


def scan_attachments(root: Path, doc: Document, public: frozenset[str], into: ScanResult) -> list[Finding]:
    """Findings in the entry's attachments; unreadable attachments become warnings."""
    found: list[Finding] = []
    for name in attachment_names(doc.meta):
        path = attachment_path(root, doc.rel, name)
        if path is None or not path.is_file():
            continue  # a missing attachment is the checker's and the review's business
        rel = path.relative_to(root.resolve()).as_posix()
        text, note = attachment_text(path)
        if text is None:
            msg = f"附件“{name}”{note}：请审查人打开核对其中有无密级标志和个人信息"
            into.unreadable.append(Problem(rel, 1, 1, "SCAN-UNSCANNED", Severity.WARNING, msg))
        else:
            found += scan_text(text, rel, public)
    return found
