"""A wrong $XXGK_TODAY stops the build with a Chinese message, not a traceback."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from xxgk_site_kit import MKDOCS, make_site


def test_a_wrong_today_stops_the_build_in_chinese(repo: Path) -> None:
    make_site(repo)
    env = {**os.environ, "XXGK_TODAY": "2026-13-01", "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [str(MKDOCS), "build"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode != 0
    assert "XXGK_TODAY" in done.stderr and "2026-13-01" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (repo / "site" / "index.html").exists()
