"""``xxgk request add | log | show | list | due | letter``: disclosure on request (附件2)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from pyrage import x25519

from xxgk.cli._args import action
from xxgk.cli.output import report
from xxgk.io.atomic import write_atomic
from xxgk.model.dates import parse_date
from xxgk.model.problem import Problem, Severity
from xxgk.requests import letters
from xxgk.requests import model as m
from xxgk.requests.actions import Refused, log_event, register_request
from xxgk.requests.letters_docx import to_docx
from xxgk.requests.sealed import SealError, applicant_tag, has_sealed, read_identities
from xxgk.requests.service import Workspace
from xxgk.requests.store import RecordError
from xxgk.requests.views import (
    detail,
    due_groups,
    due_text,
    list_text,
    show_text,
    summary,
    with_release,
)

HELP = """依申请公开：登记申请、导入在线申请、追加办理事件、查看状态和期限、到期提醒、生成告知书和答复书。

状态和期限都由事件推算（工作日从次日起算；补正后重新起算；征求意见期间不计算）。
记录在 requests/年份/编号.yml；申请人的个人信息用政务公开办公室的 age 公钥加密保存，
查看和打印信函时用 --identity 指定办公室的钥匙文件。记录绝不发布到站点。

示例:
  xxgk request add --type 自然人 --name 张三 --phone 13800000000 --unit 鄂托克前旗自然资源局 \\
      --channel 网络 --info "2025年敖勒召其镇土地征收补偿标准文件"
  xxgk request log YSQ-2026-0001 延期 --date 2026-03-10 批准人=王建华 理由="需调取档案" 天数=10
  xxgk request log YSQ-2026-0001 答复 结果=不予公开 情形=属于国家秘密 理由="……"
  xxgk request show YSQ-2026-0001 --identity ~/.xxgk/office-age-key.txt
  xxgk request inbox --identity ~/.xxgk/office-age-key.txt --spool /var/spool/xxgk
  xxgk request list --status 办理中
  xxgk request due --within 3 --format json
  xxgk request letter YSQ-2026-0001 答复书 --identity ~/.xxgk/office-age-key.txt -o 答复书.md
"""

APPLICANT_OPTIONS = {
    "name": "姓名",
    "org": "名称",
    "credit_code": "统一社会信用代码",
    "contact": "联系人",
    "id_type": "证件类型",
    "id_number": "证件号码",
    "phone": "联系电话",
    "email": "电子邮箱",
    "address": "通信地址",
}


def register(subs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subs.add_parser("request", help="依申请公开：登记、办理、期限、信函", description=HELP)
    inner = p.add_subparsers(dest="action", metavar="操作", required=True)
    _add_parser(action(inner, "add", "登记一件新申请", run_add, HELP))
    log = action(inner, "log", "在申请记录末尾追加一个办理事件", run_log, HELP)
    log.add_argument("number", metavar="编号")
    log.add_argument("kind", metavar="事件", choices=m.KINDS, help="、".join(m.KINDS))
    log.add_argument("fields", nargs="*", metavar="键=值", help="事件的字段，如 理由=… 天数=10")
    log.add_argument(
        "--date",
        nargs="+",
        action=DateThenFields,
        metavar=("日期", "键=值"),
        help="事件日期（默认今天）；其后仍可接 键=值",
    )
    _json(log)
    show = action(inner, "show", "查看一件申请的状态、期限和事件", run_show, HELP)
    show.add_argument(
        "number", metavar="编号", help="申请编号（YSQ-…）或在线申请的受理编号（ZXSQ-…）"
    )
    _identity(show, "解密申请人的个人信息（不给则显示“已加密”）")
    _json(show)
    inbox = action(inner, "inbox", "把在线申请和在线评议的暂存件导入为记录", run_inbox, HELP)
    inbox.add_argument(
        "--identity",
        type=Path,
        required=True,
        metavar="KEYFILE",
        help="政务公开办公室的 age 钥匙文件",
    )
    inbox.add_argument(
        "--spool",
        type=Path,
        metavar="DIR",
        help="暂存文件夹（默认 $XXGK_SPOOL 或 /var/spool/xxgk）",
    )
    _json(inbox)
    lst = action(inner, "list", "列出申请（不含个人信息）", run_list, HELP)
    lst.add_argument("--status", metavar="状态", help="只列出此状态，如 办理中、已办结")
    lst.add_argument("--unit", metavar="受理单位")
    lst.add_argument("--year", metavar="年份", help="收到申请的年份")
    _json(lst)
    due = action(inner, "due", "按单位列出已逾期和即将到期的申请", run_due, HELP)
    due.add_argument(
        "--within", type=int, default=3, metavar="N", help="N 个工作日内到期（默认 3）"
    )
    due.add_argument(
        "--strict", action="store_true", help="有逾期时退出码为 1（供每日定时任务提醒）"
    )
    _json(due)
    letter = action(
        inner, "letter", "生成补正告知书、延期答复告知书、答复书或查阅证明", run_letter, HELP
    )
    letter.add_argument("number", metavar="编号")
    letter.add_argument(
        "kind", metavar="种类", choices=letters.KINDS, help="、".join(letters.KINDS)
    )
    letter.add_argument(
        "--format",
        choices=("md", "html", "docx"),
        default="md",
        help="md（默认）、html（可直接打印）或 docx（须同时给 -o）",
    )
    letter.add_argument(
        "-o", "--output", type=Path, metavar="文件", help="写入文件（默认输出到屏幕）"
    )
    _identity(letter, "解密申请人的姓名和地址（个人信息已加密的申请必须给）")


def _identity(parser: argparse.ArgumentParser, text: str) -> None:
    parser.add_argument(
        "--identity", type=Path, metavar="KEYFILE", help=f"政务公开办公室的 age 钥匙文件：{text}"
    )


def _json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="输出格式（默认 text）"
    )


def _add_parser(add: argparse.ArgumentParser) -> None:
    add.add_argument("--received", metavar="日期", help="收到申请日期（默认今天）")
    add.add_argument("--registered", metavar="日期", help="登记日期（默认同收到日期）")
    add.add_argument("--channel", required=True, choices=m.CHANNELS, help="申请渠道")
    add.add_argument("--unit", required=True, metavar="受理单位", help="受理单位全称")
    add.add_argument("--section", metavar="科室", help="责任科室")
    add.add_argument(
        "--type", required=True, choices=m.APPLICANT_TYPES, dest="applicant_type", help="申请人类型"
    )
    for option, key in APPLICANT_OPTIONS.items():
        add.add_argument("--" + option.replace("_", "-"), dest=option, metavar=key, help=key)
    add.add_argument("--info", required=True, metavar="所需信息", help="所需信息的内容描述")
    add.add_argument("--purpose", metavar="用途", help="用途")
    add.add_argument("--delivery", metavar="获取方式", help="提供形式和获取途径，如“纸质，邮寄”")
    add.add_argument("--staff", metavar="经办人", help="登记人（口头申请必填）")
    _identity(add, "据此写入申请人标识（按件计费时认出同一申请人；可不给）")
    _json(add)


class DateThenFields(argparse.Action):
    """``--date D k=v …``: argparse ends the positionals at an option, so take the rest here."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        namespace.date = values[0]
        namespace.fields = [*(getattr(namespace, "fields", None) or []), *values[1:]]


