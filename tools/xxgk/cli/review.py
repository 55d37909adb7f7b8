"""``xxgk review sign|due|withdraw|check``: secrecy review records (附件4)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from dataclasses import replace
from pathlib import Path

from xxgk.cli.output import FORMATS, exit_code, report
from xxgk.cli.review_leader import register_leader
from xxgk.cli.review_more import UNCLEAR_TO, register_more
from xxgk.io.catalog import entry_paths, load_entries, rel
from xxgk.io.frontmatter import Document, parse, read
from xxgk.io.git import git
from xxgk.io.records import record_files
from xxgk.io.registry import REGISTRY_FILE, ConfigError, load_registry
from xxgk.model.dates import parse_date, today
from xxgk.model.layout import CONTENT_DIR
from xxgk.model.problem import Problem, Severity
from xxgk.review.author import entry_author, signing_key
from xxgk.review.due import due_published, due_withheld
from xxgk.review.gate_registry import page_problems
from xxgk.review.marks import classify
from xxgk.review.sign import SignError, SignRequest, build, record_path, write
from xxgk.review.withdraw import write_withdrawal
from xxgk.scan.engine import scan_text
from xxgk.scan.run import ScanResult, public_values, scan_file
from xxgk.site.registry_pages import registry_page_files
from xxgk.trust.consult import withdrawn
from xxgk.trust.decision import load_basis
from xxgk.trust.index import FOLDERS, RecordIndex, cached_index, load_index
from xxgk.trust.model import CONCLUSIONS
from xxgk.trust.training import TRAINING, read_ledger
from xxgk.trust.verdict import assess
from xxgk.voice import pages as voice_pages

HELP = """保密审查记录：签署审查、列出到期复查、撤回已公开条目（附件4）。

示例:
  xxgk review sign content/catalog/2026/000014349-2026-00012.md --reviewer 王建华
  xxgk review due
  xxgk review withdraw content/catalog/2025/000014349-2025-00031.md --reason 复查发现含有个人隐私 --approver 张明
  xxgk review check
  xxgk review approve reviews/2026/x.yml --approver 张明
  xxgk review declassify 条目.md --authority 鄂托克前旗人民政府办公室 --decider 刘振华 --doc-no 鄂前政办密〔2026〕2号 --approver 张明
"""
SIGN_HELP = """审查人对条目的当前版本签署保密审查记录（附件4 第十七条），写入 reviews/，不覆盖已有记录。

记录包含标题、文号或摘要、公开属性、结论、审查单位、审查人、日期，以及条目文件和每个附件的
SHA-256：此后条目或附件的任何改动都使记录失效。xxgk scan 的每条发现须先用 --ack 编号=说明 确认。
记录随即用审查人本人的 SSH 密钥签名（ssh-keygen -Y sign，写入同名 .sig 文件）：密钥取 --key、
环境变量 XXGK_SIGNING_KEY 或 git config user.signingkey。作者取条目最近一次提交的有效签名，
没有时须用 --author 写明（合并请求的提交人）；审查人不能是作者。然后提交 reviews/ 下的两个文件。

