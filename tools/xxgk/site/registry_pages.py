"""The pages generated from xxgk.yml, by their path under content/: the 公开指南, the
在线申请 page and the 社会评议 questionnaire. Their text is reviewed like a page of content/
(``xxgk review sign content/guide/index.md``): the build, ``xxgk review due``, ``xxgk gate``
and ``xxgk audit`` ask for it.

The build adds the guide and the 在线申请 page itself (``site.pages``) and the questionnaire
with the other voice pages (``site.extras``); the review of each is decided by the same
``trust.pages.page_verdict``."""

from __future__ import annotations

from pathlib import Path

from xxgk.intake.form import PAGE as APPLY
from xxgk.intake.form import page_markdown as apply_markdown
from xxgk.model.layout import CONTENT_DIR
from xxgk.model.registry import Registry
from xxgk.site.guide import guide_markdown
from xxgk.voice import pages as voice

GUIDE = "guide/index.md"


def registry_pages(root: Path, registry: Registry) -> dict[str, str]:
    """MkDocs uri -> the page's Markdown, exactly as the build publishes it (the guide and
    the 在线申请 page; the questionnaire comes with the voice pages)."""
    return {GUIDE: guide_markdown(registry), APPLY: apply_markdown(root, registry)}


def registry_page_files(root: Path, registry: Registry) -> list[tuple[str, str]]:
    """(content/… path, text) of every page whose text comes from xxgk.yml: how reviews name
    them; the author of their text is whoever last changed xxgk.yml."""
    pages = [*registry_pages(root, registry).items()]
    pages.append((voice.QUESTIONNAIRE, voice.questionnaire_page(root, registry)))
    return [(f"{CONTENT_DIR}/{uri}", text) for uri, text in pages]


def reviewed_page_files(root: Path, registry: Registry) -> list[tuple[str, str]]:
    """(content/… path, text) of every generated page the build publishes only with a review:
    those from xxgk.yml and the voice pages that show record text."""
    pages = registry_page_files(root, registry)
    seen = {rel for rel, _ in pages}
    for uri, text in voice.site_pages(root, registry):
        rel = f"{CONTENT_DIR}/{uri}"
        if rel not in seen and voice.needs_review(uri, text):
            pages.append((rel, text))
    return pages
