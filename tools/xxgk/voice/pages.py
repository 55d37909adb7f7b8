"""Pages for the public site: the questionnaire, each published year's results, 回应关切.

``site_pages(root, registry)`` returns ``[(path under docs_dir, Markdown)]`` — the site
adapter turns each into a generated page. Fail-closed by construction:

* a year's results page exists only when ``evaluations/<年>/年度结果.yml`` says ``公开: 是``;
  it shows counts, unit names, and per comment only its ``公开摘要`` and ``整改情况``;
* 回应关切 lists only ``公开回应`` parts marked ``公开: 是`` of valid records, and links
  only to catalog entries that are published;
* nothing else of a record (意见原文, 研判, 报送, names) is ever read here.

``asset_files()`` are the questionnaire's CSS and JS; serve them under ``ASSET_DIR_URI``
and list ``asset_uris()`` in ``extra_css`` / ``extra_javascript``.

Pages need the ``attr_list`` Markdown extension (anchors of responses).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from xxgk.model.dates import today
from xxgk.model.entry import entry_url
from xxgk.model.registry import Registry
from xxgk.trust.decision import decisions
from xxgk.voice import questionnaire
from xxgk.voice.evaluation import Comment, Report, aggregate
from xxgk.voice.markdown import inline, paragraphs, percent, table
from xxgk.voice.opinion import PublicResponse
from xxgk.voice.policy import VoicePolicy, voice_policy
from xxgk.voice.store import load_evaluations, load_opinions, load_years

QUESTIONNAIRE = "evaluation/index.md"
RESPONSES = "responses/index.md"
LATEST = 10  # responses shown on the column's own page; the rest on the year pages
ASSET_DIR_URI = "assets/xxgk-voice"
_ASSETS = Path(__file__).parent / "assets"


@dataclass(frozen=True)
class EntryLink:
    """A published catalog entry: its site-relative URL (``catalog/…/``) and title."""

    url: str
    title: str


def asset_files() -> list[Path]:
    return sorted(p for p in _ASSETS.iterdir() if p.suffix in (".css", ".js"))


def asset_uris() -> dict[str, list[str]]:
    files = asset_files()
    return {
        kind: [f"{ASSET_DIR_URI}/{p.name}" for p in files if p.suffix == "." + kind]
        for kind in ("css", "js")
    }


NO_RESPONSES = "目前没有公开的回应。"


def needs_review(uri: str, text: str = "") -> bool:
    """Pages that show record or registry text (the questionnaire: the office's name and
    address, the questions and options; results; 回应关切) are reviewed before they are
    published; only an empty 回应关切 page is not."""
    return uri == QUESTIONNAIRE or NO_RESPONSES not in text


def published_years(root: Path) -> list[int]:
    """Years whose results page is published (``公开: 是``), newest first."""
    notes, _ = load_years(root)
    return sorted((y for y, note in notes.items() if note.published), reverse=True)


def questionnaire_page(root: Path, registry: Registry) -> str:
    """The questionnaire exactly as the site shows it (before its review is checked)."""
    return questionnaire.page(registry, voice_policy(registry), published_years(root))


def results_path(year: int) -> str:
    return (
        f"evaluation/{year}/index.md"  # a folder page: the same URL with or without directory URLs
    )


def site_pages(
    root: Path, registry: Registry, entry_links: Mapping[str, EntryLink] | None = None
) -> list[tuple[str, str]]:
    """Every voice page. ``entry_links``: 索引号 → link of each *published* entry (the
    site passes its own; by default it is asked of ``xxgk.trust.decision``)."""
    policy = voice_policy(registry)
    evaluations, _ = load_evaluations(root, registry)
    notes, _ = load_years(root)
    years = sorted((y for y, note in notes.items() if note.published), reverse=True)
    pages = [(QUESTIONNAIRE, questionnaire.page(registry, policy, years))]
    for year in years:
        report = aggregate(evaluations, year)
        pages.append(
            (results_path(year), results_page(report, policy, notes[year].date, notes[year].intro))
        )
    opinions, _ = load_opinions(root, registry)
    links = default_entry_links(root, registry) if entry_links is None else entry_links
    responses = [o.public for o in opinions if o.public is not None]
    pages += responses_pages(responses, links)
    return pages


def default_entry_links(root: Path, registry: Registry) -> dict[str, EntryLink]:
    """Listed entries as the one publication decision says."""
    found = decisions(root, registry, today())
    return {
        str(doc.get("索引号")): EntryLink(
            entry_url(str(doc.get("索引号") or "")), str(doc.get("信息名称") or "")
        )
        for doc, decision in found.values()
        if decision.listed
    }


def results_page(report: Report, policy: VoicePolicy, date: str, intro: str) -> str:
    lines = [f"# {report.year}年政府信息公开社会评议结果", "", f"发布时间：{inline(date)}", ""]
    if intro:
        lines += [paragraphs(intro), ""]
    lines += ["## 评议方式和参与情况", ""]
    lines += [
        table(
            ["评议方式", "次数", "参与人次"],
            [
                [inline(ch), str(report.records[ch]), str(n)]
                for ch, n in sorted(report.per_channel.items())
            ],
        ),
        "",
    ]
    lines += ["## 评议结果", ""]
    head = ["评议内容", *map(inline, policy.options), "满意率"]
    rows = []
    for i, q in enumerate(policy.questions):
        tally = report.per_question.get(q.code)
        counts = [str(tally.counts[o]) if tally else "0" for o in policy.options]
        rows.append(
            [
                inline(questionnaire.label(i, q.text)),
                *counts,
                percent(tally.rate(policy.satisfied) if tally else None),
            ]
        )
    lines += [
        table(head, rows),
        "",
        "## 各单位评议结果（满意率）",
        "",
        "表头的一、二……对应上表的评议内容；“—”表示该单位没有收到这一项的评议。",
        "",
    ]
    lines += [_unit_table(report, policy), "", "## 意见建议办理情况", ""]
    lines += _comment_section(report.comments)
    return "\n".join(lines) + "\n"


def _unit_table(report: Report, policy: VoicePolicy) -> str:
    head = [
        "被评议单位",
        *(
            questionnaire.NUMERALS[i] if i < 10 else str(i + 1)
            for i in range(len(policy.questions))
        ),
    ]
    rows = []
    for unit, per in sorted(report.per_unit.items()):
        rates = [
            percent(per[q.code].rate(policy.satisfied)) if q.code in per else "—"
            for q in policy.questions
        ]
        rows.append([inline(unit), *rates])
    return table(head, rows)


def _comment_section(comments: list[Comment]) -> list[str]:
    kinds = {k: sum(c.kind == k for c in comments) for k in ("批评", "建议")}
    closed = [c for c in comments if c.closed_on is not None]
    fixed = sum(c.handling == "整改" for c in closed)
    lines = [
        (
            f"共收到批评 {kinds['批评']} 条、建议 {kinds['建议']} 条；已办结 {len(closed)} 条（整改 {fixed} 条，"
            f"不具备整改条件、已向政府信息公开领导小组作出解释 {len(closed) - fixed} 条），"
            f"办理中 {len(comments) - len(closed)} 条。"
        ),
        "",
    ]
    public = [c for c in comments if c.public_summary]
    if public:
        rows = [[inline(c.public_summary or ""), inline(c.department), _state(c)] for c in public]
        lines += [table(["反映的问题", "责任单位", "办理情况"], rows), ""]
    return lines


def _state(c: Comment) -> str:
    if c.closed_on is None:
        return f"办理中（{c.due} 前办结）"
    if c.handling == "整改":
        return inline(f"已整改：{c.change or ''}")
    return "不具备整改条件，已向领导小组作出解释"


def responses_year_path(year: int) -> str:
    return f"responses/{year}/index.md"


def responses_pages(
    responses: list[PublicResponse], links: Mapping[str, EntryLink]
) -> list[tuple[str, str]]:
    """回应关切: the latest ones on the column's page, every one on its year's page."""
    ordered = sorted(responses, key=lambda r: (r.date, r.number), reverse=True)
    years = sorted({r.date.year for r in ordered}, reverse=True)
    lines = [
        "# 回应关切",
        "",
        "对社会关注的热点问题和网络舆情，各单位按照谁主管谁发声的原则作出的回应。",
        "",
    ]
    if not ordered:
        return [(RESPONSES, "\n".join(lines + [NO_RESPONSES, ""]))]
    lines += [
        "按年份查看：" + "　".join(f"[{y}年]({y}/index.md)" for y in years),
        "",
        "## 最新回应",
        "",
    ]
    for item in ordered[:LATEST]:
        target = f"{item.date.year}/index.md#{item.number.lower()}"
        lines += _response(item, links, f"#### [{inline(item.title)}]({target})", "../")
    pages = [(RESPONSES, "\n".join(lines))]
    for year in years:
        body = [f"# {year}年回应关切", "", "[返回回应关切](../index.md)", ""]
        for item in (r for r in ordered if r.date.year == year):
            body += _response(
                item, links, f"## {inline(item.title)} {{ #{item.number.lower()} }}", "../../"
            )
        pages.append((responses_year_path(year), "\n".join(body)))
    return pages


def _response(
    item: PublicResponse, links: Mapping[str, EntryLink], head: str, up: str
) -> list[str]:
    """One response under ``head``; ``up`` leads from the page's folder to the site root."""
    lines = [
        head,
        "",
        f"发布单位：{inline(item.publisher)}　发布时间：{item.date}",
        "",
        paragraphs(item.text),
        "",
    ]
    related = [links[n] for n in item.entries if n in links]
    if related:
        lines += (
            ["相关信息：", ""]
            + [f"- [{inline(link.title)}]({up}{link.url})" for link in related]
            + [""]
        )
    return lines
