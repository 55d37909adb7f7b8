"""``xxgk bench check``: time ``xxgk check`` beside parsing only the front matter.

The baseline is the least any checker must do: read each file, cut out its front matter
and hand it to the same YAML library (PyYAML with libyaml, ``CSafeLoader``). The target
of the foundation issue is a check that takes at most twice as long as that.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from xxgk.bench.generate import make_repo
from xxgk.io.catalog import entry_paths

TARGET = 2.0
ROUNDS = 3

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - libyaml missing
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]


def parse_only(paths: list[Path]) -> float:
    """Seconds to read every file and load its front matter with the plain YAML loader."""
    start = time.perf_counter()
    for path in paths:
        text = path.read_bytes().decode("utf-8")
        end = text.find("\n---", 3)
        yaml.load(text[4:end], Loader=_Loader)
    return time.perf_counter() - start


def run_check(root: Path) -> tuple[float, int, str]:
    """(seconds, exit code, last line of the report) of ``xxgk check`` on the whole repo, run as
    the staff run it: a process of its own (its start-up included)."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "xxgk", "--root", str(root), "check"],
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - start
    lines = done.stdout.strip().splitlines()
    return elapsed, done.returncode, lines[-1] if lines else ""


def measure(root: Path, rounds: int = ROUNDS) -> dict[str, float | int | str]:
    """Best of ``rounds`` for each side: on a shared machine the minimum is the least noisy."""
    paths = entry_paths(root)
    parse_only(paths)  # warm the disk cache for both sides alike
    parses, runs = [], []
    for _ in range(rounds):  # alternate, so that a busy moment hurts both sides alike
        parses.append(parse_only(paths))
        runs.append(run_check(root))
    parse, check = min(parses), min(r[0] for r in runs)
    code, last = runs[0][1], runs[0][2]
    return {
        "entries": len(paths),
        "parse": parse,
        "check": check,
        "ratio": check / parse,
        "exit": code,
        "summary": last,
    }


def main(entries: int, keep: Path | None = None, seed: int = 1) -> int:
    with tempfile.TemporaryDirectory(prefix="xxgk-bench-") as tmp:
        root = make_repo(keep or Path(tmp) / "repo", entries, seed)
        result = measure(root)
    print(f"条目数：{result['entries']}（各取 {ROUNDS} 次中最快的一次）")
    print(f"只解析元数据（PyYAML CSafeLoader）：{result['parse']:.2f} 秒")
    print(f"xxgk check（全部规则）：{result['check']:.2f} 秒（{result['summary']}）")
    verdict = "达到" if float(result["ratio"]) <= TARGET else "未达到"
    print(f"比值：{result['ratio']:.2f}（目标 ≤ {TARGET:.0f}，{verdict}）")
    if result["exit"] != 0:
        print("生成的条目没有全部通过检查：生成器或规则有误。")
        return 1
    return 0
