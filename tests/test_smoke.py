"""The shipped repository passes its own checker and builds."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_shipped_content_passes_check() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "xxgk", "check"], cwd=REPO, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "没有发现问题" in done.stdout
