"""``xxgk complaint add | forward | reply | list``: the 举报投诉 register (附件3 第五条（六））."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from xxgk.cli._args import action
from xxgk.cli.output import report
from xxgk.io.registry import load_registry
from xxgk.model.dates import parse_date, today
from xxgk.requests import complaint_write as write
from xxgk.requests.calendar_files import load_calendar
from xxgk.requests.complaints import read_complaints, status

HELP = """举报投诉登记：群众对政府信息公开工作的举报、投诉，从收到到答复（附件3 第五条（六），条例第五十一条）。

记录在 complaints/年份/TS-年份-编号.yml，内部使用，不发布；只增不改，转办和答复追加在“办理”末尾。
办理期限：收到后“政策.举报投诉答复期限”个工作日内答复（默认 15，与附件2 第二条答复申请的期限相同，
从次日起按工作日计算）；
逾期未答复或逾期答复的，xxgk audit 记在被投诉单位名下。

示例:
  xxgk complaint add --received 2026-11-02 --channel 电话 --unit 鄂托克前旗财政局 \\
      --matter "申请政府信息公开超过期限未获答复" --name 匿名 --staff 王建华
  xxgk complaint forward TS-2026-0001 --date 2026-11-03 --to 鄂托克前旗财政局
  xxgk complaint reply TS-2026-0001 --date 2026-11-16 --result 属实 \\
      --detail "已督促财政局答复申请人并通报批评" --staff 王建华
  xxgk complaint list --year 2026 --format json
"""


def register(subs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subs.add_parser("complaint", help="举报投诉：登记、转办、答复、列表", description=HELP)
    inner = p.add_subparsers(dest="action", metavar="操作", required=True)
    add = action(inner, "add", "登记一件举报投诉", run_add, HELP)
    add.add_argument("--received", metavar="日期", help="收到日期（默认今天）")
    add.add_argument(
        "--channel",
        required=True,
        metavar="渠道",
        choices=("当面", "信函", "电话", "电子邮件", "网络", "12345热线", "上级转办"),
    )
    add.add_argument("--unit", required=True, metavar="被投诉单位", help="xxgk.yml 登记的单位全称")
    add.add_argument("--matter", required=True, metavar="事项", help="举报投诉的内容摘要")
    add.add_argument("--name", metavar="举报人", help="姓名或“匿名”（内部使用）")
    add.add_argument(
        "--contact", metavar="联系方式", help="答复举报人的电话、地址或邮箱（内部使用）"
    )
    add.add_argument("--staff", metavar="登记人")
    fwd = action(inner, "forward", "记录转办给承办单位", run_forward, HELP)
    fwd.add_argument("number", metavar="编号")
    fwd.add_argument("--date", metavar="日期", help="转办日期（默认今天）")
    fwd.add_argument("--to", required=True, metavar="承办单位")
    reply = action(inner, "reply", "记录答复（调查结果和处理情况）", run_reply, HELP)
    reply.add_argument("number", metavar="编号")
    reply.add_argument("--date", metavar="日期", help="答复日期（默认今天）")
    reply.add_argument(
        "--result",
        required=True,
        metavar="结果",
        choices=("属实", "部分属实", "不属实", "不属于本机关职责"),
    )
    reply.add_argument("--detail", required=True, metavar="处理情况")
    reply.add_argument("--staff", metavar="经办人")
    lst = action(inner, "list", "列出举报投诉及期限（有逾期未答复的退出码为 1）", run_list, HELP)
    lst.add_argument("--year", metavar="年份", help="只列出该年收到的")
    lst.add_argument(
        "--format", choices=("text", "json"), default="text", help="输出格式（默认 text）"
    )


def _day(text: str | None) -> str:
    if text is None:
        return today().isoformat()
    if parse_date(text) is None:
        raise ValueError(f"日期“{text}”不对，应写成 yyyy-mm-dd")
    return text


def _write(args: argparse.Namespace, action: Any) -> int:
    registry = load_registry(args.root)
    try:
        rel = action(registry)
    except ValueError as exc:
        print(f"xxgk：{exc}", file=sys.stderr)
        return 2
    except FileNotFoundError as exc:
        print(f"xxgk：{exc}", file=sys.stderr)
        return 1
    except write.Refused as exc:
        report(exc.problems, "text", sys.stderr, checked=1, what="件举报投诉（未写入）")
        return 1
    cal, _ = load_calendar(args.root)
    items, _ = read_complaints(args.root, registry, today())
    item = next(i for i in items if i.rel == rel)
    print(f"已写入 {rel}：{item.number} {status(item, cal, today())}。")
    return 0


def run_add(args: argparse.Namespace) -> int:
    def act(registry: Any) -> str:
        fields = {
            "收到日期": _day(args.received),
            "渠道": args.channel,
            "被投诉单位": args.unit,
            "事项": args.matter,
            "举报人": args.name or "",
            "联系方式": args.contact or "",
            "登记人": args.staff or "",
        }
        return write.add(args.root, registry, fields, today())

    return _write(args, act)


def run_forward(args: argparse.Namespace) -> int:
    def act(registry: Any) -> str:
        event = {"类型": "转办", "日期": _day(args.date), "承办单位": args.to}
        return write.append(args.root, registry, args.number, event, today())

    return _write(args, act)


def run_reply(args: argparse.Namespace) -> int:
    def act(registry: Any) -> str:
        event = {
            "类型": "答复",
            "日期": _day(args.date),
            "结果": args.result,
            "处理情况": args.detail,
            "经办人": args.staff or "",
        }
        return write.append(args.root, registry, args.number, event, today())

    return _write(args, act)


def run_list(args: argparse.Namespace) -> int:
    registry = load_registry(args.root)
    cal, _ = load_calendar(args.root)
    now = today()
    items, problems = read_complaints(args.root, registry, now)
    rows = [
        {
            "编号": i.number,
            "文件": i.rel,
            "收到日期": i.received.isoformat(),
            "被投诉单位": i.unit,
            "期限": i.due(cal).date.isoformat(),
            "暂定": i.due(cal).note(),
            "答复日期": (r.isoformat() if (r := i.replied_on()) else None),
            "逾期": i.late(cal, now),
            "状态": status(i, cal, now),
        }
        for i in items
        if not args.year or str(i.received.year) == str(args.year)
    ]
    if args.format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=1))
    else:
        lines = [f"{r['编号']}  {r['收到日期']}  {r['被投诉单位']}  {r['状态']}" for r in rows]
        print(
            "\n".join(
                lines + [f"共 {len(rows)} 件，逾期 {sum(bool(r['逾期']) for r in rows)} 件。"]
            )
        )
    if problems:
        report(
            problems, "text", sys.stderr, checked=len({p.path for p in problems}), what="件举报投诉"
        )
    overdue = any(r["逾期"] and r["答复日期"] is None for r in rows)
    return 1 if problems or overdue else 0
