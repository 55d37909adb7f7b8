"""The one decision: may this entry be public, and if not, why.

Every path that shows an entry to anyone — the site build, ``xxgk gate``, ``xxgk review
due``, search indexing, the voice pages — asks here. The answer comes from the state of the
tree plus the trust anchor, never from a diff: the entry passes its checks; a review
matching its current bytes and attachments, signed with the reviewer's key as the trusted
signers file allows at the review date, by a rostered reviewer entitled for the issuing body,
trained in the 12 months before, who is not its author, allows it — for every issuing body;
every concerned department agreed in a signed opinion; it is not withdrawn and not past its
限时公开 end (``model.publish.decide`` combines these).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from pathlib import Path

from xxgk.io.catalog import entry_paths, load_entries, quick_index_numbers
from xxgk.io.frontmatter import Document
from xxgk.model.dates import parse_date
from xxgk.model.problem import Severity
from xxgk.model.publish import Decision, Verdict, decide
from xxgk.model.registry import Registry
from xxgk.rules import check_entry
from xxgk.rules.base import Context
from xxgk.trust.anchor import load_trust
from xxgk.trust.consult import consultation_reasons, withdrawn
from xxgk.trust.index import RecordIndex, cached_index
from xxgk.trust.training import read_ledger
from xxgk.trust.verdict import Basis, assess


def load_basis(root: Path, registry: Registry, env: Mapping[str, str] | None = None) -> Basis:
    """The trust (anchor, signers, roster) and the signed training ledger of ``root``."""
    trust = load_trust(root, registry, env)
    items, _ = read_ledger(root, trust)
    return Basis(trust, items, registry.settings.training_hours)


def decisions(
    root: Path, registry: Registry, today: dt.date, basis: Basis | None = None
) -> dict[str, tuple[Document, Decision]]:
    """Every catalog entry (by path relative to the root) with its publication decision."""
    return {doc.rel: (doc, dec) for doc, dec in iter_decisions(root, registry, today, basis=basis)}


def iter_decisions(
    root: Path,
    registry: Registry,
    today: dt.date,
    paths: list[Path] | None = None,
    numbers: dict[str, list[str]] | None = None,
    basis: Basis | None = None,
) -> Iterator[tuple[Document, Decision]]:
    """The same, one entry at a time, so that 100,000 entries need not be in memory at once;
    ``paths``: only these entries (for workers sharing the job).

    Duplicate 索引号 are found against every entry's number read with a regex (as
    ``xxgk check PATH`` does; ``numbers`` when already read), plus the number each entry's
    own front matter gives."""
    every = entry_paths(root)
    paths = every if paths is None else paths
    numbers = quick_index_numbers(root, every) if numbers is None else numbers
    basis = load_basis(root, registry) if basis is None else basis
    ctx = Context(registry=registry, today=today, index_numbers=numbers, root=root)
    idx = cached_index(root, basis.trust)
    for doc in load_entries(root, paths):
        own = doc.get("索引号") if doc.parsed else None
        if isinstance(own, str) and doc.rel not in numbers.get(own, []):
            numbers.setdefault(own, []).append(doc.rel)
        yield doc, decide_entry(root, doc, ctx, idx, basis)


def review_verdict(root: Path, doc: Document, idx: RecordIndex, basis: Basis) -> Verdict:
    """ok only if signed reviews matching the current bytes allow it for every issuing body."""
    if not basis.trust.usable:
        return Verdict(False, basis.trust.message)
    result = assess(root, doc, idx, basis)
    return Verdict(True) if result.ok else Verdict(False, "；".join(result.reasons))


def consultation_verdict(doc: Document, idx: RecordIndex) -> Verdict:
    """ok only if every 涉及部门 agreed in a signed opinion, or the leading group's office decided."""
    reasons = consultation_reasons(doc, idx)
    return Verdict(False, "；".join(reasons)) if reasons else Verdict(True)


def decide_entry(
    root: Path, doc: Document, ctx: Context, idx: RecordIndex, basis: Basis
) -> Decision:
    errors = [
        f"第 {p.line} 行 [{p.rule}] {p.message}"
        for p in check_entry(doc, ctx, root)
        if p.severity is Severity.ERROR
    ]
    if not doc.parsed:  # nothing else can be asked of an unreadable entry
        return decide(
            check_errors=errors or ["元数据无法读取"],
            disclosure=None,
            term_end=None,
            today=ctx.today,
            review=Verdict(False),
            consultation=Verdict(False),
            withdrawn=False,
        )
    limited = doc.get("公开时限") == "限时公开"
    return decide(
        check_errors=errors,
        disclosure=doc.get("公开形式"),
        term_end=parse_date(doc.get("公开截止日期")) if limited else None,
        today=ctx.today,
        review=review_verdict(root, doc, idx, basis),
        consultation=consultation_verdict(doc, idx),
        withdrawn=withdrawn(doc, idx, ctx.today),
    )
