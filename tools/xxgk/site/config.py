"""The plugin's settings (``plugins: - xxgk: {…}`` in mkdocs.yml), all with defaults."""

from __future__ import annotations

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config


class XxgkConfig(Config):  # type: ignore[no-untyped-call]
    enabled = opt.Type(bool, default=True)
    page_size = opt.Type(int, default=30)  # rows per listing page
    feed_size = opt.Type(int, default=50)  # newest entries in feed.xml
    latest = opt.Type(int, default=15)  # newest entries on the catalog's front page
    index_body_chars = opt.Type(int, default=0)  # characters of a body indexed; 0: the whole body
    snippet_chars = opt.Type(int, default=160)  # characters of a result's snippet
    workers = opt.Type(int, default=0)  # processes writing entry pages; 0: one per CPU
    parallel_min = opt.Type(int, default=1000)  # fewer entries: written in this process
