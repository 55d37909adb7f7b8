"""MkDocs plugin ``xxgk``: event hooks only; the work is in the modules beside it.

on_config   registry, theme templates and assets, the Chinese line-join extension
on_files    ask ``xxgk.trust.decision`` what may be published; catalog sources leave the
            MkDocs pipeline; the guide, catalog, search pages and page shells are added
on_page_*   unsafe markup or unreadable front matter in any page fails the build; the text
            of each published page of the columns is kept for the search index
on_post_build  entry pages, listings, search index, feed.xml, sitemap.xml
"""

from __future__ import annotations

import hashlib
import shutil
import time
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from xxgk.io.registry import ConfigError, find_root, load_registry
from xxgk.model.dates import BadToday, today
from xxgk.model.layout import CONTENT_DIR
from xxgk.model.problem import Problem
from xxgk.review.gate_registry import registry_findings
from xxgk.site import checks, extras, inventory, pages, setup
from xxgk.site.build import Job, Settings, build_catalog
from xxgk.site.catalog import Entry
from xxgk.site.config import XxgkConfig
from xxgk.site.feeds import rss, write_sitemaps
from xxgk.site.gather import gather
from xxgk.site.render import SHELL_DIR, BodyRenderer, Shell, depth, mark_catalog_tab, templates
from xxgk.site.searchdata import PageText, column_of, manifest_for, searchable_pages
from xxgk.site.sweep import Sweeper
from xxgk.trust.decision import load_basis
from xxgk.trust.index import cached_index

log = get_plugin_logger(__name__)


