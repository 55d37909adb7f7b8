"""The build publishes bodies only through the sanitizer: unsafe entries and pages stop it
with file and line and are never written; attachment links are safe relative paths; the
feed is plain text."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from payloads import LEAD, ORDINARY, PAYLOADS
from xxgk_site_kit import add_entry, mkdocs_build, page, sign_page

from xxgk.io.frontmatter import read
from xxgk.io.registry import load_registry
from xxgk.model.publish import Decision, Visibility
from xxgk.site.build import Job, Settings, write_range
from xxgk.site.catalog import Entry, make_entry
from xxgk.site.feeds import rss
from xxgk.site.render import BodyRenderer, Shell, templates

pytestmark = pytest.mark.slow


def body_start(path: Path) -> int:
    return path.read_text("utf-8").split("\n").index("---", 1) + 3


def site_pages(root: Path) -> str:
    """Every page and feed (the search index is data the search script escapes)."""
    return "\n".join(
        p.read_text("utf-8", "replace")
        for p in (root / "site").rglob("*")
        if p.is_file() and p.suffix in (".html", ".xml")
    )


def test_the_build_refuses_every_payload_entry_naming_file_and_line(site_repo: Path) -> None:
    paths = [
        add_entry(site_repo, n, body=body) for n, (_i, body, _m, _l) in enumerate(PAYLOADS, start=1)
    ]
    add_entry(site_repo, 900, body=ORDINARY)
    done = mkdocs_build(site_repo)
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert "已停止生成网站" in done.stderr
    for path, (pid, _body, message, line) in zip(paths, PAYLOADS):
        rel = path.relative_to(site_repo).as_posix()
        assert (
            f"{rel}:{body_start(path) + line - 1}:1: [CAT-UNSAFE-MARKUP] {message}" in done.stderr
        ), pid
        assert not (site_repo / "site/catalog" / path.stem).exists(), pid


def _job(root: Path, paths: list[Path]) -> Job:
    """The build's own job over these entries, each decided as published (the check that
    would stop the build earlier is what write_range must not depend on)."""
    entries = [
        make_entry(
            root, read(p, p.relative_to(root).as_posix()), Decision(Visibility.PUBLISHED), 100
        )
        for p in paths
    ]
    settings = Settings(
        root=root,
        site_dir=root / "site",
        site_url="/",
        registry=load_registry(root),
        page_size=30,
        body_chars=100,
        snippet_chars=100,
        apply_path="guide/#apply",
        workers=1,
    )
    shell = Shell(
        "<html><h1>XXGK0SHELL0TITLE</h1><p>XXGK0SHELL0BODY</p><footer>页脚</footer></html>",
        "_xxgk_shell/d2/",
    )
    return Job(
        entries,
        settings,
        {2: shell},
        templates(None),
        BodyRenderer(["attr_list", "tables", "toc", "fenced_code"], {}),
    )


def test_entry_pages_are_written_from_the_sanitizer_output_or_not_at_all(site_repo: Path) -> None:
    folder = site_repo / "content/catalog/2024/attachments"
    folder.mkdir(parents=True)
    (folder / "附件 1.pdf").write_bytes(b"%PDF-1.4")
    (folder / "javascript:alert(1)").write_bytes(b"x")
    ok = add_entry(
        site_repo,
        1,
        body=ORDINARY,
        sign=False,
        附件=[{"名称": "附件1", "文件": "attachments/附件 1.pdf"}],
    )
    bad = add_entry(site_repo, 2, body=LEAD + "<img src=x onerror=alert(1)>\n", sign=False)
    named = add_entry(
        site_repo, 3, sign=False, 附件=[{"名称": "附件", "文件": "javascript:alert(1)"}]
    )
    moved = add_entry(
        site_repo, 4, sign=False, 附件=[{"名称": "附件", "文件": "attachments\\附件 1.pdf"}]
    )
    done, problems = write_range(_job(site_repo, [ok, bad, named, moved]), 0, 4)
    assert done == [0], problems
    rel = bad.relative_to(site_repo).as_posix()
    assert f"{rel}:{body_start(bad) + 2}: 不允许的属性 onerror（<img>）" in problems
    assert any("javascript:alert(1)”不能带协议" in p for p in problems)
    assert any("用了反斜杠" in p for p in problems)
    html = page(site_repo, "catalog/000014349-2024-00001")
    assert (
        '<a href="https://www.gov.cn/zhengce/?a=1&amp;b=2" title="中国政府网" rel="noopener noreferrer">'
        in html
    )
    assert 'href="attachments/%E9%99%84%E4%BB%B6%201.pdf" download>附件1</a>' in html
    assert (site_repo / "site/catalog/000014349-2024-00001/attachments/附件 1.pdf").is_file()
    for n in (2, 3, 4):
        assert not (site_repo / f"site/catalog/000014349-2024-{n:05d}").exists()


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ("<img src=x onerror=alert(1)>", "不允许的属性 onerror（<img>）"),
        (
            '遮住页面的段落\n{: style="position:fixed;top:0;left:0;width:100%;height:100%" }',
            "不允许的属性 style（<p>）",
        ),
    ],
)
def test_unsafe_markup_in_an_ordinary_page_stops_the_build_with_file_and_line(
    site_repo: Path, payload: str, message: str
) -> None:
    target = site_repo / "content/policies/5-training.md"
    text = target.read_text("utf-8").rstrip("\n") + "\n\n" + payload + "\n"
    target.write_text(text, "utf-8")
    sign_page(site_repo, target)  # reviewed as it is: the sanitizer still stops it
    token = "onerror" if "onerror" in payload else "style"
    line = next(n for n, s in enumerate(text.split("\n"), start=1) if token in s)
    done = mkdocs_build(site_repo)
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert f"content/policies/5-training.md:{line}: {message}" in done.stderr


def test_an_attachment_named_like_a_script_link_never_becomes_a_link(site_repo: Path) -> None:
    folder = site_repo / "content/catalog/2024"
    folder.mkdir(parents=True)
    (folder / "javascript:alert(1)").write_bytes(b"x")
    add_entry(site_repo, 1, 附件=[{"名称": "附件", "文件": "javascript:alert(1)"}])
    done = mkdocs_build(site_repo)
    # refused by CAT-ATTACHMENT (not published) or by the build itself (stops): named either way
    assert "Traceback" not in done.stderr
    assert (
        "content/catalog/2024/000014349-2024-00001.md" in done.stderr
        and "javascript:alert(1)" in done.stderr
    )
    assert not (site_repo / "site/catalog/000014349-2024-00001").exists()
    if (site_repo / "site").exists():
        assert 'href="javascript:' not in site_pages(site_repo)


def test_the_feed_carries_plain_text_only(site_repo: Path) -> None:
    add_entry(
        site_repo,
        1,
        内容描述="<img src=x onerror=alert(1)>要求各单位&amp;各部门建立保密审查记录。",
        信息名称="鄂托克前旗人民政府办公室关于A&B<b>工作</b>的通知",
    )
    done = mkdocs_build(site_repo)
    assert done.returncode == 0, done.stderr
    feed = ET.parse(site_repo / "site/feed.xml").getroot()  # well-formed XML
    items = feed.findall("./channel/item")
    assert len(items) == 1
    for node in items[0].iter():
        assert "<" not in (node.text or "") and "&" not in (node.text or ""), node.tag
    assert (
        items[0].findtext("description")
        == "＜img src=x onerror=alert(1)＞要求各单位＆amp;各部门建立保密审查记录。"
    )
    assert items[0].findtext("title") == "鄂托克前旗人民政府办公室关于A＆B＜b＞工作＜/b＞的通知"
    assert "<img src=x onerror" not in site_pages(site_repo)


def test_feed_text_has_no_markup_entity_or_control_character() -> None:
    meta = {
        "信息名称": "关于<script>alert(1)</script>的通知\x07",
        "产生时间": "2024-03-15",
        "分类": "政策文件",
        "内容描述": "a &lt;b&gt; &amp; <![CDATA[x]]>\x00\n\t第二行",
    }
    entry = Entry(
        "content/catalog/2024/x.md", meta, Decision(Visibility.PUBLISHED), "catalog/x/", "0" * 64
    )
    feed = ET.fromstring(rss([entry], "https://xxgk.example.gov.cn/", "站点 & <名称>", "说明", 10))
    item = feed.find("./channel/item")
    assert item is not None
    assert item.findtext("title") == "关于＜script＞alert(1)＜/script＞的通知"
    assert item.findtext("description") == "a ＆lt;b＆gt; ＆amp; ＜![CDATA[x]]＞ 第二行"
    assert feed.findtext("./channel/title") == "站点 ＆ ＜名称＞"
