"""``xxgk rules``: the table of rules, generated from the rule modules (used in the README)."""

from __future__ import annotations

import argparse

from xxgk.rules import all_rules

HELP = """列出检查器的全部规则：编号、依据和要求。

示例:
  xxgk rules
  xxgk rules --markdown > 规则表.md
"""


def register(subs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subs.add_parser("rules", help="列出全部检查规则", description=HELP)
    p.add_argument("--markdown", action="store_true", help="输出 Markdown 表格")
    p.set_defaults(func=run, needs_root=False)


def table() -> str:
    rows = ["| 规则 | 级别 | 要求 | 依据 |", "|---|---|---|---|"]
    for rule in all_rules():
        rows.append(
            f"| `{rule.id}` | {rule.severity.label} | {rule.summary} | {rule.basis or '—'} |"
        )
    return "\n".join(rows)


def run(args: argparse.Namespace) -> int:
    if args.markdown:
        print(table())
        return 0
    for rule in all_rules():
        print(f"{rule.id:<22} {rule.severity.label}  {rule.summary}（{rule.basis or '输入安全'}）")
    return 0
