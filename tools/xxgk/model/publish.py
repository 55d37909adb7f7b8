"""The one decision whether, and how, an entry reaches the public site (fail-closed).

Both the site build and ``xxgk gate`` call ``decide``. An entry is published only if it
passes its checks, has a secrecy review matching its current bytes whose conclusion
allows publication, has every consultation it needs, and is neither withdrawn nor past
its 限时公开 end. 依申请公开 entries are listed in the catalog without their body.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum


class Visibility(str, Enum):
    PUBLISHED = "published"  # listed, with its page and body
    CATALOG_ONLY = "catalog_only"  # 依申请公开: a catalog row, no body
    HIDDEN = "hidden"  # not on the site at all


@dataclass(frozen=True)
class Verdict:
    """One condition's answer: ``ok`` or the Chinese reason why not."""

    ok: bool
    reason: str = ""


@dataclass(frozen=True)
class Decision:
    visibility: Visibility
    reason: str = ""

    @property
    def listed(self) -> bool:
        return self.visibility is not Visibility.HIDDEN

    @property
    def has_body(self) -> bool:
        return self.visibility is Visibility.PUBLISHED


def decide(
    *,
    check_errors: list[str],
    disclosure: str | None,
    term_end: dt.date | None,
    today: dt.date,
    review: Verdict,
    consultation: Verdict,
    withdrawn: bool,
) -> Decision:
    """Decide visibility. Every argument is required: nothing defaults to 'allowed'."""
    if check_errors:
        return Decision(Visibility.HIDDEN, "条目未通过检查：" + check_errors[0])
    if withdrawn:
        return Decision(Visibility.HIDDEN, "条目已撤回")
    if term_end is not None and term_end < today:
        return Decision(Visibility.HIDDEN, f"限时公开已于 {term_end} 到期")
    if not review.ok:
        return Decision(Visibility.HIDDEN, "保密审查未通过：" + review.reason)
    if not consultation.ok:
        return Decision(Visibility.HIDDEN, "发布协调未完成：" + consultation.reason)
    if disclosure == "依申请公开":
        return Decision(Visibility.CATALOG_ONLY, "依申请公开：目录中只列条目，不公开正文")
    if disclosure == "主动公开":
        return Decision(Visibility.PUBLISHED)
    return Decision(Visibility.HIDDEN, f"公开形式“{disclosure}”不可发布")
