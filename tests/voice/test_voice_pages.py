"""The voice pages of the site: what they show, and that nothing unpublished reaches them."""

from __future__ import annotations

from pathlib import Path

from voice_canaries import CANARY, ENTRY, PUBLISHED_TEXT, PUBLISHED_TITLE, plant
from voice_helpers import REPO, opinion

from xxgk.io.registry import load_registry
from xxgk.voice.form import PATH as FORM_PATH
from xxgk.voice.form import issue_form
from xxgk.voice.pages import (
    QUESTIONNAIRE,
    RESPONSES,
    EntryLink,
    asset_files,
    responses_year_path,
    results_path,
    site_pages,
)
from xxgk.voice.policy import voice_policy
from xxgk.voice.store import load_evaluations, load_opinions

LINKS = {
    ENTRY: EntryLink(
        "catalog/000014349-2018-01705/",
        "鄂托克前旗人民政府办公室关于印发政府信息公开有关制度的通知",
    )
}


def pages(root: Path, links: dict[str, EntryLink] | None = None) -> dict[str, str]:
    return dict(site_pages(root, load_registry(root), LINKS if links is None else links))


def test_no_internal_value_of_any_record_reaches_any_page(repo: Path) -> None:
    plant(repo)
    registry = load_registry(repo)
    opinions, problems = load_opinions(repo, registry)
    evaluations, more = load_evaluations(repo, registry)
    errors = [p for p in problems + more if p.severity.value == "error"]
    assert errors == [] and len(opinions) == 2 and len(evaluations) == 2  # every record is used
    found = pages(repo)
    # 2026's evaluation results are not published; both responses date from 2026
    assert set(found) == {QUESTIONNAIRE, RESPONSES, results_path(2025), responses_year_path(2026)}
    for path, text in found.items():
        assert CANARY not in text, path
        assert "张三" not in text and "李四" not in text and "王五" not in text


def test_published_response_is_listed_with_a_link_to_the_published_entry_only(repo: Path) -> None:
    plant(repo)
    found = pages(repo)
    year = found[responses_year_path(2026)]
    assert f"## {PUBLISHED_TITLE} {{ #yq-2026-001 }}" in year
    assert PUBLISHED_TEXT in year and "鄂托克前旗住房和城乡建设局" in year and "2026-01-05" in year
    # the year page is responses/2026/: two levels below the site root
    assert (
        "- [鄂托克前旗人民政府办公室关于印发政府信息公开有关制度的通知](../../catalog/000014349-2018-01705/)"
        in year
    )
    index = found[RESPONSES]
    assert f"#### [{PUBLISHED_TITLE}](2026/index.md#yq-2026-001)" in index
    assert "](../catalog/000014349-2018-01705/)" in index
    for text in (year, index):
        assert (
            "2026-99999" not in text
        )  # an entry the site does not publish is neither linked nor named


def test_without_published_entries_no_entry_is_linked(repo: Path) -> None:
    plant(repo)
    text = pages(repo, links={})[RESPONSES]
    assert PUBLISHED_TITLE in text and "catalog/" not in text and ENTRY not in text
    assert "catalog/" not in pages(repo, links={})[responses_year_path(2026)]


def test_responses_are_newest_first_the_column_shows_the_latest_and_each_year_its_own(
    repo: Path,
) -> None:
    days = [f"2026-01-{d:02d}" for d in range(1, 13)] + ["2025-12-30"]
    for n, day in enumerate(days, 1):
        opinion(
            repo,
            f"YQ-{day[:4]}-{n:03d}",
            f"{day} 08:00",
            extra=f"""
            公开回应:
              公开: 是
              标题: 回应{day}
              发布时间: {day}
              发布单位: 鄂托克前旗民政局
              内容: 内容{day}
        """,
        )
    found = pages(repo)
    index = found[RESPONSES]
    shown = sorted((d for d in days if f"回应{d}" in index), key=lambda d: index.index(f"回应{d}"))
    assert shown == [f"2026-01-{d:02d}" for d in range(12, 2, -1)]  # the ten latest, newest first
    assert "[2026年](2026/index.md)　[2025年](2025/index.md)" in index
    year = found[responses_year_path(2026)]
    order = [year.index(f"回应2026-01-{d:02d}") for d in range(12, 0, -1)]
    assert order == sorted(order) and "2025-12-30" not in year
    assert "回应2025-12-30" in found[responses_year_path(2025)]


def test_markup_in_a_response_is_shown_as_text_not_run(repo: Path) -> None:
    opinion(
        repo,
        "YQ-2026-003",
        "2026-03-01 08:00",
        extra="""
        公开回应:
          公开: 是
          标题: "标题 {: onclick=alert(1) }"
          发布时间: 2026-03-01
          发布单位: 鄂托克前旗民政局
          内容: |
            # 不是标题
            <script>alert(1)</script> [点我](javascript:alert(1))
    """,
    )
    text = pages(repo)[responses_year_path(2026)]
    for raw in ("<script>", "](javascript:", "{: onclick", "\n# 不是标题"):
        assert raw not in text
    assert "&#60;script&#62;" in text and "&#35; 不是标题" in text


