"""``xxgk workdays add DATE N``: the N-th working day after DATE, as yyyy-mm-dd on stdout."""

from __future__ import annotations

import argparse
import sys

from xxgk.cli.output import report
from xxgk.model.dates import parse_date
from xxgk.model.workdays import MissingYear
from xxgk.requests.calendar_files import load_calendar

HELP = """工作日计算：从起算日的次日开始数，跳过周末和法定节假日，调休上班的周末照常计算。

2004—2026 年的安排取自 chinese-calendar；以后各年取自仓库里的 calendar/年份.yml
（每年一个文件，照录国务院办公厅的放假通知）。缺少某年的文件时退出码为 2，并说明应新增哪个文件；
加 --provisional 则按周一至周五、除去法定节假日暂算（调休未知），并在标准错误输出提示“暂定”。
标准输出只有结果日期（yyyy-mm-dd），便于在脚本里使用。

示例:
  xxgk workdays add 2025-09-30 15        # 2025-10-28
  xxgk workdays add 2026-12-20 15 --provisional
"""


def register(subs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subs.add_parser("workdays", help="工作日计算", description=HELP)
    inner = p.add_subparsers(dest="action", metavar="操作", required=True)
    add = inner.add_parser("add", help="起算日之后第 N 个工作日", description=HELP)
    add.add_argument("date", metavar="DATE", help="起算日 yyyy-mm-dd（当天不计）")
    add.add_argument("n", metavar="N", help="工作日数（非负整数）")
    add.add_argument(
        "--provisional", action="store_true", help="缺少某年数据时按周一至周五、除去法定节假日暂算"
    )
    add.set_defaults(func=run_add)


def run_add(args: argparse.Namespace) -> int:
    start = parse_date(args.date)
    if start is None:
        print(f"xxgk：日期“{args.date}”不对，应写成 yyyy-mm-dd", file=sys.stderr)
        return 2
    if not str(args.n).isdigit():
        print(f"xxgk：工作日数“{args.n}”应为非负整数", file=sys.stderr)
        return 2
    calendar, problems = load_calendar(args.root)
    if problems:
        report(problems, "text", sys.stderr, checked=len({p.path for p in problems}))
        return 2
    try:
        result = calendar.add(start, int(args.n), provisional=args.provisional)
    except (MissingYear, ValueError) as exc:  # ValueError: a period longer than any law sets
        print(f"xxgk：{exc}", file=sys.stderr)
        return 2
    print(result.date.isoformat())
    if result.provisional:
        print(f"xxgk：{result.note()}", file=sys.stderr)
    return 0
