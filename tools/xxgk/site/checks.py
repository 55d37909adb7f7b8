"""Build-stopping checks: unreadable front matter and unsafe markup, with file and line.

MkDocs would publish a front-matter block it cannot parse as page text, and passes any raw
HTML through; here both stop the build (mkdocs.exceptions.PluginError: a message, no
traceback).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from xxgk.io.frontmatter import parse
from xxgk.model import safety
from xxgk.model.problem import Problem

_READ_RULES = ("FM-ENCODING", "FM-UNCLOSED", "FM-SYNTAX", "FM-TAB", "FM-DUPLICATE-KEY",
               "FM-TAG", "FM-ANCHOR")


def _where(p: Problem) -> str:
    return f"{p.path}:{p.line}:{p.column}: [{p.rule}] {p.message}"


def refuse_unreadable(problems: list[Problem]) -> None:
    """Catalog entries whose front matter cannot be read, or whose body carries unsafe
    markup, stop the build (MkDocs would publish the raw text; we never alter it)."""
    bad = [_where(p) for p in problems
           if p.rule in _READ_RULES or p.rule in ("FM-MISSING", "CAT-UNSAFE-MARKUP")]
    if bad:
        raise PluginError("目录条目的元数据无法读取或正文含不安全的标记，已停止生成网站：\n" + "\n".join(bad))


def page_markdown(page: Page, markdown: str) -> None:
    """Front matter and source of an ordinary page (guide, policies, reports…)."""
    path = page.file.abs_src_path
    first = 1
    if path:
        raw = Path(path).read_bytes()
        rel = f"content/{page.file.src_uri}"
        if raw.lstrip(b"\xef\xbb\xbf").startswith(b"---"):
            doc = parse(raw, rel)
            bad = [_where(p) for p in doc.problems if p.rule in _READ_RULES]
            if bad or not doc.parsed:
                raise PluginError("元数据无法读取，已停止生成网站：\n" + "\n".join(bad or [rel]))
            first = doc.body_line + _leading_lines(doc.body, markdown)
    found = safety.check_source(markdown, first)
    if found:
        raise PluginError(_unsafe(page, found))


def _leading_lines(body: str, markdown: str) -> int:
    """MkDocs strips blank lines after the front matter; count them back in."""
    return len(body) - len(body.lstrip("\n")) if not markdown.startswith("\n") else 0


def page_html(page: Page, html: str) -> None:
    found = safety.check_html(html)
    if found:
        raise PluginError(_unsafe(page, [(1, m) for m in dict.fromkeys(found)]))


def _unsafe(page: Page, found: list[tuple[int, str]]) -> str:
    rows = "\n".join(f"content/{page.file.src_uri}:{line}: {msg}" for line, msg in found)
    return "页面含不安全的标记，已停止生成网站（审查过的内容不会被悄悄改动，请修改原文）：\n" + rows
