"""Generated pages the site withholds for lack of a review (附件4 先审查、后公开).

The pages (the guide, the 在线申请 page, the questionnaire, the 社会评议 results and 回应关切)
are made by the site and voice packages above or beside this one, so the command passes a
function listing them (``site.registry_pages.reviewed_page_files``); whether each is withheld
is the build's own decision (``review.gate_registry.withheld_pages`` → ``trust.pages``). The
findings go to the unit running the site, which reviews its pages.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from xxgk.model.problem import Finding
from xxgk.model.registry import Registry
from xxgk.reports.audit import Source, finding
from xxgk.review.gate_registry import withheld_pages
from xxgk.trust.decision import load_basis
from xxgk.trust.index import cached_index
from xxgk.trust.office import office_unit

RULE = "AUD-PAGE-WITHHELD"
PageList = Callable[[Path, Registry], list[tuple[str, str]]]


def page_source(pages: PageList) -> Source:
    """An audit source over the generated pages ``pages(root, registry)`` lists."""

    def page_findings(root: Path, registry: Registry, year: int, ref: dt.date) -> list[Finding]:
        basis = load_basis(root, registry)
        idx = cached_index(root, basis.trust)
        unit = office_unit(registry)
        return [
            finding(
                unit,
                rel,
                1,
                RULE,
                f"生成的页面没有与当前文字一致的保密审查，网站上只显示“暂不公开”：{reason}。"
                f"审查人审查后签署：xxgk review sign {rel}",
            )
            for rel, reason in withheld_pages(root, pages(root, registry), idx, basis, registry)
        ]

    return page_findings
