"""``xxgk intake serve``: the 在线申请 and 在线评议 service beside the static site."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from xxgk.io.registry import ConfigError, load_registry
from xxgk.model.registry import Registry
from xxgk.requests.sealed import SealError, read_recipients, recipients_of, registry_keys
from xxgk.trust.anchor import load_trust
from xxgk.trust.protected import recipients

SAMPLE_RECIPIENT = "age1sg2xqxvfa50nvurd4fcdcx8g7tn6z2ljzn6ecqd95ul0xd3xea9s2ey57a"
DEFAULT_SPOOL = "/var/spool/xxgk"

HELP = f"""在线申请和在线评议服务：接收网站表单和 JSON 提交，加密保存后给出回执（受理编号、收到日期、答复期限）。

服务只持有政务公开办公室的公钥（机构登记 公开工作机构.收件公钥，或 --recipient 指定的文件），
能加密、不能解密：暂存件由办公室用 xxgk request inbox --identity 钥匙文件 导入为记录。
每份提交先写入暂存文件夹（--spool，默认 $XXGK_SPOOL 或 {DEFAULT_SPOOL}）并 fsync，之后才回复。
正式部署时放在网站服务器后面（同一域名，如 nginx 的 location /api/），见 docs/requests.md。

示例:
  xxgk intake serve --port 8081 --spool /var/spool/xxgk
  xxgk intake serve --port 8000 --site site --spool /tmp/xxgk-spool   # 本机连同网站一起预览
  xxgk intake serve --port 8081 --recipient /etc/xxgk/office.pub --rate 20 --min-seconds 8
"""


def register(subs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subs.add_parser("intake", help="在线申请和在线评议服务", description=HELP)
    inner = p.add_subparsers(dest="action", metavar="操作", required=True)
    serve = inner.add_parser("serve", help="启动在线申请和在线评议服务", description=HELP)
    serve.add_argument("--port", type=int, required=True, help="监听端口")
    serve.add_argument(
        "--host", default="127.0.0.1", help="监听地址（默认 127.0.0.1：只让本机的网站服务器转发）"
    )
    serve.add_argument(
        "--site", type=Path, metavar="DIR", help="同时提供生成的网站（本机预览和测试用）"
    )
    serve.add_argument(
        "--spool",
        type=Path,
        metavar="DIR",
        help=f"暂存文件夹（默认 $XXGK_SPOOL 或 {DEFAULT_SPOOL}）",
    )
    serve.add_argument(
        "--recipient",
        type=Path,
        metavar="AGE_PUBLIC_KEY_FILE",
        help="公钥文件（每行一个 age1… 公钥；默认用机构登记的 收件公钥）",
    )
    serve.add_argument(
        "--max-body",
        type=int,
        default=64 * 1024,
        metavar="字节",
        help="每份提交的大小上限（默认 65536）",
    )
    serve.add_argument(
        "--rate", type=int, default=30, metavar="N", help="同一地址每小时最多提交次数（默认 30）"
    )
    serve.add_argument(
        "--min-seconds",
        type=float,
        default=5.0,
        metavar="秒",
        help="打开表单到提交的最短时间，防自动程序（默认 5）",
    )
    serve.add_argument(
        "--forwarded-allow-ips",
        default="127.0.0.1",
        metavar="地址",
        help="信任其 X-Forwarded-For 的代理地址（默认 127.0.0.1）",
    )
    serve.set_defaults(func=run_serve)


def anchored_recipients(root: Path, registry: Registry, recipient: Path | None) -> str:
    """Why the service must not start ("" when it may): in production (XXGK_TRUST_ANCHOR set)
    the 收件公钥 count only under the leading group's anchor signature, else an insider's own
    key added to xxgk.yml would read every applicant's personal data; a --recipient file may
    only name keys so signed. In a preview the service starts and says so."""
    trust = load_trust(root, registry)
    if trust.preview:
        print(
            "xxgk：预览：收件公钥未经领导小组用信任锚签署（未设置 XXGK_TRUST_ANCHOR），不得用于正式受理",
            file=sys.stderr,
        )
        return ""
    if not trust.usable:
        return f"不启动在线申请服务：{trust.message}"
    if recipient is not None:
        signed = set(recipients(registry))
        extra = [str(k) for k in read_recipients(recipient) if str(k) not in signed]
        if extra:
            return (
                f"不启动在线申请服务：{recipient} 中的公钥“{extra[0][:20]}…”不是领导小组签署的"
                "收件公钥（xxgk.yml 公开工作机构.收件公钥）"
            )
    return ""


def run_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from xxgk.intake.app import create_app
    from xxgk.intake.service import Settings
    from xxgk.intake.spool import SpoolError

    spool = args.spool or Path(os.environ.get("XXGK_SPOOL") or DEFAULT_SPOOL)
    if args.site is not None and not (args.site / "index.html").is_file():
        print(f"xxgk：{args.site} 里没有 index.html：请先生成网站（make site）", file=sys.stderr)
        return 2
    try:
        registry = load_registry(args.root)
        refusal = anchored_recipients(args.root, registry, args.recipient)
        if refusal:
            print(f"xxgk：{refusal}", file=sys.stderr)
            return 2
        keys = (
            read_recipients(args.recipient)
            if args.recipient
            else recipients_of(registry_keys(registry.office))
        )
        app = create_app(
            Settings(args.root, spool, keys, args.site, args.max_body, args.rate, args.min_seconds)
        )
    except (SealError, SpoolError, ConfigError) as exc:
        print(f"xxgk：{exc}", file=sys.stderr)
        return 2
    if any(str(k) == SAMPLE_RECIPIENT for k in keys):
        print(
            "xxgk：警告：收件公钥是仓库随附的样例公钥，它的钥匙随仓库公开；正式上线前必须换成"
            "政务公开办公室自己的公钥（docs/requests.md“钥匙的保管”）。",
            file=sys.stderr,
        )
    print(
        f"xxgk：在线申请服务 http://{args.host}:{args.port}/api/ ，暂存文件夹 {spool}",
        file=sys.stderr,
    )
    uvicorn.run(
        app,
        host=args.host,
        port=args.port,
        log_level="warning",
        access_log=False,
        proxy_headers=True,
        forwarded_allow_ips=args.forwarded_allow_ips,
    )
    return 0
