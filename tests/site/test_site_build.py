"""Real ``mkdocs build`` of small sites: the four sub-columns, entry pages, listings."""

from __future__ import annotations

import re
from pathlib import Path

from xxgk_site_kit import add_entry, mkdocs_build, page, sign_page

from trustkit import STAFF, sample_key
from xxgk.cli import main


def built(root: Path) -> str:
    done = mkdocs_build(root)
    assert done.returncode == 0, done.stderr
    return done.stderr


def test_the_four_sub_columns_and_the_home_page_are_built(site_repo: Path) -> None:
    add_entry(site_repo, 1)
    built(site_repo)
    guide = page(site_repo, "guide")
    assert "政府信息公开指南" in guide and "0477-7621234" in guide and "zwgk@etkqq.gov.cn" in guide
    assert all(c in guide for c in ("机构概况", "政策文件", "社会监督")), "the nine categories"
    assert "15个工作日内答复" in guide
    assert "保密审查制度" in page(site_repo, "policies/4-secrecy-review")
    catalog = page(site_repo, "catalog")
    assert (
        "法定主动公开内容" in catalog and '政策文件</a> <span class="xxgk-count">（1）' in catalog
    )
    assert "政府信息公开工作年度报告" in page(site_repo, "reports")
    home = page(site_repo, "")
    for tab in ("政府信息公开指南", "政府信息公开制度", "法定主动公开内容", "政府信息公开年报"):
        assert f">\n      {tab}" in home or f">{tab}<" in home or tab in home


def test_the_guide_is_written_from_the_registry(site_repo: Path) -> None:
    reg = site_repo / "xxgk.yml"
    reg.write_text(reg.read_text("utf-8").replace("0477-7621234", "0477-7600000"), "utf-8")
    # The guide's new text is published once reviewed (tests/site/test_guide_review.py).
    assert (
        main(
            [
                "--root",
                str(site_repo),
                "review",
                "sign",
                str(site_repo / "content/guide/index.md"),
                "--reviewer",
                "王建华",
                "--key",
                sample_key("wangjh@etkqq.gov.cn"),
                "--author",
                STAFF,
            ]
        )
        == 0
    )
    built(site_repo)
    guide = page(site_repo, "guide")
    assert "0477-7600000" in guide and "0477-7621234" not in guide


def test_entry_page_shows_the_metadata_table_then_the_body(site_repo: Path) -> None:
    body = "各镇人民政府：\n\n第一行文字\n接着第二行\n"
    add_entry(site_repo, 7, body=body, 关键词="保密审查 目录")
    built(site_repo)
    html = page(site_repo, "catalog/000014349-2024-00007")
    labels = re.findall(r'<th scope="row">([^<]+)</th>', html)
    assert labels == [
        "索引号",
        "分类",
        "发布机构",
        "产生时间",
        "信息名称",
        "文件编号",
        "公开形式",
        "公开时限",
        "责任部门",
        "关键词",
        "内容描述",
    ]
    assert "000014349/2024-00007" in html and "鄂前政办发〔2024〕7号" in html
    assert html.index("xxgk-meta") < html.index("各镇人民政府")
    assert "第一行文字接着第二行" in html, "a line break inside Chinese is not a space"
    assert "<title>鄂托克前旗人民政府办公室关于做好政府信息公开保密审查工作的通知 - " in html
    assert (
        'rel="canonical" href="https://www.etkqq.gov.cn/xxgk/catalog/000014349-2024-00007/"' in html
    )


def test_entries_stay_out_of_the_navigation(site_repo: Path) -> None:
    add_entry(site_repo, 1, 信息名称="鄂托克前旗人民政府办公室关于独一无二标题的通知")
    built(site_repo)
    assert "独一无二" not in page(site_repo, "policies/1-guide-and-catalog")
    entry = page(site_repo, "catalog/000014349-2024-00001")
    assert "独一无二" in entry
    assert re.search(r'md-tabs__item--active">\s*<a href="\.\./\.\./catalog/"', entry), (
        "its column's tab is lit"
    )


