"""``xxgk bench``: time the checker (and, later, the site) on generated county-size catalogs."""

from __future__ import annotations

import argparse

from xxgk.bench import check_bench, site_bench

HELP = """在生成的大量条目上测量性能，结果写进 README。

site：生成条目、签署审查记录后用 mkdocs 生成网站，记录时间、峰值内存、site/ 大小，
并在无头 Chromium 里测首次检索下载的数据量和出结果的时间；--baseline 同时生成
“全部条目进导航的普通 Material 网站”作对照。all：依次测检查器和三种规模的网站。

示例:
  xxgk bench check --entries 20000
  xxgk bench site --entries 500
  xxgk bench site --entries 2000 --baseline
  xxgk bench all
"""


def register(subs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subs.add_parser("bench", help="性能测量（生成条目并计时）", description=HELP)
    p.add_argument("what", choices=["check", "site", "all"], help="要测量的部分")
    p.add_argument(
        "--entries", type=int, default=None, help="生成的条目数（默认 check 20000、site 2000）"
    )
    p.add_argument("--baseline", action="store_true", help="site：同时生成普通 Material 网站作对照")
    p.add_argument("--no-browser", action="store_true", help="site：不在浏览器里测检索")
    p.set_defaults(func=run, needs_root=False)


def run(args: argparse.Namespace) -> int:
    if args.what == "check":
        return check_bench.main(args.entries or 20000)
    if args.what == "site":
        return site_bench.main(args.entries or 2000, args.baseline, not args.no_browser)
    # The numbers: check at 20,000; site at 2,000 beside plain Material, at 20,000
    # with the browser search, and at 100,000 for time and peak memory.
    return max(check_bench.main(20000), site_bench.run_all())
