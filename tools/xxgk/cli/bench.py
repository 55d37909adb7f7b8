"""``xxgk bench``: time the checker (and, later, the site) on generated county-size catalogs."""

from __future__ import annotations

import argparse

HELP = """在生成的大量条目上测量性能，结果写进 README。

示例:
  xxgk bench check --entries 20000
"""


def register(subs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subs.add_parser("bench", help="性能测量（生成条目并计时）", description=HELP,
                        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("what", choices=["check"], help="要测量的部分")
    p.add_argument("--entries", type=int, default=20000, help="生成的条目数（默认 20000）")
    p.set_defaults(func=run, needs_root=False)


def run(args: argparse.Namespace) -> int:
    from xxgk.bench import check_bench

    return check_bench.main(args.entries)
