"""``xxgk evaluation``: 社会评议 results per department and question, open rectifications."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from xxgk.cli.output import FORMATS, exit_code, report
from xxgk.io.atomic import write_atomic
from xxgk.io.registry import load_registry
from xxgk.model.dates import parse_date, today
from xxgk.voice.evaluation import Report, aggregate
from xxgk.voice.form import PATH as FORM_PATH
from xxgk.voice.form import issue_form
from xxgk.voice.intake import parse, record_text
from xxgk.voice.markdown import percent, table
from xxgk.voice.policy import VoicePolicy, unit_names, voice_policy
from xxgk.voice.questionnaire import label
from xxgk.voice.records import record_paths
from xxgk.voice.store import EVALUATIONS, load_evaluations, next_number

HELP = """社会评议（附件7）：汇总评议结果，跟踪批评建议的整改或解释，生成议题表单。

评议记录在 evaluations/<年份>/PY-年份-序号.yml：网上答卷、纸质问卷、座谈会各一份记录。

示例:
  xxgk evaluation report --year 2025
  xxgk evaluation report --year 2025 --format json
  xxgk evaluation due                 # 未办结的意见；有超期的退出码为 1
  xxgk evaluation check
  xxgk evaluation add --from 评议邮件.txt --note "电子邮件，2026-11-27 收到"
  xxgk evaluation form --write        # 按 xxgk.yml 重新生成 .github/ISSUE_TEMPLATE/evaluation.yml