def test_listings_by_category_department_and_year_are_paginated_and_sorted(site_repo: Path) -> None:
    cfg = site_repo / "mkdocs.yml"
    cfg.write_text(
        cfg.read_text("utf-8").replace("  - xxgk\n", "  - xxgk:\n      page_size: 2\n"), "utf-8"
    )
    for n, (date, cat) in enumerate(
        [
            ("2023-01-05", "政策文件"),
            ("2024-02-01", "政策文件"),
            ("2024-06-01", "工作信息"),
            ("2024-09-09", "政策文件"),
            ("2025-03-03", "政策文件"),
        ],
        start=1,
    ):
        add_entry(
            site_repo,
            n,
            产生时间=date,
            分类=cat,
            信息名称=f"鄂托克前旗人民政府办公室第{n}号测试通知",
        )
    built(site_repo)
    first = page(site_repo, "catalog/list/category-02")
    dates = re.findall(r'data-label="产生时间">([\d-]+)<', first)
    assert dates == ["2025-03-03", "2024-09-09"], "newest first"
    assert "第 1/2 页" in first and "../../../catalog/list/category-02-p2/" in first
    assert re.findall(
        r'data-label="产生时间">([\d-]+)<', page(site_repo, "catalog/list/category-02-p2")
    ) == ["2024-02-01", "2023-01-05"]
    assert (
        re.findall(
            r'data-label="产生时间">([\d-]+)<', page(site_repo, "catalog/list/category-02-asc")
        )[0]
        == "2023-01-05"
    )
    assert "共 5 条" in page(site_repo, "catalog/list/unit-002")
    assert "共 3 条" in page(site_repo, "catalog/list/year-2024")
    assert "共 1 条" in page(site_repo, "catalog/list/category-04")


def test_attachments_are_listed_and_downloadable(site_repo: Path) -> None:
    folder = site_repo / "content" / "catalog" / "2024" / "attachments"
    folder.mkdir(parents=True)
    (folder / "申请表.docx").write_bytes(b"PK\x03\x04 fake docx bytes")
    add_entry(
        site_repo, 3, 附件=[{"名称": "附件1 政府信息公开申请表", "文件": "attachments/申请表.docx"}]
    )
    built(site_repo)
    html = page(site_repo, "catalog/000014349-2024-00003")
    # the link is the percent-encoded relative path (xxgk.model.safety.href)
    assert (
        'href="attachments/%E7%94%B3%E8%AF%B7%E8%A1%A8.docx" download>附件1 政府信息公开申请表</a>'
        in html
    )
    assert (
        (site_repo / "site/catalog/000014349-2024-00003/attachments/申请表.docx")
        .read_bytes()
        .startswith(b"PK")
    )


def test_feed_and_sitemap_carry_the_entries_dates(site_repo: Path) -> None:
    add_entry(site_repo, 1, 产生时间="2024-03-15")
    built(site_repo)
    feed = (site_repo / "site/feed.xml").read_text("utf-8")
    assert "<pubDate>Fri, 15 Mar 2024 00:00:00 +0800</pubDate>" in feed
    sitemap = (site_repo / "site/sitemap.xml").read_text("utf-8")
    assert (
        "<loc>https://www.etkqq.gov.cn/xxgk/catalog/000014349-2024-00001/</loc>"
        "<lastmod>2024-03-15</lastmod>"
    ) in sitemap
    assert "_xxgk_shell" not in sitemap and not (site_repo / "site/_xxgk_shell").exists()


def test_footer_shows_the_registry_filing_numbers(site_repo: Path) -> None:
    built(site_repo)
    home = page(site_repo, "")
    for text in (
        "网站标识码：1506230001",
        "蒙ICP备00000000号",
        "蒙公网安备 15062302000000号",
        "主办单位：鄂托克前旗人民政府办公室",
    ):
        assert text in home
    assert "fonts.googleapis" not in home and "Material for MkDocs" not in home
    assert 'href="assets/xxgk/print.css"' in home
    assert "@media print" in (site_repo / "site/assets/xxgk/print.css").read_text("utf-8")


