"""Pages other parts of the package write for the site: 社会评议 and 回应关切
(``xxgk.voice.pages``). They become generated pages; their links to catalog entries are
the entries this build publishes, so nothing unpublished is linked."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from xxgk.io.frontmatter import parse
from xxgk.model.layout import CONTENT_DIR
from xxgk.model.registry import Registry
from xxgk.site.catalog import Entry
from xxgk.site.inventory import NOTICE_PAGE
from xxgk.trust.index import RecordIndex
from xxgk.trust.pages import page_verdict
from xxgk.trust.verdict import Basis
from xxgk.voice import pages as voice


def configure_voice(config: MkDocsConfig) -> None:
    uris = voice.asset_uris()
    config.extra_css.extend(u for u in uris["css"] if u not in config.extra_css)
    config.extra_javascript.extend(u for u in uris["js"] if u not in config.extra_javascript)


def add_voice(
    files: Files,
    config: MkDocsConfig,
    root: Path,
    registry: Registry,
    entries: list[Entry],
    basis: Basis,
    idx: RecordIndex,
) -> list[tuple[str, str]]:
    """Add the voice pages; those showing record text only with a signed review of exactly the
    text generated (else a notice). Returns (content/… path, why) of every page left out."""
    links = {e.text("索引号"): voice.EntryLink(e.url, e.title) for e in entries}
    made: list[tuple[str, str | bytes]] = []
    left_out: list[tuple[str, str]] = []
    for uri, text in voice.site_pages(root, registry, links):
        if voice.needs_review(uri, text):
            verdict = page_verdict(
                root, parse(text.encode("utf-8"), f"{CONTENT_DIR}/{uri}"), idx, basis, registry
            )
            if not verdict.ok:
                left_out.append((f"{CONTENT_DIR}/{uri}", verdict.reason))
                text = NOTICE_PAGE
        made.append((uri, text))
    made += [(f"{voice.ASSET_DIR_URI}/{p.name}", p.read_bytes()) for p in voice.asset_files()]
    for uri, content in made:
        old = files.get_file_from_path(uri)
        if old is not None:
            files.remove(old)
        # Year pages are reached from their column's page, not from the nav.
        files.append(
            File.generated(config, uri, content=content, inclusion=InclusionLevel.NOT_IN_NAV)
        )
    return left_out
