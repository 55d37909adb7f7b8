"""What the gate trusts: the anchored signers file and roster, or — in a preview, where the
repository's own files are the only source — those of the base, never of the pull request.

A pull request cannot add its author to the roster or its own key to the signers file and
then pass: without an anchor they are read as they were at the base; with one, a changed
signers file or roster no longer matches the leading group's signature.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

from xxgk.io.registry import ConfigError, load_registry
from xxgk.model.registry import Registry
from xxgk.review.history import History
from xxgk.trust.anchor import ANCHOR_ENV, load_trust
from xxgk.trust.decision import load_basis
from xxgk.trust.signers import SIGNERS_FILE
from xxgk.trust.training import read_ledger
from xxgk.trust.verdict import Basis


def gate_basis(
    root: Path, hist: History, registry: Registry, tmp: Path, env: Mapping[str, str] | None = None
) -> tuple[Basis, Path]:
    """The basis of the gate's decisions, and the signers file that basis trusts (for git)."""
    env = os.environ if env is None else env
    if env.get(ANCHOR_ENV, "").strip():
        return load_basis(root, registry, env), root / SIGNERS_FILE
    hist.extract(["xxgk.yml", SIGNERS_FILE], tmp)
    shutil.copytree(
        root / "schemas", tmp / "schemas"
    )  # the tools' own schemas read the base's data
    if not (tmp / "xxgk.yml").is_file():
        raise ConfigError("比较基线中没有 xxgk.yml：无法读取审查人员名册")
    try:
        base_registry = load_registry(tmp)
    except ConfigError as exc:
        raise ConfigError(
            f"比较基线的 xxgk.yml 有错误，无法读取审查人员名册：{exc}", exc.problems
        ) from exc
    trust = load_trust(tmp, base_registry, env)
    items, _ = read_ledger(root, trust)
    return Basis(trust, items, base_registry.settings.training_hours), tmp / SIGNERS_FILE


def temporary_folder() -> tempfile.TemporaryDirectory[str]:
    return tempfile.TemporaryDirectory(prefix="xxgk-gate-")
