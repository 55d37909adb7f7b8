"""All review, consultation and withdrawal records of a repository, indexed once, with
their signatures verified (in-process) against what the trust anchor lets sign.

The site build asks about every entry (20,000 at county scale), so the records are read
once and cached per repository root and trust. The cache is dropped when a record folder
changes: records are added by atomic rename, which changes the modification time of the
folder holding them, so checking the folders' times (a few ``stat`` calls) is enough.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath

from xxgk.io.records import Record, parse_record, record_files
from xxgk.model.problem import Problem, Severity
from xxgk.trust.anchor import Trust, read_small
from xxgk.trust.approvals import APPROVALS, Approval
from xxgk.trust.approvals import verified as verified_approval
from xxgk.trust.attest import SIG_SUFFIX, verify_record
from xxgk.trust.consult_signer import entitled
from xxgk.trust.model import (
    Consultation,
    Release,
    Review,
    Withdrawal,
    consultation_from,
    release_from,
    review_from,
    withdrawal_from,
)
from xxgk.trust.sshsig import CONSULT, REVIEW, SignatureError

REVIEWS, CONSULTATIONS, WITHDRAWALS, RELEASES = (
    "reviews",
    "consultations",
    "withdrawals",
    "releases",
)
FOLDERS = (REVIEWS, CONSULTATIONS, WITHDRAWALS, RELEASES, APPROVALS)
HAZARD = "FILE-KIND"


@dataclass
class RecordIndex:
    root: Path = Path(".")
    by_sha: dict[str, list[Review]] = field(default_factory=dict)
    by_index: dict[str, list[Review]] = field(default_factory=dict)
    by_entry: dict[str, list[Review]] = field(default_factory=dict)
    consultations: dict[str, list[Consultation]] = field(default_factory=dict)
    withdrawals: dict[str, list[Withdrawal]] = field(default_factory=dict)  # by 索引号
    withdrawn_stems: dict[str, list[Withdrawal]] = field(default_factory=dict)  # by file name
    problems: list[Problem] = field(
        default_factory=list
    )  # invalid records (they count for nothing)
    hazards: list[Problem] = field(default_factory=list)  # symlinks, special files: the build stops
    trust: Trust | None = None
    raw: dict[str, bytes] = field(default_factory=dict)  # review rel -> the bytes that were parsed
    approvals: list[Approval] = field(default_factory=list)  # verified when read (they are few)
    releases: dict[str, list[Release]] = field(
        default_factory=dict
    )  # by 申请编号, signatures checked
    _checked: dict[str, Review] = field(default_factory=dict)

    def verified(self, rv: Review) -> Review:
        """``rv`` with its signature checked (lazily, once: a build's worker processes each
        check the reviews of their own entries, so the checks run in parallel)."""
        done = self._checked.get(rv.rel)
        if done is None:
            assert self.trust is not None, "index loaded without trust"
            signed, why = verify_record(
                self.root, rv.rel, self.raw[rv.rel], REVIEW, self.trust, rv.date
            )
            done = self._checked[rv.rel] = replace(rv, signed_by=signed, signature_problem=why)
        return done

    def reviews_of(self, index_no: str, entry: str) -> list[Review]:
        """Every review ever made of this entry (any version), by 索引号 or by path."""
        seen = {r.rel: r for r in self.by_index.get(index_no, []) + self.by_entry.get(entry, [])}
        return sorted(seen.values(), key=lambda r: r.rel)


def _read(root: Path, path: Path, idx: RecordIndex) -> tuple[str, bytes] | None:
    rel = path.relative_to(root).as_posix()
    try:
        raw = read_small(path)
    except SignatureError as exc:
        idx.hazards.append(Problem(rel, 1, 1, HAZARD, Severity.ERROR, str(exc)))
        return None
    return (rel, raw) if raw is not None else None


def _valid(
    root: Path, folder: str, schema: str, rule: str, idx: RecordIndex
) -> Iterator[tuple[Record, bytes]]:
    """Each record of ``folder`` that passes its schema, with its bytes; the problems of the
    others go to ``idx`` (they count for nothing)."""
    for path in record_files(root, folder):
        got = _read(root, path, idx)
        if got is None:
            continue
        rec = parse_record(got[1], got[0], root, schema, rule)
        if rec.valid:
            yield rec, got[1]
        else:
            idx.problems.extend(rec.problems)


def load_index(root: Path, trust: Trust) -> RecordIndex:
    idx = RecordIndex(trust=trust, root=root)
    idx.hazards.extend(hazards(root))
    for rec, raw in _valid(root, REVIEWS, "review.schema.json", "REVIEW-RECORD", idx):
        rv = review_from(rec)
        idx.raw[rv.rel] = raw  # its signature is checked when a decision needs it
        idx.by_sha.setdefault(rv.entry_sha, []).append(rv)
        idx.by_index.setdefault(rv.index_no, []).append(rv)
        idx.by_entry.setdefault(rv.entry, []).append(rv)
    for rec, raw in _valid(root, CONSULTATIONS, "consultation.schema.json", "CONSULT-RECORD", idx):
        c = consultation_from(rec)
        signed, why = verify_record(root, c.rel, raw, CONSULT, trust, c.date)
        c = entitled(replace(c, signed_by=signed, signature_problem=why), trust)
        idx.consultations.setdefault(c.index_no, []).append(c)
    _withdrawals(root, idx)
    for rec, raw in _valid(root, APPROVALS, "approval.schema.json", "APPROVAL-RECORD", idx):
        idx.raw[rec.rel] = raw
        idx.approvals.append(verified_approval(root, rec, raw, trust))
    for rec, raw in _valid(root, RELEASES, "release.schema.json", "RELEASE-RECORD", idx):
        r = release_from(rec)
        idx.raw[r.rel] = raw
        signed, why = verify_record(root, r.rel, raw, REVIEW, trust, r.date)
        idx.releases.setdefault(r.request, []).append(
            replace(r, signed_by=signed, signature_problem=why)
        )
    return idx


def _withdrawals(root: Path, idx: RecordIndex) -> None:
    """Unsigned withdrawals still withdraw: taking something off the site is always safe."""
    for path in record_files(root, WITHDRAWALS):
        got = _read(root, path, idx)
        rec = (
            parse_record(got[1], got[0], root, "withdrawal.schema.json", "WITHDRAW-RECORD")
            if got
            else None
        )
        if rec is None:
            continue
        if not rec.valid:
            idx.problems.extend(rec.problems)
        w = withdrawal_from(rec)
        if not rec.valid:  # a faulty withdrawal still withdraws (fail-closed)
            w = replace(w, date=dt.date.min)
        if w.index_no:
            idx.withdrawals.setdefault(w.index_no, []).append(w)
        idx.withdrawn_stems.setdefault(PurePosixPath(w.rel).stem, []).append(w)


def hazards(root: Path) -> list[Problem]:
    """Record files that are not what they say: symlinks, special files, odd names."""
    found = []
    for folder in FOLDERS:
        for here, dirs, files in os.walk(root / folder):
            for name in [*dirs, *files]:
                path = Path(here) / name
                rel = path.relative_to(root).as_posix()
                why = odd_name(name) or _kind(path, name in dirs)
                if why:
                    found.append(Problem(rel, 1, 1, HAZARD, Severity.ERROR, why))
            dirs[:] = [d for d in dirs if not (Path(here) / d).is_symlink()]
    return found


def odd_name(name: str) -> str:
    if "\\" in name or any(ord(c) < 32 or ord(c) == 127 for c in name) or name in ("..", "."):
        return "文件名含反斜杠、控制字符或“..”，不予读取"
    return ""


def _kind(path: Path, is_dir: bool) -> str:
    st = path.lstat()
    if path.is_symlink():
        return (
            "是符号链接：记录不能是指向别处的链接，不予读取（防止读到仓库以外的文件或绕过只增不改）"
        )
    if is_dir and path.name.endswith((".yml", ".yaml", SIG_SUFFIX)):
        return "是文件夹却以记录文件的扩展名结尾，不予读取"
    if not is_dir and (st.st_mode & 0o170000) != 0o100000:
        return "不是普通文件（管道、设备或套接字），不予读取"
    return ""


def _mtime(path: Path) -> int:
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return -1


def _record_dirs(root: Path) -> list[Path]:
    """Every record folder, found once when the records are read."""
    found: list[Path] = [root / ".xxgk"]
    for name in FOLDERS:
        found.append(root / name)
        for dirpath, dirnames, _ in os.walk(root / name):
            dirnames[:] = [d for d in dirnames if not d.startswith(".")]
            found.extend(Path(dirpath) / d for d in dirnames)
    return found


_CACHE: dict[tuple[str, str], tuple[dict[Path, int], RecordIndex]] = {}


def cached_index(root: Path, trust: Trust) -> RecordIndex:
    """The index of ``root``'s records, re-read only when a record folder has changed."""
    key = (str(root), trust.stamp)  # no resolve(): it costs a realpath per entry
    hit = _CACHE.get(key)
    if hit is not None and all(_mtime(d) == t for d, t in hit[0].items()):
        return hit[1]
    state = {d: _mtime(d) for d in _record_dirs(root)}  # taken before reading: no lost update
    idx = load_index(root, trust)
    _CACHE[key] = (state, idx)
    return idx
