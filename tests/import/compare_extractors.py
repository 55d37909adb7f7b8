"""Compare main-content extractors on the saved pages in pages/ (the figures in docs/import.md).

Run: .venv/bin/python tests/import/compare_extractors.py

For each page and library: how many of the page's body sentences the extracted text keeps
(recall), how many pieces of site furniture it keeps (breadcrumb, share and print bars,
footer, next item of a list), and the time per page.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import justext
import trafilatura
from readability import Document

from xxgk.importer.webpage import decode

HERE = Path(__file__).parent / "pages"
PAGES = {
    "ordos/xxgk_detail.html": [
        "经旗人民政府同意",
        "鄂托克前旗人民政府办公室",
        "2025年1月20日",
        "坚持以人民为中心",
        "一、加强政策发布解读",
        "同步部署",
        "不得修改",
        "鄂前政办发〔2025〕3号",
    ],
    "trs/t20240612_3590.html": [
        "旗直各预算单位",
        "现就做好2024年度部门决算公开工作",
        "一、公开时间",
        "20日内向社会公开",
        "三公",
        "部门决算公开报表样式",
        "2024年6月7日",
        "鄂前财发〔2024〕12号",
    ],
    "hanweb/art_1234_56789.html": [
        "各运输企业",
        "请认真组织实施",
        "一、排查范围",
        "二级以上客运站",
        "自查自纠",
        "督导检查",
        "7月31日前报送",
        "鄂前交发〔2023〕7号",
    ],
    "mirror/www.etkqq.gov.cn/zwgk/tzgg/202402/t20240215_3571.html": [
        "各镇人民政府",
        "决定在全旗范围内",
        "一、检查范围",
        "人员密集场所",
        "隐患排查情况",
        "应急管理局安全生产股",
        "2024年2月14日",
        "鄂前应急发〔2024〕2号",
    ],
}
FURNITURE = [
    "当前位置",
    "您现在的位置",
    "您当前的位置",
    "首页",
    "打印",
    "关闭",
    "分享到",
    "网站标识码",
    "ICP备",
    "上一篇",
    "下一篇",
    "上一条",
    "相关文章",
    "热点推荐",
    "浏览次数",
    "字体",
    "快照",
    "主办",
]


def with_trafilatura(html: str) -> str:
    return trafilatura.extract(html, include_tables=True, favor_recall=True) or ""


def with_readability(html: str) -> str:
    from lxml import html as lxml_html

    summary = Document(html).summary(html_partial=True)
    return str(lxml_html.fromstring(summary).text_content()) if summary.strip() else ""


def with_justext(html: str) -> str:
    # jusText has no Chinese stop-word list; an empty list makes every paragraph "short"
    paragraphs = justext.justext(html.encode("utf-8"), frozenset(), encoding="utf-8")
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def measure(name: str, extract: Callable[[str], str]) -> None:
    kept = total = noise = 0
    spent = 0.0
    for rel, wanted in PAGES.items():
        html = decode((HERE / rel).read_bytes())
        start = time.perf_counter()
        for _ in range(5):
            text = extract(html)
        spent += (time.perf_counter() - start) / 5
        got = [w for w in wanted if w in text]
        junk = [f for f in FURNITURE if f in text]
        kept, total, noise = kept + len(got), total + len(wanted), noise + len(junk)
        print(f"  {name:12} {rel[:40]:40} 正文 {len(got)}/{len(wanted)}  杂项 {junk}")
    print(
        f"{name}: 正文保留 {kept}/{total}，杂项 {noise} 处，平均每页 {spent / len(PAGES) * 1000:.1f} 毫秒"
    )


if __name__ == "__main__":
    for label, fn in (
        ("trafilatura", with_trafilatura),
        ("readability", with_readability),
        ("jusText", with_justext),
    ):
        measure(label, fn)
