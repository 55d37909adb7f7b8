"""Sitemaps past the protocol's 50,000 URLs per file become a sitemap index."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from xxgk.site import feeds


def test_a_large_site_gets_a_sitemap_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(feeds, "SITEMAP_LIMIT", 2)
    urls = [("a/", "2024-01-01"), ("b/", "2024-03-01"), ("c/", "2023-05-05")]
    feeds.write_sitemaps(tmp_path, urls, "https://x.example/")
    index = (tmp_path / "sitemap.xml").read_text("utf-8")
    assert "<sitemapindex" in index
    assert "<loc>https://x.example/sitemap-1.xml</loc><lastmod>2024-03-01</lastmod>" in index
    assert "<loc>https://x.example/c/</loc>" in (tmp_path / "sitemap-2.xml").read_text("utf-8")
    assert gzip.decompress((tmp_path / "sitemap-1.xml.gz").read_bytes()).startswith(b"<?xml")


def test_a_small_site_has_one_sitemap(tmp_path: Path) -> None:
    feeds.write_sitemaps(tmp_path, [("a/", "2024-01-01")], "https://x.example/")
    assert "<urlset" in (tmp_path / "sitemap.xml").read_text("utf-8")
    assert not (tmp_path / "sitemap-1.xml").exists()
