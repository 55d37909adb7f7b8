"""The 公开指南 explains the 索引号 and the catalog's arrangement, lists every channel of 附件2
第一条 and links both application forms; the 依申请公开 制度 page states the county's 15+15."""

from __future__ import annotations

import re
from pathlib import Path

from xxgk_site_kit import REPO, mkdocs_build, page

from xxgk.io.registry import load_registry
from xxgk.site.guide import guide_markdown

SEED_CHANNELS = ("信函", "电报", "传真", "电子邮件", "口头")


def test_every_channel_of_the_seed_is_listed_with_the_registry_addresses() -> None:
    text = guide_markdown(load_registry(REPO))
    table = text[text.index("| 方式 | 怎样提出 |") :]
    rows = [line.split("|")[1].strip() for line in table.splitlines()[2:] if line.startswith("|")]
    for channel in SEED_CHANNELS:
        assert any(row.startswith(channel) for row in rows), (channel, rows)
    office = load_registry(REPO).office
    for key in ("地址", "传真", "电子邮箱", "电话"):
        assert str(office[key]) in table


def test_the_index_number_is_explained_from_the_registry_template(repo: Path) -> None:
    reg = repo / "xxgk.yml"
    reg.write_text(
        reg.read_text("utf-8").replace(
            '格式: "{机构代码}/{年份}-{序号:05d}"',
            '格式: "{地区编号}-{分类代码}-{年份}-{序号:04d}"',
        ),
        "utf-8",
    )
    text = guide_markdown(load_registry(repo))
    assert "`{地区编号}-{分类代码}-{年份}-{序号:04d}`" in text and "`150623-02-2018-1705`" in text
    explained = re.search(r"索引号的结构是 `[^`]+`：(.+?)。例如", text)
    assert explained is not None
    order = [m for m in re.findall(r"“(.+?)”是", explained[1])]
    assert order == ["地区编号", "分类代码", "年份", "序号"]  # in the order they are written
    assert "编排" in text and "分类—发布机构—年份" in text


def test_the_built_guide_links_the_online_and_the_paper_form_and_the_policy_page_says_15_15(
    site_repo: Path,
) -> None:
    done = mkdocs_build(site_repo)
    assert done.returncode == 0, done.stderr
    guide = page(site_repo, "guide")
    assert (
        'href="../apply/"' in guide and 'href="#paper-form"' in guide and 'id="paper-form"' in guide
    )
    assert "政府信息公开申请表（纸质）" in guide and "申请人签名或者盖章" in guide
    policy = page(site_repo, "policies/2-on-request")
    assert "尚未经保密审查" not in policy  # the shipped signed review covers the page as changed
    assert "15+15个工作日" in policy and "20+20个工作日" in policy and "比条例更严" in policy
    assert 'href="../../guide/#apply"' in policy
