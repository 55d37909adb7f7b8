"""Listing pages of the catalog: by category, publishing body and year, and all entries;
paginated, each in two orders (newest first / oldest first). Plain data in, HTML out."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import jinja2

from xxgk.site.catalog import Entry, Group

KIND_LABELS = {"category": "按分类", "unit": "按发布机构", "year": "按年份", "all": "全部"}
LIST_ROOT = "catalog/list"


@dataclass
class PageOut:
    url: str
    title: str
    content: str


def list_url(kind: str, key: str, order: str = "desc", page: int = 1) -> str:
    slug = "all" if kind == "all" else f"{kind}-{key}"
    if order == "asc":
        slug += "-asc"
    if page > 1:
        slug += f"-p{page}"
    return f"{LIST_ROOT}/{slug}/"


def kinds_for(groups: dict[str, list[Group]], home: str) -> list[tuple[str, list[Any]]]:
    """(heading, [(label, href, count)]) for the group links shown on catalog pages."""
    out = []
    for kind in ("category", "unit", "year"):
        items = [(g.label, home + list_url(kind, g.key), len(g.entries)) for g in groups[kind]]
        out.append((KIND_LABELS[kind], items))
    return out


def listing_pages(
    groups: dict[str, list[Group]],
    everything: Group,
    env: jinja2.Environment,
    page_size: int,
    apply_url: str,
) -> Iterator[PageOut]:
    home = "../../../"  # listing pages sit three folders deep (catalog/list/<slug>/)
    template = env.get_template("listing.html")
    for group in [everything, *(g for kind in ("category", "unit", "year") for g in groups[kind])]:
        for order in ("desc", "asc"):
            rows = group.entries if order == "desc" else group.entries[::-1]
            pages = max(1, -(-len(rows) // page_size))
            for page in range(1, pages + 1):
                links = _links(group, order, page, pages, home)
                content = template.render(
                    group=group,
                    kind_label=KIND_LABELS[group.kind],
                    page=page,
                    pages=pages,
                    rows=rows[(page - 1) * page_size : page * page_size],
                    total=len(rows),
                    order=order,
                    links=links,
                    home=home,
                    apply_url=apply_url,
                )
                title = group.label if page == 1 else f"{group.label}（第{page}页）"
                yield PageOut(list_url(group.kind, group.key, order, page), title, content)


def _links(group: Group, order: str, page: int, pages: int, home: str) -> dict[str, Any]:
    def href(n: int, o: str = order) -> str:
        return home + list_url(group.kind, group.key, o, n)

    shown = {1, pages, *range(max(1, page - 3), min(pages, page + 3) + 1)}
    numbers: list[tuple[int, str | None]] = []
    for n in sorted(shown):
        if numbers and n - numbers[-1][0] > 1:
            numbers.append((0, None))  # a gap, shown as …
        numbers.append((n, href(n)))
    return {
        "first": href(1),
        "last": href(pages),
        "numbers": numbers,
        "prev": href(page - 1) if page > 1 else None,
        "next": href(page + 1) if page < pages else None,
        "other_order": href(1, "asc" if order == "desc" else "desc"),
    }


def all_group(entries: list[Entry]) -> Group:
    return Group("all", "all", "全部信息", entries)
