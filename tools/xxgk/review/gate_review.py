"""Gate conditions on one counting review: independence, training and the signed review commit."""

from __future__ import annotations

from xxgk.review.baseline import SIGNERS_FILE, Trusted
from xxgk.review.history import Commit, History
from xxgk.review.index import REVIEWS
from xxgk.review.model import Review
from xxgk.training.ledger import hours_by_person

Failure = tuple[str, str]  # (rule, message)


def independence(rv: Review, commits: list[Commit], trusted: Trusted) -> list[Failure]:
    """The reviewer made none of the entry's commits since the base (as author or committer)."""
    person = trusted.people[rv.reviewer]
    ids = {rv.reviewer, person.principal} - {""}
    for c in commits:
        if {c.author, c.author_email, c.committer, c.committer_email} & ids:
            role = "作者" if {c.author, c.author_email} & ids else "提交者"
            return [("GATE-SELF-REVIEW", (f"审查人“{rv.reviewer}”是本条目改动（提交 {c.short}）的{role}，"
                     "不能审查自己的改动：请另一名审查人员审查"))]
    return []


def training(rv: Review, trusted: Trusted) -> list[Failure]:
    year = rv.date.year if rv.date else 0
    hours = hours_by_person(trusted.attendances, year).get(rv.reviewer, 0)
    if hours >= trusted.min_hours:
        return []
    return [("GATE-TRAINING", (f"审查人“{rv.reviewer}”{year} 年的培训只有 {hours} 学时，不足 "
             f"{trusted.min_hours} 学时（附件5 第七条“先培训后上岗”；培训记录须在审查前合并到 training/）"))]


def review_commit(rv: Review, hist: History, trusted: Trusted) -> list[Failure]:
    """Every commit writing the review touches only reviews/ and is signed by the reviewer's key."""
    shas = hist.commits_of(rv.rel)
    if not shas:
        return []  # the record was already on the base branch, checked when it was merged
    person = trusted.people[rv.reviewer]
    found: list[Failure] = []
    for sha in shas:
        other = [p for p in hist.files_of(sha) if not p.startswith(REVIEWS + "/")]
        if other:
            found.append(("GATE-REVIEW-COMMIT", (f"写入审查记录 {rv.rel} 的提交 {sha[:10]} 还改动了 reviews/ 以外的文件"
                          f"（{'、'.join(other[:3])}）：审查记录须单独提交，审查人不能在审查提交里改内容")))
        found.extend(signature(rv, sha, hist, trusted, person.principal))
    return found


def signature(rv: Review, sha: str, hist: History, trusted: Trusted, principal: str) -> list[Failure]:
    if trusted.signers is None:
        return [("GATE-SIGNATURE", f"比较基线中没有允许签名人文件 {SIGNERS_FILE}，无法核验审查提交 {sha[:10]} 的签名")]
    sig = hist.signature(sha, trusted.signers)
    if sig.status == "N":
        return [("GATE-SIGNATURE", (f"写入审查记录 {rv.rel} 的提交 {sha[:10]} 没有签名：审查人“{rv.reviewer}”"
                 "须用自己的 SSH 密钥签名提交（git commit -S）"))]
    if sig.status != "G":
        return [("GATE-SIGNATURE", (f"审查提交 {sha[:10]} 的签名不能用 {SIGNERS_FILE} 核验（密钥 {sig.fingerprint or '未知'} "
                 f"不在允许签名人文件中，或签名无效）：不是审查人“{rv.reviewer}”登记的密钥"))]
    if not principal or sig.principal != principal:
        want = principal or "（xxgk.yml 中未填写签名身份）"
        return [("GATE-SIGNATURE", (f"审查提交 {sha[:10]} 由“{sig.principal}”的密钥签名，不是审查人“{rv.reviewer}”"
                 f"（签名身份 {want}）的密钥"))]
    return []
