"""Fixtures of the safe-site tests: the site kit of tests/site and the Chromium of
tests/browser (loaded by path: every test folder's conftest is a module named conftest)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "site"))
from xxgk_site_kit import make_site  # noqa: E402 (the kit is found through the path above)


def _browser_conftest() -> object:
    spec = importlib.util.spec_from_file_location(
        "xxgk_browser_conftest", HERE.parent / "browser" / "conftest.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


browser = _browser_conftest().browser  # type: ignore[attr-defined]


@pytest.fixture
def site_repo(repo: Path) -> Path:
    return make_site(repo)
