"""Disclosure on request (依申请公开, seed 附件2): records, event log, derived state, letters.

``model``, ``outcomes``, ``policy``, ``state``, ``validate`` and ``fees`` are pure logic;
``store`` reads and appends record files; ``check.check_requests`` is what ``xxgk check``
runs on requests/.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from xxgk.model.problem import Problem


def check_requests(root: Path, paths: list[Path] | None = None) -> list[Problem]:
    """Every problem of the request records (all of requests/ when ``paths`` is None)."""
    from xxgk.requests.check import check_requests as run

    return run(root, paths)
