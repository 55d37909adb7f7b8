"""``xxgk scan [PATH...]``: secrecy markings and personal data, for the reviewer (附件4 第六条)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from xxgk.cli._paths import given_files
from xxgk.cli.output import FORMATS, exit_code, report
from xxgk.io.catalog import entry_listing, rel
from xxgk.io.registry import REGISTRY_FILE, check_registry
from xxgk.io.safefs import list_files
from xxgk.model.problem import Problem, Severity
from xxgk.review.gate_registry import registry_findings
from xxgk.scan.run import ScanResult, public_values, scan_file
from xxgk.trust.decision import load_basis
from xxgk.trust.index import cached_index

HELP = """扫描条目中的密级标志和个人信息，供保密审查人核实（附件4 第六条）。

查找：秘密★1年 等密级标志、“密级：”、内部资料、注意保存、不得外传、涉密；公民身份号码（校验码
正确，以及 15 位的第一代身份证号码）、手机号码、固定电话、银行卡号（Luhn 校验）、电子邮件地址、
个体工商户统一社会信用代码（92 开头）。数字紧挨汉字、全角、被空格或连字符分开、写在 HTML 注释或
元数据里都能找到。条目列出的附件也扫描：文本文件，以及 Word 文档的正文、页眉、页脚、脚注、批注和
文本框；其他格式报警告，请审查人打开核对。符号链接、命名管道等特殊文件不予读取，报错并指出文件。

每条发现有编号（规则:文件:哈希）。审查人核实后，用 xxgk review sign --ack 编号=说明 写入审查记录；
已确认的发现不再报错。不给路径时扫描全部目录条目，以及 xxgk.yml 中会出现在网站上的文字（页脚、
单位名称、分类、公开工作机构、社会评议问卷；与站点生成的扫描相同，不能确认，只能改正）；
给出 xxgk.yml 时只扫描这些文字。
退出码：0 没有未确认的发现；1 有未确认的发现；2 用法或配置错误。

示例:
  xxgk scan
  xxgk scan content/catalog/2026/000014349-2026-00012.md
  xxgk scan --format json content/catalog/2026
  xxgk scan --all --format github      # 已确认的发现也列出（作为警告）
  xxgk scan xxgk.yml                   # 只扫描登记中会公开的文字
"""


def register(subs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subs.add_parser("scan", help="扫描密级标志和个人信息", description=HELP)
    p.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="要扫描的文件或文件夹")
    p.add_argument("--format", choices=FORMATS, default="text", help="输出格式（默认 text）")
    p.add_argument("--all", action="store_true", help="已在审查记录中确认的发现也列出（警告）")
    p.set_defaults(func=run)


def targets(root: Path, paths: list[Path]) -> tuple[list[Path], list[Problem]]:
    """The files to scan, and problems: what does not exist, and symlinks, special files and
    odd names among the paths and inside the folders given (never followed, never opened)."""
    if not paths:
        return entry_listing(root)

    def inside(full: Path) -> tuple[list[Path], list[Problem]]:
        folder = rel(root, full)
        base, sub = (root, folder) if not folder.startswith(("/", "../")) else (full, ".")
        return list_files(base, sub, (".md",))

    return given_files(paths, inside)


def run(args: argparse.Namespace) -> int:
    root: Path = args.root
    registry, config = check_registry(root)
    if registry is None:  # the trust and the public contacts come from xxgk.yml
        report(config, args.format, sys.stderr)
        return 2
    files, problems = targets(root, args.paths)
    registry_named = [p for p in files if _is_registry(root, p)]
    if registry_named or not args.paths:  # the registry's public text, as the build scans it
        problems += registry_findings(root, registry)
        files = [p for p in files if p not in registry_named]
    idx = cached_index(root, load_basis(root, registry).trust)
    public, result = public_values(registry), ScanResult()
    for path in files:
        try:
            scan_file(root, path, idx, public, result)
        except ValueError:
            problems.append(
                Problem(
                    path.as_posix(), 1, 1, "FILE-OUTSIDE", Severity.ERROR, "文件不在信息公开仓库里"
                )
            )
    problems += result.problems(args.all)
    checked = len(files) + (1 if registry_named or not args.paths else 0)
    report(problems, args.format, sys.stdout, checked=checked, what="个文件")
    return exit_code(problems)


def _is_registry(root: Path, path: Path) -> bool:
    full = path if path.is_absolute() else Path.cwd() / path
    return full.absolute() == (root / REGISTRY_FILE).absolute()
