"""Gate conditions on who made a change: the review's 作者 matches the commits' signatures.

The one decision reads 作者 from the signed review (tree only). Here, with history, the
gate checks that claim: every commit since the base that touched the entry or an attachment
is signed by a key the trusted signers file gives to that 作者 — or, for a change made
through the forge's web editor, the forge's authenticated pull-request author passed in by
CI (``XXGK_CHANGE_AUTHOR``) is that 作者. git's author name is never used: anyone can type it.
"""

from __future__ import annotations

import os
from pathlib import Path

from xxgk.review.history import Commit, History
from xxgk.trust.model import Review
from xxgk.trust.roster import Reviewer

CHANGE_AUTHOR_ENV = "XXGK_CHANGE_AUTHOR"
Failure = tuple[str, str]  # (rule, message)


def authorship(
    rv: Review, person: Reviewer, commits: list[Commit], hist: History, signers: Path
) -> list[Failure]:
    forge_author = os.environ.get(CHANGE_AUTHOR_ENV, "").strip()
    found: list[Failure] = []
    for c in commits:
        sig = hist.signature(c.sha, signers)
        signer = sig.principal if sig.status == "G" else ""
        if signer and signer in (person.principal, rv.reviewer):
            return [
                (
                    "GATE-SELF-REVIEW",
                    f"审查人“{rv.reviewer}”用本人密钥签名了条目的改动（提交 {c.short}），"
                    "不能审查自己的改动：请另一名审查人员审查",
                )
            ]
        if signer == rv.author or (not signer and forge_author and forge_author == rv.author):
            continue
        said = f"由“{signer}”的密钥签名" if signer else "没有可核验的签名"
        found.append(
            (
                "GATE-AUTHOR",
                f"改动条目的提交 {c.short} {said}，与审查记录 {rv.rel} 写明的作者"
                f"“{rv.author}”不符（作者以提交签名或合并请求的提交人为准，不以 git 作者名为准）",
            )
        )
    return found[:1]
