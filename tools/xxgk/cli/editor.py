"""``xxgk editor config|serve|normalize|preview``: the web editor (Decap CMS) for staff."""

from __future__ import annotations

import argparse
import json
import signal
import sys
from pathlib import Path
from typing import Any

from xxgk.editor.config import BACKENDS, Backend, build_config, dump
from xxgk.editor.drift import disagreements
from xxgk.editor.normalize import changed_entries, fork_files, normalize
from xxgk.editor.own_folder import relocate_all
from xxgk.editor.preview import write_previews
from xxgk.editor.serve import free_port, npm_dir, page_server, start_proxy
from xxgk.io.atomic import write_atomic
from xxgk.io.catalog import CATALOG_DIR
from xxgk.io.errors import ConfigError
from xxgk.io.git import files_at, git, ref_exists
from xxgk.io.registry import load_registry
from xxgk.io.schema import SCHEMA_DIR_NAME
from xxgk.model.problem import Problem

SCHEMA = "catalog-entry.schema.json"
FMT = argparse.RawDescriptionHelpFormatter

HELP = """网页编辑器（Decap CMS）：工作人员在浏览器里填表发布信息，每个条目一个分支、一个合并请求。
表单由 schemas/catalog-entry.schema.json 和 xxgk.yml 生成；说明见 docs/editor.md。

示例:
  xxgk editor config --backend forgejo --repo zwgk/xxgk --base-url https://git.example.gov.cn
  make editor
"""
CONFIG_HELP = """生成编辑器配置（config.yml）：字段、中文标签和提示来自结构定义，发布机构和科室来自 xxgk.yml。
加 --check 时核对一个已有的配置文件与结构定义、登记是否一致（不一致退出码 1）。

示例:
  xxgk editor config --backend github --repo etkqq/xxgk --out editor/config.yml
  xxgk editor config --check editor/config.yml
"""
SERVE_HELP = """在本机（127.0.0.1）运行编辑器，供培训和本地使用：Decap CMS 的本地代理（git 模式）直接提交到本仓库，
每个条目一个分支 cms/catalog/…。工作区有未提交的改动时拒绝启动（本地代理会把它们一起提交）。

示例:
  xxgk editor serve --port 8080
"""
NORMALIZE_HELP = """把编辑器写出的条目改写成 xxgk new 的格式（字段顺序、引号、去掉空字段），只改本分支新增或改动的条目；
本分支上传的附件移入条目自己的文件夹（条目文件名.files/），改写“附件”和正文里的链接。
两个条目列出同一个附件文件、目标文件已存在时拒绝（指明文件和行），不覆盖任何文件；
主线上已有的文件不移动（不给 --base 时：已提交的文件不移动）。
合并请求上的作业先运行它，再运行 xxgk renumber --base 分配索引号。

示例:
  xxgk editor normalize --base origin/main
  xxgk editor normalize content/catalog/2026/new-20261130-101500.md
"""
PREVIEW_HELP = """为审查人员生成本分支改动条目的审阅预览（HTML，每页标明“未经保密审查”），作为 CI 构件，不进入 site/。

示例:
  xxgk editor preview --base origin/main --out editor-preview
"""


