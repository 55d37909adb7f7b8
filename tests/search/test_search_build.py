"""The full-text index of a real ``mkdocs build``: every published text, nothing else."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import docx
import pytest
from indexkit import Index
from xxgk_site_kit import REPO, add_entry, mkdocs_build, sign_entry

from xxgk.search.counting import BLOCK

SEED = "content/catalog/2018/000014349-2018-01705.md"
SEED_URL = "catalog/000014349-2018-01705/"
OPINION = """编号: YQ-2026-001
来源: 微博
发现时间: 2026-01-05 09:00
概要: 测试用舆情概要
涉及单位: 鄂托克前旗民政局
风险等级: 其他政务舆情
回应:
  - 时间: 2026-01-05 16:00
    方式: 网上发布信息
    说明: 已回应
公开回应:
  公开: 是
  标题: 关于供暖不热问题的回应
  发布时间: 2026-01-05
  发布单位: 鄂托克前旗住房和城乡建设局
  内容: 经核查，供热管网已完成检修。
"""
FILLER = "各单位要高度重视，明确责任分工，细化工作措施，确保各项任务落到实处。\n\n"


def built(root: Path) -> Index:
    done = mkdocs_build(root)
    assert done.returncode == 0, done.stderr
    return Index(root / "site")


def tail_phrase(path: Path) -> str:
    """Eight characters of the last long run of Chinese in the page's source (its end)."""
    runs = re.findall(r"[\u4e00-\u9fff]{8,}", path.read_text("utf-8"))
    return runs[-1][:8]


def test_a_phrase_at_the_end_of_a_long_body_is_found_and_its_block_is_known(
    site_repo: Path,
) -> None:
    body = FILLER * 400 + "草原生态补奖资金按时足额发放到户。\n"
    add_entry(site_repo, 1, body=body)
    add_entry(site_repo, 2)
    index = built(site_repo)
    url = "catalog/000014349-2024-00001/"
    assert index.find("足额发放到户") == [url]
    doc = index.urls.index(url)
    assert index.codes("到户")[doc] >> 4 == index.text(doc).index("发放到户") // BLOCK > 5
    assert index.text(doc).endswith("草原生态补奖资金按时足额发放到户。")


def test_the_seed_notice_and_every_policy_page_are_found_by_their_last_words(
    site_repo: Path,
) -> None:
    target = site_repo / SEED
    target.parent.mkdir(parents=True)
    shutil.copy(REPO / SEED, target)
    sign_entry(site_repo, target)
    index = built(site_repo)
    for phrase in ("不缺位、不失语", "学时", tail_phrase(target)):
        assert SEED_URL in index.find(phrase), phrase
    policies = sorted((site_repo / "content/policies").glob("*.md"))
    assert len(policies) == 8
    for path in policies:
        url = f"policies/{path.stem}/"
        assert url in index.find(tail_phrase(path)), (url, tail_phrase(path))
        assert url in index.find(path.read_text("utf-8").split("title: ")[1].split("\n")[0])


def test_unpublished_entries_and_pages_never_reach_the_index(site_repo: Path) -> None:
    add_entry(site_repo, 1, body="本条未经审查：未审查条目金丝雀。\n", sign=False)
    add_entry(
        site_repo,
        2,
        body="已审查的正文。\n",
        信息名称="鄂托克前旗人民政府办公室关于已审查条目的通知",
    )
    (site_repo / "content/policies/9-new.md").write_text(
        "---\ntitle: 新制度\n---\n\n# 新制度\n\n未审查页面金丝雀。\n", "utf-8"
    )
    (site_repo / "opinions/2026").mkdir(parents=True)
    (site_repo / "opinions/2026/YQ-2026-001.yml").write_text(OPINION, "utf-8")
    index = built(site_repo)
    assert (
        index.find("金丝雀") == [] and index.find("未审查") == [] and index.find("供热管网") == []
    )
    assert "policies/9-new/" not in index.urls and "catalog/000014349-2024-00001/" not in index.urls
    assert "responses/" not in index.urls  # its new text has no signed review: a notice
    assert {"guide/", "evaluation/", "policies/4-secrecy-review/"} <= set(index.urls)
    for path in (site_repo / "site/search").rglob("*"):
        if path.is_file():
            assert "金丝雀" not in path.read_text("utf-8"), path
            assert "丝雀" not in path.read_text("utf-8"), path  # not even as a token