class XxgkPlugin(BasePlugin[XxgkConfig]):  # type: ignore[no-untyped-call]
    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.clean_build = not dirty  # a --dirty build keeps site/ as it is

    def on_pre_build(self, config: MkDocsConfig) -> None:
        self.sweeper = Sweeper()  # the previous build's files, deleted while this one works
        if self.config.enabled and getattr(self, "clean_build", False):
            self.sweeper.start(Path(config.site_dir))

    def on_build_error(self, error: Exception) -> None:
        if hasattr(self, "sweeper"):
            self.sweeper.finish()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if not self.config.enabled:
            return config
        try:
            self.root = find_root(Path(config.config_file_path).parent)
            self.registry = load_registry(self.root)
            today()  # a wrong $XXGK_TODAY stops the build here, said in Chinese
        except (ConfigError, BadToday) as exc:
            raise PluginError(f"xxgk：{exc}") from exc
        if Path(config.docs_dir).resolve() != (self.root / CONTENT_DIR).resolve():
            raise PluginError(
                f"xxgk：mkdocs.yml 的 docs_dir 须为 {CONTENT_DIR}：保密审查、合并检查、"
                f"责任追究检查和年度报告都按 {CONTENT_DIR}/ 下的路径工作"
            )
        refuse_registry_text(registry_findings(self.root, self.registry))
        self.basis = load_basis(self.root, self.registry)
        trust = self.basis.trust
        if not trust.usable:
            raise PluginError(f"xxgk：{trust.message}")
        if trust.preview:
            config.extra["xxgk_preview"] = trust.message
        log.info(trust.message)
        if not config.use_directory_urls:  # the page shells assume folder URLs
            raise PluginError(
                "xxgk：mkdocs.yml 须设 use_directory_urls: true（目录页面按文件夹地址生成）"
            )
        setup.configure(config, self.registry)
        extras.configure_voice(config)
        self.env = templates(
            Path(config.theme.custom_dir or "") / "xxgk" if config.theme.custom_dir else None
        )
        self.shells: dict[int, Shell] = {}
        self.started = time.perf_counter()
        return config

    def on_files(self, files: Files, config: MkDocsConfig, **_: Any) -> Files:
        if not self.config.enabled:
            return files
        started = time.perf_counter()
        found = gather(
            self.root,
            self.registry,
            today(),
            0,  # bodies are read again to be indexed
            lambda n: setup.workers(self.config, n),
            self.basis,
        )
        checks.refuse_unreadable(found.unreadable)
        refuse_hazards(cached_index(self.root, self.basis.trust).hazards)
        for rel, reason in sorted(found.notes):
            log.info(f"未发布正文 {rel}：{reason}")
        self.entries: list[Entry] = found.entries
        log.info(
            f"目录条目 {found.total} 条，公开 {len(self.entries)} 条"
            f"（其中 {sum(not e.has_body for e in self.entries)} 条依申请公开只列目录），"
            f"判定用时 {time.perf_counter() - started:.1f} 秒"
        )
        for file in [f for f in files if f.src_uri.startswith("catalog/")]:
            files.remove(file)  # entries and their attachments are written by on_post_build
        idx = cached_index(self.root, self.basis.trust)
        kept = inventory.filter_content(files, config, self.root, self.registry, self.basis, idx)
        for rel, reason in kept.left_out:
            log.info(f"未发布 {rel}：{reason}")
        self.published = kept.published
        for rel, reason in pages.add_generated(files, config, self.registry, self.basis, idx):
            log.info(f"未发布 {rel}：{reason}")
        for rel, reason in extras.add_voice(
            files, config, self.root, self.registry, self.entries, self.basis, idx
        ):
            log.info(f"未发布 {rel}：{reason}")
        self.files = files
        # Published pages of the columns are searchable; their text is kept as rendered.
        self.searchable = searchable_pages(files, self.published, f"{CONTENT_DIR}/")
        self.page_texts: dict[str, PageText] = {}
        version = hashlib.sha1(f"{time.time()}".encode()).hexdigest()[:10]  # cache-busting
        self.manifest = manifest_for(
            self.entries, len(self.searchable), self.registry, version, self.config.snippet_chars
        )
        return files

    def on_page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files, **_: Any
    ) -> str:
        if not self.config.enabled:
            return markdown
        checks.page_markdown(page, markdown)
        if page.file.src_uri == "reports/index.md":
            markdown += setup.reports_list(files, self.published)
        return markdown

    def on_page_content(
        self, html: str, page: Page, config: MkDocsConfig, files: Files, **_: Any
    ) -> str:
        if not self.config.enabled:
            return html
        checks.page_html(page, html)
        uri = page.file.src_uri
        if uri in (pages.CATALOG, pages.SEARCH):
            return setup.generated_content(
                uri, self.entries, self.registry, self.env, self.config.latest, self.manifest
            )
        if uri in self.searchable:
            self.page_texts[uri] = PageText(page.url, page.title or "", column_of(uri) or "", html)
        return html

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        if self.config.enabled and page.file.src_uri.startswith(SHELL_DIR + "/"):
            self.shells[depth(page.url)] = Shell(mark_catalog_tab(output, page.url), page.url)
        return output

    def on_post_build(self, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        site_dir = Path(config.site_dir)
        shutil.rmtree(site_dir / SHELL_DIR, ignore_errors=True)
        settings = self._settings(config)
        render = BodyRenderer(config.markdown_extensions, config.mdx_configs)
        texts = [self.page_texts.get(u) or PageText("", "", "", "") for u in self.searchable]
        report = build_catalog(
            Job(self.entries, settings, self.shells, self.env, render), self.manifest, texts
        )
        if report.problems:
            raise PluginError(
                "内容含不安全的标记或附件有误，已停止生成网站：\n" + "\n".join(report.problems)
            )
        (site_dir / "feed.xml").write_text(
            rss(
                self.entries,
                settings.site_url,
                config.site_name,
                config.site_description or "",
                self.config.feed_size,
            ),
            "utf-8",
        )
        write_sitemaps(site_dir, self._page_dates(config) + report.written, settings.site_url)
        timing = "，".join(f"{k} {v:.1f} 秒" for k, v in report.timings.items())
        log.info(
            f"公开专栏：写入 {len(report.written)} 个目录页面（{timing}），检索索引 {report.sizes}"
        )
        left = self.sweeper.finish()
        if left:
            raise PluginError(f"xxgk：{left}")

    def _settings(self, config: MkDocsConfig) -> Settings:
        return Settings(
            root=self.root,
            site_dir=Path(config.site_dir),
            site_url=setup.site_url(config),
            registry=self.registry,
            page_size=self.config.page_size,
            body_chars=self.config.index_body_chars,
            snippet_chars=self.config.snippet_chars,
            apply_path=setup.APPLY_PATH,
            workers=setup.workers(self.config, len(self.entries)),
        )

    def _page_dates(self, config: MkDocsConfig) -> list[tuple[str, str]]:
        newest = self.entries[0].date if self.entries else today().isoformat()
        return setup.page_dates(self.root, self.files, newest)


def refuse_registry_text(found: list[Problem]) -> None:
    """Text of xxgk.yml shown on every page (footer, names, categories) cannot be withheld page
    by page: a 密级标志 or personal data in it stops the build."""
    if found:
        rows = "\n".join(f"{p.path}:{p.line}:{p.column}: [{p.rule}] {p.message}" for p in found)
        raise PluginError("xxgk：机构登记中会公开的文字有扫描发现，已停止生成网站：\n" + rows)


def refuse_hazards(hazards: list[Problem]) -> None:
    """A record that is a symlink or special file could hide a withdrawal or a changed review:
    nothing is published until it is a plain file again."""
    if hazards:
        rows = "\n".join(f"{p.path}:{p.line}: [{p.rule}] {p.message}" for p in hazards)
        raise PluginError("记录文件夹里有符号链接、特殊文件或异常文件名，已停止生成网站：\n" + rows)
