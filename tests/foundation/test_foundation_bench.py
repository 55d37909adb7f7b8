"""The bench generator writes realistic entries that pass every rule, the same ones every time."""

from __future__ import annotations

import hashlib
from pathlib import Path

from foundation_helpers import REPO

from xxgk.bench import check_bench
from xxgk.bench.generate import make_repo
from xxgk.io.catalog import entry_paths
from xxgk.io.frontmatter import read


def _digest(root: Path) -> str:
    h = hashlib.sha256()
    for path in entry_paths(root):
        h.update(path.relative_to(root).as_posix().encode() + path.read_bytes())
    return h.hexdigest()


def test_generated_entries_pass_and_are_deterministic(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("XXGK_TODAY", "2026-11-27")
    first = make_repo(tmp_path / "a", 300, seed=7, source=REPO)
    second = make_repo(tmp_path / "b", 300, seed=7, source=REPO)
    assert _digest(first) == _digest(second)
    assert _digest(first) != _digest(make_repo(tmp_path / "c", 300, seed=8, source=REPO))
    docs = [read(p, p.name) for p in entry_paths(first)]
    assert len(docs) == 300
    assert len({d.meta["分类"] for d in docs}) == 9
    assert len({d.meta["发布机构"] for d in docs}) >= 15
    assert len({d.meta["产生时间"][:4] for d in docs}) == 8  # 2019..2026
    sizes = sorted(len(d.body.encode("utf-8")) for d in docs)
    assert sizes[0] >= 3000 and sizes[-1] < 5000
    _seconds, code, summary = check_bench.run_check(first)
    assert code == 0 and "检查了 301 个文件，没有发现问题" in summary


def test_bench_check_reports_both_times_and_the_ratio(capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("XXGK_TODAY", "2026-11-27")
    assert check_bench.main(120) == 0
    out = capsys.readouterr().out
    assert "只解析元数据（PyYAML CSafeLoader）" in out and "xxgk check（全部规则）" in out
    assert "比值：" in out and "目标 ≤ 2" in out
