"""The text of xxgk.yml that reaches the site, in the gate and in the build.

Two kinds (``docs/review.md``):

* pages generated from the registry (the 公开指南, the 在线申请 page, the 社会评议
  questionnaire): each is published only
  with a signed review of its exact generated text, like a page of content/; the gate refuses
  a change to xxgk.yml after which one of them has none (GATE-REGISTRY-PAGE);
* text shown on every page or in every listing (the footer's 网站 values, the government's
  and the units' names, the categories, the 公开工作机构 and the 社会评议 questions): it
  cannot be withheld page by page, so the secrecy scanner reads it and any 密级标志 or personal
  data stops the build and the gate, naming xxgk.yml and the line.

Whoever changed the registry does not review the pages it generates (GATE-SELF-REVIEW), and a
page review's 作者 is the signer of those commits (GATE-AUTHOR), as for entries
(``gate_review.authorship``).

The callers pass the generated pages (they are made by the site and the intake packages,
above this one).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from xxgk.io.frontmatter import decode, parse
from xxgk.io.registry import REGISTRY_FILE
from xxgk.io.safefs import RECORD_LIMIT, UnsafeFile, read_bytes
from xxgk.io.yamlsafe import load_yaml
from xxgk.model.problem import Problem, Severity
from xxgk.model.registry import Registry
from xxgk.review.gate_review import authorship
from xxgk.review.history import History
from xxgk.scan.engine import scan_text
from xxgk.scan.run import public_values
from xxgk.trust.index import RecordIndex
from xxgk.trust.pages import page_verdict
from xxgk.trust.protected import RECIPIENTS
from xxgk.trust.verdict import Basis

PAGE_RULE = "GATE-REGISTRY-PAGE"
# Top-level keys of xxgk.yml whose text is shown on the site (政策: only the questionnaire's).
PUBLIC_KEYS = ("名称", "地区", "单位", "分类", "公开工作机构", "网站")
Path_ = tuple[str | int, ...]


def _leaves(value: Any, path: Path_) -> Iterator[tuple[Path_, str]]:
    if isinstance(value, dict):
        for k, v in value.items():
            if k != RECIPIENTS:  # age keys, not text (the trust anchor signs them)
                yield from _leaves(v, (*path, str(k)))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _leaves(v, (*path, i))
    elif isinstance(value, str):
        yield path, value


def public_text(data: dict[str, Any]) -> Iterator[tuple[Path_, str]]:
    """Every string of xxgk.yml that the site shows, with its path in the YAML."""
    for key in PUBLIC_KEYS:
        if key in data:
            yield from _leaves(data[key], (key,))
    policy = data.get("政策")
    voice = policy.get("社会评议") if isinstance(policy, dict) else None
    if isinstance(voice, dict):
        for key in ("评议内容", "选项"):
            if key in voice:
                yield from _leaves(voice[key], ("政策", "社会评议", key))


def registry_findings(root: Path, registry: Registry) -> list[Problem]:
    """密级标志 and personal data in the registry's public text, at their line in xxgk.yml."""
    try:
        text, _ = decode(read_bytes(root, REGISTRY_FILE, RECORD_LIMIT), REGISTRY_FILE)
    except (UnsafeFile, OSError) as exc:
        return [Problem(REGISTRY_FILE, 1, 1, "FILE-KIND", Severity.ERROR, f"无法读取：{exc}")]
    loaded = load_yaml(text or "", REGISTRY_FILE)
    if not isinstance(loaded.data, dict):
        return []  # the registry reader has said why it cannot be read
    public = public_values(registry)
    found = []
    for path, value in public_text(loaded.data):
        line, col = loaded.pos(*path)
        for f in scan_text(value, REGISTRY_FILE, public):
            where = ".".join(str(p) for p in path)
            found.append(
                Problem(
                    REGISTRY_FILE,
                    line + f.line - 1,
                    col if f.line == 1 else f.column,
                    f.rule,
                    Severity.ERROR,
                    f"{where} 中发现{f.name}“{f.shown}”：这段文字会出现在网站的页脚、栏目或生成的页面上，"
                    "不能逐页扣下，含有密级标志或个人信息时不生成网站（附件4 第四、六条）；请删去或改正",
                )
            )
    return found


def withheld_pages(
    root: Path, pages: list[tuple[str, str]], idx: RecordIndex, basis: Basis, registry: Registry
) -> list[tuple[str, str]]:
    """(content/… path, why) of each generated page (path, text) the build would replace by
    the "暂不公开" notice: the build's own ``page_verdict`` finds no signed review of it."""
    found = []
    for rel, text in pages:
        verdict = page_verdict(root, parse(text.encode("utf-8"), rel), idx, basis, registry)
        if not verdict.ok:
            found.append((rel, verdict.reason))
    return found


def page_problems(
    root: Path, pages: list[tuple[str, str]], idx: RecordIndex, basis: Basis, registry: Registry
) -> list[Problem]:
    """Each generated page (content/… path, text) without a signed review of that text."""
    return [
        Problem(
            rel,
            1,
            1,
            PAGE_RULE,
            Severity.ERROR,
            f"由 xxgk.yml 生成的页面没有与当前文字一致的保密审查，网站上将显示“暂不公开”："
            f"{reason}。xxgk.yml 改变公开文字后，须由审查人审查新的文字："
            f"xxgk review sign {rel}",
        )
        for rel, reason in withheld_pages(root, pages, idx, basis, registry)
    ]


def page_authors(
    pages: list[tuple[str, str]],
    idx: RecordIndex,
    basis: Basis,
    registry: Registry,
    run: tuple[Path, History, Path, set[str]],
) -> list[Problem]:
    """Generated pages whose reviews, added by the change, were made by whoever signed the
    commits that changed xxgk.yml, or name another 作者 than those commits' signer.

    ``run``: (root, history, the trusted signers file, paths the change added). A page whose
    current text a review from before the change already publishes is left alone: the change
    did not alter it."""
    root, hist, signers, added = run
    commits = hist.commits_touching([REGISTRY_FILE])
    found: list[Problem] = []
    for rel, text in pages if commits else []:
        verdict = page_verdict(root, parse(text.encode("utf-8"), rel), idx, basis, registry)
        if not verdict.ok or any(rv.rel not in added for rv in verdict.reviews):
            continue
        attempts = [
            authorship(rv, basis.people[rv.reviewer], commits, hist, signers)
            if rv.reviewer in basis.people
            else [("GATE-AUTHOR", f"审查人“{rv.reviewer}”不在审查人员名册中")]
            for rv in verdict.reviews
        ]
        if all(attempts):
            for rule, message in sorted({f for failures in attempts for f in failures}):
                found.append(
                    Problem(rel, 1, 1, rule, Severity.ERROR, f"由 xxgk.yml 生成的页面：{message}")
                )
    return found
