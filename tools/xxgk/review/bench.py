"""Time the review side at county scale: sign, index, site verdicts, scan and the gate.

    python -m xxgk.review.bench 20000        # what ``make bench`` runs for the gate
    python -m xxgk.review.bench 500          # a quick try

Entries come from ``xxgk.bench.generate``; every entry is signed (setup, timed apart), then
the site's question (review, consultation, withdrawal for every entry) is asked, the scanner
reads every entry, and the gate checks a branch that changes 50 entries and adds their
signed reviews in a real git repository.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from xxgk.bench.generate import make_repo
from xxgk.io.catalog import entry_paths
from xxgk.io.frontmatter import read
from xxgk.io.registry import find_root, load_registry
from xxgk.io.review_state import consultation_verdict, is_withdrawn, review_verdict
from xxgk.review.gate import run_gate
from xxgk.trust.index import load_index
from xxgk.trust.roster import roster
from xxgk.review.sign import SignRequest, build, record_path, write
from xxgk.scan.run import ScanResult, public_values, scan_file

DAY = dt.date(2026, 11, 20)


def timed(label: str, func: Callable[[], Any], out: dict[str, float]) -> Any:
    start = time.perf_counter()
    value = func()
    out[label] = round(time.perf_counter() - start, 2)
    print(f"  {label}: {out[label]} 秒", flush=True)
    return value


def let_first_reviewer_review_all(root: Path) -> None:
    """Generated entries come from every unit: the bench roster lets one reviewer review them all."""
    units = ", ".join(u.name for u in load_registry(root).units)
    text = (root / "xxgk.yml").read_text("utf-8")
    text = re.sub(r"^    审查单位: .*\n", "", text, flags=re.MULTILINE)
    text = re.sub(r"(审查人员:\n  - 姓名: [^\n]+\n)", rf"\1    审查单位: [{units}]\n", text, count=1)
    (root / "xxgk.yml").write_text(text, "utf-8")


def sign_all(root: Path, paths: list[Path]) -> int:
    registry = load_registry(root)
    people = roster(registry)
    name = next(iter(people))
    req = SignRequest(name, None, "同意公开", None, "", "", DAY, {})
    for path in paths:
        doc = read(path, path.relative_to(root).as_posix())
        write(root, record_path(registry, doc, str(doc.get("发布机构")), DAY), build(root, doc, req, people))
    return len(paths)


def site_question(root: Path, paths: list[Path]) -> int:
    published = 0
    for path in paths:
        doc = read(path, path.relative_to(root).as_posix())
        ok = review_verdict(root, doc).ok and consultation_verdict(root, doc).ok
        published += ok and not is_withdrawn(root, doc)
    return published


def scan_all(root: Path, paths: list[Path]) -> int:
    result, idx = ScanResult(), load_index(root)
    public = public_values(load_registry(root))
    for path in paths:
        scan_file(root, path, idx, public, result)
    return len(result.open)


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


def gate_branch(root: Path, paths: list[Path], changed: int = 50) -> None:
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
    sign_all(root, paths[:changed])  # unsigned review commit: the gate must report every entry
    git(root, "add", "-A")
    git(root, *env, "commit", "-q", "-m", "保密审查")


def main(count: int) -> int:
    times: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="xxgk-review-bench-") as tmp:
        root = make_repo(Path(tmp) / "repo", count)
        let_first_reviewer_review_all(root)
        source = find_root(Path(__file__).resolve().parent)
        shutil.copytree(source / "training", root / "training")  # the reviewer's real training
        shutil.copytree(source / ".xxgk", root / ".xxgk")
        paths = entry_paths(root)
        print(f"条目 {len(paths)} 个：")
        timed("签署全部审查记录", lambda: sign_all(root, paths), times)
        published = timed("站点逐条判断（审查、协调、撤回）", lambda: site_question(root, paths), times)
        timed("扫描全部条目", lambda: scan_all(root, paths), times)
        gate_branch(root, paths)
        problems, entries = timed("合并检查（改动 50 个条目）",
                                  lambda: run_gate(root, "main", load_registry(root)), times)
        problems = len(problems)
    print(f"可公开 {published}/{len(paths)}；合并检查 {entries} 个条目，{problems} 个问题（审查提交未签名，应为每条一个）")
    return 0 if published == len(paths) and problems == entries else 1


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 20000))
