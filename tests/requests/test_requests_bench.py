"""The request benchmark runs at a small size and its generated records pass the checker."""

from __future__ import annotations

import pytest

from xxgk.bench.requests_bench import main


def test_request_benchmark_at_a_small_size(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XXGK_TODAY", "2026-11-27")
    assert main(120) == 0
    out = capsys.readouterr().out
    assert "依申请公开记录 120 件（错误 0 个" in out and "到期清单" in out
