"""Saved pages come in the encodings editors and browsers write: a byte-order mark (UTF-8,
UTF-16 little or big endian) decides before any declared charset."""

from __future__ import annotations

from pathlib import Path

import pytest

from xxgk.importer.webpage import decode

PAGES = Path(__file__).resolve().parent / "pages"


@pytest.mark.parametrize("page", ["hanweb/art_1234_56789.html", "ordos/xxgk_detail.html"])
@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"])
def test_a_page_with_a_byte_order_mark_reads_as_the_same_text(page: str, encoding: str) -> None:
    text = decode((PAGES / page).read_bytes())
    assert "信息公开" in text
    raw = text.encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be"):
        raw = ("\ufeff" + text).encode(encoding)
    assert decode(raw) == text
