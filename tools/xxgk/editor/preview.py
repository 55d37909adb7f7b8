"""The reviewer's preview of a pull request: each changed entry as one HTML page.

Unreviewed entries never reach the site (the one publish decision withholds them), so the
PR job renders them here instead, for the reviewer only: the metadata table in the order of
the site, the body through the site's sanitizer, the attachments by name, and on every page
a banner saying it is not reviewed and not to be published. It is a CI artifact, never site/.
"""

from __future__ import annotations

import html
from pathlib import Path

from markdown import Markdown

from xxgk.io.atomic import write_atomic
from xxgk.io.frontmatter import Document, read
from xxgk.model.entry import FIELD_ORDER, file_stem
from xxgk.model.sanitize import clean

BANNER = "审阅预览：本页尚未经保密审查，仅供合并请求的审查人员查看，不得对外发布。"
_STYLE = (
    "body{font:16px/1.7 'Noto Serif CJK SC',serif;max-width:60em;margin:2em auto;padding:0 1em}"
    ".banner{background:#fff3cd;border:2px solid #b45309;padding:.6em 1em;font-weight:bold}"
    "table{border-collapse:collapse}th,td{border:1px solid #999;padding:.3em .6em;text-align:left}"
)


def _cell(value: object) -> str:
    if isinstance(value, list):
        return "<br>".join(
            html.escape(str(v.get("名称", v)) if isinstance(v, dict) else str(v)) for v in value
        )
    return html.escape(str(value))


def page(doc: Document) -> str:
    rows = "".join(
        f"<tr><th>{html.escape(k)}</th><td>{_cell(doc.meta[k])}</td></tr>"
        for k in FIELD_ORDER
        if doc.meta.get(k) not in (None, "", [])
    )
    body = clean(Markdown(extensions=["tables", "sane_lists"]).convert(doc.body))
    title = html.escape(str(doc.get("信息名称") or doc.rel))
    return (
        f'<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>{title}</title>'
        f'<meta name="robots" content="noindex"><style>{_STYLE}</style></head><body>'
        f'<p class="banner" role="note">{BANNER}</p><h1>{title}</h1>'
        f"<p>文件：<code>{html.escape(doc.rel)}</code></p><table>{rows}</table>"
        f"<hr>{body}</body></html>\n"
    )


def write_previews(root: Path, rels: list[str], out: Path) -> list[Path]:
    written = []
    links = []
    for rel in rels:
        doc = read(root / rel, rel)
        name = file_stem(str(doc.get("索引号") or Path(rel).stem)) + ".html"
        write_atomic(out / name, page(doc))
        written.append(out / name)
        label = html.escape(str(doc.get("信息名称") or rel))
        links.append(f'<li><a href="{html.escape(name)}">{label}</a></li>')
    index = (
        f'<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>审阅预览</title>'
        f'<style>{_STYLE}</style></head><body><p class="banner">{BANNER}</p>'
        f"<h1>本合并请求改动的条目</h1><ul>{''.join(links) or '<li>没有改动条目</li>'}</ul>"
        "</body></html>\n"
    )
    write_atomic(out / "index.html", index)
    return written
