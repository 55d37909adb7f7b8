"""Pages other parts of the package write for the site: 社会评议 and 回应关切
(``xxgk.voice.pages``). They become generated pages; their links to catalog entries are
the entries this build publishes, so nothing unpublished is linked."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from xxgk.model.registry import Registry
from xxgk.site.catalog import Entry
from xxgk.voice import pages as voice


def configure_voice(config: MkDocsConfig) -> None:
    uris = voice.asset_uris()
    config.extra_css.extend(u for u in uris["css"] if u not in config.extra_css)
    config.extra_javascript.extend(u for u in uris["js"] if u not in config.extra_javascript)


def add_voice(files: Files, config: MkDocsConfig, root: Path, registry: Registry,
              entries: list[Entry]) -> None:
    links = {e.text("索引号"): voice.EntryLink(e.url, e.title) for e in entries}
    made = [(uri, text) for uri, text in voice.site_pages(root, registry, links)]
    made += [(f"{voice.ASSET_DIR_URI}/{p.name}", p.read_bytes()) for p in voice.asset_files()]
    for uri, content in made:
        old = files.get_file_from_path(uri)
        if old is not None:
            files.remove(old)
        # Year pages are reached from their column's page, not from the nav.
        files.append(File.generated(config, uri, content=content, inclusion=InclusionLevel.NOT_IN_NAV))