def test_the_text_of_text_and_word_attachments_is_searchable(site_repo: Path) -> None:
    folder = site_repo / "content/catalog/2024/att"
    folder.mkdir(parents=True)
    (folder / "名单.csv").write_text("项目,地点\n牧区饮水安全工程,城川镇\n", "utf-8")
    document = docx.Document()
    document.add_paragraph("沙化土地封禁保护区建设方案")
    document.save(str(folder / "方案.docx"))
    (folder / "图.pdf").write_bytes(b"%PDF-1.4 \xe5\x86\x9c\xe7\x94\xb0\xe6\xb0\xb4\xe5\x88\xa9")
    add_entry(
        site_repo,
        1,
        附件=[
            {"名称": "附件1 名单", "文件": "att/名单.csv"},
            {"名称": "附件2 方案", "文件": "att/方案.docx"},
            {"名称": "附件3 图", "文件": "att/图.pdf"},
        ],
    )
    index = built(site_repo)
    url = "catalog/000014349-2024-00001/"
    assert index.find("牧区饮水安全工程") == [url]
    assert index.find("沙化土地封禁保护") == [url]
    assert index.find("农田水利") == []  # a PDF is not read
    assert "附件 附件2 方案\n沙化土地封禁保护区建设方案" in index.text(index.urls.index(url))


def test_entries_are_ranked_by_their_index_and_filters_are_tokens(site_repo: Path) -> None:
    add_entry(site_repo, 1, 产生时间="2023-05-01", 分类="工作信息")
    add_entry(site_repo, 2, 产生时间="2024-06-01")
    index = built(site_repo)
    assert index.urls[:2] == ["catalog/000014349-2024-00002/", "catalog/000014349-2023-00001/"]
    assert index.manifest["entries"] == 2 and index.manifest["n"] == len(index.urls)
    assert index.docs("#c:工作信息") == {1} and index.docs("#y:2024") == {0}
    assert index.docs("#n:鄂前政办发20241号") == set() and index.docs("#n:鄂前政办发20242号") == {0}
    assert index.rows[0][1:5] == [
        "鄂托克前旗人民政府办公室关于做好政府信息公开保密审查工作的通知",
        "2024-06-01",
        "鄂前政办发〔2024〕2号",
        "000014349/2024-00002",
    ]


def test_the_index_is_the_same_from_one_process_or_several(site_repo: Path) -> None:
    for n in range(1, 31):
        add_entry(site_repo, n, body=FILLER * (n % 7 + 1) + f"第{n}号专项工作。\n")
    files = {}
    for workers in (1, 2):
        config = site_repo / "mkdocs.yml"
        text = re.sub(r"^  - xxgk.*(\n      .*)*", "", config.read_text("utf-8"), flags=re.M)
        config.write_text(
            text.replace(
                "plugins:\n",
                f"plugins:\n  - xxgk:\n      workers: {workers}\n      parallel_min: 2\n",
            ),
            "utf-8",
        )
        built(site_repo)
        folder = site_repo / "site/search/idx"
        files[workers] = {
            p.relative_to(folder).as_posix(): p.read_bytes()
            for p in folder.rglob("*")
            if p.is_file() and p.name != "manifest.json"
        }
    assert files[1] == files[2] and len(files[1]) > 30


@pytest.mark.parametrize("limit", [0, 300])
def test_index_body_chars_limits_the_text_indexed(site_repo: Path, limit: int) -> None:
    add_entry(site_repo, 1, body=FILLER * 20 + "末尾独有的词语。\n")
    config = site_repo / "mkdocs.yml"
    text = config.read_text("utf-8")
    config.write_text(
        re.sub(r"^  - xxgk$", f"  - xxgk:\n      index_body_chars: {limit}", text, flags=re.M),
        "utf-8",
    )
    index = built(site_repo)
    assert bool(index.find("末尾独有")) is (limit == 0)
