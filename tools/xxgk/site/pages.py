"""The generated pages that go through MkDocs itself (they are few and sit in the nav):
the guide, the 在线申请 form, the catalog's front page, the search page and the page shells."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from xxgk.intake.form import PAGE as APPLY
from xxgk.intake.form import page_markdown as apply_markdown
from xxgk.io.registry import find_root
from xxgk.model.registry import Registry
from xxgk.site.guide import guide_markdown
from xxgk.site.render import SHELL_DIR, shell_markdown, shell_uri

GUIDE = "guide/index.md"
CATALOG = "catalog/index.md"
SEARCH = "search/index.md"
APPLY_JS = "assets/xxgk/apply.js"  # the form's checks and receipt (theme asset, every page)
SHELL_DEPTHS = (2, 3)  # entries: catalog/<id>/ · listings: catalog/list/<slug>/


def placeholder(title: str) -> str:
    # Content is put in by the plugin's on_page_content; the title names the page.
    return f"---\ntitle: {title}\nhide:\n  - navigation\n  - toc\n---\n"


def add_generated(files: Files, config: MkDocsConfig, registry: Registry) -> None:
    if APPLY_JS not in config.extra_javascript:
        config.extra_javascript.append(APPLY_JS)
    root = find_root(Path(config.config_file_path).parent)
    made = {
        GUIDE: guide_markdown(registry),
        APPLY: apply_markdown(root, registry),
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
