"""``xxgk gate --base REF``: the merge gate of the secrecy review (附件4、附件6)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from xxgk.cli.output import FORMATS, exit_code, report
from xxgk.io.registry import load_registry
from xxgk.review.gate import run_gate
from xxgk.site.registry_pages import registry_page_files

HELP = """合并检查：自比较基线以来新增或改动的每个条目（以及审查、意见记录有变化的条目）都必须
得到唯一的发布决定（xxgk.trust.decision）允许：

  · 通过 xxgk check；有与条目当前内容（及每个附件）哈希一致的保密审查记录，结论允许公开；
  · 审查记录有审查人本人密钥的有效签名（同名 .sig），密钥在允许签名人文件中、审查日期在有效期内；
  · 审查人在名册中、有权代表该机关审查、审查日期前12个月内经签名确认的培训满规定学时、不是作者；
  · 联合发文的每个机关各有一份审查；每个涉及部门都有签名的书面意见，不同意的有领导小组办公室决定；
  · 没有未确认的扫描发现（xxgk scan）。
另外核对只有历史才能说明的：审查记录写明的作者与改动条目的提交签名（或 CI 传入的合并请求提交人
XXGK_CHANGE_AUTHOR）一致；各类记录只增不改（申请、评议、舆情记录只能在末尾追加）；已发布条目的
索引号不变、删除须有撤回记录；允许签名人文件单独修改。没有信任锚时，名册和签名人文件按比较基线的
版本读取。请在完整历史的检出上运行。退出码：0 可以合并；1 不能合并；2 用法或环境错误（如基线不存在）。

示例:
  xxgk gate --base origin/main
  xxgk gate --base main --format github
"""


def register(subs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subs.add_parser("gate", help="合并检查（保密审查、发布协调）", description=HELP)
    p.add_argument(
        "--base", required=True, metavar="REF", help="比较基线：目标分支或提交，例如 origin/main"
    )
    p.add_argument("--format", choices=FORMATS, default="text", help="输出格式（默认 text）")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    root: Path = args.root
    registry = load_registry(root)  # an unreadable registry is a configuration error (exit 2)
    problems, entries = run_gate(root, args.base, registry, registry_page_files(root, registry))
    report(problems, args.format, sys.stdout, checked=entries, what="个新增或改动的条目")
    return exit_code(problems)
