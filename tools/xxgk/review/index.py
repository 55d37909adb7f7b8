"""All review, consultation and withdrawal records of a repository, indexed once.

The site build asks about every entry (20,000 at county scale), so the records are read
once and cached per repository root. The cache is dropped when a record folder changes:
records are added by atomic rename, which changes the modification time of the folder
holding them, so checking the folders' times (a few ``stat`` calls) is enough.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from xxgk.model.problem import Problem
from xxgk.review.model import (
    Consultation,
    Review,
    Withdrawal,
    consultation_from,
    review_from,
    withdrawal_from,
)
from xxgk.review.records import read_all

REVIEWS, CONSULTATIONS, WITHDRAWALS = "reviews", "consultations", "withdrawals"
FOLDERS = (REVIEWS, CONSULTATIONS, WITHDRAWALS)


@dataclass
class RecordIndex:
    by_sha: dict[str, list[Review]] = field(default_factory=dict)
    by_index: dict[str, list[Review]] = field(default_factory=dict)
    by_entry: dict[str, list[Review]] = field(default_factory=dict)
    consultations: dict[str, list[Consultation]] = field(default_factory=dict)
    withdrawals: dict[str, list[Withdrawal]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)  # invalid records (they count for nothing)

    def reviews_of(self, index_no: str, entry: str) -> list[Review]:
        """Every review ever made of this entry (any version), by 索引号 or by path."""
        seen = {r.rel: r for r in self.by_index.get(index_no, []) + self.by_entry.get(entry, [])}
        return sorted(seen.values(), key=lambda r: r.rel)


def load_index(root: Path) -> RecordIndex:
    idx = RecordIndex()
    for rec in read_all(root, REVIEWS, "review.schema.json", "REVIEW-RECORD"):
        if not rec.valid:
            idx.problems.extend(rec.problems)
            continue
        rv = review_from(rec)
        idx.by_sha.setdefault(rv.entry_sha, []).append(rv)
        idx.by_index.setdefault(rv.index_no, []).append(rv)
        idx.by_entry.setdefault(rv.entry, []).append(rv)
    for rec in read_all(root, CONSULTATIONS, "consultation.schema.json", "CONSULT-RECORD"):
        if rec.valid:
            c = consultation_from(rec)
            idx.consultations.setdefault(c.index_no, []).append(c)
        else:
            idx.problems.extend(rec.problems)
    for rec in read_all(root, WITHDRAWALS, "withdrawal.schema.json", "WITHDRAW-RECORD"):
        if not rec.valid:
            idx.problems.extend(rec.problems)
        w = withdrawal_from(rec)
        if not rec.valid and w.index_no:  # a faulty withdrawal still withdraws (fail-closed)
            w = replace(w, date=dt.date.min)
        if w.index_no:
            idx.withdrawals.setdefault(w.index_no, []).append(w)
    return idx


def _mtime(path: Path) -> int:
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return -1


def _record_dirs(root: Path) -> list[Path]:
    """Every record folder, found once when the records are read."""
    found: list[Path] = []
    for name in FOLDERS:
        found.append(root / name)
        for dirpath, dirnames, _ in os.walk(root / name):
            dirnames[:] = [d for d in dirnames if not d.startswith(".")]
            found.extend(Path(dirpath) / d for d in dirnames)
    return found


_CACHE: dict[str, tuple[dict[Path, int], RecordIndex]] = {}


def cached_index(root: Path) -> RecordIndex:
    """The index of ``root``'s records, re-read only when a record folder has changed."""
    key = str(root)  # no resolve(): it costs a realpath per entry
    hit = _CACHE.get(key)
    if hit is not None and all(_mtime(d) == t for d, t in hit[0].items()):
        return hit[1]
    state = {d: _mtime(d) for d in _record_dirs(root)}  # taken before reading: no lost update
    idx = load_index(root)
    _CACHE[key] = (state, idx)
    return idx
