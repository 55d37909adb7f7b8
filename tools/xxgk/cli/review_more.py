"""``xxgk review approve | release``: the approval chain of secrecy reviews (附件4)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from xxgk.io.catalog import rel
from xxgk.io.hashing import sha256_bytes
from xxgk.io.registry import ConfigError, load_registry
from xxgk.model.dates import parse_date, today
from xxgk.requests.service import Workspace
from xxgk.requests.store import RecordError
from xxgk.review.approve import (
    approval_path,
    approval_record,
    release_path,
    release_record,
    write_signed,
)
from xxgk.review.author import signing_key
from xxgk.review.leader import Act
from xxgk.review.sign import SignError
from xxgk.review.yamlout import dump
from xxgk.trust.decision import load_basis
from xxgk.trust.index import load_index

UNCLEAR_TO = ("分管负责同志", "保密工作部门", "上级业务主管部门")
APPROVE_HELP = """分管负责同志审批保密审查记录（附件4 第九条（三）），或信息公开工作负责人签发依申请公开的
答复（附件4 第十四条，审批 releases/ 下的记录）：写入 approvals/，用本人 SSH 密钥签名（用途 xxgk-approval）。
审批只对所审批记录的当前字节有效。审批人须是 xxgk.yml 工作人员名册中该单位的负责同志。

示例:
  xxgk review approve reviews/2026/000014349-2026-00012-2026-11-20-1a2b3c4d5e6f-002.yml --approver 张明
  xxgk review approve releases/2026/YSQ-2026-0001-2026-11-20-0a1b2c3d4e5f.yml --approver 张明
  xxgk review approve reviews/2026/x.yml --approver 张明 --opinion 不同意 --note 须报保密局确定
"""
RELEASE_HELP = """对依申请公开答复中向申请人提供的信息进行保密审查（附件4 第七条（三）、第十四条）：
写入 releases/ 下的记录（申请编号、受理单位、每个提供文件的 SHA-256、结论），用审查人本人的 SSH 密钥签名。
予以公开、部分公开的答复书要等到这份审查和负责人的签发（xxgk review approve）都有了才能生成。

示例:
  xxgk review release YSQ-2026-0001 requests/2026/YSQ-2026-0001/提供-2026年预算公开表.pdf --reviewer 李秀英
  xxgk review release YSQ-2026-0003 requests/2026/YSQ-2026-0003/提供.docx --reviewer 李秀英 --conclusion 脱密处理后部分公开 --reason 删去第三页人员名单（条例第十五条）
"""


def register_more(sub: Any, fmt: type[argparse.HelpFormatter]) -> None:
    a = sub.add_parser(
        "approve",
        help="负责同志审批审查记录或签发答复",
        description=APPROVE_HELP,
        formatter_class=fmt,
    )
    a.add_argument("record", type=Path, metavar="RECORD", help="reviews/ 或 releases/ 下的审查记录")
    a.add_argument("--approver", required=True, help="审批人姓名（工作人员名册中的负责同志）")
    a.add_argument(
        "--opinion", choices=("同意", "不同意"), default="同意", help="审批意见（默认同意）"
    )
    a.add_argument("--note", default="", help="说明")
    a.add_argument("--date", help="审批日期 yyyy-mm-dd（默认今天）")
    a.add_argument("--key", help="签名用的 SSH 私钥")
    a.set_defaults(func=run_approve)
    r = sub.add_parser(
        "release", help="审查依申请提供的信息", description=RELEASE_HELP, formatter_class=fmt
    )
    r.add_argument("number", metavar="编号", help="申请编号（YSQ-…）")
    r.add_argument(
        "files", nargs="+", type=Path, metavar="FILE", help="向申请人提供的文件（仓库内）"
    )
    r.add_argument("--reviewer", required=True, help="审查人姓名")
    r.add_argument("--conclusion", choices=("同意公开", "脱密处理后部分公开"), default="同意公开")
    r.add_argument("--reason", default="", help="部分提供时删去了什么及依据")
    r.add_argument("--author", default="", help="准备提供信息的经办人（默认：申请记录的登记人）")
    r.add_argument("--date", help="审查日期 yyyy-mm-dd（默认今天）")
    r.add_argument("--key", help="签名用的 SSH 私钥")
    r.set_defaults(func=run_release)


def _day(text: str | None) -> Any:
    day = parse_date(text) if text else today()
    if day is None:
        raise ConfigError(f"日期“{text}”应写作 yyyy-mm-dd，且是真实的日期")
    return day


def _rel(root: Path, path: Path) -> str:
    """A path given on the command line, from the repository root (relative to the working
    directory, or to the root when it names a file there)."""
    if not path.is_absolute():
        path = (
            Path.cwd() / path
            if (Path.cwd() / path).exists() or not (root / path).exists()
            else root / path
        )
    found = rel(root, path)
    if found.startswith("/") or ".." in found.split("/"):
        raise SignError(f"{path} 不在仓库 {root} 之内")
    return found


def write_approval(args: argparse.Namespace, build: Any) -> int:
    """Build an approval with ``build(root, trust, idx, act)``; check, write and sign it."""
    root: Path = args.root
    basis = load_basis(root, load_registry(root))
    act = Act(args.approver, _day(args.date), args.note)
    try:
        record = build(root, basis.trust, load_index(root, basis.trust), act)
        target = approval_path(record, act.day)
        write_signed(root, target, record, signing_key(root, args.key))
    except SignError as exc:
        print(f"xxgk：{exc}", file=sys.stderr)
        return 1
    print(f"已写入并签名 {target} 和 {target}.sig；提交它们：git add approvals/ && git commit -S")
    return 0


def run_approve(args: argparse.Namespace) -> int:
    return write_approval(
        args,
        lambda root, trust, idx, act: approval_record(
            root, _rel(root, args.record), act.approver, args.opinion, act.note, act.day, trust
        ),
    )


def run_release(args: argparse.Namespace) -> int:
    root: Path = args.root
    basis = load_basis(root, load_registry(root))
    day = _day(args.date)
    try:
        req = Workspace.open(root).record(args.number).request
        if req is None:
            raise RecordError(f"{args.number} 的申请记录无法读取，请先运行 xxgk check 改正")
        staff = next((e.get("经办人") for e in req.events if e.get("经办人")), "")
        files = [_rel(root, f) for f in args.files]
        record = release_record(
            root,
            req.number,
            req.unit,
            files,
            args.reviewer,
            basis.people,
            args.conclusion,
            args.reason,
            day,
            args.author or str(staff or "未注明"),
        )
        target = release_path(req.number, day, sha256_bytes(dump(record).encode()))
        write_signed(root, target, record, signing_key(root, args.key))
    except (SignError, RecordError) as exc:
        print(f"xxgk：{exc}", file=sys.stderr)
        return 1
    print(
        f"已写入并签名 {target} 和 {target}.sig；下一步由负责人签发：xxgk review approve {target} --approver 姓名"
    )
    return 0
