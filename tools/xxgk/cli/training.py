"""``xxgk training report --year Y``: the training ledger's yearly report (附件5)."""

from __future__ import annotations

import argparse
import json
import sys

from xxgk.cli.output import report as print_problems
from xxgk.io.registry import load_registry
from xxgk.model.dates import today
from xxgk.model.problem import has_errors
from xxgk.reports import listing
from xxgk.reports.training_report import to_json, to_listing
from xxgk.reports.training_source import training_report

HELP = """培训台账年度统计（《信息公开工作培训制度》附件5）。

按 training/ 的培训记录统计每人、每个单位当年的学时；列出不足 xxgk.yml“政策.每年培训最少学时”
的人员（当年考核不能评为优秀，第六条）；对照 git 历史列出培训前就发布条目或作保密审查的人
（先培训后上岗，第七条）；列出同一个人的不同写法（如“王建华”“王 建华”“王建華”），
以免学时分开计算。--format json 输出名册，供其他工具读取。

退出码：0 没有问题；1 有人学时不足、先上岗后培训或姓名写法不一；2 用法或配置错误。

示例:
  xxgk training report --year 2025
  xxgk training report --year 2025 --format markdown > 培训台账2025.md
  xxgk training report --year 2026 --format json
"""


def register(subs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subs.add_parser("training", help="培训台账统计", description=HELP)
    kinds = p.add_subparsers(dest="kind", metavar="操作", required=True)
    r = kinds.add_parser("report", help="年度培训统计", description=HELP)
    r.add_argument("--year", type=int, default=today().year, help="年度（默认：今年）")
    r.add_argument(
        "--format",
        choices=("text", "markdown", "json"),
        default="text",
        help="输出格式（默认 text）",
    )
    r.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    registry = load_registry(args.root)
    built, problems = training_report(args.root, registry, args.year)
    if has_errors(problems):
        print_problems(problems, "text", sys.stderr, what="份培训记录")
        print("培训记录有错误，统计不完整：请先改正以上问题。", file=sys.stderr)
        return 1
    if args.format == "json":
        json.dump(to_json(built), sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        sys.stdout.write(listing.render(to_listing(built), args.format))
    return 1 if built.below() or built.early or built.spellings else 0
