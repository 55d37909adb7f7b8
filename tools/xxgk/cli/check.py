"""``xxgk check [PATH...]``: every problem of the given files (default: the whole repository)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from xxgk.cli._paths import given_files
from xxgk.cli._records import record_problems
from xxgk.cli.output import FORMATS, exit_code, report
from xxgk.io.catalog import entry_listing, quick_index_numbers, rel
from xxgk.io.production import production_problems
from xxgk.io.registry import check_registry
from xxgk.io.safefs import RULE, list_files
from xxgk.model.dates import today
from xxgk.model.problem import Problem
from xxgk.review.gate_registry import registry_findings
from xxgk.rules.base import Context
from xxgk.rules.batch import check_catalog
from xxgk.trust.roster import unit_problems

HELP = """检查目录条目和机构登记，一次列出全部问题。

不给路径时检查整个仓库：目录条目、机构登记，以及申请、审查、征求意见、撤回、培训、
评议、舆情、年度报告输入等记录；给出文件或文件夹时只检查它们（索引号是否重复仍对照整个目录）。
机构登记中会出现在网站上的文字（页脚、单位名称、分类、公开工作机构、社会评议问卷）另做保密扫描，
有密级标志或个人信息的指出 xxgk.yml 的行号：站点生成遇到它们会停止。
--production 另外检查能否正式上线：机构登记里的备案号、网站标识码、联系电话、传真、电子邮箱
不能是随附的样例值或占位值，允许签名人文件里不能有样例密钥（规则见 docs/site.md“正式上线”）。
退出码：0 没有错误；1 发现错误；2 用法或配置错误。

示例:
  xxgk check
  xxgk check content/catalog/2026/000014349-2026-00012.md
  xxgk check --format json content/catalog
  xxgk check --format github      # 在 GitHub Actions 中显示为注释和作业摘要
  xxgk check --production         # 正式发布前：拒绝样例备案号、样例联系方式和样例密钥
"""


def register(subs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subs.add_parser("check", help="检查目录条目和机构登记", description=HELP)
    p.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="要检查的文件或文件夹")
    p.add_argument("--format", choices=FORMATS, default="text", help="输出格式（默认 text）")
    p.add_argument(
        "--production",
        action="store_true",
        help="正式发布前的检查：拒绝机构登记中的样例值、占位值和样例密钥",
    )
    p.set_defaults(func=run)


def expand(
    root: Path, paths: list[Path], listing: tuple[list[Path], list[Problem]]
) -> tuple[list[Path], list[Problem]]:
    """Catalog files among the given paths, and problems: paths that do not exist, symlinks
    and special files named, and the catalog's refused files inside a folder given. A file
    named explicitly is checked as an entry even outside content/catalog: skipping it silently
    would report “没有发现问题” for a file never checked."""
    entries, hazards = listing

    def inside(full: Path) -> tuple[list[Path], list[Problem]]:
        folder = rel(root, full).rstrip("/")
        prefix = "" if folder in ("", ".") else folder + "/"
        return (
            [p for p in entries if rel(root, p).startswith(prefix)],
            [p for p in hazards if p.path.startswith(prefix)],
        )

    return given_files(paths, inside, keep=lambda full: full.suffix == ".md")


def record_hazards(root: Path, folders: list[str], problems: list[Problem]) -> int:
    """Add the refused files (symlinks, FIFOs …) of the record folders not yet named by their
    readers; the number of record files."""
    already = {p.path for p in problems if p.rule == RULE}
    count = 0
    for folder in folders:
        files, hazards = list_files(root, folder, (".yml", ".md"))
        count += len(files)
        problems.extend(h for h in hazards if h.path not in already)
    return count


def run(args: argparse.Namespace) -> int:
    root: Path = args.root
    registry, problems = check_registry(root)
    listing = entry_listing(root)
    all_entries = listing[0]
    if args.paths:
        targets, given = expand(root, args.paths, listing)
        problems.extend(given)
    else:
        targets = all_entries
        problems.extend(listing[1])
    checked = len(targets) + 1
    if registry is not None:
        problems.extend(unit_problems(root, registry))
        problems.extend(registry_findings(root, registry))  # what stops the site build
        chosen = {rel(root, p) for p in targets}
        others = [p for p in all_entries if rel(root, p) not in chosen] if args.paths else []
        ctx = Context(registry=registry, today=today(), index_numbers={}, root=root)
        records: list[Problem] = []
        folders: list[str] = []

        def check_records() -> None:  # here, while the workers check the entries
            found, names = record_problems(root, list(args.paths))
            records.extend(found)
            folders.extend(names)

        problems.extend(
            check_catalog(
                root, targets, ctx, quick_index_numbers(root, others), meanwhile=check_records
            )
        )
        problems.extend(records)
        checked += record_hazards(root, folders, problems)
    if args.production:
        problems.extend(production_problems(root))
    report(problems, args.format, sys.stdout, checked=checked)
    return exit_code(problems)
