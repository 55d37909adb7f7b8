"""Scan entry files and sort findings into open and acknowledged (by the entry's review records)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from xxgk.io.catalog import rel
from xxgk.io.frontmatter import Document, attachment_rel, decode, parse
from xxgk.io.safefs import ENTRY_LIMIT, RULE, UnsafeFile, read_bytes, shown
from xxgk.model.problem import Problem, Severity
from xxgk.model.registry import Registry
from xxgk.scan.attachments import attachment_text
from xxgk.scan.engine import Finding, normalise_public, scan_text
from xxgk.trust.index import RecordIndex

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


def entry_rel(root: Path, path: Path) -> str:
    """``path`` from the repository root, by name (no symlink is followed); ValueError outside."""
    found = rel(root, path)
    if found.startswith("/") or ".." in found.split("/"):
        raise ValueError(found)
    return found


def scan_file(
    root: Path, path: Path, idx: RecordIndex, public: frozenset[str], into: ScanResult
) -> None:
    where = entry_rel(root, path)
    try:
        raw = read_bytes(root, where, ENTRY_LIMIT)
    except UnsafeFile as exc:
        into.unreadable.append(Problem(shown(where), 1, 1, RULE, Severity.ERROR, str(exc)))
        return
    text, bad = decode(raw, where)
    if text is None:
        into.unreadable.extend([bad] if bad else [])
        return
    doc = parse(raw, where) if where.endswith(".md") else None
    index_no = str(doc.get("索引号") or "") if doc else ""
    acks: set[str] = set()
    for review in idx.reviews_of(index_no, where):
        acks |= review.acknowledged
    findings = scan_text(text, where, public)
    if doc is not None and doc.parsed:
        findings += scan_attachments(root, doc, public, into)
    for finding in findings:
        (into.acknowledged if finding.ident in acks else into.open).append(finding)


def scan_attachments(
    root: Path, doc: Document, public: frozenset[str], into: ScanResult
) -> list[Finding]:
    """Findings in the entry's attachments; unreadable ones are warnings, refused ones errors."""
    found: list[Finding] = []
    items = doc.get("附件")
    for i, item in enumerate(items if isinstance(items, list) else []):
        name = item.get("文件") if isinstance(item, dict) else None
        if not isinstance(name, str):
            continue
        try:
            att = attachment_rel(doc.rel, name)
        except UnsafeFile as exc:
            line, col = doc.pos("附件", i, "文件")
            into.unreadable.append(
                Problem(doc.rel, line, col, RULE, Severity.ERROR, f"附件：{exc}")
            )
            continue
        found += _scan_one(root, att, name, public, into)
    return found


def _scan_one(
    root: Path, att: str, name: str, public: frozenset[str], into: ScanResult
) -> list[Finding]:
    try:
        text, note = attachment_text(root, att)
    except FileNotFoundError:
        return []  # a missing attachment is the checker's and the review's business
    except UnsafeFile as exc:
        into.unreadable.append(Problem(shown(att), 1, 1, RULE, Severity.ERROR, str(exc)))
        return []
    except OSError as exc:
        text, note = None, f"无法读取（{exc.strerror}）"
    if text is None:
        msg = f"附件“{shown(name)}”{note}：请审查人打开核对其中有无密级标志和个人信息"
        into.unreadable.append(Problem(shown(att), 1, 1, "SCAN-UNSCANNED", Severity.WARNING, msg))
        return []
    return scan_text(text, att, public)
