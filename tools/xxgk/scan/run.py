"""Scan entry files and sort findings into open and acknowledged (by the entry's review records)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from xxgk.io.frontmatter import decode, parse
from xxgk.model.problem import Problem
from xxgk.model.registry import Registry
from xxgk.review.index import RecordIndex
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
    index_no = str(parse(raw, rel).get("索引号") or "") if rel.endswith(".md") else ""
    acks: set[str] = set()
    for review in idx.reviews_of(index_no, rel):
        acks |= review.acknowledged
    for finding in scan_text(text, rel, public):
        (into.acknowledged if finding.ident in acks else into.open).append(finding)
