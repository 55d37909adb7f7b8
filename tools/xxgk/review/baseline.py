"""What the gate trusts comes from the base, not from the pull request being checked.

The reviewer roster (xxgk.yml), the training records and the allowed-signers file are read
as they were at the base: a pull request cannot add its author to the roster, record a
training that never happened or add its own key, and then pass. (先培训后上岗: a training
must be merged before the review it qualifies.)
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from xxgk.io.registry import ConfigError, load_registry
from xxgk.review.history import History
from xxgk.review.roster import Reviewer, roster
from xxgk.training.ledger import Attendance, read_ledger

SIGNERS_FILE = ".xxgk/allowed_signers"


@dataclass
class Trusted:
    people: dict[str, Reviewer]
    attendances: list[Attendance]
    min_hours: Decimal
    signers: Path | None  # the base's allowed-signers file, copied to a temporary folder


def load_trusted(root: Path, hist: History, tmp: Path) -> Trusted:
    hist.extract(["xxgk.yml", "training", SIGNERS_FILE], tmp)
    shutil.copytree(root / "schemas", tmp / "schemas")  # the tools' own schemas read the base's data
    if not (tmp / "xxgk.yml").is_file():
        raise ConfigError("比较基线中没有 xxgk.yml：无法读取审查人员名册")
    try:
        registry = load_registry(tmp)
    except ConfigError as exc:
        raise ConfigError(f"比较基线的 xxgk.yml 有错误，无法读取审查人员名册：{exc}", exc.problems) from exc
    items, _ = read_ledger(tmp)
    minimum = Decimal(str(registry.policy.get("每年培训最少学时") or 2))
    signers = tmp / SIGNERS_FILE
    return Trusted(roster(registry), items, minimum, signers if signers.is_file() else None)


def temporary_folder() -> tempfile.TemporaryDirectory[str]:
    return tempfile.TemporaryDirectory(prefix="xxgk-gate-")
