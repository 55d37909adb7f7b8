"""``xxgk opinion``: 政务舆情 records — response deadlines (hours), new records, checks."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from xxgk.cli.output import FORMATS, exit_code, report
from xxgk.io.atomic import write_atomic
from xxgk.io.registry import load_registry
from xxgk.model.problem import Problem
from xxgk.model.yamltext import scalar
from xxgk.voice.opinion import Deadline, Opinion, State, due_rows
from xxgk.voice.records import record_paths
from xxgk.voice.store import OPINIONS, load_opinions, next_number
from xxgk.voice.times import now, parse_stamp, show

HELP = """政务舆情（附件8）：列出待回应和已超时的舆情，新建舆情记录，检查记录。

回应时限按 xxgk.yml 政策.舆情回应.时限，自“发现时间”起按小时连续计算（夜间、周末、节假日照算）。

示例:
  xxgk opinion due
  xxgk opinion due --at "2026-11-28 08:00" --format json
  xxgk opinion add --source 微博 --detected "2026-11-27 21:40" \\
      --unit 鄂托克前旗民政局 --level 其他政务舆情 --summary "网民反映养老服务补贴发放延迟"
  xxgk opinion check
"""


def register(subs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subs.add_parser("opinion", help="政务舆情：回应时限、新建记录、检查", description=HELP)
    inner = p.add_subparsers(dest="action", metavar="操作", required=True)
    due = inner.add_parser(
        "due", help="列出待回应和已超时的舆情（有超时的退出码为 1）", description=HELP
    )
    due.add_argument("--at", help="按这个时刻计算（yyyy-mm-dd HH:MM，默认现在）")
    due.add_argument("--format", choices=("text", "json"), default="text", help="输出格式")
    due.set_defaults(func=run_due)
    check = inner.add_parser("check", help="检查 opinions/ 下的全部记录", description=HELP)
    check.add_argument("--format", choices=FORMATS, default="text", help="输出格式")
    check.set_defaults(func=run_check)
    add = inner.add_parser(
        "add", help="新建一条舆情记录（分配编号，不覆盖已有文件）", description=HELP
    )
    for flag, key in (
        ("source", "来源"),
        ("detected", "发现时间"),
        ("unit", "涉及单位"),
        ("level", "风险等级"),
        ("summary", "概要"),
    ):
        add.add_argument(f"--{flag}", required=True, metavar=key, help=key)
    add.add_argument("--found-by", metavar="发现人", help="发现人")
    add.set_defaults(func=run_add)


def _moment(args: argparse.Namespace) -> dt.datetime | None:
    if args.at is None:
        return now()
    moment = parse_stamp(args.at)
    if moment is None:
        print(f"xxgk：--at 的值“{args.at}”应写成 yyyy-mm-dd HH:MM", file=sys.stderr)
    return moment


def run_due(args: argparse.Namespace) -> int:
    moment = _moment(args)
    if moment is None:
        return 2
    items, problems = load_opinions(args.root, load_registry(args.root))
    rows = due_rows(items, moment)
    if args.format == "json":
        out = [
            {
                "path": o.rel,
                "编号": o.number,
                "涉及单位": o.department,
                "风险等级": o.level,
                "回应方式": d.action,
                "时限": show(d.due),
                "状态": s.value,
            }
            for o, d, s in rows
        ]
        json.dump(
            {"时刻": show(moment), "待办": out, "记录问题": [p.as_dict() for p in problems]},
            sys.stdout,
            ensure_ascii=False,
            indent=1,
        )
        print()
    else:
        _print_due(rows, moment, problems)
    overdue = any(s is State.OVERDUE for _, _, s in rows)
    return 1 if overdue or exit_code(problems) else 0


def _print_due(
    rows: list[tuple[Opinion, Deadline, State]], moment: dt.datetime, problems: list[Problem]
) -> None:
    for o, d, s in rows:
        left = (d.due - moment).total_seconds() / 3600
        when = f"还剩 {left:.1f} 小时" if s is State.PENDING else f"已超时 {-left:.1f} 小时"
        print(
            f"{o.rel}: {s.value} {o.number} {o.department}（{o.level}）"
            f"应于 {show(d.due)} 前{d.action}，{when}"
        )
    if problems:
        report(problems, "text", sys.stderr, checked=0, what="条记录")
    pending = sum(s is State.PENDING for _, _, s in rows)
    print(f"截至 {show(moment)}：待回应 {pending} 项，已超时 {len(rows) - pending} 项。")


def run_check(args: argparse.Namespace) -> int:
    _items, problems = load_opinions(args.root, load_registry(args.root))
    report(problems, args.format, checked=len(record_paths(args.root, OPINIONS)), what="条舆情记录")
    return exit_code(problems)


def run_add(args: argparse.Namespace) -> int:
    detected = parse_stamp(args.detected)
    if detected is None:
        print(f"xxgk：发现时间“{args.detected}”应写成 yyyy-mm-dd HH:MM", file=sys.stderr)
        return 2
    number = next_number(args.root, OPINIONS, "YQ", detected.year)
    path = args.root / OPINIONS / str(detected.year) / f"{number}.yml"
    text = _template(number, args)
    try:
        write_atomic(path, text, exclusive=True)
    except FileExistsError:
        print(
            f"xxgk：{path.relative_to(args.root)} 已存在，没有覆盖；请重新运行以取下一个编号",
            file=sys.stderr,
        )
        return 2
    items, problems = load_opinions(args.root, load_registry(args.root))
    mine = [p for p in problems if p.path.endswith(f"{number}.yml")]
    if mine:
        path.unlink()  # a record that does not pass its own check is not left behind
        report(mine, "text", sys.stderr, checked=1, what="条舆情记录")
        return 1
    _say_deadlines(next(o for o in items if o.number == number), path.relative_to(args.root))
    return 0


def _template(number: str, args: argparse.Namespace) -> str:
    q = scalar
    lines = [
        "# yaml-language-server: $schema=../../schemas/opinion.schema.json",
        f"编号: {number}",
        f"来源: {q(args.source)}",
        f"发现时间: {q(args.detected)}",
    ]
    if args.found_by:
        lines.append(f"发现人: {q(args.found_by)}")
    lines += [f"概要: {q(args.summary)}", f"涉及单位: {q(args.unit)}", f"风险等级: {q(args.level)}"]
    return "\n".join(lines) + "\n"


def _say_deadlines(item: Opinion, rel: Path) -> None:
    print(f"已新建 {rel.as_posix()}。回应时限：")
    for d in item.deadlines:
        print(f"  {d.action}：{show(d.due)} 前（{d.hours} 小时）")
    print("请补充研判、报送、处置和回应情况后提交。")