示例:
  xxgk review sign content/catalog/2026/000014349-2026-00012.md --reviewer 王建华
  xxgk review sign content/catalog/2026/*.md --reviewer 王建华 --date 2026-11-20
  xxgk review sign 条目.md --reviewer 王建华 --ack "SCAN-LANDLINE:content/catalog/2026/x.md:1a2b3c4d5e6f=单位办公电话，可公开"
  xxgk review sign 条目.md --reviewer 李秀英 --conclusion 脱密处理后部分公开 --reason "删去附表中涉及个人隐私的内容（条例第十五条）"
  xxgk review sign 条目.md --reviewer 王建华 --unclear 保密工作部门 --unclear-body 鄂托克前旗保密局 --sent 2026-11-20

密级标志（秘密★、机密★、绝密★、密级：）不能凭说明确认：--ack 编号=approvals/…yml 须指向本条目签名的解密记录。
脱密处理后部分公开、不予公开和难以确定的审查，须由审查单位的分管负责同志审批（xxgk review approve）后才生效。
"""
DUE_HELP = """列出到期复查的条目（附件4 第十五条）：已公开条目上次审查超过 xxgk.yml 政策.保密审查复查周期月数；
不予公开的决定到期重新审查；由 xxgk.yml 生成的公开指南、在线申请页面没有与当前文字一致的审查时也列出
（REVIEW-PAGE：网站上暂不公开，xxgk review sign content/guide/index.md）。退出码：0 没有；1 有。

示例:
  xxgk review due
  xxgk review due --format json
"""
WITHDRAW_HELP = """撤回已公开的条目：写入 withdrawals/ 撤回记录，条目从公开专栏下线（附件4 第十五条）。
删除已公开条目之前必须有撤回记录；索引号不再分配给其他条目。

示例:
  xxgk review withdraw content/catalog/2025/000014349-2025-00031.md --reason 复查发现含有个人隐私 --approver 张明
"""

CHECK_HELP = """检查 reviews/、consultations/、withdrawals/、training/ 下全部记录的格式（各自的 JSON Schema）。
格式不对的记录不算数：审查不生效、培训不计学时。退出码：0 全部正确；1 有错误。

示例:
  xxgk review check
  xxgk review check --format github
"""


def register(subs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subs.add_parser(
        "review",
        help="保密审查：签署、到期复查、撤回、检查记录",
        description=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = p.add_subparsers(dest="action", metavar="操作", parser_class=type(p))
    fmt = argparse.RawDescriptionHelpFormatter
    s = sub.add_parser("sign", help="签署保密审查记录", description=SIGN_HELP, formatter_class=fmt)
    s.add_argument("entries", nargs="+", type=Path, metavar="ENTRY", help="条目文件")
    s.add_argument("--reviewer", help="审查人姓名（默认：git config user.name）")
    s.add_argument("--body", help="审查单位（默认：条目的发布机构；联合发文时每个机关各签一份）")
    s.add_argument("--conclusion", choices=CONCLUSIONS, default="同意公开", help="审查结论")
    s.add_argument(
        "--attribute",
        choices=("主动公开", "依申请公开", "不公开"),
        help="公开属性（默认：条目的公开形式）",
    )
    s.add_argument("--reason", default="", help="不公开或部分公开的依据、理由")
    s.add_argument("--opinion", default="", help="其他审查意见")
    s.add_argument("--date", help="审查日期 yyyy-mm-dd（默认今天）")
    s.add_argument(
        "--ack", action="append", default=[], metavar="编号=说明", help="确认一条扫描发现"
    )
    s.add_argument("--key", help="签名用的 SSH 私钥文件（或 ssh-agent 中密钥的公钥文件）")
    s.add_argument("--author", help="作者的签名身份（默认：条目最近一次提交的有效签名）")
    s.add_argument(
        "--unclear",
        choices=UNCLEAR_TO,
        help="难以确定是否属于国家秘密：报请谁确定（附件4 第十三条）",
    )
    s.add_argument("--unclear-body", help="报保密工作部门或上级业务主管部门时的机关名称")
    s.add_argument("--sent", help="报送日期 yyyy-mm-dd（默认审查日期）")
    s.add_argument(
        "--needs-approval", metavar="批准机关", help="发布前须经该机关批准（附件6 第五条）"
    )
    s.set_defaults(func=run_sign)
    d = sub.add_parser("due", help="列出到期复查", description=DUE_HELP, formatter_class=fmt)
    d.add_argument("--format", choices=FORMATS, default="text", help="输出格式（默认 text）")
    d.set_defaults(func=run_due)
    w = sub.add_parser(
        "withdraw", help="撤回已公开条目", description=WITHDRAW_HELP, formatter_class=fmt
    )
    w.add_argument("entry", type=Path, metavar="ENTRY", help="条目文件")
    w.add_argument("--reason", required=True, help="撤回原因")
    w.add_argument("--approver", required=True, help="批准撤回的负责人")
    w.add_argument("--handler", default="", help="经办人")
    w.add_argument("--date", help="撤回日期 yyyy-mm-dd（默认今天）")
    w.set_defaults(func=run_withdraw)
    c = sub.add_parser(
        "check", help="检查全部记录的格式", description=CHECK_HELP, formatter_class=fmt
    )
    c.add_argument("--format", choices=FORMATS, default="text", help="输出格式（默认 text）")
    c.set_defaults(func=run_check)
    register_more(sub, fmt)
    register_leader(sub, fmt)
    p.set_defaults(func=lambda a: (p.print_help(), 2)[1])


def _date(text: str | None) -> dt.date:
    if text is None:
        return today()
    day = parse_date(text)
    if day is None:
        raise ConfigError(f"日期“{text}”应写作 yyyy-mm-dd，且是真实的日期")
    return day


def _doc(root: Path, path: Path) -> Document:
    """The entry or page file; or a generated page named by its path under content/: a
    社会评议/回应关切 page (it holds record text) or a page made from xxgk.yml (公开指南,
    在线申请): each is reviewed like a page before it is published."""
    full = (path if path.is_absolute() else Path.cwd() / path).absolute()
    if not full.is_file():
        name = rel(root, full)
        generated = generated_registry_page(root, name) or generated_voice_page(root, name)
        if generated is not None:
            return generated
        raise SignError(f"{path}：条目文件不存在")
    return read(full.resolve(), rel(root, full.resolve()))


def generated_registry_page(root: Path, name: str) -> Document | None:
    for path, text in registry_page_files(root, load_registry(root)):
        if path == name:
            return parse(text.encode("utf-8"), name)
    return None


def _author(root: Path, doc: Document, given: str | None) -> str:
    """--author; else the signer of the last commit of the entry (of xxgk.yml for a page
    generated from it: whoever last changed its text)."""
    if given:
        return given
    if generated_registry_page(root, doc.rel) is not None:
        return entry_author(root, REGISTRY_FILE)
    return entry_author(root, doc.rel)


def generated_voice_page(root: Path, name: str) -> Document | None:
    for uri, text in voice_pages.site_pages(root, load_registry(root)):
        if f"{CONTENT_DIR}/{uri}" == name and voice_pages.needs_review(uri, text):
            return parse(text.encode("utf-8"), name)
    return None


def _acks(items: list[str]) -> dict[str, str]:
    out = {}
    for item in items:
        ident, sep, why = item.partition("=")
        if not sep or not why.strip():
            raise ConfigError(f"--ack “{item}”应写作 编号=说明，说明不能为空")
        out[ident.strip()] = why.strip()
    return out


def _findings(root: Path, doc: Document) -> tuple[ScanResult, RecordIndex]:
    result = ScanResult()
    registry = load_registry(root)
    idx = cached_index(root, load_basis(root, registry).trust)
    if (root / doc.rel).is_file():
        scan_file(root, root / doc.rel, idx, public_values(registry), result)
    else:  # a generated page: its text as it will be published
        result.open.extend(scan_text(doc.raw.decode("utf-8"), doc.rel, public_values(registry)))
    return result, idx


def _acknowledge(root: Path, doc: Document, req: SignRequest) -> SignRequest:
    """``req`` with the 类别 (and 解密记录) of each acknowledged finding; SignError when a
    finding is left open or a 密级标志 is acknowledged without a 解密 record."""
    result, idx = _findings(root, doc)
    open_ = [
        f"{f.path}:{f.line}:{f.column} {f.name}“{f.shown}” 编号 {f.ident}"
        for f in result.open
        if f.ident not in req.acks
    ]
    if open_:
        raise SignError(
            f"{doc.rel}：有 {len(open_)} 条扫描发现未确认，请核实后用 --ack 编号=说明 确认：\n  "
            + "\n  ".join(open_)
        )
    index_no = str(doc.get("索引号") or "") if doc.parsed else ""
    body = req.body or (str(doc.get("发布机构") or "") if doc.parsed else "")
    kinds, refused = classify(result.open + result.acknowledged, req.acks, index_no, idx, body)
    if refused:
        raise SignError(f"{doc.rel}：\n  " + "\n  ".join(refused))
    return replace(req, ack_kinds=kinds)


def _unclear(args: argparse.Namespace) -> dict[str, str] | None:
    if not args.unclear:
        return None
    if args.unclear != "分管负责同志" and not args.unclear_body:
        raise ConfigError(f"报{args.unclear}确定时须用 --unclear-body 写明机关名称")
    return {
        "报送": args.unclear,
        "报送机关": args.unclear_body or "",
        "报送日期": _date(args.sent or args.date).isoformat(),
    }


def _git_user(root: Path) -> str:
    try:
        name = git(root, "config", "user.name").strip()
    except ConfigError:
        name = ""
    if not name:
        raise ConfigError(
            "没有指定审查人：请用 --reviewer 姓名，或先运行 git config user.name 姓名"
        )
    return name


def run_sign(args: argparse.Namespace) -> int:
    root: Path = args.root
    registry = load_registry(root)
    people = load_basis(root, registry).people
    name = args.reviewer or _git_user(root)
    if name not in people:
        print(
            f"xxgk：“{name}”不在保密审查人员名册（xxgk.yml 审查人员）中，不能签署审查记录",
            file=sys.stderr,
        )
        return 1
    key = ""
    failed = 0
    for path in args.entries:
        try:
            doc = _doc(root, path)
            req = SignRequest(
                reviewer=name,
                body=args.body,
                conclusion=args.conclusion,
                attribute=args.attribute,
                reason=args.reason,
                opinion=args.opinion,
                date=_date(args.date),
                acks=_acks(args.ack),
                author=_author(root, doc, args.author),
                unclear=_unclear(args),
                permit=args.needs_approval or "",
            )
            req = _acknowledge(root, doc, req)
            record = build(root, doc, req, people, registry)
            target = record_path(registry, doc, str(record["审查单位"]), req.date)
            key = key or signing_key(root, args.key)
            write(root, target, record, key)
            print(f"已写入并签名 {target} 和 {target}.sig")
        except SignError as exc:
            print(f"xxgk：{exc}", file=sys.stderr)
            failed += 1
    if failed < len(args.entries):
        print(
            "下一步：提交 reviews/ 下的记录和签名，例如\n"
            '  git add reviews/ && git commit -S -m "保密审查：…" -- reviews/'
        )
    return 1 if failed else 0


def run_due(args: argparse.Namespace) -> int:
    root: Path = args.root
    registry, day = load_registry(root), today()
    basis = load_basis(root, registry)
    idx = cached_index(root, basis.trust)
    months = registry.settings.rereview_months
    covered = []
    for doc in load_entries(root, entry_paths(root)):
        result = assess(root, doc, idx, basis)
        if result.ok and not withdrawn(doc, idx, day):  # a withdrawn entry is no longer published
            covered.append(result.valid)
    dues = due_published(covered, months, day) + due_withheld(idx, months, day)
    problems = [
        Problem(d.review.entry or d.review.rel, 1, 1, "REVIEW-DUE", Severity.WARNING, d.message())
        for d in dues
    ]
    unreviewed = [
        replace(p, rule="REVIEW-PAGE", severity=Severity.WARNING)
        for p in page_problems(root, registry_page_files(root, registry), idx, basis, registry)
    ]
    report(
        problems + unreviewed, args.format, sys.stdout, checked=len(covered), what="个已审查条目"
    )
    return 1 if dues or unreviewed else 0


def run_check(args: argparse.Namespace) -> int:
    root: Path = args.root
    basis = load_basis(root, load_registry(root))
    idx = load_index(root, basis.trust)
    problems = idx.hazards + idx.problems + read_ledger(root)[1] + basis.trust.problems
    files = sum(len(record_files(root, f)) for f in (*FOLDERS, TRAINING))
    report(problems, args.format, sys.stdout, checked=files, what="个记录文件")
    return exit_code(problems)


def run_withdraw(args: argparse.Namespace) -> int:
    root: Path = args.root
    try:
        target = write_withdrawal(
            root, _doc(root, args.entry), args.reason, args.approver, args.handler, _date(args.date)
        )
    except SignError as exc:
        print(f"xxgk：{exc}", file=sys.stderr)
        return 1
    print(f"已写入 {target}；条目将从公开专栏下线。提交时只提交此记录，由负责人审批合并。")
    return 0
