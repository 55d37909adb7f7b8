"""``xxgk new``: write a complete entry with the next 索引号."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from xxgk.cli.output import report
from xxgk.io.atomic import write_atomic
from xxgk.io.catalog import CATALOG_DIR
from xxgk.io.frontmatter import parse
from xxgk.io.numbering import index_values, next_number, taken_numbers
from xxgk.io.registry import load_registry
from xxgk.model.dates import parse_date, today
from xxgk.model.entry import file_stem, front_matter
from xxgk.model.problem import Severity
from xxgk.rules import check_entry
from xxgk.rules.base import Context

HELP = """新建一个目录条目：按选项（或逐项提问）写出完整的元数据，并分配下一个索引号。

写入前先按全部规则检查；有错误时不写文件，并说明要改什么。

示例:
  xxgk new --title "鄂托克前旗人民政府办公室关于印发政府信息公开有关制度的通知" \\
      --doc-no "鄂前政办发〔2018〕96号" --date 2018-11-05 --category 政策文件 \\
      --publisher 鄂托克前旗人民政府办公室 --department 办公室 \\
      --keywords "政府信息公开 保密审查" --summary "印发信息公开指南和目录编制等八项制度。"
"""

# option -> (front-matter key, question, default)
FIELDS = {
    "title": ("信息名称", "信息名称（正式标题，不用简称）", None),
    "doc_no": ("文件编号", "文件编号（如 鄂前政办发〔2018〕96号，没有就直接回车）", ""),
    "date": ("产生时间", "产生时间（yyyy-mm-dd）", None),
    "category": ("分类", "分类（九大类之一）", None),
    "publisher": ("发布机构", "发布机构（全称）", None),
    "department": ("责任部门", "责任部门（科室）", None),
    "disclosure": ("公开形式", "公开形式（主动公开/依申请公开）", "主动公开"),
    "term": ("公开时限", "公开时限（长期公开/限时公开）", "长期公开"),
    "end_date": ("公开截止日期", "公开截止日期（限时公开时填写，yyyy-mm-dd）", ""),
    "procedure": (
        "审核程序",
        "审核程序（单位内审核后公开/其他单位审核后公开）",
        "单位内审核后公开",
    ),
    "keywords": ("关键词", "关键词（空格分开，每个不超过10个字）", None),
    "summary": ("内容描述", "内容描述（一两句话）", None),
}


def register(subs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subs.add_parser("new", help="新建目录条目并分配索引号", description=HELP)
    for option, (key, question, _default) in FIELDS.items():
        p.add_argument("--" + option.replace("_", "-"), dest=option, metavar=key, help=question)
    p.add_argument("--body-file", type=Path, help="正文 Markdown 文件（不含标题）")
    p.set_defaults(func=run)


def ask(args: argparse.Namespace) -> dict[str, str] | None:
    meta: dict[str, str] = {}
    missing = []
    for option, (key, question, default) in FIELDS.items():
        value = getattr(args, option)
        if value is None and sys.stdin.isatty():
            value = (
                input(f"{question}{'［' + default + '］' if default else ''}：").strip() or default
            )
        if value is None:
            value = default
        if value is None:
            missing.append(f"--{option.replace('_', '-')}（{key}）")
        elif value:
            meta[key] = value
    if missing:
        print("xxgk：缺少：" + "、".join(missing), file=sys.stderr)
        return None
    return meta


def run(args: argparse.Namespace) -> int:
    root: Path = args.root
    registry = load_registry(root)
    meta = ask(args)
    if meta is None:
        return 2
    body = args.body_file.read_text(encoding="utf-8") if args.body_file else "（正文）\n"
    created = parse_date(meta.get("产生时间"))
    number = ""
    if created and registry.unit(meta["发布机构"]) and registry.category(meta["分类"]):
        values = index_values(registry, meta["发布机构"], meta["分类"], created.year)
        number = next_number(registry, taken_numbers(root), values)
    text = front_matter({"索引号": number, **meta}) + "\n" + body
    target = (
        root
        / CATALOG_DIR
        / (str(created.year) if created else "未定")
        / f"{file_stem(number or 'new')}.md"
    )
    rel = target.relative_to(root).as_posix()
    doc = parse(text.encode("utf-8"), rel)
    problems = check_entry(doc, Context(registry, today(), {}, root), root)
    if any(p.severity is Severity.ERROR for p in problems):
        report(problems, "text", sys.stderr, checked=1, what="个条目（未写入）")
        return 1
    try:
        write_atomic(target, text, exclusive=True)
    except FileExistsError:
        print(f"xxgk：{rel} 已存在，没有覆盖。请重新运行（索引号会顺延）。", file=sys.stderr)
        return 1
    print(f"已新建 {rel}，索引号 {number}。请编辑正文后运行 xxgk check 再提交。")
    return 0
