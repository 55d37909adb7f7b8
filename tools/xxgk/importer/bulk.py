"""``xxgk import DIR``: every saved page and .docx of a folder (a site mirror too), one entry
each, held to the same rules as a single import.

Each file either becomes a whole entry (its files first, the entry last, see
:func:`xxgk.importer.build.write`) or nothing. A file whose 导入来源 is already in the catalog
— imported by an earlier run, or a second copy in the same folder — is skipped, so the command
can be run again after fixing what the report asks for. Column and home pages of a mirror
(lists of links) are skipped and reported. Symlinks and special files are never read.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from xxgk.importer.build import WEB, WORD, convert, write
from xxgk.importer.source import imported_origins
from xxgk.importer.verdict import Verdict, judge
from xxgk.importer.webpage import NotAnArticle
from xxgk.importer.word import ImportError_
from xxgk.io.numbering import taken_numbers
from xxgk.io.safefs import list_files
from xxgk.model.registry import Registry

SUFFIXES = tuple(s for s in (*WEB, *WORD) if s != ".mht")
SUFFIXES = SUFFIXES + tuple(s.upper() for s in SUFFIXES)
FIELDS = ("信息名称", "文件编号", "产生时间", "发布机构", "关键词", "内容描述")

DONE, SEEN, LISTING, HELD, FAILED, WOULD = (
    "已导入",
    "已导入过",
    "栏目页",
    "未写入",
    "读取失败",
    "可导入",
)


@dataclass
class Row:
    """What happened to one file, for the report."""

    file: str  # relative to the folder
    outcome: str  # one of DONE, SEEN, LISTING, HELD, FAILED, WOULD
    entry: str = ""
    index_no: str = ""
    index_how: str = ""  # 保留原索引号 | 新分配
    extractor: str = ""
    values: dict[str, str] = field(default_factory=dict)  # field → value
    origins: dict[str, str] = field(default_factory=dict)  # field → where it was read
    missing: list[str] = field(default_factory=list)
    attention: list[str] = field(default_factory=list)  # what a person has to look at

    @property
    def needs_person(self) -> bool:
        return self.outcome in (HELD, FAILED) or bool(self.attention)


@dataclass
class Options:
    given: dict[str, str]
    defaults: dict[str, str]
    force: bool = False
    dry_run: bool = False


def files_of(folder: Path) -> tuple[list[Path], list[Row]]:
    """Pages and documents under ``folder`` (not the resources folders browsers save beside a
    page), and a row for each file that is refused."""
    found, problems = list_files(folder, "", SUFFIXES)
    rows = [Row(p.path, FAILED, attention=[p.message]) for p in problems]
    keep = [
        f
        for f in found
        if not any(part.endswith(("_files", ".files")) for part in f.relative_to(folder).parts[:-1])
    ]
    return keep, rows


def import_folder(
    root: Path,
    folder: Path,
    registry: Registry,
    options: Options,
    progress: Callable[[int, int, Row], None],
) -> list[Row]:
    files, rows = files_of(folder)
    origins = imported_origins(root)
    taken = taken_numbers(root)
    for n, path in enumerate(files, 1):
        row = one(root, folder, path, registry, options, origins, taken)
        rows.append(row)
        progress(n, len(files), row)
    return rows


def one(
    root: Path,
    folder: Path,
    path: Path,
    registry: Registry,
    options: Options,
    origins: dict[str, str],
    taken: set[str],
) -> Row:
    name = path.relative_to(folder).as_posix()
    try:
        imported = convert(path, registry)
    except NotAnArticle:
        return Row(name, LISTING, attention=[])
    except ImportError_ as exc:
        return Row(name, FAILED, attention=[str(exc)])
    if imported.origin in origins:
        return Row(name, SEEN, entry=origins[imported.origin], extractor=imported.extractor)
    verdict = judge(root, registry, imported, options.given, options.defaults, taken)
    row = _row(name, imported.extractor, verdict)
    for key in row.values:
        guess = imported.reading.fields.get(key)
        row.origins[key] = "选项" if key in options.given else guess.origin if guess else "默认值"
    row.attention += imported.reading.notes + imported.warnings + imported.assets.missing
    row.attention += [
        f"{p.rule} {p.message}"
        for p in verdict.problems
        if p.rule not in ("CAT-REQUIRED", "CAT-INDEX-MISSING") or not row.missing
    ]
    row.attention += verdict.secret
    if verdict.errors or (verdict.secret and not options.force):
        row.outcome = HELD
        return row
    row.entry = verdict.rel
    if options.dry_run:
        row.outcome = WOULD
    else:
        try:
            write(imported, verdict.target, verdict.text)
        except (FileExistsError, OSError) as exc:
            row.outcome, row.entry = HELD, ""
            row.attention.append(f"写入失败（{exc}），没有留下半个条目")
            return row
        row.outcome = DONE
    origins[imported.origin] = verdict.rel
    taken.add(str(verdict.meta["索引号"]))
    return row


def _row(name: str, extractor: str, verdict: Verdict) -> Row:
    meta = verdict.meta
    number = str(meta.get("索引号", ""))
    row = Row(name, HELD, "", number, extractor=extractor)
    row.index_how = ("保留原索引号" if verdict.kept_index else "新分配") if number else ""
    for key in FIELDS:
        value = meta.get(key)
        if isinstance(value, str) and value:
            row.values[key] = value
    row.missing = verdict.missing
    return row
