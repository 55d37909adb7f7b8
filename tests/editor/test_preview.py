"""The reviewer's preview: every page says it is not reviewed; the body is sanitized."""

from __future__ import annotations

from pathlib import Path

from xxgk.editor.preview import BANNER, write_previews
from xxgk.model.entry import front_matter

META = {
    "索引号": "000014349/2026-00010",
    "信息名称": "鄂托克前旗教育体育局关于招生工作的通知",
    "产生时间": "2026-11-16",
    "分类": "政策文件",
    "发布机构": "鄂托克前旗教育体育局",
    "附件": [{"名称": "附件1 招生工作安排", "文件": "attachments/a.pdf"}],
}


def test_preview_pages_carry_the_banner_and_no_script(tmp_path: Path) -> None:
    rel = "content/catalog/2026/new-20261130-080353.md"
    (tmp_path / rel).parent.mkdir(parents=True)
    body = '通知如下。\n\n<script>alert(1)</script>\n\n<a href="javascript:alert(1)">链接</a>\n'
    (tmp_path / rel).write_text(front_matter(META) + "\n" + body, "utf-8")
    [page] = write_previews(tmp_path, [rel], tmp_path / "out")
    html = page.read_text("utf-8")
    assert page.name == "000014349-2026-00010.html"
    assert BANNER in html and "附件1 招生工作安排" in html and "通知如下。" in html
    assert "<script" not in html and "javascript:" not in html
    index = (tmp_path / "out" / "index.html").read_text("utf-8")
    assert BANNER in index and page.name in index and META["信息名称"] in index
