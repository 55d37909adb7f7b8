"""Fixtures of the site tests (tests/site)."""

from __future__ import annotations

from pathlib import Path

import pytest
from xxgk_site_kit import make_site


@pytest.fixture
def site_repo(repo: Path) -> Path:
    return make_site(repo)
