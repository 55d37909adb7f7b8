"""``xxgk review approve`` and ``xxgk review release``: write and sign the records of the
approval chain (附件4 第七条（三）、第九条（三）、第十四条).

An approval names the review record it approves by path and SHA-256, so that it counts for
those bytes only. The approver must be the unit's 分管负责同志 or 信息公开工作负责人 in the staff
roster, with a key allowed to sign ``xxgk-approval``; the publish decision checks both again.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from pathlib import Path

from xxgk.io.atomic import write_atomic
from xxgk.io.hashing import sha256_bytes, sha256_file
from xxgk.io.records import parse_record
from xxgk.model.entry import file_stem
from xxgk.review.sign import SignError
from xxgk.review.yamlout import dump
from xxgk.trust.anchor import Trust, read_small
from xxgk.trust.approvals import APPROVALS, REPLY_SIGN, REVIEW_OK
from xxgk.trust.attest import signature_path
from xxgk.trust.index import RELEASES, REVIEWS
from xxgk.trust.roster import Reviewer
from xxgk.trust.sshsig import APPROVAL, REVIEW, SignatureError, sign_file

APPROVAL_HEADER = (
    "审批记录，由 xxgk review approve 生成并由负责同志签名（同名 .sig 文件，用途 xxgk-approval）。\n"
    "请勿修改本文件：改动一个字节签名即失效；改正请另写一份记录。"
)
RELEASE_HEADER = (
    "依申请提供信息的保密审查记录（附件4 第七条（三）），由 xxgk review release 生成并由审查人签名。\n"
    "提供文件的任何改动都使本记录失效；请勿修改本文件。"
)


def approval_record(
    root: Path, rel: str, approver: str, opinion: str, note: str, day: dt.date, trust: Trust
) -> dict[str, object]:
    """The 审批 (of reviews/) or 答复签发 (of releases/) of record ``rel``."""
    folder = rel.split("/")[0]
    if folder not in (REVIEWS, RELEASES) or not rel.endswith((".yml", ".yaml")):
        raise SignError(f"{rel} 不是审查记录：只能审批 reviews/ 或 releases/ 下的 .yml 记录")
    raw = read_small(root / rel)
    if raw is None:
        raise SignError(f"{rel} 不存在")
    schema = "review.schema.json" if folder == REVIEWS else "release.schema.json"
    rec = parse_record(raw, rel, root, schema, "APPROVAL-RECORD")
    if not rec.valid:
        raise SignError(f"{rel} 格式有误，不能审批：{rec.problems[0].message}")
    unit = rec.text("审查单位") if folder == REVIEWS else rec.text("受理单位")
    require_leader(trust, unit, approver)
    kind = REVIEW_OK if folder == REVIEWS else REPLY_SIGN
    return {
        "记录类型": kind,
        "单位": unit,
        "签署人": approver,
        "日期": day.isoformat(),
        "申请编号": rec.text("申请编号") or None,
        "审查记录": rel,
        "审查记录哈希": sha256_bytes(raw),
        "意见": opinion,
        "说明": note or None,
    }


def require_leader(trust: Trust, unit: str, approver: str) -> None:
    """SignError unless ``approver`` is a 负责同志 of ``unit`` in the staff roster."""
    if not any(ld.name == approver for ld in trust.leaders.get(unit, [])):
        names = "、".join(f"{ld.role}{ld.name}" for ld in trust.leaders.get(unit, [])) or "未登记"
        raise SignError(
            f"“{approver}”不是“{unit}”的分管负责同志或信息公开工作负责人（xxgk.yml 工作人员名册：{names}）"
        )


def approval_path(record: dict[str, object], day: dt.date) -> str:
    """approvals/<year>/<the review's or entry's stem>-<记录类型>-<date>-<8 of the content's
    SHA-256>.yml: two approvals of one kind on one day (two 解密 decisions) do not collide."""
    named = record.get("审查记录")
    if named:
        stem = posixpath.splitext(posixpath.basename(str(named)))[0]
    else:
        stem = file_stem(str(record.get("索引号") or record.get("申请编号") or "record"))
    digest = sha256_bytes(dump(record).encode("utf-8"))[:8]
    return f"{APPROVALS}/{day.year}/{stem}-{record['记录类型']}-{day.isoformat()}-{digest}.yml"


def release_record(
    root: Path,
    number: str,
    unit: str,
    files: list[str],
    reviewer: str,
    people: dict[str, Reviewer],
    conclusion: str,
    reason: str,
    day: dt.date,
    author: str,
) -> dict[str, object]:
    person = people.get(reviewer)
    if person is None:
        raise SignError(
            f"“{reviewer}”不在保密审查人员名册（xxgk.yml 审查人员）中，不能签署审查记录"
        )
    if unit not in person.bodies:
        raise SignError(f"“{reviewer}”（{person.unit}）不能代表“{unit}”审查（谁公开、谁审查）")
    if author in (reviewer, person.principal):
        raise SignError(
            f"“{reviewer}”是准备提供信息的经办人，不能审查自己准备的信息，请另一名审查人员审查"
        )
    if conclusion != "同意公开" and not reason:
        raise SignError(
            f"审查结论为“{conclusion}”时必须用 --reason 写明删去了什么及其依据（附件4 第十七条）"
        )
    hashed = []
    for rel in files:
        sha = sha256_file(root, rel)
        if sha is None:
            raise SignError(f"{rel} 不存在或不予读取（须是仓库内的普通文件）")
        hashed.append({"文件": rel, "哈希": sha})
    return {
        "申请编号": number,
        "受理单位": unit,
        "提供文件": hashed,
        "审查结论": conclusion,
        "不公开理由": reason or None,
        "审查人": reviewer,
        "审查日期": day.isoformat(),
        "作者": author,
    }


def release_path(number: str, day: dt.date, sha: str) -> str:
    return f"{RELEASES}/{day.year}/{re.sub(r'[^0-9A-Za-z._-]', '-', number)}-{day.isoformat()}-{sha[:12]}.yml"


def write_signed(root: Path, rel: str, record: dict[str, object], key: str) -> None:
    """Check the record against its schema, write it, then its signature; when signing fails
    the record is removed again."""
    approval = rel.startswith(APPROVALS + "/")
    path = root / rel
    text = dump(record, APPROVAL_HEADER if approval else RELEASE_HEADER)
    schema, rule = (
        ("approval.schema.json", "APPROVAL-RECORD")
        if approval
        else ("release.schema.json", "RELEASE-RECORD")
    )
    checked = parse_record(text.encode("utf-8"), rel, root, schema, rule)
    if not checked.valid:
        raise SignError(f"{rel}：记录不符合格式要求，未写入：{checked.problems[0].message}")
    try:
        write_atomic(path, text, exclusive=True)
    except FileExistsError as exc:
        raise SignError(f"{rel} 已存在：记录不能覆盖") from exc
    try:
        armored = sign_file(path, key, APPROVAL if approval else REVIEW)
        write_atomic(root / signature_path(rel), armored, exclusive=True)
    except (SignatureError, FileExistsError) as exc:
        path.unlink()
        raise SignError(f"{rel}：签名失败，记录未保存：{exc}") from exc
