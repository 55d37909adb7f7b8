"""Time the review side at county scale: sign, index, site verdicts, scan and the gate.

    python -m xxgk.bench.review_bench 20000        # what ``make bench`` runs for the gate
    python -m xxgk.bench.review_bench 500          # a quick try

Entries come from ``xxgk.bench.generate``; every entry is signed (setup, timed apart), then
the site's question (review, consultation, withdrawal for every entry) is asked, the scanner
reads every entry, and the gate checks a branch that changes 50 entries and adds their
signed reviews in a real git repository.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from xxgk.bench.generate import make_repo
from xxgk.bench.signing import BenchSigner
from xxgk.io.catalog import entry_paths
from xxgk.io.frontmatter import read
from xxgk.io.records import record_files
from xxgk.io.registry import load_registry
from xxgk.review.gate import run_gate
from xxgk.scan.run import ScanResult, public_values, scan_file
from xxgk.trust.anchor import load_trust
from xxgk.trust.attest import verify_record
from xxgk.trust.consult import withdrawn
from xxgk.trust.decision import consultation_verdict, load_basis, review_verdict
from xxgk.trust.index import REVIEWS, cached_index, load_index
from xxgk.trust.sshsig import REVIEW

DAY = dt.date(2026, 11, 20)


def timed(label: str, func: Callable[[], Any], out: dict[str, float]) -> Any:
    start = time.perf_counter()
    value = func()
    out[label] = round(time.perf_counter() - start, 2)
    print(f"  {label}: {out[label]} 秒", flush=True)
    return value


def sign_all(signer: BenchSigner, root: Path, paths: list[Path]) -> int:
    for path in paths:
        signer.sign(read(path, path.relative_to(root).as_posix()))
    return len(paths)


def verify_all(root: Path) -> int:
    """Only the signature checks of every review record (what trust adds to a build)."""
    trust = load_trust(root, load_registry(root))
    good = 0
    for path in record_files(root, REVIEWS):
        rel = path.relative_to(root).as_posix()
        signed, _ = verify_record(root, rel, path.read_bytes(), REVIEW, trust, DAY)
        good += bool(signed)
    return good


def site_question(root: Path, paths: list[Path]) -> int:
    """The one decision's review, consultation and withdrawal parts, signatures verified."""
    basis = load_basis(root, load_registry(root))
    idx = cached_index(root, basis.trust)
    published = 0
    for path in paths:
        doc = read(path, path.relative_to(root).as_posix())
        ok = review_verdict(root, doc, idx, basis).ok and consultation_verdict(doc, idx).ok
        published += ok and not withdrawn(doc, idx, DAY)
    return published


def scan_all(root: Path, paths: list[Path]) -> int:
    result, idx = ScanResult(), load_index(root, load_basis(root, load_registry(root)).trust)
    public = public_values(load_registry(root))
    for path in paths:
        scan_file(root, path, idx, public, result)
    return len(result.open)


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


def gate_branch(signer: BenchSigner, root: Path, paths: list[Path], changed: int = 50) -> None:
    """A real repository: main holds everything; a branch edits ``changed`` entries and re-signs them."""
    env = ["-c", "user.name=赵强", "-c", "user.email=zhaoq@etkqq.gov.cn"]
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, *env, "commit", "-q", "-m", "基线")
    git(root, "checkout", "-q", "-b", "pr")
    for path in paths[:changed]:
        path.write_text(path.read_text("utf-8") + "\n补充说明。\n", "utf-8")
    git(root, "add", "-A")
    git(root, *env, "commit", "-q", "-m", "修改条目")
    sign_all(
        signer, root, paths[:changed]
    )  # unsigned content commits: the gate reports every entry
    git(root, "add", "-A")
    git(root, *env, "commit", "-q", "-m", "保密审查")


def main(count: int) -> int:
    times: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="xxgk-review-bench-") as tmp:
        root = make_repo(Path(tmp) / "repo", count)
        signer = BenchSigner(root, DAY)
        paths = entry_paths(root)
        print(f"条目 {len(paths)} 个：")
        timed("签署全部审查记录", lambda: sign_all(signer, root, paths), times)
        verified = timed("核验全部审查签名（进程内）", lambda: verify_all(root), times)
        published = timed(
            "站点逐条判断（审查、协调、撤回）", lambda: site_question(root, paths), times
        )
        timed("扫描全部条目", lambda: scan_all(root, paths), times)
        gate_branch(signer, root, paths)
        problems, entries = timed(
            "合并检查（改动 50 个条目）", lambda: run_gate(root, "main", load_registry(root)), times
        )
        problems = len(problems)
    print(
        f"可公开 {published}/{len(paths)}；合并检查 {entries} 个条目，{problems} 个问题（改动条目的提交未签名，作者无法核对：应为每条一个）"
    )
    print(f"签名有效 {verified}/{len(paths)}")
    return 0 if published == verified == len(paths) and problems == entries else 1


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 20000))
