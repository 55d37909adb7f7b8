"""Write the catalog part of the site after MkDocs has written its own pages: entry pages,
listings, the search index, feed.xml and sitemap.xml. Pages are streamed one at a time, so
memory does not grow with the bodies of 100,000 entries."""

from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from xxgk.model.registry import Registry
from xxgk.site import feeds, safety
from xxgk.site.catalog import Entry, attachment_problems, groups
from xxgk.site.listings import all_group, listing_pages
from xxgk.site.render import BodyRenderer, Shell, depth, human_size, write
from xxgk.site.searchdata import write_index


@dataclass
class Settings:
    root: Path
    site_dir: Path
    site_url: str
    registry: Registry
    page_size: int
    feed_size: int
    body_chars: int
    snippet_chars: int
    apply_path: str  # site-relative URL of the guide's 依申请公开 section


@dataclass
class Report:
    problems: list[str] = field(default_factory=list)  # "path:line: message", fail the build
    written: list[tuple[str, str]] = field(default_factory=list)  # (url, lastmod)
    timings: dict[str, float] = field(default_factory=dict)
    sizes: dict[str, int] = field(default_factory=dict)


def write_entries(entries: list[Entry], s: Settings, shells: dict[int, Shell],
                  env: jinja2.Environment, render: BodyRenderer, report: Report) -> list[Entry]:
    """Write each entry page; returns those written (an unsafe one is not)."""
    template = env.get_template("entry.html")
    done: list[Entry] = []
    for e in entries:
        body = ""
        if e.has_body:
            body = render(e.doc.body)
            found = safety.problems(e.doc.body, e.doc.body_line, body)
            found += [(1, m) for m in attachment_problems(s.root, e)]
            if found:
                report.problems += [f"{e.doc.rel}:{line}: {msg}" for line, msg in found]
                continue  # never written: unsafe content does not reach site/
        home = "../" * depth(e.url)
        content = template.render(e=e, body=body, home=home, apply_url=home + s.apply_path,
                                  attachments=_copy_attachments(e, s))
        write(s.site_dir / e.url / "index.html", shells[depth(e.url)].fill(e.title, content, e.url))
        report.written.append((e.url, e.date))
        done.append(e)
    return done


def _copy_attachments(e: Entry, s: Settings) -> list[tuple[str, str, str]]:
    out = []
    for att in e.attachments:
        target = s.site_dir / e.url / att.target
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(att.source, target)
        out.append((att.name, att.target, _kind(att.target) + human_size(os.path.getsize(target))))
    return out


def _kind(name: str) -> str:
    ext = Path(name).suffix.lstrip(".").upper()
    return f"{ext}，" if ext else ""


def write_listings(entries: list[Entry], s: Settings, shell: Shell, env: jinja2.Environment,
                   report: Report) -> None:
    grouped = groups(entries, s.registry)
    pages = listing_pages(grouped, all_group(entries), env, s.page_size, "../../../" + s.apply_path)
    newest = entries[0].date if entries else ""
    for page in pages:
        write(s.site_dir / page.url / "index.html", shell.fill(page.title, page.content, page.url))
        report.written.append((page.url, newest))


def build_catalog(entries: list[Entry], s: Settings, shells: dict[int, Shell],
                  env: jinja2.Environment, render: BodyRenderer, version: str) -> Report:
    report = Report()
    start = time.perf_counter()
    entries = write_entries(entries, s, shells, env, render, report)
    report.timings["entries"] = (mark := time.perf_counter()) - start
    write_listings(entries, s, shells[3], env, report)
    report.timings["listings"] = (start := time.perf_counter()) - mark
    report.sizes.update(write_index(
        entries, s.site_dir, version, s.body_chars, s.snippet_chars,
        [c.name for c in s.registry.categories], [u.name for u in s.registry.units]))
    report.timings["search"] = time.perf_counter() - start
    return report
