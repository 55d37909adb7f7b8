"""``xxgk check [PATH...]``: every problem of the given files (default: the whole repository)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from xxgk.cli._records import record_problems
from xxgk.cli.output import FORMATS, exit_code, report
from xxgk.io.catalog import (
    entry_paths,
    index_numbers,
    is_entry,
    load_entries,
    quick_index_numbers,
    rel,
)
from xxgk.io.registry import check_registry
from xxgk.model.dates import today
from xxgk.model.problem import Problem, Severity
from xxgk.rules import check_entries
from xxgk.rules.base import Context

HELP = """检查目录条目和机构登记，一次列出全部问题。

不给路径时检查整个仓库：目录条目、机构登记，以及申请、审查、征求意见、撤回、培训、
评议、舆情、年度报告输入等记录；给出文件或文件夹时只检查它们（索引号是否重复仍对照整个目录）。
退出码：0 没有错误；1 发现错误；2 用法或配置错误。

示例:
  xxgk check
  xxgk check content/catalog/2026/000014349-2026-00012.md
  xxgk check --format json content/catalog
  xxgk check --format github      # 在 GitHub Actions 中显示为注释和作业摘要
"""


def register(subs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subs.add_parser("check", help="检查目录条目和机构登记", description=HELP,
                        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="要检查的文件或文件夹")
    p.add_argument("--format", choices=FORMATS, default="text", help="输出格式（默认 text）")
    p.set_defaults(func=run)


def expand(root: Path, paths: list[Path]) -> tuple[list[Path], list[Problem]]:
    """Catalog files among the given paths; paths that do not exist are problems."""
    files: list[Path] = []
    missing: list[Problem] = []
    for path in paths:
        full = path if path.is_absolute() else Path.cwd() / path
        if full.is_dir():
            files.extend(p for p in sorted(full.rglob("*.md")) if is_entry(root, p))
        elif full.is_file():
            # a file named explicitly is checked as an entry even outside content/catalog:
            # skipping it silently would report “没有发现问题” for a file never checked
            if full.suffix == ".md":
                files.append(full)
        else:
            missing.append(Problem(path.as_posix(), 1, 1, "FILE-MISSING", Severity.ERROR, "文件或文件夹不存在"))
    return files, missing


def run(args: argparse.Namespace) -> int:
    root: Path = args.root
    registry, problems = check_registry(root)
    all_entries = entry_paths(root)
    if args.paths:
        targets, missing = expand(root, args.paths)
        problems.extend(missing)
    else:
        targets = all_entries
    checked = len(targets) + 1
    if registry is not None:
        docs = list(load_entries(root, targets))
        chosen = {d.rel for d in docs}
        numbers = index_numbers(docs)
        others = [p for p in all_entries if rel(root, p) not in chosen] if args.paths else []
        for number, where in quick_index_numbers(root, others).items():
            numbers.setdefault(number, []).extend(where)
        ctx = Context(registry=registry, today=today(), index_numbers=numbers, root=root)
        problems.extend(check_entries(docs, ctx, root))
    if registry is not None:
        records, folders = record_problems(root, list(args.paths))
        problems.extend(records)
        checked += sum(1 for f in folders for p in (root / f).rglob("*") if p.suffix in (".yml", ".md"))
    report(problems, args.format, sys.stdout, checked=checked)
    return exit_code(problems)