def _fail(message: str, code: int = 1) -> int:
    print(f"xxgk：{message}", file=sys.stderr)
    return code


def _date(text: str | None, ws: Workspace, what: str) -> str:
    if text is None:
        return ws.today.isoformat()
    if parse_date(text) is None:
        raise RecordError(f"{what}“{text}”不对，应写成 yyyy-mm-dd")
    return text


def run_add(args: argparse.Namespace) -> int:
    ws = Workspace.open(args.root)
    try:
        received = _date(args.received, ws, "收到日期")
        registered = _date(args.registered or received, ws, "登记日期")
    except RecordError as exc:
        return _fail(str(exc), 2)
    applicant = {
        "类型": args.applicant_type,
        **{key: getattr(args, opt) for opt, key in APPLICANT_OPTIONS.items() if getattr(args, opt)},
    }
    fields = {
        "渠道": args.channel,
        "受理单位": args.unit,
        "责任科室": args.section,
        "申请人": applicant,
        "所需信息": args.info,
        "用途": args.purpose,
        "获取方式": args.delivery,
    }
    try:
        if args.identity and (tag := applicant_tag(applicant, _keys(args.identity)[0])):
            applicant["标识"] = tag
        record = register_request(ws, received, registered, fields, args.staff)
    except Refused as exc:
        return _refused(exc.problems, args.format, "件申请（未写入）")
    except RecordError as exc:
        return _fail(str(exc))
    item = ws.item(record)
    due = item.state.reply_due
    return _done(
        args.format,
        summary(item, ws.calendar, ws.today),
        f"已登记 {item.request.number}（{record.rel}）。答复期限 {due.marked() if due else '—'}。",
    )


def _pairs(fields: list[str]) -> dict[str, str]:
    values: dict[str, str] = {}
    for pair in fields:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise RecordError(f"“{pair}”应写成 键=值，如 理由=需调取档案")
        values[key.strip()] = value.strip()
    return values


def run_log(args: argparse.Namespace) -> int:
    ws = Workspace.open(args.root)
    try:
        event = {"类型": args.kind, "日期": _date(args.date, ws, "事件日期"), **_pairs(args.fields)}
        record, warnings = log_event(ws, args.number, {k: v for k, v in event.items() if v})
        item = ws.item(record)
    except Refused as exc:
        return _refused(exc.problems, args.format, "件申请（未追加）")
    except RecordError as exc:
        return _fail(str(exc))
    if warnings:
        report(warnings, "text", sys.stderr, checked=1, what="件申请")
    due = item.state.open_due
    tail = f"，当前期限 {due.marked()}" if due else ""
    return _done(
        args.format,
        summary(item, ws.calendar, ws.today),
        f"已追加：{args.number} {args.kind}。状态：{item.state.status}{tail}。",
    )


