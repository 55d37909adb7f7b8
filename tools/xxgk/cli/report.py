"""``xxgk report annual --year Y``: the year's 政府信息公开工作年度报告 page, its CSV files and checks."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from xxgk.cli.output import FORMATS
from xxgk.cli.output import report as print_problems
from xxgk.io.registry import load_registry
from xxgk.model.dates import today
from xxgk.model.problem import has_errors
from xxgk.model.registry import Registry
from xxgk.reports import annual, annual_duty, page
from xxgk.reports.inputs import Scope

HELP = """生成政府信息公开工作年度报告（国办公开办函〔2021〕30号格式）。

第二部分表格按目录中“文种”为规章、行政规范性文件的条目统计，另从 annual/<年度>/统计数据.yml
读行政许可、处罚、强制和收费数字；第三部分按 requests/ 的申请记录统计，并核对
“一 + 二 = 三（七）+ 四”，不平衡时拒绝生成并指出哪一列；第四部分读 annual/<年度>/复议诉讼.yml；
第一、五、六部分取自 annual/<年度>/正文.md。

生成的页面写到 content/reports/<年度>-annual-report.md，三张表的 CSV 写到
content/reports/<年度>/，随站点发布供下载。部门的报告用 --unit：只统计该单位发布的条目和
受理的申请，输入放在 annual/<年度>/<单位代码>/，页面为 content/reports/<年度>-<单位代码>-annual-report.md。
部门在次年1月31日前、县级人民政府在次年3月31日前发布上一年度的报告（条例第四十九条）。

退出码：0 已生成（或 --check 时与记录一致）；1 输入有错误、表三不平衡或页面已过时；2 用法错误。

示例:
  xxgk report annual --year 2025
  xxgk report annual --year 2025 --check      # 只核对，不写文件
  xxgk report annual --all --check            # CI：已有的每一份报告都与记录一致
  xxgk report annual --year 2025 --unit 鄂托克前旗教育体育局
  xxgk report annual --year 2025 --format json
"""


def register(subs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subs.add_parser("report", help="生成政府信息公开工作年度报告", description=HELP)
    kinds = p.add_subparsers(dest="kind", metavar="报告", required=True)
    a = kinds.add_parser("annual", help="年度报告", description=HELP)
    a.add_argument("--year", type=int, default=today().year - 1, help="报告年度（默认：上一年）")
    a.add_argument(
        "--unit",
        metavar="单位名称",
        help="生成某个部门（xxgk.yml 单位）的年度报告；不给则为本级政府",
    )
    a.add_argument(
        "--all",
        action="store_true",
        help="annual/ 下每个年度（及其中每个单位）的报告，代替 --year 和 --unit",
    )
    a.add_argument("--check", action="store_true", help="只核对已有页面是否与记录一致，不写文件")
    a.add_argument("--format", choices=FORMATS, default="text", help="输出格式（默认 text）")
    a.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    registry = load_registry(args.root)
    if args.all:
        scopes = annual.shipped_scopes(args.root, registry)
    else:
        scopes = [annual.scope_of(registry, args.year, args.unit)]
    results = [_one(args, registry, scope) for scope in scopes]
    _duties(args, registry, scopes, [r for _, r in results])
    if args.format == "json":
        json.dump([r for _, r in results], sys.stdout, ensure_ascii=False, indent=1)
        print()
    return max((code for code, _ in results), default=0)


def _duties(
    args: argparse.Namespace, registry: Registry, scopes: list[Scope], results: list[dict[str, Any]]
) -> None:
    """Which units have published each year's report by their deadline (条例第四十九条)."""
    for year in sorted({s.year for s in scopes}):
        found = annual_duty.duties(args.root, registry, year)
        status = {d.scope: d for d in found}
        for scope, result in zip(scopes, results):
            if scope.year == year and (duty := status.get(scope)) is not None:
                result["发布情况"] = {
                    "状态": duty.status(today()),
                    "期限": duty.deadline.isoformat(),
                    "发布日期": duty.published.isoformat() if duty.published else None,
                }
        if args.format != "json":
            print("\n".join(annual_duty.summary_lines(found, today())))


def _one(args: argparse.Namespace, registry: Registry, scope: Scope) -> tuple[int, dict[str, Any]]:
    """Generate (or with --check compare) one report; (exit code, what to print as JSON)."""
    name = f"{scope.year} 年度{scope.unit or ''}报告"
    result: dict[str, Any] = {"年度": scope.year, "单位": scope.unit}
    built, problems = annual.build(args.root, registry, scope)
    if built is None or has_errors(problems):
        if args.format == "json":
            result["问题"] = [p.as_dict() for p in problems]
        else:
            print_problems(problems, "text", sys.stderr, checked=1, what="份年度报告的输入")
            print(f"{name}未生成：请先改正以上问题。", file=sys.stderr)
        return 1, result
    if problems:  # warnings only (a late 发布日期): said, not blocking
        result["问题"] = [p.as_dict() for p in problems]
        if args.format != "json":
            print_problems(problems, "text", sys.stderr, checked=1, what="份年度报告的输入")
    files = page.outputs(built)
    if args.check:
        stale = page.stale(args.root, files)
        result["过时"] = [p.as_posix() for p in stale]
        for path in stale:
            print(
                f"{path.as_posix()}：与记录统计的结果不一致（或不存在）；请运行 xxgk report annual "
                f"--year {scope.year}{' --unit ' + scope.unit if scope.unit else ''} 重新生成",
                file=sys.stderr,
            )
        if not stale and args.format != "json":
            print(f"{name}与记录一致。")
        return (1 if stale else 0), result
    result["文件"] = [p.as_posix() for p in page.write(args.root, files)]
    if args.format != "json":
        print("\n".join(f"已写入 {f}" for f in result["文件"]))
        print(f"{built.title}已生成；表三平衡（一 + 二 = 三（七）+ 四）。请核对后提交。")
    return 0, result
