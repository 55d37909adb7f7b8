"""The review, consultation and withdrawal state of an entry, for the site build.

Contract with ``xxgk.io.publication``: ``review_verdict``, ``consultation_verdict`` and
``is_withdrawn``, each ``(root, doc)``. Records are indexed once per repository and
reused for every entry (see ``xxgk.review.index``). Anything unreadable counts as "no".
"""

from __future__ import annotations

import os
from pathlib import Path

from xxgk.io.frontmatter import Document
from xxgk.io.registry import load_registry
from xxgk.model.dates import today
from xxgk.model.publish import Verdict
from xxgk.review.consult import consultation_reasons, withdrawn
from xxgk.review.index import cached_index
from xxgk.review.roster import Reviewer, roster
from xxgk.review.verdict import assess

_ROSTERS: dict[str, tuple[int, dict[str, Reviewer]]] = {}


def reviewers(root: Path) -> dict[str, Reviewer]:
    """The roster of ``root``'s xxgk.yml, re-read only when the file changes."""
    key = str(root)  # no resolve(): it costs a realpath per entry
    stamp = os.stat(root / "xxgk.yml").st_mtime_ns
    hit = _ROSTERS.get(key)
    if hit is None or hit[0] != stamp:
        hit = (stamp, roster(load_registry(root)))
        _ROSTERS[key] = hit
    return hit[1]


def review_verdict(root: Path, doc: Document) -> Verdict:
    """ok only if reviews matching the current bytes allow publication for every issuing body."""
    result = assess(root, doc, cached_index(root), reviewers(root))
    return Verdict(True) if result.ok else Verdict(False, "；".join(result.reasons))


def consultation_verdict(root: Path, doc: Document) -> Verdict:
    """ok only if every 涉及部门 agreed in writing, or the leading group's office decided to publish."""
    reasons = consultation_reasons(doc, cached_index(root))
    return Verdict(False, "；".join(reasons)) if reasons else Verdict(True)


def is_withdrawn(root: Path, doc: Document) -> bool:
    return withdrawn(doc, cached_index(root), today())