"""


def register(subs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subs.add_parser(
        "evaluation", help="社会评议：汇总结果、整改跟踪、议题表单", description=HELP
    )
    inner = p.add_subparsers(dest="action", metavar="操作", required=True)
    rep = _sub(inner, "report", "按单位和题目汇总一年的评议结果")
    rep.add_argument("--year", type=int, required=True, help="年份，如 2025")
    rep.add_argument(
        "--format", choices=("text", "markdown", "json"), default="text", help="输出格式"
    )
    rep.set_defaults(func=run_report)
    due = _sub(inner, "due", "列出未办结的批评和建议（有超期的退出码为 1）")
    due.add_argument("--format", choices=("text", "json"), default="text", help="输出格式")
    due.set_defaults(func=run_due)
    check = _sub(inner, "check", "检查 evaluations/ 下的全部记录")
    check.add_argument("--format", choices=FORMATS, default="text", help="输出格式")
    check.set_defaults(func=run_check)
    add = _sub(inner, "add", "把一份网上答卷（问卷发出的电子邮件或议题正文）登记为评议记录")
    add.add_argument(
        "--from",
        dest="source",
        type=Path,
        required=True,
        metavar="FILE",
        help="保存下来的电子邮件正文或议题正文（文本文件；“-”为标准输入）",
    )
    add.add_argument("--date", help="收到日期（yyyy-mm-dd，默认今天）")
    add.add_argument("--note", default="", help="说明，如“电子邮件，2026-11-27 收到”")
    add.add_argument(
        "--kind", choices=("建议", "批评"), default="建议", help="意见类型（默认 建议）"
    )
    add.set_defaults(func=run_add)
    form = _sub(inner, "form", "输出（或用 --write 写入）议题表单")
    form.add_argument("--write", action="store_true", help=f"写入 {FORM_PATH}")
    form.set_defaults(func=run_form)


def _sub(inner: argparse._SubParsersAction, name: str, text: str) -> argparse.ArgumentParser:  # type: ignore[type-arg]
    parser: argparse.ArgumentParser = inner.add_parser(
        name, help=text, description=f"{text}。\n\n{HELP}"
    )
    return parser


def run_report(args: argparse.Namespace) -> int:
    registry = load_registry(args.root)
    items, problems = load_evaluations(args.root, registry)
    if problems:
        report(problems, "text", sys.stderr, what="条评议记录")
    result = aggregate(items, args.year)
    policy = voice_policy(registry)
    if args.format == "json":
        json.dump(as_json(result, policy), sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        print("\n".join(as_lines(result, policy, args.format == "markdown")))
    return exit_code(problems)


def as_json(result: Report, policy: VoicePolicy) -> dict[str, object]:
    def tallies(per: dict) -> dict[str, object]:  # type: ignore[type-arg]
        return {
            code: {**dict(t.counts), "合计": t.total(), "满意率": t.rate(policy.satisfied)}
            for code, t in per.items()
        }

    return {
        "年度": result.year,
        "渠道": {
            ch: {"次数": result.records[ch], "人次": n} for ch, n in result.per_channel.items()
        },
        "各题": tallies(result.per_question),
        "各单位": {unit: tallies(per) for unit, per in result.per_unit.items()},
        "意见": {
            "总数": len(result.comments),
            "已办结": sum(c.closed_on is not None for c in result.comments),
        },
    }


def as_lines(result: Report, policy: VoicePolicy, md: bool) -> list[str]:
    def block(head: list[str], rows: list[list[str]]) -> list[str]:
        return table(head, rows).split("\n") if md else ["  ".join(r) for r in [head, *rows]]

    rows = []
    for i, q in enumerate(policy.questions):
        t = result.per_question.get(q.code)
        counts = [str(t.counts[o]) if t else "0" for o in policy.options]
        rows.append(
            [
                label(i, q.text),
                *counts,
                str(t.total() if t else 0),
                percent(t.rate(policy.satisfied) if t else None),
            ]
        )
    lines = [
        f"{result.year}年社会评议结果："
        + (
            "，".join(
                f"{ch} {result.records[ch]} 次 {n} 人次"
                for ch, n in sorted(result.per_channel.items())
            )
            or "没有记录"
        ),
        "",
    ]
    lines += block(["题目", *policy.options, "合计", "满意率"], rows) + [
        "",
        "各单位满意率（按题）：",
        "",
    ]
    units = [
        [
            unit,
            *(
                percent(per[q.code].rate(policy.satisfied)) if q.code in per else "—"
                for q in policy.questions
            ),
        ]
        for unit, per in sorted(result.per_unit.items())
    ]
    lines += block(["被评议单位", *(q.code for q in policy.questions)], units)
    closed = sum(c.closed_on is not None for c in result.comments)
    return lines + ["", f"批评和建议 {len(result.comments)} 条，已办结 {closed} 条。"]


def run_due(args: argparse.Namespace) -> int:
    items, problems = load_evaluations(args.root, load_registry(args.root))
    day = today()
    open_ = sorted(
        (c for ev in items for c in ev.comments if c.closed_on is None), key=lambda c: c.due
    )
    if args.format == "json":
        json.dump(
            [
                {
                    "path": c.rel,
                    "line": c.line,
                    "责任单位": c.department,
                    "类型": c.kind,
                    "处理": c.handling,
                    "期限": str(c.due),
                    "超期": c.overdue(day),
                }
                for c in open_
            ],
            sys.stdout,
            ensure_ascii=False,
            indent=1,
        )
        print()
    else:
        for c in open_:
            state = "已超期" if c.overdue(day) else "办理中"
            how = c.handling or "未确定整改或解释"
            print(f"{c.rel}:{c.line}: {state} {c.department} {c.kind}意见（{how}），期限 {c.due}")
        print(
            f"截至 {day}：未办结 {len(open_)} 条，其中超期 {sum(c.overdue(day) for c in open_)} 条。"
        )
    if problems:
        report(problems, "text", sys.stderr, what="条评议记录")
    return 1 if any(c.overdue(day) for c in open_) or exit_code(problems) else 0


def run_check(args: argparse.Namespace) -> int:
    _items, problems = load_evaluations(args.root, load_registry(args.root))
    report(
        problems, args.format, checked=len(record_paths(args.root, EVALUATIONS)), what="个评议文件"
    )
    return exit_code(problems)


def run_form(args: argparse.Namespace) -> int:
    registry = load_registry(args.root)
    text = issue_form(registry, voice_policy(registry))
    if args.write:
        write_atomic(args.root / FORM_PATH, text)
        print(f"已写入 {FORM_PATH}")
    else:
        sys.stdout.write(text)
    return 0


def run_add(args: argparse.Namespace) -> int:
    registry = load_registry(args.root)
    day = parse_date(args.date) if args.date else today()
    if day is None:
        print(f"xxgk：--date 的值“{args.date}”应写成 yyyy-mm-dd", file=sys.stderr)
        return 2
    try:
        raw = (
            sys.stdin.read() if str(args.source) == "-" else args.source.read_text(encoding="utf-8")
        )
    except (OSError, UnicodeDecodeError) as exc:
        print(f"xxgk：无法读取 {args.source}（{exc}）；请保存为 UTF-8 文本文件", file=sys.stderr)
        return 2
    answer = parse(raw, voice_policy(registry), unit_names(registry))
    if answer.problems:
        print("\n".join(f"xxgk：{args.source}：{p}" for p in answer.problems), file=sys.stderr)
        return 1
    number = next_number(args.root, EVALUATIONS, "PY", day.year)
    path = args.root / EVALUATIONS / str(day.year) / f"{number}.yml"
    try:
        write_atomic(
            path, record_text(number, day.isoformat(), answer, args.note, args.kind), exclusive=True
        )
    except FileExistsError:
        print(f"xxgk：{number}.yml 已存在，没有覆盖；请重新运行以取下一个编号", file=sys.stderr)
        return 2
    rel = path.relative_to(args.root).as_posix()
    print(
        f"已登记 {rel}：{answer.unit}，{len(answer.answers)} 题"
        + ("，含意见建议（请确定整改或解释）" if answer.comments else "")
    )
    return 0
