"""The national outcome categories of a reply (国办公开办函〔2021〕30号, annual report table 三).

The names are exactly the template's rows so that the annual report can count them. Each
reason carries the article of the 2019 regulation a letter cites; where the regulation has no
one article for it the reply must name its own legal basis (``依据``).
"""

from __future__ import annotations

from dataclasses import dataclass

REGULATION = "《中华人民共和国政府信息公开条例》"

DISCLOSE = "予以公开"
PARTIAL = "部分公开"
REFUSE = "不予公开"
UNABLE = "无法提供"
NOT_HANDLED = "不予处理"
OTHER = "其他处理"


@dataclass(frozen=True)
class Outcome:
    name: str
    row: str  # the template's row number, e.g. （三）
    reasons: tuple[tuple[str, str], ...] = ()  # (reason, article or "")
    basis: str = ""  # article for the outcome itself

    def article(self, reason: str | None) -> str:
        for name, article in self.reasons:
            if name == reason:
                return article
        return self.basis


OUTCOMES: tuple[Outcome, ...] = (
    Outcome(DISCLOSE, "（一）", basis="第三十六条第（一）项、第（二）项"),
    Outcome(PARTIAL, "（二）", basis="第三十七条"),
    Outcome(
        REFUSE,
        "（三）",
        (
            ("属于国家秘密", "第十四条"),
            ("其他法律行政法规禁止公开", "第十四条"),
            ("危及“三安全一稳定”", "第十四条"),
            ("保护第三方合法权益", "第十五条"),
            ("属于三类内部事务信息", "第十六条第一款"),
            ("属于四类过程性信息", "第十六条第二款"),
            ("属于行政执法案卷", "第十六条第二款"),
            ("属于行政查询事项", "第三十六条第（七）项"),
        ),
    ),
    Outcome(
        UNABLE,
        "（四）",
        (
            ("本机关不掌握相关政府信息", "第三十六条第（四）项、第（五）项"),
            ("没有现成信息需要另行制作", "第三十八条"),
            ("补正后申请内容仍不明确", "第三十条"),
        ),
    ),
    Outcome(
        NOT_HANDLED,
        "（五）",
        (
            ("信访举报投诉类申请", "第三十九条第一款"),
            ("重复申请", "第三十六条第（六）项"),
            ("要求提供公开出版物", "第三十九条第二款"),
            ("无正当理由大量反复申请", "第三十五条"),
            ("要求行政机关确认或重新出具已获取信息", ""),
        ),
    ),
    Outcome(
        OTHER,
        "（六）",
        (
            ("申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "第三十条"),
            (
                "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                "第四十二条",
            ),
            ("其他", ""),
        ),
    ),
)

BY_NAME = {o.name: o for o in OUTCOMES}
# Outcomes that give the applicant information, so a delivery (提供) follows unless on the spot.
GIVES_INFORMATION = frozenset({DISCLOSE, PARTIAL})
# Outcomes that refuse in substance: written reasons are compulsory (附件2 第二条).
NEEDS_REASONS = frozenset({REFUSE, UNABLE, NOT_HANDLED, OTHER})


def outcome(name: object) -> Outcome | None:
    return BY_NAME.get(name) if isinstance(name, str) else None


def legal_basis(name: str, reason: str | None, written: str | None) -> str:
    """What a letter cites: the reply's own 依据 if written, else the regulation's article."""
    if written:
        return written
    found = outcome(name)
    article = found.article(reason) if found else ""
    return f"{REGULATION}{article}" if article else ""
