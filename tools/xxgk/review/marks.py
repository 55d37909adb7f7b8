"""Acknowledging scanner findings: a 密级标志 needs a 解密 record, not a sentence (附件4 第十六条).

``xxgk review sign --ack 编号=说明`` records why a finding may be published. For a national
secret mark (秘密★, 机密★, 绝密★, 密级：…) no explanation is enough: the 说明 must name the
signed 解密 record (approvals/, 记录类型: 解密) of this entry, and the publish decision checks
that record again. 内部资料 and the other findings keep a written reason.
"""

from __future__ import annotations

import re

from xxgk.scan.engine import Finding
from xxgk.trust.approvals import DECLASSIFY
from xxgk.trust.index import RecordIndex
from xxgk.trust.model import INTERNAL, MARK, MARK_RULE, Review

_CLASSIFIED = re.compile(r"^(?:(?:绝密|机密|秘密)[★☆]|密级)")
_RECORD = re.compile(r"approvals/\S+?\.ya?ml")


def kind_of(finding: Finding) -> str:
    if finding.rule != MARK_RULE:
        return "其他"
    return MARK if _CLASSIFIED.match(finding.value) else INTERNAL


def kind_disagreements(findings: list[Finding], reviews: list[Review]) -> list[str]:
    """Where a review's 已确认发现 gives a finding found now another 类别 than the scanner does
    (a hand-made record calling 秘密★ 内部资料), or lets a 密级标志 pass without a 解密 record."""
    out = []
    for rv in reviews:
        said, marks = dict(rv.ack_kinds), {ident for ident, _ in rv.marks}
        for f in findings:
            if f.ident not in rv.acknowledged:
                continue
            actual = kind_of(f)
            if (said.get(f.ident) and said[f.ident] != actual) or (
                actual == MARK and f.ident not in marks
            ):
                out.append(
                    f"{rv.rel}：把{f.path}:{f.line} 的“{f.shown}”（编号 {f.ident}）确认为"
                    f"“{said.get(f.ident) or '未写类别'}”，扫描结果是“{actual}”：审查记录的类别须与扫描一致，"
                    "密级标志须凭解密记录确认（附件4 第十六条），请重新审查：xxgk review sign"
                )
    return list(dict.fromkeys(out))


def classify(
    findings: list[Finding], acks: dict[str, str], index_no: str, idx: RecordIndex, body: str = ""
) -> tuple[dict[str, tuple[str, str]], list[str]]:
    """(finding id -> (类别, 解密记录)) for every acknowledged finding, and why an
    acknowledgement of a 密级标志 is refused (the 解密 record must be of this entry and, when
    ``body`` is given, signed for that 审查单位)."""
    kinds: dict[str, tuple[str, str]] = {}
    refused: list[str] = []
    valid = {a.rel: a for a in idx.approvals if a.kind == DECLASSIFY and a.counts}
    for f in findings:
        if f.ident not in acks:
            continue
        kind = kind_of(f)
        record = ""
        if kind == MARK:
            named = _RECORD.search(acks[f.ident])
            record = named.group() if named else ""
            found = valid.get(record)
            if found is None or found.index_no != index_no or (body and found.unit != body):
                refused.append(
                    f"{f.path}:{f.line} 密级标志“{f.shown}”（编号 {f.ident}）不能凭说明确认："
                    "须先办理解密手续并记录在 approvals/（记录类型: 解密，由分管负责同志签名），"
                    f"再写 --ack {f.ident}=approvals/…yml（附件4 第十六条）"
                    + (f"；{record} 不是本条目的有效解密记录" if record else "")
                )
        kinds[f.ident] = (kind, record)
    return kinds, refused
