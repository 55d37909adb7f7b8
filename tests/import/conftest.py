"""Fixtures of the import tests; the sample documents are built in import_samples.py."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from import_samples import red_head, web_page


@pytest.fixture
def make_docx(tmp_path: Path) -> Callable[..., Path]:
    def make(name: str = "通知.docx", **kw: object) -> Path:
        return red_head(tmp_path / name, **kw)  # type: ignore[arg-type]

    return make


@pytest.fixture
def make_page(tmp_path: Path) -> Callable[..., Path]:
    def make(**kw: str) -> Path:
        return web_page(tmp_path / "saved", **kw)

    return make
