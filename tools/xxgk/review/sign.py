"""``xxgk review sign``: write the review record of an entry's current version (附件4 第十七条)."""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from xxgk.io.atomic import write_atomic
from xxgk.io.frontmatter import Document
from xxgk.io.hashing import attachment_hashes, attachment_problem, sha256_bytes, sha256_file
from xxgk.model.entry import file_stem
from xxgk.model.layout import CONTENT_DIR
from xxgk.model.registry import Registry
from xxgk.review.yamlout import dump
from xxgk.trust.attest import signature_path
from xxgk.trust.index import REVIEWS
from xxgk.trust.pages import is_page, linked_files, page_body, page_title, readable
from xxgk.trust.roster import Reviewer
from xxgk.trust.sshsig import REVIEW, SignatureError, sign_file


class SignError(Exception):
    """Why the record cannot be written (a Chinese message)."""


@dataclass(frozen=True)
class SignRequest:
    reviewer: str
    body: str | None  # 审查单位; None: the entry's 发布机构
    conclusion: str
    attribute: str | None  # 公开属性; None: the entry's 公开形式
    reason: str
    opinion: str
    date: dt.date
    acks: dict[str, str]  # finding id -> 说明
    author: str  # 作者: signing identity of who made this version
    unclear: dict[str, str] | None = None  # 难以确定: 报送, 报送机关, 报送日期 (附件4 第十三条)
    permit: str = ""  # 须经批准: the authority whose approval release needs (附件6 第五条)
    ack_kinds: dict[str, tuple[str, str]] | None = None  # finding id -> (类别, 解密记录)


def record_path(registry: Registry, doc: Document, body: str, date: dt.date) -> str:
    """reviews/<year>/<索引号>-<date>-<first 12 of sha256>-<unit code>.yml: one per version, body
    and day; a page's: reviews/<year>/page-<its path>-….yml."""
    if is_page(doc.rel):
        slug = "page-" + re.sub(
            r"[^0-9A-Za-z._-]", "-", doc.rel.removeprefix(f"{CONTENT_DIR}/").removesuffix(".md")
        )
    else:
        slug = file_stem(str(doc.get("索引号")))
    unit = registry.unit(body)
    code = unit.code if unit else re.sub(r"\s+", "", body)
    return (
        f"{REVIEWS}/{date.year}/{slug}-{date.isoformat()}-{sha256_bytes(doc.raw)[:12]}-{code}.yml"
    )


def entitled(doc: Document, req: SignRequest, people: dict[str, Reviewer], body: str) -> None:
    """SignError unless the reviewer is on the roster, not the author, entitled for ``body``,
    and gives the reason a conclusion other than 同意公开 needs."""
    person = people.get(req.reviewer)
    if person is None:
        raise SignError(
            f"“{req.reviewer}”不在保密审查人员名册（xxgk.yml 审查人员）中，不能签署审查记录"
        )
    if req.author in (person.principal, req.reviewer):
        raise SignError(
            f"{doc.rel}：“{req.reviewer}”是这一版本的作者，不能审查自己写的内容，请另一名审查人员审查"
        )
    if body not in person.bodies:
        raise SignError(
            f"“{req.reviewer}”（{person.unit}）不能代表“{body}”审查；请用 --body 指定本人可审查的单位"
        )
    if req.conclusion != "同意公开" and not req.reason:
        raise SignError(
            f"审查结论为“{req.conclusion}”时必须用 --reason 写明依据或理由（附件4 第十七条）"
        )