def _done(fmt: str, shown: dict[str, Any], message: str) -> int:
    print(json.dumps(shown, ensure_ascii=False, indent=1) if fmt == "json" else message)
    return 0


def _refused(problems: list[Problem], fmt: str, what: str) -> int:
    if fmt == "json":
        report(problems, "json", sys.stdout)
    else:
        report(problems, "text", sys.stderr, checked=1, what=what)
    return 1


def run_show(args: argparse.Namespace) -> int:
    ws = Workspace.open(args.root)
    try:
        record = ws.record(args.number)
        errors = [p for p in ws.problems(record) if p.severity is Severity.ERROR]
        if errors:
            report(errors, "text", sys.stderr, checked=1, what="件申请")
            return 1
        keys = _keys(args.identity) if args.identity else None
        shown = with_release(detail(ws.item(record, keys), ws.calendar, ws.today), ws.root)
    except RecordError as exc:
        return _fail(str(exc))
    _print(shown, args.format, show_text)
    return 0


def _keys(path: Path) -> list[x25519.Identity]:
    try:
        return read_identities(path)
    except SealError as exc:
        raise RecordError(str(exc)) from exc


def _print(value: Any, fmt: str, text: Any) -> None:
    if fmt == "json":
        print(json.dumps(value, ensure_ascii=False, indent=1))
    else:
        sys.stdout.write(text(value))


def _broken(problems: list[Problem]) -> None:
    if problems:
        report(
            problems,
            "text",
            sys.stderr,
            checked=len({p.path for p in problems}),
            what="件申请（未列入）",
        )


def run_list(args: argparse.Namespace) -> int:
    ws = Workspace.open(args.root)
    items, broken = ws.items()
    rows = [summary(i, ws.calendar, ws.today) for i in items]
    rows = [
        r
        for r in rows
        if (not args.status or r["状态"] == args.status)
        and (not args.unit or r["受理单位"] == args.unit)
        and (not args.year or str(r["收到日期"]).startswith(str(args.year)))
    ]
    _print(rows, args.format, list_text)
    _broken(broken)
    return 1 if broken else 0


def run_due(args: argparse.Namespace) -> int:
    ws = Workspace.open(args.root)
    items, broken = ws.items()
    groups = due_groups(items, ws.calendar, ws.today, args.within)
    waiting = sum(i.state.status in ("待补正", "待缴费") for i in items)
    if args.format == "json":
        print(
            json.dumps(
                {
                    "日期": ws.today.isoformat(),
                    "工作日内": args.within,
                    "单位": groups,
                    "暂停计时": waiting,
                },
                ensure_ascii=False,
                indent=1,
            )
        )
    else:
        sys.stdout.write(due_text(groups, ws.today, args.within, waiting))
    _broken(broken)
    overdue = any(r["逾期"] for rows in groups.values() for r in rows)
    return 1 if broken or (args.strict and overdue) else 0


def run_letter(args: argparse.Namespace) -> int:
    ws = Workspace.open(args.root)
    if args.format == "docx" and not args.output:
        return _fail("--format docx 须用 -o 指定要写入的 .docx 文件", 2)
    try:
        record = ws.record(args.number)
        if args.identity is None and has_sealed(record.data.get("申请人") or {}):
            return _fail(
                "申请人的个人信息已加密：生成信函须用 --identity 指定政务公开办公室的钥匙文件", 2
            )
        item = ws.item(record, _keys(args.identity) if args.identity else None)
        req = item.request
        ctx = letters.context(
            req, item.state, ws.registry, ws.policy(req.policy_version), ws.calendar, args.kind
        )
        text = letters.render(ws.root, args.kind, ctx, "html" if args.format == "html" else "md")
        data: str | bytes = to_docx(text) if args.format == "docx" else text
    except RecordError as exc:
        return _fail(str(exc))
    if args.output:
        write_atomic(args.output, data)
        print(f"已生成 {args.output}（含申请人个人信息，打印后请勿提交到仓库）", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def run_inbox(args: argparse.Namespace) -> int:
    from xxgk.intake.inbox import FAILED, report_text, run

    spool = args.spool or Path(os.environ.get("XXGK_SPOOL") or "/var/spool/xxgk")
    try:
        done = run(args.root, spool, _keys(args.identity), Workspace.open(args.root).today)
    except RecordError as exc:
        return _fail(str(exc), 2)
    _print([vars(t) for t in done], args.format, lambda rows: report_text(done, spool))
    return 1 if any(t.status == FAILED for t in done) else 0
