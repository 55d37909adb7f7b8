"""Build-stopping checks: unreadable front matter and unsafe markup, with file and line.

MkDocs would publish a front-matter block it cannot parse as page text, and passes any raw
HTML through; here both stop the build (mkdocs.exceptions.PluginError: a message, no
traceback). Pages people write (content/*.md: home page, policies, reports) go through the
sanitizer the catalog entries go through (``xxgk.model.sanitize``): anything it would remove
stops the build. Pages our own code generates (guide, catalog and search pages, page shells,
the voice pages with their questionnaire form) put registry and record text in through
escaping; for them only what runs script, loads from elsewhere or restyles the page
(``Unsafe.severe``) stops the build, so that the questionnaire's form may stay.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from xxgk.io.frontmatter import parse
from xxgk.model import sanitize
from xxgk.model.layout import CONTENT_DIR
from xxgk.model.problem import Problem
from xxgk.rules.unsafe_markup import locate

_READ_RULES = (
    "FM-ENCODING",
    "FM-UNCLOSED",
    "FM-SYNTAX",
    "FM-TAB",
    "FM-DUPLICATE-KEY",
    "FM-TAG",
    "FM-ANCHOR",
)


def _where(p: Problem) -> str:
    return f"{p.path}:{p.line}:{p.column}: [{p.rule}] {p.message}"


def refuse_unreadable(problems: list[Problem]) -> None:
    """Catalog entries whose front matter cannot be read, or whose body carries unsafe
    markup, stop the build (MkDocs would publish the raw text; we never alter it)."""
    bad = [
        _where(p)
        for p in problems
        if p.rule in _READ_RULES or p.rule in ("FM-MISSING", "CAT-UNSAFE-MARKUP")
    ]
    if bad:
        raise PluginError(
            "目录条目的元数据无法读取或正文含不安全的标记，已停止生成网站：\n" + "\n".join(bad)
        )


def page_markdown(page: Page, markdown: str) -> None:
    """Front matter of an ordinary page (guide, policies, reports…) must be readable."""
    _first_line(page, markdown)


def _first_line(page: Page, markdown: str) -> int:
    """The source line ``markdown`` starts on (after front matter and the blank lines MkDocs
    strips); raises PluginError when the front matter cannot be read."""
    path = page.file.abs_src_path
    if not path or page.file.generated_by is not None:
        return 1
    raw = Path(path).read_bytes()
    if not raw.lstrip(b"\xef\xbb\xbf").startswith(b"---"):
        return 1
    doc = parse(raw, _rel(page))
    bad = [_where(p) for p in doc.problems if p.rule in _READ_RULES]
    if bad or not doc.parsed:
        raise PluginError("元数据无法读取，已停止生成网站：\n" + "\n".join(bad or [_rel(page)]))
    return doc.body_line + _leading_lines(doc.body, markdown)


def _leading_lines(body: str, markdown: str) -> int:
    """MkDocs strips blank lines after the front matter; count them back in."""
    return len(body) - len(body.lstrip("\n")) if not markdown.startswith("\n") else 0


def page_html(page: Page, html: str) -> None:
    """Stop the build if the sanitizer would change the page (see the module docstring)."""
    found = sanitize.review(html)
    if page.file.generated_by is not None or not page.file.abs_src_path:
        found = [u for u in found if u.severe]
    if found:
        markdown = page.markdown or ""
        raise PluginError(_unsafe(page, locate(markdown, _first_line(page, markdown), found)))


def _rel(page: Page) -> str:
    return f"{CONTENT_DIR}/{page.file.src_uri}"


def _unsafe(page: Page, found: list[tuple[int, str]]) -> str:
    rows = "\n".join(f"{_rel(page)}:{line}: {msg}" for line, msg in found)
    return "页面含不安全的标记，已停止生成网站（审查过的内容不会被悄悄改动，请修改原文）：\n" + rows