def test_body_text_uses_a_song_typeface_not_larger_than_14pt(site_repo: Path) -> None:
    built(site_repo)
    css = (site_repo / "site/assets/xxgk/xxgk.css").read_text("utf-8")
    rule = re.search(r"\.md-typeset \{([^}]*)\}", css)
    assert rule and '"SimSun", "宋体"' in rule.group(1)
    size = re.search(r"font-size: (\d+)px", rule.group(1))
    assert size and int(size.group(1)) * 0.75 <= 14, "四号 = 14pt"
    assert re.search(r"\.md-typeset h2, \.md-typeset h3, \.md-typeset h4 \{ font-weight: 700", css)


def test_entry_pages_written_by_worker_processes_are_the_same(site_repo: Path) -> None:
    for n in range(1, 6):
        add_entry(site_repo, n, 信息名称=f"鄂托克前旗人民政府办公室第{n}号并行测试通知")
    built(site_repo)
    serial = {n: page(site_repo, f"catalog/000014349-2024-{n:05d}") for n in range(1, 6)}
    cfg = site_repo / "mkdocs.yml"
    cfg.write_text(
        cfg.read_text("utf-8").replace(
            "  - xxgk\n", "  - xxgk:\n      workers: 2\n      parallel_min: 1\n"
        ),
        "utf-8",
    )
    built(site_repo)
    for n, html in serial.items():
        assert page(site_repo, f"catalog/000014349-2024-{n:05d}") == html


def test_the_reports_column_lists_every_report_newest_first(site_repo: Path) -> None:
    reports = site_repo / "content" / "reports"
    for year in (2024, 2025):
        (reports / f"{year}-annual-report.md").write_text(
            f"---\ntitle: 鄂托克前旗人民政府{year}年政府信息公开工作年度报告\n---\n\n# 报告\n\n正文。\n",
            "utf-8",
        )
        sign_page(site_repo, reports / f"{year}-annual-report.md")
    (reports / "2023-annual-report.md").write_text(
        "---\ntitle: 未审查的2023年报告\n---\n\n正文。\n", "utf-8"
    )
    built(site_repo)
    html = page(site_repo, "reports")
    first = html.index("2025年政府信息公开工作年度报告")
    assert first < html.index("2024年政府信息公开工作年度报告")
    assert 'href="2025-annual-report/"' in html
    assert "未审查的2023年报告" not in html  # an unreviewed report is neither listed nor shown


def test_a_site_can_override_a_catalog_template(site_repo: Path) -> None:
    custom = site_repo / "overrides" / "xxgk"
    custom.mkdir(parents=True)
    (custom / "entry.html").write_text(
        '<p class="own">本站自己的条目模板：{{ e.title }}</p>\n', "utf-8"
    )
    cfg = site_repo / "mkdocs.yml"
    cfg.write_text(
        cfg.read_text("utf-8").replace(
            "  name: material\n", "  name: material\n  custom_dir: overrides\n"
        ),
        "utf-8",
    )
    add_entry(site_repo, 1)
    built(site_repo)
    assert "本站自己的条目模板：鄂托克前旗人民政府办公室" in page(
        site_repo, "catalog/000014349-2024-00001"
    )


def test_no_page_makes_the_browser_download_the_sitemap(site_repo: Path) -> None:
    """Material fetches sitemap.xml for every <link rel="alternate">: megabytes per page view
    at county size. The feed is linked in the footer, never in the head."""
    add_entry(site_repo, 1)
    built(site_repo)
    pages = list((site_repo / "site").rglob("*.html"))
    assert pages
    for html in pages:
        assert 'rel="alternate"' not in html.read_text("utf-8"), html
    assert "feed.xml" in page(site_repo, "")
