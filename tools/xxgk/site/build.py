"""Write the catalog part of the site after MkDocs has written its own pages: entry pages,
listings, the search index. Entry pages are written by worker processes when there are
many (Markdown is the costly part); each worker also indexes the bodies it has just
rendered (``xxgk.search.writer``), while this process writes the listings and indexes the
pages of the columns. The workers then merge the index shard by shard."""

from __future__ import annotations

import hashlib
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import jinja2

from xxgk.io.frontmatter import decode, split
from xxgk.io.parallel import fork_map
from xxgk.model import sanitize
from xxgk.model.registry import Registry
from xxgk.rules.unsafe_markup import locate
from xxgk.search.writer import IndexPlan, SliceResult, SliceWriter
from xxgk.site.catalog import Entry, attachment_problems, groups
from xxgk.site.listings import all_group, listing_pages
from xxgk.site.render import BodyRenderer, Shell, depth, human_size, write
from xxgk.site.searchdata import EntrySink, PageText, finish_index, index_pages, plan_index


@dataclass
class Settings:
    root: Path
    site_dir: Path
    site_url: str
    registry: Registry
    page_size: int
    body_chars: int
    snippet_chars: int
    apply_path: str  # site-relative URL of the guide's 依申请公开 section
    workers: int  # processes writing entry pages (1: this process only)


@dataclass
class Report:
    problems: list[str] = field(default_factory=list)  # "path:line: message", fail the build
    written: list[tuple[str, str]] = field(default_factory=list)  # (url, lastmod)
    timings: dict[str, float] = field(default_factory=dict)
    sizes: dict[str, int] = field(default_factory=dict)


@dataclass
class Job:
    """Everything a worker needs (see ``io.parallel``)."""

    entries: list[Entry]
    s: Settings
    shells: dict[int, Shell]
    env: jinja2.Environment
    render: BodyRenderer
    plan: IndexPlan | None = None  # the search index being built (``build_catalog``)
    sink: Callable[[int, Entry, str], None] | None = None  # gets each entry written, as published


CHANGED = "条目在生成网站的过程中被改动，请重新生成"


def body_of(e: Entry, root: Path) -> tuple[str, int] | None:
    """(body, first line) read again; None when the bytes are not those decided on."""
    raw = (root / e.rel).read_bytes()
    if hashlib.sha256(raw).hexdigest() != e.sha256:
        return None
    text, _ = decode(raw, e.rel)
    _, _, body, line, _ = split(text or "", e.rel)
    return body, line


def write_range(job: Job, start: int, stop: int) -> tuple[list[int], list[str]]:
    """Write entries[start:stop]; (indexes written, problems)."""
    s, template = job.s, job.env.get_template("entry.html")
    done: list[int] = []
    problems: list[str] = []
    for i in range(start, stop):
        e, body = job.entries[i], ""
        if e.has_body:
            found, body = checked_body(job, e)
            if found:
                problems += [f"{e.rel}:{n}: {msg}" for n, msg in found]
                continue  # never written: unsafe content does not reach site/
        home = "../" * depth(e.url)
        content = template.render(
            e=e,
            body=body,
            home=home,
            apply_url=home + s.apply_path,
            attachments=_copy_attachments(e, s),
        )
        write(
            s.site_dir / e.url / "index.html",
            job.shells[depth(e.url)].fill(e.title, content, e.url),
        )
        done.append(i)
        if job.sink is not None:
            job.sink(i, e, body)
    return done, problems


def checked_body(job: Job, e: Entry) -> tuple[list[tuple[int, str]], str]:
    """(problems with their lines, the HTML to publish): the body as the site renders it,
    refused if the sanitizer would change anything (reviewed text is never silently
    altered), published as the sanitizer's output."""
    got = body_of(e, job.s.root)
    found = [(1, CHANGED)]
    html = ""
    if got is not None:
        html = job.render(got[0])
        found = locate(got[0], got[1], sanitize.review(html))
        html = sanitize.clean(html)
    found += [(1, m) for m in attachment_problems(job.s.root, e)]
    return found, html


def _copy_attachments(e: Entry, s: Settings) -> list[tuple[str, str, str]]:
    out = []
    for att in e.attachments:
        target = s.site_dir / e.url / att.target
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(att.source, target)
        out.append((att.name, att.href, _kind(att.target) + human_size(os.path.getsize(target))))
    return out


def _kind(name: str) -> str:
    ext = Path(name).suffix.lstrip(".").upper()
    return f"{ext}，" if ext else ""


def write_listings(
    entries: list[Entry], s: Settings, shell: Shell, env: jinja2.Environment, report: Report
) -> None:
    grouped = groups(entries, s.registry)
    pages = listing_pages(grouped, all_group(entries), env, s.page_size, "../../../" + s.apply_path)
    newest = entries[0].date if entries else ""
    for page in pages:
        write(s.site_dir / page.url / "index.html", shell.fill(page.title, page.content, page.url))
        report.written.append((page.url, newest))


def write_and_index(job: Job, start: int, stop: int) -> tuple[list[int], list[str], SliceResult]:
    """``write_range`` that also indexes each entry it writes (in the worker: the body is
    rendered once, and the postings never pass through the main process)."""
    assert job.plan is not None
    writer = SliceWriter(job.plan, start)
    done, problems = write_range(replace(job, sink=EntrySink(writer, job.s.root)), start, stop)
    return done, problems, writer.close()


def _side_work(job: Job, report: Report, pages: list[PageText], out: list[SliceResult]) -> None:
    """Listings and the pages' part of the index: done here while workers write entry pages."""
    s, entries = job.s, job.entries
    assert job.plan is not None
    mark = time.perf_counter()
    write_listings(entries, s, job.shells[3], job.env, report)
    report.timings["listings"] = time.perf_counter() - mark
    out.append(index_pages(job.plan, len(entries), pages))


def build_catalog(
    job: Job, manifest: dict[str, Any], pages: list[PageText] | None = None
) -> Report:
    report, n, pages = Report(), len(job.entries), pages or []
    start = time.perf_counter()
    s = job.s
    job = replace(job, plan=plan_index(job.entries, s.root, s.site_dir, manifest, s.body_chars))
    assert job.plan is not None
    side: list[SliceResult] = []
    try:
        results = fork_map(
            write_and_index,
            job,
            n,
            s.workers,
            meanwhile=lambda: _side_work(job, report, pages, side),
        )
    except BaseException:
        shutil.rmtree(job.plan.work, ignore_errors=True)
        raise
    for done, problems, _ in results:
        report.problems += problems
        report.written += [(job.entries[i].url, job.entries[i].date) for i in done]
    report.timings["entries"] = (mark := time.perf_counter()) - start
    report.sizes.update(finish_index(job.plan, [r[2] for r in results] + side, manifest, s.workers))
    report.sizes["pages"] = len(pages)
    report.timings["search"] = time.perf_counter() - mark
    return report
