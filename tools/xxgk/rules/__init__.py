"""The catalog rules, one module each; this list is the registry of rules.

Each module has ``RULE`` (id, basis, summary, severity) and ``check(doc, ctx)``; its
docstring is the rule's documentation (``xxgk rules`` prints the table for the README).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from types import ModuleType

from xxgk.io.frontmatter import Document
from xxgk.io.schema import Schema
from xxgk.model.problem import Problem, Severity
from xxgk.rules import (
    attachment,
    category,
    date_format,
    date_future,
    department,
    docno_format,
    docno_year,
    index_duplicate,
    index_format,
    index_missing,
    index_year,
    keyword_len,
    keyword_sep,
    page_residue,
    publisher,
    schema_fields,
    term_end,
    title_abbrev,
    title_repeated,
    unsafe_markup,
)
from xxgk.rules.base import Context, Rule

ENTRY_RULES: tuple[ModuleType, ...] = (
    keyword_sep,
    keyword_len,
    date_format,
    date_future,
    category,
    term_end,
    publisher,
    department,
    title_abbrev,
    title_repeated,
    page_residue,
    docno_format,
    docno_year,
    index_missing,
    index_format,
    index_year,
    index_duplicate,
    attachment,
    unsafe_markup,
)

# Input hazards found while reading a file (xxgk.io.frontmatter / yamlsafe).
INPUT_RULES = (
    Rule(
        "FILE-KIND",
        "",
        "条目、记录和附件是普通文件：不是符号链接、管道或设备，文件名没有反斜杠、控制字符或“..”，大小在上限内",
    ),
    Rule("FM-ENCODING", "", "文件是 UTF-8 编码（GBK 请另存为 UTF-8）；可带 BOM，可用 CRLF 换行"),
    Rule("FM-MISSING", "", "文件以“---”开头的元数据块开始"),
    Rule("FM-UNCLOSED", "", "元数据块以另一行“---”结束"),
    Rule("FM-SYNTAX", "", "元数据是合法的 YAML（冒号、引号、缩进）"),
    Rule("FM-TAB", "", "元数据中不用制表符"),
    Rule("FM-DUPLICATE-KEY", "", "同一字段不出现两次"),
    Rule("FM-TAG", "", "不用 YAML 类型标记（!!binary 等）"),
    Rule("FM-ANCHOR", "", "不用 YAML 锚点和引用（&、*）"),
    Rule("FM-IMPLICIT", "", "会被一般 YAML 工具改变的值（010、NO、1:20）加引号", Severity.WARNING),
)


def all_rules() -> list[Rule]:
    return [*INPUT_RULES, *schema_fields.RULES, *(m.RULE for m in ENTRY_RULES)]


def check_entry(doc: Document, ctx: Context, root: Path) -> list[Problem]:
    """Every problem of one catalog entry (its reading problems included)."""
    return _check(doc, ctx, schema_fields.entry_schema(root))


def _check(doc: Document, ctx: Context, schema: Schema) -> list[Problem]:
    """Validate first; every rule then reads the validated copy (fields that failed the
    schema marked), so no rule depends on another having run before it."""
    problems = list(doc.problems)
    if not doc.parsed:
        return problems
    found, invalid = schema_fields.check(doc, schema)
    problems.extend(found)
    valid = replace(doc, invalid=set(doc.invalid | invalid))
    for module in ENTRY_RULES:
        problems.extend(module.check(valid, ctx))
    return problems


def check_entries(docs: Iterable[Document], ctx: Context, root: Path) -> list[Problem]:
    schema = schema_fields.entry_schema(root)  # once, not once per entry
    found: list[Problem] = []
    for doc in docs:
        found.extend(_check(doc, ctx, schema))
    return found
