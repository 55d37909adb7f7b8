"""What the plugin sets up around MkDocs: theme templates and assets, the Markdown
extension, site address, and the content of the generated catalog and search pages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from xxgk.io.frontmatter import parse
from xxgk.io.parallel import cpus
from xxgk.model.layout import CONTENT_DIR
from xxgk.model.registry import Registry
from xxgk.site import pages
from xxgk.site.catalog import Entry, groups
from xxgk.site.cjk import CjkLineJoin
from xxgk.site.config import XxgkConfig
from xxgk.site.feeds import commit_dates
from xxgk.site.guide import APPLY_ANCHOR
from xxgk.site.listings import kinds_for, list_url
from xxgk.site.searchdata import manifest_script

THEME = Path(__file__).parent / "theme"
APPLY_PATH = f"guide/#{APPLY_ANCHOR}"
CSS = ("assets/xxgk/xxgk.css", "assets/xxgk/print.css", "assets/xxgk/apply.css")


def configure(config: MkDocsConfig, registry: Registry) -> None:
    dirs = config.theme.dirs
    # After the site's own custom_dir (so a site can still override us), before Material.
    dirs.insert(1 if config.theme.custom_dir else 0, str(THEME))
    # MkDocs passes extension instances through to Markdown; its type says only names.
    config.markdown_extensions.append(CjkLineJoin())  # type: ignore[arg-type]
    for css in CSS:
        if css not in config.extra_css:
            config.extra_css.append(css)
    config.extra["generator"] = False
    config.extra["xxgk_site"] = dict(registry.site)
    if not config.site_url and registry.site.get("网址"):
        config.site_url = str(registry.site["网址"]).rstrip("/") + "/"


def site_url(config: MkDocsConfig) -> str:
    return (config.site_url or "/").rstrip("/") + "/"


def reports_list(files: Files, published: list[str]) -> str:
    """The 年报 index lists every other published page in content/reports/, newest name first."""
    found = sorted(
        (
            f
            for f in files
            if f.src_uri.startswith("reports/")
            and f.is_documentation_page()
            and f.src_uri != "reports/index.md"
            and f"{CONTENT_DIR}/{f.src_uri}" in published
        ),
        key=lambda f: f.src_uri,
        reverse=True,
    )
    if not found:
        return "\n\n暂无已发布的年度报告。\n"
    lines = [f"- [{_title(f.abs_src_path, f.name)}]({Path(f.src_uri).name})" for f in found]
    return "\n\n## 历年报告\n\n" + "\n".join(lines) + "\n"


def _title(path: str | None, fallback: str) -> str:
    if not path:
        return fallback
    doc = parse(Path(path).read_bytes(), path)
    title = doc.meta.get("title") if doc.parsed else None
    if isinstance(title, str):
        return title
    for line in doc.body.split("\n"):
        if line.startswith("# "):
            return line[2:].strip()
    return fallback


def generated_content(
    uri: str,
    entries: list[Entry],
    registry: Registry,
    env: jinja2.Environment,
    latest: int,
    manifest: dict[str, Any],
) -> str:
    home = "../"  # both generated pages sit one folder deep
    apply_url = home + APPLY_PATH
    if uri == pages.SEARCH:
        return env.get_template("search.html").render(home=home, manifest=manifest_script(manifest))
    kinds = kinds_for(groups(entries, registry), home)
    return env.get_template("catalog.html").render(
        kinds=kinds,
        rows=entries[:latest],
        total=len(entries),
        home=home,
        apply_url=apply_url,
        links_all=home + list_url("all", "all"),
    )


def page_dates(root: Path, files: Files, newest: str) -> list[tuple[str, str]]:
    """(URL, date of the last commit of its source) for the pages MkDocs wrote; generated
    pages take the registry's date (the guide) or the newest entry's (catalog, search)."""
    docs = [f for f in files if f.is_documentation_page() and not f.src_uri.startswith("_")]
    rels = {
        f.url: Path(f.abs_src_path).resolve().relative_to(root.resolve()).as_posix()
        for f in docs
        if f.abs_src_path
    }
    dates = commit_dates(root, [*rels.values(), "xxgk.yml"])
    out = []
    for f in docs:
        if f.url in rels:
            out.append((f.url, dates.get(rels[f.url], newest)))
        else:
            out.append(
                (f.url, dates.get("xxgk.yml", newest) if f.src_uri == pages.GUIDE else newest)
            )
    return out


def workers(cfg: XxgkConfig, entries: int) -> int:
    """Processes for entry pages: one below ``parallel_min`` entries (forking costs more
    than it saves), else ``workers`` or every CPU."""
    if entries < cfg.parallel_min:
        return 1
    return cfg.workers or cpus()
