"""From a file to a catalog entry: convert, guess, assemble the front matter, place, write.

Staff's options always win over guesses. Fields the document cannot tell (分类, 责任部门 …)
come only from options or from the same defaults ``xxgk new`` uses.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from xxgk.importer.assets import FOLDER, Assets, web_resolver, word_resolver
from xxgk.importer.blocks import Block
from xxgk.importer.guess import read
from xxgk.importer.reading import Guess, Reading
from xxgk.importer.source import ORIGIN, file_origin
from xxgk.importer.walk import walk
from xxgk.importer.webpage import read_page
from xxgk.importer.word import ImportError_, docx_html
from xxgk.io.atomic import write_atomic
from xxgk.io.catalog import CATALOG_DIR
from xxgk.io.numbering import index_values, next_number, taken_numbers
from xxgk.model.dates import parse_date
from xxgk.model.entry import file_stem, front_matter
from xxgk.model.registry import Registry

WORD = (".docx",)
WEB = (".html", ".htm", ".shtml", ".xhtml", ".mht")


@dataclass
class Imported:
    source: Path
    kind: str  # "Word 文档" | "网页"
    reading: Reading
    assets: Assets
    warnings: list[str] = field(default_factory=list)
    extractor: str = ""  # how a web page's article was found
    origin: str = ""  # 导入来源: the page's address, else the file's SHA-256


def convert(path: Path, registry: Registry) -> Imported:
    """Read a .docx or a saved web page; raises ImportError_ with a Chinese message."""
    suffix = path.suffix.lower()
    assets = Assets()
    if suffix in WORD:
        html, warnings = docx_html(path, assets)
        blocks, kind = walk(html, word_resolver(assets)), "Word 文档"
        reading, extractor, url = read(blocks, {}, registry), "", ""
    elif suffix in WEB and suffix != ".mht":
        page = read_page(path)
        blocks, warnings, kind = walk(page.article, web_resolver(assets, path.parent)), [], "网页"
        reading, extractor, url = (
            read(blocks, page.stated, registry, web=True),
            page.extractor,
            page.url,
        )
    else:
        raise ImportError_(
            f"{path}：只能导入 .docx（Word）和 .html/.htm（网页）文件；"
            ".doc、.wps、.mht 请先另存为 .docx 或“网页，仅 HTML”"
        )
    if not any(b.text or b.kind == "image" for b in blocks):
        raise ImportError_(f"{path}：文件里没有读到任何正文")
    return Imported(path, kind, reading, assets, warnings, extractor, url or file_origin(path))


def body_markdown(blocks: list[Block]) -> str:
    return "\n\n".join(b.md for b in blocks if b.md.strip()) + "\n"


def attachments(imported: Imported) -> list[dict[str, str]]:
    """The 附件 field: attached files, named as the 附件说明 lists them when it does, then the
    pictures of the body — listed too, so that the secrecy review covers their bytes and the
    site publishes them with the entry."""
    files = [a for a in imported.assets.items if a.attachment]
    listed = imported.reading.listed
    out = []
    for n, asset in enumerate(files):
        name = asset.label if asset.label and asset.label != asset.name else Path(asset.name).stem
        if not name.startswith("附件") and len(files) == len(listed):
            name = f"附件{n + 1} {listed[n]}"
        out.append({"名称": name, "文件": f"{FOLDER}/{asset.name}"})
    pictures = [a for a in imported.assets.items if not a.attachment]
    for n, asset in enumerate(pictures, 1):
        name = f"正文插图{n}" + (f" {asset.label}" if asset.label else "")
        out.append({"名称": name, "文件": f"{FOLDER}/{asset.name}"})
    return out


def assemble(
    imported: Imported, given: dict[str, str], defaults: dict[str, str]
) -> dict[str, object]:
    """Front matter: options, then guesses, then defaults (in the FIELD_ORDER of entries)."""
    guessed: dict[str, Guess] = imported.reading.fields
    meta: dict[str, object] = {}
    for key in {**defaults, **{k: "" for k in guessed}, **given}:
        value = (
            given.get(key)
            or (guessed[key].value if key in guessed else "")
            or defaults.get(key, "")
        )
        if value:
            meta[key] = value
    if imported.reading.joint and "联合发文机关" not in meta:
        meta["联合发文机关"] = imported.reading.joint
    files = attachments(imported)
    if files:
        meta["附件"] = files
    if imported.origin:
        meta[ORIGIN] = imported.origin
    return meta


def _kept(old: str, registry: Registry, taken: set[str], values: dict[str, str]) -> str:
    """The 索引号 a page already carried, when it fits this series and is free: an index number
    is never changed once given (政府信息公开目录系统实施指引)."""
    fmt = registry.index_format
    parsed = fmt.parse(old) if old else None
    if parsed and old not in taken and fmt.series(parsed) == fmt.series(values):
        return old
    return ""


def place(
    root: Path,
    meta: dict[str, object],
    registry: Registry,
    old: str = "",
    taken: set[str] | None = None,
) -> tuple[str, Path]:
    """(索引号, entry path); no 索引号 while publisher, category or date are not usable.
    ``old``: the 索引号 the source already showed, kept when it fits. ``taken``: the numbers in
    use, when the caller keeps them (a folder import adds each one it gives)."""
    created = parse_date(meta.get("产生时间"))
    publisher, category = str(meta.get("发布机构", "")), str(meta.get("分类", ""))
    number = ""
    if created and registry.unit(publisher) and registry.category(category):
        values = index_values(registry, publisher, category, created.year)
        used = taken_numbers(root) if taken is None else taken
        number = _kept(old, registry, used, values) or next_number(registry, used, values)
    folder = root / CATALOG_DIR / (str(created.year) if created else "未定")
    return number, folder / f"{file_stem(number or 'new')}.md"


def entry_text(imported: Imported, meta: dict[str, object], target: Path) -> str:
    folder = target.stem + ".files"
    text = front_matter(meta) + "\n" + body_markdown(imported.reading.body)
    return text.replace(FOLDER, folder)


def write(imported: Imported, target: Path, text: str) -> None:
    """Files first, the entry last (a reader never sees an entry whose images are missing).

    Nothing existing is replaced: an existing folder or entry stops the import.
    """
    folder = target.with_name(target.stem + ".files")
    if target.exists():
        raise FileExistsError(target)
    made = False
    try:
        if imported.assets.items:
            target.parent.mkdir(parents=True, exist_ok=True)
            folder.mkdir()
            made = True
        for asset in imported.assets.items:
            write_atomic(folder / asset.name, asset.data, exclusive=True)
        write_atomic(target, text, exclusive=True)
    except BaseException:
        if made:
            shutil.rmtree(folder, ignore_errors=True)
        raise


def display(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return os.fspath(path)
