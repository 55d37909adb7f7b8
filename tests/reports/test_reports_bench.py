"""The reports benchmark runs end to end at a small size (the lead runs it at county size)."""

from __future__ import annotations

from pathlib import Path

import pytest

from xxgk.bench import reports_bench as bench


@pytest.mark.slow
def test_reports_bench_runs_on_a_small_generated_repository(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert bench.main(60, 30, keep=tmp_path / "repo") == 0
    out = capsys.readouterr().out
    assert "表三：新收 30" in out and "年度报告统计" in out
    assert len(list((tmp_path / "repo" / "requests").rglob("*.yml"))) == 30