def register(subs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subs.add_parser("editor", help="网页编辑器", description=HELP, formatter_class=FMT)
    sub = p.add_subparsers(dest="action", metavar="操作", parser_class=type(p))
    c = sub.add_parser(
        "config", help="生成或核对编辑器配置", description=CONFIG_HELP, formatter_class=FMT
    )
    c.add_argument(
        "--backend", choices=BACKENDS, default="local", help="代码托管平台（默认 local）"
    )
    c.add_argument("--repo", default="", help="仓库，例如 zwgk/xxgk")
    c.add_argument("--branch", default="main", help="主线分支（默认 main）")
    c.add_argument(
        "--base-url", default="", help="OAuth 授权地址所在的主机（自建 Forgejo/Gitea、GitLab）"
    )
    c.add_argument(
        "--api-root", default="", help="平台 API 地址，例如 https://git.example.gov.cn/api/v1"
    )
    c.add_argument("--app-id", default="", help="OAuth 应用的客户端 ID")
    c.add_argument("--proxy-url", default="http://127.0.0.1:8081/api/v1", help="本地代理地址")
    c.add_argument("--out", type=Path, help="写入文件（默认输出到屏幕）")
    c.add_argument("--check", type=Path, metavar="CONFIG", help="核对已有的配置文件")
    c.set_defaults(func=run_config)
    s = sub.add_parser(
        "serve", help="在本机运行编辑器（培训、本地）", description=SERVE_HELP, formatter_class=FMT
    )
    s.add_argument("--port", type=int, default=8080, help="编辑器页面的端口（默认 8080）")
    s.add_argument("--proxy-port", type=int, default=8081, help="本地代理的端口（默认 8081）")
    s.add_argument(
        "--npm", type=Path, help="装有 decap-cms 和 decap-server 的目录（默认 .cache/npm/editor）"
    )
    s.set_defaults(func=run_serve)
    n = sub.add_parser(
        "normalize",
        help="把编辑器写出的条目改成 xxgk new 的格式",
        description=NORMALIZE_HELP,
        formatter_class=FMT,
    )
    n.add_argument(
        "paths", nargs="*", type=Path, metavar="PATH", help="条目（默认：--base 以来改动的条目）"
    )
    n.add_argument("--base", help="主线的引用，例如 origin/main")
    n.set_defaults(func=run_normalize)
    v = sub.add_parser(
        "preview", help="审阅预览（CI 构件）", description=PREVIEW_HELP, formatter_class=FMT
    )
    v.add_argument("--base", required=True, help="主线的引用，例如 origin/main")
    v.add_argument("--out", type=Path, required=True, help="输出文件夹")
    v.set_defaults(func=run_preview)
    p.set_defaults(func=lambda args: (p.print_help(), 2)[1])


def _schema(root: Path) -> dict[str, Any]:
    path = root / SCHEMA_DIR_NAME / SCHEMA
    try:
        data: dict[str, Any] = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigError(f"读不到结构定义 {SCHEMA_DIR_NAME}/{SCHEMA}：{exc}") from exc
    return data


def generated(root: Path, backend: Backend) -> dict[str, Any]:
    return build_config(_schema(root), load_registry(root), backend)


def run_config(args: argparse.Namespace) -> int:
    root: Path = args.root
    if args.check:
        try:
            text = args.check.read_text("utf-8")
            given = json.loads("\n".join(x for x in text.splitlines() if not x.startswith("#")))
        except (OSError, ValueError) as exc:
            print(
                f"xxgk：{args.check}：读不到 xxgk editor config 生成的配置（{exc}）",
                file=sys.stderr,
            )
            return 2
        found = disagreements(_schema(root), given, load_registry(root))
        for line in found:
            print(f"{args.check}: {line}")
        print(
            f"{args.check}：与结构定义和登记一致。"
            if not found
            else f"{len(found)} 处不一致：请重新运行 xxgk editor config 生成。"
        )
        return 1 if found else 0
    backend = Backend(
        args.backend,
        args.repo,
        args.branch,
        args.base_url,
        args.api_root,
        args.app_id,
        args.proxy_url,
    )
    if args.backend != "local" and not args.repo:
        print("xxgk：用法错误：--backend 不是 local 时要给出 --repo", file=sys.stderr)
        return 2
    text = dump(generated(root, backend))
    if args.out:
        write_atomic(args.out, text)
        print(f"已写入 {args.out}")
    else:
        sys.stdout.write(text)
    return 0


def run_serve(args: argparse.Namespace) -> int:
    root: Path = args.root
    npm = npm_dir(root, args.npm)
    if git(root, "status", "--porcelain", "-z").strip("\0"):
        print(
            "xxgk：工作区有未提交的改动。Decap CMS 的本地代理会把工作区的全部改动一起提交到条目分支；"
            "请先提交或另建一个工作副本（git worktree add）。",
            file=sys.stderr,
        )
        return 2
    proxy_port = args.proxy_port or free_port()
    backend = Backend(
        branch=git(root, "branch", "--show-current").strip() or "main",
        proxy_url=f"http://127.0.0.1:{proxy_port}/api/v1",
    )
    config = dump(generated(root, backend)).encode("utf-8")
    proxy = start_proxy(root, npm, proxy_port)
    signal.signal(signal.SIGTERM, _interrupt)  # stop the proxy too when stopped
    server = page_server(config, npm, args.port)
    print(f"网页编辑器：http://127.0.0.1:{server.server_address[1]}/ （只在本机；Ctrl+C 停止）")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        proxy.terminate()
        proxy.wait(timeout=10)
    return 0


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def run_normalize(args: argparse.Namespace) -> int:
    root: Path = args.root
    if args.base and not ref_exists(root, args.base):
        raise ConfigError(f"找不到 {args.base}：请先 git fetch")
    if args.paths:
        rels = [
            (p if p.is_absolute() else Path.cwd() / p)
            .resolve()
            .relative_to(root.resolve())
            .as_posix()
            for p in args.paths
        ]
    elif args.base:
        rels = changed_entries(root, args.base)
    else:
        print("xxgk：用法错误：给出条目，或用 --base 指定主线", file=sys.stderr)
        return 2
    # what is on the base is never moved: the fork point's files, else those committed at HEAD
    committed = ref_exists(root, "HEAD")
    on_base = (
        fork_files(root, args.base)
        if args.base
        else files_at(root, "HEAD", CATALOG_DIR.as_posix())
        if committed
        else set()
    )
    failed: set[str] = set()
    for outcome in [normalize(root, rel) for rel in rels]:
        _problems(outcome.problems)
        if outcome.problems:
            failed.add(outcome.rel)
        elif outcome.changed:
            print(f"{outcome.rel}：已改成 xxgk new 的格式")
    for moved in relocate_all(root, [r for r in rels if r not in failed], on_base):
        _problems(moved.problems)
        if moved.problems:
            failed.add(moved.rel)
        for source, target in moved.moves:
            print(f"{moved.rel}：附件 {source} 移入条目自己的文件夹 {target}")
    print(
        f"检查了 {len(rels)} 个条目"
        + (f"，{len(failed)} 个有问题（见上），没有改动它们的附件。" if failed else "。")
    )
    return 1 if failed else 0


def _problems(problems: tuple[Problem, ...]) -> None:
    for p in problems:
        print(f"{p.path}:{p.line}:{p.column}: 错误 [{p.rule}] {p.message}")


def run_preview(args: argparse.Namespace) -> int:
    root: Path = args.root
    if not ref_exists(root, args.base):
        raise ConfigError(f"找不到 {args.base}：请先 git fetch")
    rels = changed_entries(root, args.base)
    written = write_previews(root, rels, args.out)
    print(f"审阅预览：{len(written)} 个条目，写入 {args.out}/index.html")
    return 0
