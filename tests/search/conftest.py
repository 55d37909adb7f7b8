"""Fixtures of the search tests: a small real site (registry, policies and their reviews)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "site"))
from xxgk_site_kit import make_site


@pytest.fixture
def site_repo(repo: Path) -> Path:
    return make_site(repo)