def test_a_response_marked_public_but_incomplete_is_not_published_and_is_reported(
    repo: Path,
) -> None:
    opinion(
        repo,
        "YQ-2026-004",
        "2026-03-01 08:00",
        extra="""
        公开回应:
          公开: 是
          标题: 只有标题
    """,
    )
    assert "只有标题" not in pages(repo)[RESPONSES]
    _, problems = load_opinions(repo, load_registry(repo))
    assert [(p.rule, p.line) for p in problems] == [("OPN-PUBLIC", 8)]


def test_results_page_shows_counts_rates_and_only_public_comment_text(repo: Path) -> None:
    plant(repo)
    text = pages(repo)[results_path(2025)]
    assert "| 一、政府信息公开事项是否及时、准确、全面、真实 | 3 | 0 | 1 | 0 | 75.0% |" in text
    assert "| 座谈会 | 1 | 4 |" in text
    assert "共收到批评 1 条、建议 1 条；已办结 1 条（整改 0 条" in text and "办理中 1 条" in text


def test_questionnaire_has_every_question_option_unit_and_the_ways_out(repo: Path) -> None:
    registry = load_registry(repo)
    text = pages(repo)[QUESTIONNAIRE]
    for q in voice_policy(registry).questions:
        assert q.text in text and f'name="{q.code}"' in text
    assert text.count('type="radio"') == 4 * 4
    assert all(f'<option value="{u.name}">' in text for u in registry.units)
    assert 'id="xxgk-eval-mail" href="mailto:zwgk@etkqq.gov.cn?subject=' in text
    assert (
        'method="post"' in text
        and 'data-api="../api/evaluations"' in text
        and "action=" not in text
    )
    assert (
        'id="xxgk-eval-submit"' in text
        and 'name="website"' in text
        and 'aria-hidden="true"' in text
    )
    assert "\n\n" not in text.split("<form", 1)[1].split("</form>", 1)[0]  # one raw HTML block


def test_the_public_page_never_links_the_code_forge_even_with_a_forge_address(repo: Path) -> None:
    assert "评议议题地址" in (repo / "xxgk.yml").read_text(
        encoding="utf-8"
    )  # still in the registry
    page = pages(repo)[QUESTIONNAIRE]
    assert "xxgk-eval-issue" not in page and "github.com" not in page and "议题" not in page
    assert "xxgk-eval-mail" in page and "xxgk-eval-print" in page and "xxgk-eval-submit" in page


def test_the_committed_issue_form_matches_the_registry() -> None:
    registry = load_registry(REPO)
    assert (REPO / FORM_PATH).read_text(encoding="utf-8") == issue_form(
        registry, voice_policy(registry)
    )


def test_assets_are_the_questionnaire_script_and_stylesheet() -> None:
    assert sorted(p.name for p in asset_files()) == ["evaluation.css", "evaluation.js"]


def test_by_default_only_entries_the_site_publishes_are_linked(repo: Path) -> None:
    # the real catalog entry, but without its secrecy review: the site does not publish it
    target = repo / "content/catalog/2018"
    target.mkdir(parents=True)
    (target / "000014349-2018-01705.md").write_bytes(
        (REPO / "content/catalog/2018/000014349-2018-01705.md").read_bytes()
    )
    plant(repo)
    text = dict(site_pages(repo, load_registry(repo)))[RESPONSES]
    assert PUBLISHED_TITLE in text and "catalog/" not in text


def test_generated_pages_pass_the_site_markup_safety_check(repo: Path) -> None:
    """The build stops a generated page with a severe finding (xxgk.site.checks.page_html);
    pages that show record text must be exactly what the sanitizer publishes."""
    import markdown

    from xxgk.model.sanitize import review

    plant(repo)
    for rel, text in pages(repo).items():
        rendered = markdown.markdown(text, extensions=["attr_list", "tables", "toc"])
        found = review(rendered)
        assert [u.message for u in found if u.severe] == [], rel
        if rel != QUESTIONNAIRE:  # the questionnaire's own form: form controls, classes, ids
            assert [u.message for u in found] == [], rel


def test_a_related_entry_that_is_not_in_the_catalog_is_a_warning_with_its_place(repo: Path) -> None:
    target = repo / "content/catalog/2018"
    target.mkdir(parents=True)
    (target / "000014349-2018-01705.md").write_bytes(
        (REPO / "content/catalog/2018/000014349-2018-01705.md").read_bytes()
    )
    plant(
        repo
    )  # its response names 000014349/2018-01705 (in the catalog) and 000014349/2026-99999 (not)
    _, problems = load_opinions(repo, load_registry(repo))
    assert [(p.path, p.line, p.column, p.rule, p.severity.value) for p in problems] == [
        ("opinions/2026/YQ-2026-001.yml", 31, 32, "OPN-ENTRY", "warning")
    ]
    assert "000014349/2026-99999" in problems[0].message


def test_the_issue_form_follows_a_changed_questionnaire(repo: Path) -> None:
    text = (repo / "xxgk.yml").read_text(encoding="utf-8")
    extra = "      - 代码: q5\n        内容: 政府信息公开领导小组确定的其他评议内容\n    选项:"
    (repo / "xxgk.yml").write_text(text.replace("    选项:", extra, 1), encoding="utf-8")
    registry = load_registry(repo)
    form = issue_form(registry, voice_policy(registry))
    assert "id: q5" in form and "label: 五、政府信息公开领导小组确定的其他评议内容" in form
    assert 'name="q5"' in pages(repo)[QUESTIONNAIRE]
