"""Render catalog pages fast: Markdown bodies, small Jinja templates, and page shells.

MkDocs renders every page through the theme with the whole navigation, which is what makes
thousands of entries slow (REFERENCE §8). Entry and listing pages all look alike, so the
theme renders one *shell* page per folder depth once (with marker text as title and
content), and each entry page is that shell with the markers replaced: the same header,
tabs, footer and relative asset paths, at the cost of a string replacement.
"""

from __future__ import annotations

import html
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from markdown import Markdown

from xxgk.io.output import write_output
from xxgk.site.inline import quicken

TITLE_MARK = "XXGK0SHELL0TITLE"
BODY_MARK = "XXGK0SHELL0BODY"
SHELL_DIR = "_xxgk_shell"
TEMPLATES = Path(__file__).parent / "templates"


def shell_uri(depth: int) -> str:
    """Source path of the shell page whose URL has ``depth`` folders (catalog/x/ → 2)."""
    return "/".join([SHELL_DIR] + ["d"] * (depth - 2) + [f"d{depth}.md"])


def shell_markdown() -> str:
    return f"---\ntitle: {TITLE_MARK}\nhide:\n  - navigation\n  - toc\n---\n\n{BODY_MARK}\n"


@dataclass
class Shell:
    page: str  # the rendered shell page
    url: str  # its own URL, replaced by the real page's URL (canonical link)

    def fill(self, title: str, content: str, url: str) -> str:
        out = self.page.replace(f"<p>{BODY_MARK}</p>", content, 1)
        return out.replace(TITLE_MARK, html.escape(title)).replace(self.url, url)


def mark_catalog_tab(page: str, url: str) -> str:
    """Entry and listing pages belong to 法定主动公开内容: light up its tab, as Material
    does for pages in the nav (the shells are not in the nav)."""
    href = "../" * depth(url) + "catalog/"
    pattern = re.compile(r'<li class="md-tabs__item">(\s*<a href="' + re.escape(href) + '" )')
    return pattern.sub(r'<li class="md-tabs__item md-tabs__item--active">\1', page, count=1)


def depth(url: str) -> int:
    return url.strip("/").count("/") + 1


def templates(override: Path | None) -> jinja2.Environment:
    """Our templates; a site overrides one by putting a file of the same name in
    ``<theme custom_dir>/xxgk/``."""
    dirs = [str(override)] if override and override.is_dir() else []
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader([*dirs, str(TEMPLATES)]),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        auto_reload=False,  # a build loads each template once (no stat per include)
    )


class BodyRenderer:
    """Markdown with the site's own extensions, one instance reused (``reset`` per body)."""

    def __init__(self, extensions: list[Any], configs: dict[str, Any]) -> None:
        self.md = Markdown(extensions=extensions, extension_configs=configs)
        quicken(self.md)  # the same HTML, without inline scans that cannot match

    def __call__(self, text: str) -> str:
        self.md.reset()
        return str(self.md.convert(text))


def human_size(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def write(path: Path, text: str) -> None:
    """A page of the site (MkDocs writes its pages the same way: whole, on every build)."""
    folder = os.path.dirname(path)
    try:
        os.mkdir(folder)  # a page's own folder, new (makedirs would stat its parent first)
    except FileExistsError:
        pass
    except FileNotFoundError:
        os.makedirs(folder, exist_ok=True)
    write_output(path, text.encode("utf-8"))
