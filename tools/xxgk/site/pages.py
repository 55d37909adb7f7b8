"""The generated pages that go through MkDocs itself (they are few and sit in the nav):
the guide, the 在线申请 form, the catalog's front page, the search page and the page shells.

The guide and the 在线申请 page are made from xxgk.yml: like a page of content/, each is
published only with a signed review of exactly the text generated (``site.registry_pages``);
otherwise the "暂不公开" notice takes its place and the build log names it."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from xxgk.io.frontmatter import parse
from xxgk.io.registry import find_root
from xxgk.model.layout import CONTENT_DIR
from xxgk.model.registry import Registry
from xxgk.site.inventory import NOTICE_PAGE
from xxgk.site.registry_pages import GUIDE as GUIDE  # setup.py dates the guide by xxgk.yml
from xxgk.site.registry_pages import registry_pages
from xxgk.site.render import SHELL_DIR, shell_markdown, shell_uri
from xxgk.trust.index import RecordIndex
from xxgk.trust.pages import page_verdict
from xxgk.trust.verdict import Basis

CATALOG = "catalog/index.md"
SEARCH = "search/index.md"
APPLY_JS = "assets/xxgk/apply.js"  # the form's checks and receipt (theme asset, every page)
SHELL_DEPTHS = (2, 3)  # entries: catalog/<id>/ · listings: catalog/list/<slug>/


def placeholder(title: str) -> str:
    # Content is put in by the plugin's on_page_content; the title names the page.
    return f"---\ntitle: {title}\nhide:\n  - navigation\n  - toc\n---\n"


def reviewed(
    root: Path, registry: Registry, basis: Basis, idx: RecordIndex, left_out: list[tuple[str, str]]
) -> dict[str, str]:
    """The pages made from xxgk.yml, each replaced by the notice unless a signed review covers
    its text; (content/… path, why) of each replaced one goes to ``left_out``."""
    out = {}
    for uri, text in registry_pages(root, registry).items():
        rel = f"{CONTENT_DIR}/{uri}"
        verdict = page_verdict(root, parse(text.encode("utf-8"), rel), idx, basis, registry)
        if not verdict.ok:
            left_out.append((rel, f"由 xxgk.yml 生成的页面未经保密审查：{verdict.reason}"))
            text = NOTICE_PAGE
        out[uri] = text
    return out


def add_generated(
    files: Files, config: MkDocsConfig, registry: Registry, basis: Basis, idx: RecordIndex
) -> list[tuple[str, str]]:
    """Add the generated pages; returns (content/… path, why) of each withheld one."""
    if APPLY_JS not in config.extra_javascript:
        config.extra_javascript.append(APPLY_JS)
    root = find_root(Path(config.config_file_path).parent)
    left_out: list[tuple[str, str]] = []
    made = {
        **reviewed(root, registry, basis, idx, left_out),
        CATALOG: placeholder("法定主动公开内容"),
        SEARCH: placeholder("信息检索"),
        **{shell_uri(d): shell_markdown() for d in SHELL_DEPTHS},
    }
    for uri, text in made.items():
        old = files.get_file_from_path(uri)
        if old is not None:  # a hand-written page of the same name gives way to the generated
            files.remove(old)
        # Shells are scaffolding, not pages: no "not in the nav" note in the build log.
        quiet = InclusionLevel.NOT_IN_NAV if uri.startswith(SHELL_DIR) else InclusionLevel.UNDEFINED
        files.append(File.generated(config, uri, content=text, inclusion=quiet))
    return left_out
