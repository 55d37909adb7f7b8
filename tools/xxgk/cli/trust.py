"""``xxgk trust status|sign|sign-record``: the trust anchor and signed records."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from xxgk.cli.output import FORMATS, exit_code, report
from xxgk.io.catalog import rel
from xxgk.io.registry import load_registry
from xxgk.review.author import signing_key
from xxgk.trust.anchor import ANCHOR_ENV, load_trust
from xxgk.trust.anchor_sign import sign_trust
from xxgk.trust.records_sign import sign_record
from xxgk.trust.sshsig import SignatureError, fingerprint

HELP = f"""信任锚与签名：谁的密钥可以签署审查、培训、书面意见，由仓库以外的信任锚决定。

发布主机（或 CI 变量）设置环境变量 {ANCHOR_ENV}（领导小组公钥本身，或公钥文件的路径）；
领导小组用 xxgk trust sign 签署 .xxgk/allowed_signers、xxgk.yml 的审查人员和工作人员名册、
收件公钥（申请人个人信息加密给它们）和保护性政策值（培训最少学时、保密审查复查周期、依申请公开期限）。
没有信任锚时生成的是预览版（每页标明），发布工作流拒绝部署。

示例:
  xxgk trust status
  xxgk trust sign --key ~/.ssh/xxgk_leading_group
  xxgk trust sign-record training/2026/2026-05-12-保密审查人员专题培训.yml --key ~/.ssh/xxgk_signing
"""
STATUS_HELP = f"""显示信任状态：正式（信任锚核验通过）、预览（未设置 {ANCHOR_ENV}）或拒绝（核验失败），
以及允许签名人文件中的每个密钥。退出码：0 正式或预览；1 核验失败或签名人文件有错误。

示例:
  xxgk trust status
  XXGK_TRUST_ANCHOR=~/anchor.pub xxgk trust status
"""
SIGN_HELP = """领导小组用信任锚私钥签署允许签名人文件、审查人员和工作人员名册、收件公钥和保护性政策值
（每年培训最少学时、保密审查复查周期月数、依申请公开的各项期限）（写入 .xxgk/trust.sig）。
其中任何一项改动后都要核对并重新签署，否则正式发布停止，在线申请服务也不启动。

示例:
  xxgk trust sign --key ~/.ssh/xxgk_leading_group
"""
RECORD_HELP = """用本人 SSH 密钥签署记录（写入同名 .sig 文件）：培训记录由组织培训的单位签，
书面意见由被征求单位签，协调决定由领导小组办公室签。未签名的记录不算数；签名后不得修改记录。

示例:
  xxgk trust sign-record training/2026/2026-05-12-保密审查人员专题培训.yml --key ~/.ssh/xxgk_signing
  xxgk trust sign-record consultations/2026/000014349-2026-00012-交通运输局.yml
"""


def register(subs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    fmt = argparse.RawDescriptionHelpFormatter
    p = subs.add_parser("trust", help="信任锚与记录签名", description=HELP, formatter_class=fmt)
    sub = p.add_subparsers(dest="action", metavar="操作", parser_class=type(p))
    s = sub.add_parser("status", help="显示信任状态", description=STATUS_HELP, formatter_class=fmt)
    s.add_argument("--format", choices=FORMATS, default="text", help="输出格式（默认 text）")
    s.set_defaults(func=run_status)
    g = sub.add_parser(
        "sign", help="领导小组签署签名人文件和名册", description=SIGN_HELP, formatter_class=fmt
    )
    g.add_argument("--key", required=True, help="信任锚私钥文件（或 ssh-agent 中密钥的公钥文件）")
    g.set_defaults(func=run_sign)
    r = sub.add_parser(
        "sign-record", help="签署培训记录或书面意见", description=RECORD_HELP, formatter_class=fmt
    )
    r.add_argument("records", nargs="+", type=Path, metavar="RECORD", help="记录文件")
    r.add_argument(
        "--key", help="签名用的 SSH 私钥（默认：XXGK_SIGNING_KEY 或 git config user.signingkey）"
    )
    r.set_defaults(func=run_sign_record)
    p.set_defaults(func=lambda a: (p.print_help(), 2)[1])


def run_status(args: argparse.Namespace) -> int:
    root: Path = args.root
    trust = load_trust(root, load_registry(root))
    print(trust.message)
    for k in trust.signers.keys:
        spaces = "、".join(sorted(k.namespaces)) or "仅 git 提交"
        until = f"，{k.valid_before} 起停用" if k.valid_before else ""
        print(f"  {'、'.join(sorted(k.principals))}  {fingerprint(k.key)}  用途：{spaces}{until}")
    report(trust.problems, args.format, sys.stdout, checked=len(trust.signers.keys), what="个密钥")
    return exit_code(trust.problems) if trust.usable else 1


def run_sign(args: argparse.Namespace) -> int:
    root: Path = args.root
    try:
        written = sign_trust(root, load_registry(root), args.key)
    except SignatureError as exc:
        print(f"xxgk：{exc}", file=sys.stderr)
        return 1
    print(
        f"已写入 {written}：允许签名人文件、审查和工作人员名册、公开工作机构、收件公钥、政策值（含历史版本）和 calendar/ 各年文件已签署。提交它（单独的合并请求）。"
    )
    return 0


def run_sign_record(args: argparse.Namespace) -> int:
    root: Path = args.root
    key = signing_key(root, args.key)
    failed = 0
    for path in args.records:
        full = path if path.is_absolute() else Path.cwd() / path
        try:
            print(f"已写入 {sign_record(root, rel(root, full), key)}")
        except SignatureError as exc:
            print(f"xxgk：{exc}", file=sys.stderr)
            failed += 1
    return 1 if failed else 0
