"""``xxgk audit --year Y``: the accountability audit (附件3 第五条), per department; internal only."""

from __future__ import annotations

import argparse
import json
import sys

from xxgk.io.registry import load_registry
from xxgk.model.dates import today
from xxgk.model.problem import Severity
from xxgk.reports import listing
from xxgk.reports.audit import run_audit, to_json, to_listing
from xxgk.reports.audit_pages import page_source
from xxgk.reports.audit_sources import SOURCES
from xxgk.site.registry_pages import reviewed_page_files

HELP = """责任追究检查（《信息公开责任追究制度》附件3 第五条），按单位列出记录能说明的问题：

  依申请公开超期答复、超期未答复；违反规定收取信息处理费；已合并的条目没有有效的保密审查；
  公开指南超过“政策.指南更新周期月数”未更新；单位超过“政策.单位无更新提示月数”没有新条目；
  工作人员培训不足学时或先上岗后培训；社会评议整改、舆情回应超期（有社会评议记录时）；
  公开指南、在线申请、社会评议问卷和结果、回应关切等生成的页面没有审查、网站上暂不公开
  （记在运行网站的单位名下）。

检查结果点名到人，仅供内部使用，不要发布到网站。无法检查的项目（缺少记录或模块、没有 git
历史）列在“未能检查”中，不会当作没有问题。

退出码：0 没有错误级的发现；1 有错误级的发现；2 用法或配置错误。

示例:
  xxgk audit --year 2025
  xxgk audit --year 2025 --format markdown > 责任追究检查2025.md
  xxgk audit --year 2026 --format json
"""


def register(subs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subs.add_parser("audit", help="责任追究检查（内部）", description=HELP)
    p.add_argument("--year", type=int, default=today().year, help="年度（默认：今年）")
    p.add_argument(
        "--format",
        choices=("text", "markdown", "json"),
        default="text",
        help="输出格式（默认 text）",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    registry = load_registry(args.root)
    sources = [*SOURCES, ("生成页面的保密审查", page_source(reviewed_page_files))]
    audit = run_audit(args.root, registry, args.year, today(), sources)
    if args.format == "json":
        json.dump(to_json(audit), sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        sys.stdout.write(listing.render(to_listing(audit, registry), args.format))
    return 1 if any(f.severity is Severity.ERROR for f in audit.findings) else 0
