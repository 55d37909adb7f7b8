"""``xxgk gate --base REF``: the merge gate of the secrecy review (附件4、附件6)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from xxgk.cli.output import FORMATS, exit_code, report
from xxgk.io.registry import check_registry
from xxgk.review.gate import run_gate

HELP = """合并检查：自比较基线以来新增或改动的每个条目，都必须：

  · 有与条目当前内容（及每个附件）哈希一致的保密审查记录，结论允许公开；
  · 审查人在名册中、不是这些改动的作者或提交者、审查当年培训满规定学时；
  · 审查记录由单独的提交加入（只改 reviews/），并由审查人本人的 SSH 密钥签名，
    签名按比较基线中的 .xxgk/allowed_signers 核验；
  · 联合发文的每个机关各有一份审查；每个涉及部门都有书面意见，不同意的有领导小组办公室决定；
  · 没有未确认的扫描发现（xxgk scan）。
此外：允许签名人文件不得与内容在同一次改动中修改；已发布条目的索引号不得修改；删除已发布条目
须有撤回记录。名册、培训记录和签名人文件都按比较基线的版本读取。
请在干净的检出（工作区即 HEAD）上运行。退出码：0 可以合并；1 不能合并；2 用法或环境错误。

示例:
  xxgk gate --base origin/main
  xxgk gate --base main --format github
"""


def register(subs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subs.add_parser("gate", help="合并检查（保密审查、发布协调）", description=HELP,
                        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--base", required=True, metavar="REF", help="比较基线：目标分支或提交，例如 origin/main")
    p.add_argument("--format", choices=FORMATS, default="text", help="输出格式（默认 text）")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    root: Path = args.root
    registry, _ = check_registry(root)
    problems, entries = run_gate(root, args.base, registry)
    report(problems, args.format, sys.stdout, checked=entries, what="个新增或改动的条目")
    return exit_code(problems)
