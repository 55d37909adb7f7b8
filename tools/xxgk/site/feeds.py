"""feed.xml (RSS 2.0) of the newest entries and sitemap.xml with real dates.

MkDocs' own sitemap stamps every page with the build date; ours gives an entry its 产生时间
and any other page the date of the last commit that touched its source.
"""

from __future__ import annotations

import datetime as dt
import gzip
from pathlib import Path
from xml.sax.saxutils import escape

from xxgk.io.git import git
from xxgk.io.registry import ConfigError
from xxgk.site.catalog import Entry


def rss(entries: list[Entry], site_url: str, title: str, description: str, limit: int) -> str:
    """Titles and descriptions as plain text (``plain``), escaped once for XML."""
    items = []
    for e in entries[:limit]:
        link = escape(site_url + e.url)
        items.append(
            f"<item><title>{_text(e.title)}</title><link>{link}</link>"
            f'<guid isPermaLink="true">{link}</guid><pubDate>{_rfc822(e.date)}</pubDate>'
            f"<category>{_text(e.text('分类'))}</category>"
            f"<description>{_text(e.text('内容描述'))}</description></item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
        f"<title>{_text(title)}</title><link>{escape(site_url)}</link>"
        f"<description>{_text(description)}</description><language>zh-CN</language>"
        + "".join(items)
        + "</channel></rss>\n"
    )


# Feed readers render <description> (and often <title>) as HTML once the XML is decoded:
# "<", ">" and "&" would be markup or entities there, so they become their full-width forms,
# which read the same in Chinese text. Control characters are not allowed in XML 1.0.
_PLAIN = str.maketrans(
    {"<": "＜", ">": "＞", "&": "＆"} | {c: " " for c in range(32)} | {0x7F: " "}
)


def plain(text: str) -> str:
    """Text that no reader can take for HTML: no tag, no entity, no control character."""
    return " ".join(text.translate(_PLAIN).split())


def _text(text: str) -> str:
    return escape(plain(text))


def _rfc822(date: str) -> str:
    d = dt.date.fromisoformat(date)
    days = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
    months = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
    return f"{days[d.weekday()]}, {d.day:02d} {months[d.month - 1]} {d.year} 00:00:00 +0800"


SITEMAP_LIMIT = 50000  # URLs per file, as the sitemap protocol allows


def sitemap(urls: list[tuple[str, str]], site_url: str) -> str:
    """``urls``: (site-relative URL, yyyy-mm-dd or "")."""
    rows = []
    for url, date in urls:
        last = f"<lastmod>{date}</lastmod>" if date else ""
        rows.append(f"<url><loc>{escape(site_url + url)}</loc>{last}</url>")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        + "\n".join(rows)
        + "\n</urlset>\n"
    )


def write_sitemaps(site_dir: Path, urls: list[tuple[str, str]], site_url: str) -> None:
    """sitemap.xml; past 50,000 URLs it becomes an index of sitemap-1.xml, sitemap-2.xml…"""
    if len(urls) <= SITEMAP_LIMIT:
        _write(site_dir, "sitemap.xml", sitemap(urls, site_url))
        return
    parts = []
    for n, start in enumerate(range(0, len(urls), SITEMAP_LIMIT), start=1):
        chunk = urls[start : start + SITEMAP_LIMIT]
        _write(site_dir, f"sitemap-{n}.xml", sitemap(chunk, site_url))
        newest = max((d for _, d in chunk if d), default="")
        last = f"<lastmod>{newest}</lastmod>" if newest else ""
        parts.append(f"<sitemap><loc>{escape(site_url)}sitemap-{n}.xml</loc>{last}</sitemap>")
    _write(
        site_dir,
        "sitemap.xml",
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        + "\n".join(parts)
        + "\n</sitemapindex>\n",
    )


def _write(site_dir: Path, name: str, text: str) -> None:
    (site_dir / name).write_text(text, "utf-8")
    # mtime=0: the same site gives the same bytes (MkDocs writes sitemap.xml.gz too).
    (site_dir / f"{name}.gz").write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))


def commit_dates(root: Path, paths: list[str]) -> dict[str, str]:
    """Date of the last commit of each path (one ``git log`` call); {} outside a repository."""
    wanted = set(paths)
    found: dict[str, str] = {}
    try:
        out = git(root, "log", "-z", "--format=%x01%cs", "--name-only", "--", *sorted(wanted))
    except ConfigError:
        return found
    date = ""
    for part in out.split("\0"):
        for token in part.split("\n"):
            if token.startswith("\x01"):
                date = token[1:]
            elif token in wanted and token not in found:
                found[token] = date
    return found