def build(
    root: Path,
    doc: Document,
    req: SignRequest,
    people: dict[str, Reviewer],
    registry: Registry | None = None,
) -> dict[str, object]:
    """The record's content, or SignError naming what is missing. ``registry``: needed for
    pages outside the catalog (the unit running the site reviews them by default)."""
    if is_page(doc.rel):
        return build_page(root, doc, req, people, registry)
    if not doc.parsed or not doc.get("索引号"):
        raise SignError(f"{doc.rel}：条目的元数据无法读取或没有索引号，请先用 xxgk check 改正")
    body = req.body or str(doc.get("发布机构") or "")
    entitled(doc, req, people, body)
    attribute = req.attribute or ("不公开" if req.conclusion == "不予公开" else doc.get("公开形式"))
    if (attribute == "不公开") != (req.conclusion == "不予公开"):
        raise SignError(
            f"公开属性“{attribute}”与审查结论“{req.conclusion}”矛盾：不公开的信息结论只能是不予公开"
        )
    atts = attachment_hashes(root, doc.rel, doc.meta)
    refused = [attachment_problem(root, doc.rel, name) for name, sha in atts.items() if sha is None]
    if refused:
        raise SignError(f"{doc.rel}：{'；'.join(refused)}")
    return {
        "条目": doc.rel,
        "索引号": doc.get("索引号"),
        "信息名称": doc.get("信息名称"),
        "文件编号": doc.get("文件编号"),
        "内容摘要": None if doc.get("文件编号") else doc.get("内容描述"),
        "公开属性": attribute,
        "不公开理由": req.reason,
        "审查结论": req.conclusion,
        "审查单位": body,
        "审查人": req.reviewer,
        "审查日期": req.date.isoformat(),
        "审查意见": req.opinion,
        "作者": req.author,
        "条目哈希": sha256_bytes(doc.raw),
        "附件哈希": [{"文件": n, "哈希": s} for n, s in atts.items()],
        "已确认发现": acknowledged(req),
        "难以确定": req.unclear or None,
        "须经批准": req.permit or None,
    }


def acknowledged(req: SignRequest) -> list[dict[str, str]]:
    """The 已确认发现 list: each finding with its 说明, and its 类别 and 解密记录 when known."""
    kinds = req.ack_kinds or {}
    out = []
    for ident, why in sorted(req.acks.items()):
        kind, record = kinds.get(ident, ("", ""))
        out.append(
            {
                k: v
                for k, v in {"编号": ident, "说明": why, "类别": kind, "解密记录": record}.items()
                if v
            }
        )
    return out


def build_page(
    root: Path,
    doc: Document,
    req: SignRequest,
    people: dict[str, Reviewer],
    registry: Registry | None,
) -> dict[str, object]:
    if not readable(doc) or registry is None:
        raise SignError(f"{doc.rel}：页面的元数据无法读取，请先改正")
    body = req.body or page_body(registry)
    entitled(doc, req, people, body)
    names = linked_files(doc.rel, doc.body)
    hashes = {n: sha256_file(root, n) for n in names}
    missing = [n for n, sha in hashes.items() if sha is None]
    if missing:
        raise SignError(f"{doc.rel}：页面链接的文件不存在或不予读取：{'、'.join(missing)}")
    folder = posixpath.dirname(doc.rel)
    return {
        "条目": doc.rel,
        "信息名称": page_title(doc),
        "内容摘要": f"网站页面：{page_title(doc)}",
        "公开属性": "不公开" if req.conclusion == "不予公开" else "主动公开",
        "不公开理由": req.reason,
        "审查结论": req.conclusion,
        "审查单位": body,
        "审查人": req.reviewer,
        "审查日期": req.date.isoformat(),
        "审查意见": req.opinion,
        "作者": req.author,
        "条目哈希": sha256_bytes(doc.raw),
        "附件哈希": [{"文件": posixpath.relpath(n, folder), "哈希": s} for n, s in hashes.items()],
        "已确认发现": acknowledged(req),
        "难以确定": req.unclear or None,
    }


HEADER = (
    "保密审查记录（附件4 第十七条），由 xxgk review sign 生成并由审查人签名（同名 .sig 文件）。\n"
    "条目或附件的任何改动都使本记录失效；请勿修改本文件：改动一个字节签名即失效。"
)


def write(root: Path, rel: str, record: dict[str, object], key: str) -> None:
    """Write the record, then its signature (``ssh-keygen -Y sign -n xxgk-review``) beside it;
    when signing fails the record is removed again: an unsigned record counts for nothing."""
    path = root / rel
    try:
        write_atomic(path, dump(record, HEADER), exclusive=True)
    except FileExistsError as exc:
        raise SignError(f"{rel} 已存在：这一版本当天已由该单位审查过，审查记录不能覆盖") from exc
    try:
        armored = sign_file(path, key, REVIEW)
        write_atomic(root / signature_path(rel), armored, exclusive=True)
    except (SignatureError, FileExistsError) as exc:
        path.unlink()
        raise SignError(f"{rel}：签名失败，记录未保存：{exc}") from exc
