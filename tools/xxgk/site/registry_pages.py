"""The pages generated from xxgk.yml alone, by their path under content/: the 公开指南 and the
在线申请 page. Their text is reviewed like a page of content/ (``xxgk review sign
content/guide/index.md``): the build, ``xxgk review due`` and ``xxgk gate`` ask for it."""

from __future__ import annotations

from pathlib import Path

from xxgk.intake.form import PAGE as APPLY
from xxgk.intake.form import page_markdown as apply_markdown
from xxgk.model.layout import CONTENT_DIR
from xxgk.model.registry import Registry
from xxgk.site.guide import guide_markdown

GUIDE = "guide/index.md"


def registry_pages(root: Path, registry: Registry) -> dict[str, str]:
    """MkDocs uri -> the page's Markdown, exactly as the build publishes it."""
    return {GUIDE: guide_markdown(registry), APPLY: apply_markdown(root, registry)}


def registry_page_files(root: Path, registry: Registry) -> list[tuple[str, str]]:
    """(content/… path, text): how reviews name them."""
    return [(f"{CONTENT_DIR}/{uri}", text) for uri, text in registry_pages(root, registry).items()]
