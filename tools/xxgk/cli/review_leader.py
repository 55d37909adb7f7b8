"""``xxgk review declassify | answer | permit | confirm``: the leader's signed records (helper of
``cli/review_more``; not a command group of its own)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from xxgk.cli.review_more import _rel, write_approval
from xxgk.io.frontmatter import Document, read
from xxgk.review.leader import (
    RESULTS,
    answer_record,
    confirm_record,
    declassify_record,
    permit_record,
)
from xxgk.review.sign import SignError

SIGNED = "签名用的 SSH 私钥（默认：XXGK_SIGNING_KEY 或 git config user.signingkey）"
DECLASSIFY_HELP = """记录已办理的解密手续（附件4 第十六条）：条目或附件有密级标志（秘密★、机密★、绝密★、密级：）时，
不能凭一句说明公开，须由定密机关解密，并由审查单位的分管负责同志把解密决定记入 approvals/，用本人 SSH 密钥签名。
之后审查人签署审查时用 --ack 编号=approvals/…yml 指向这份记录。

示例:
  xxgk review declassify content/catalog/2026/000014349-2026-00007.md --authority 鄂托克前旗人民政府办公室 --decider 刘振华 --doc-no 鄂前政办密〔2026〕2号 --approver 张明
  xxgk review declassify 条目.md --body 鄂托克前旗财政局 --authority 鄂托克前旗财政局 --decider 孙伟 --doc-no 鄂前财密〔2026〕1号 --approver 孙伟
"""
ANSWER_HELP = """记录保密工作部门或上级业务主管部门的确定意见（附件4 第十三条）：审查人标记“难以确定”并报送后，
条目在答复记录之前不得公开。由审查单位的分管负责同志把答复记入 approvals/ 并签名；只对那一份审查记录有效。

示例:
  xxgk review answer reviews/2026/000014349-2026-00007-2026-11-20-1a2b3c4d5e6f-002.yml --result 不属于国家秘密 --doc-no 鄂前保字〔2026〕3号 --approver 张明
  xxgk review answer reviews/2026/x.yml --authority 鄂尔多斯市保密局 --result 属于国家秘密 --approver 张明
"""
PERMIT_HELP = """记录发布批准（附件6 第五条）：依照规定须经批准才能发布的信息，审查时写明了 --needs-approval 批准机关，
批准后由发布机构的分管负责同志把批准文件记入 approvals/ 并签名。批准机关默认取自审查记录。

示例:
  xxgk review permit content/catalog/2026/000014349-2026-00007.md --doc-no 鄂府办字〔2026〕9号 --approver 张明
  xxgk review permit 条目.md --authority 鄂尔多斯市人民政府办公室 --doc-no 鄂府办字〔2026〕9号 --approver 张明
"""
CONFIRM_HELP = """分管领导审核（附件6 第七条）：涉及部门不同意、政务公开领导小组办公室决定公开之后，条目还须经
发布机构的分管领导审核才能公开。写入 approvals/ 并用本人 SSH 密钥签名；协调决定默认取本条目最近的一份。

示例:
  xxgk review confirm content/catalog/2025/000014349-2025-00006.md --approver 赵国栋
  xxgk review confirm 条目.md --decision consultations/2026/000014349-2026-00012-决定.yml --approver 张明 --opinion 不同意 --note 涉及预算调整，暂缓公开
"""


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--approver", required=True, help="签署人姓名（工作人员名册中该单位的负责同志）")
    p.add_argument("--note", default="", help="说明（可选）")
    p.add_argument("--date", help="日期 yyyy-mm-dd（默认今天）")
    p.add_argument("--key", help=SIGNED)


def register_leader(sub: Any, fmt: type[argparse.HelpFormatter]) -> None:
    d = sub.add_parser(
        "declassify",
        help="记录解密决定（密级标志）",
        description=DECLASSIFY_HELP,
        formatter_class=fmt,
    )
    d.add_argument("entry", type=Path, metavar="ENTRY", help="条目文件")
    d.add_argument("--authority", required=True, help="作出解密决定的机关")
    d.add_argument("--decider", required=True, help="作出解密决定的人")
    d.add_argument("--doc-no", required=True, help="解密决定的文号")
    d.add_argument("--body", help="审查单位（默认：条目的发布机构）")
    _common(d)
    d.set_defaults(func=run_declassify)
    a = sub.add_parser(
        "answer",
        help="记录保密部门或上级部门的确定意见",
        description=ANSWER_HELP,
        formatter_class=fmt,
    )
    a.add_argument("review", type=Path, metavar="REVIEW", help="报请确定的审查记录（reviews/ 下）")
    a.add_argument("--result", required=True, choices=RESULTS, help="确定结果")
    a.add_argument("--authority", default="", help="确定机关（默认：审查记录中的报送机关）")
    a.add_argument("--doc-no", default="", help="答复的文号")
    _common(a)
    a.set_defaults(func=run_answer)
    p = sub.add_parser(
        "permit", help="记录须经批准信息的发布批准", description=PERMIT_HELP, formatter_class=fmt
    )
    p.add_argument("entry", type=Path, metavar="ENTRY", help="条目文件")
    p.add_argument("--doc-no", required=True, help="批准文件的文号")
    p.add_argument("--authority", default="", help="批准机关（默认：审查记录中的须经批准）")
    p.add_argument("--body", help="单位（默认：条目的发布机构）")
    _common(p)
    p.set_defaults(func=run_permit)
    c = sub.add_parser(
        "confirm",
        help="领导小组办公室决定后的分管领导审核",
        description=CONFIRM_HELP,
        formatter_class=fmt,
    )
    c.add_argument("entry", type=Path, metavar="ENTRY", help="条目文件")
    c.add_argument("--decision", default="", help="领导小组办公室的协调决定记录（默认：最近一份）")
    c.add_argument(
        "--opinion", choices=("同意", "不同意"), default="同意", help="审核意见（默认同意）"
    )
    _common(c)
    c.set_defaults(func=run_confirm)


def _entry(root: Path, path: Path) -> Document:
    rel = _rel(root, path)
    full = root / rel
    if full.is_symlink() or not full.is_file():
        raise SignError(f"{path}：条目文件不存在")
    return read(full, rel)


def run_declassify(args: argparse.Namespace) -> int:
    return write_approval(
        args,
        lambda root, trust, idx, act: declassify_record(
            _entry(root, args.entry),
            args.body,
            args.authority,
            args.decider,
            args.doc_no,
            act,
            trust,
        ),
    )


def run_answer(args: argparse.Namespace) -> int:
    return write_approval(
        args,
        lambda root, trust, idx, act: answer_record(
            root, _rel(root, args.review), args.authority, args.result, args.doc_no, act, trust
        ),
    )


def run_permit(args: argparse.Namespace) -> int:
    return write_approval(
        args,
        lambda root, trust, idx, act: permit_record(
            _entry(root, args.entry), args.body, args.authority, args.doc_no, act, trust, idx
        ),
    )


def run_confirm(args: argparse.Namespace) -> int:
    return write_approval(
        args,
        lambda root, trust, idx, act: confirm_record(
            _entry(root, args.entry),
            _rel(root, Path(args.decision)) if args.decision else "",
            args.opinion,
            act,
            trust,
            idx,
        ),
    )
