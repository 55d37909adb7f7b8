"""Real documents for the import tests: .docx files written with python-docx in the layout of a
红头文件 (GB/T 9704), and a web page shaped like one saved from a county government site."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt, RGBColor

TITLE = "鄂托克前旗人民政府办公室关于做好2026年政府信息公开工作的通知"
UNIT = "鄂托克前旗人民政府办公室"


def png(width: int = 4, height: int = 3) -> bytes:
    """A small valid PNG (red pixels), so that Word and mammoth treat it as a real picture."""
    raw = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def _para(
    doc: Document,
    text: str,
    *,
    size: float = 16,
    bold: bool = False,
    red: bool = False,
    center: bool = False,
    right: bool = False,
    font: str = "仿宋_GB2312",
) -> None:
    p = doc.add_paragraph()
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if right:
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = p.add_run(text)
    run.font.size = Pt(size)
    run.font.name = font
    run.bold = bold
    if red:
        run.font.color.rgb = RGBColor(0xFF, 0, 0)


def red_head(
    path: Path,
    *,
    secret: bool = True,
    doc_no: str = "鄂前政办发[2026]第008号",
    date: str = "2026年3月5日",
    signature: str = UNIT,
    picture: bool = True,
    extra: str = "",
) -> Path:
    doc = Document()
    if secret:
        _para(doc, "000123", font="黑体")
        _para(doc, "秘密★1年", font="黑体")
    _para(doc, "特急", font="黑体")
    _para(doc, f"{UNIT}文件", size=40, red=True, center=True, font="方正小标宋简体")
    _para(doc, doc_no, center=True)
    _para(
        doc, "鄂托克前旗人民政府办公室关于做好2026年", size=22, center=True, font="方正小标宋简体"
    )
    _para(doc, "政府信息公开工作的通知", size=22, center=True, font="方正小标宋简体")
    _para(doc, "各镇人民政府，旗直各有关部门：")
    _para(doc, "　　为做好2026年政府信息公开工作，经旗人民政府同意，现将有关事项通知如下。")
    if extra:
        _para(doc, extra)
    _para(doc, "一、总体要求", font="黑体")
    _para(doc, "　　坚持以公开为常态、不公开为例外，推进决策、执行、管理、服务、结果“五公开”。")
    _para(doc, "（一）加强组织领导", bold=True, font="楷体_GB2312")
    p = doc.add_paragraph()
    lead = p.add_run("明确责任分工。")
    lead.bold = True
    rest = p.add_run("各单位主要负责人要亲自抓，分管负责人具体抓。")
    rest.font.color.rgb = RGBColor(0x33, 0x66, 0x99)
    rest.font.size = Pt(15)
    _para(doc, "二、重点任务", font="黑体")
    table = doc.add_table(rows=3, cols=3)
    for r, row in enumerate(
        [
            ("序号", "任务", "责任单位"),
            ("1", "更新公开指南", "政务公开办公室"),
            ("2", "编制年度报告", "各单位"),
        ]
    ):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    if picture:
        doc.add_picture(io.BytesIO(png()))
    doc.add_paragraph("按时报送工作总结", style="List Number")
    doc.add_paragraph("及时更新目录条目", style="List Number")
    _para(doc, "附件：1.2026年政府信息公开工作任务分解表")
    _para(doc, "　　　2.政府信息公开工作联系人名单")
    _para(doc, signature, right=True)
    _para(doc, date, right=True)
    _para(doc, "（此件公开发布）")
    doc.add_page_break()
    _para(doc, "附件1", font="黑体")
    _para(doc, "2026年政府信息公开工作任务分解表", size=22, center=True)
    _para(doc, "　　各单位于2026年6月30日前完成指南更新。")
    _para(doc, "附件2", font="黑体")
    _para(doc, "政府信息公开工作联系人名单", size=22, center=True)
    _para(doc, "　　各单位确定一名联系人。")
    _para(doc, "抄送：旗委办公室，旗人大办公室。")
    _para(doc, "鄂托克前旗人民政府办公室　　　　2026年3月5日印发")
    doc.save(path)
    return path


PAGE = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>{title}_鄂托克前旗人民政府</title>
<meta name="ArticleTitle" content="{title}">
<meta name="PubDate" content="2026-03-06 09:30">
<meta name="ContentSource" content="鄂托克前旗人民政府办公室">
<meta name="Keywords" content="政府信息公开,年度报告;工作要点">
<meta name="Description" content="部署2026年政府信息公开重点工作。">
<link rel="stylesheet" href="/css/style.css">
<style>.TRS_Editor p {{ font-size: 16pt; color: #333; }}</style>
<script>var _hmt = _hmt || []; document.write("统计代码");</script>
</head><body>
<div class="header"><div class="logo">鄂托克前旗人民政府</div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li></ul></div>
<div class="breadcrumb">当前位置：首页 &gt; 政务公开 &gt; 通知公告</div>
<table class="xxgk-info"><tr><td>索 引 号：</td><td>000014349/2026-00077</td><td>发布机构：</td>
<td>鄂托克前旗人民政府办公室</td></tr><tr><td>发文日期：</td><td>2026年03月05日 00:00</td>
<td>文　　号：</td><td>鄂前政办发（2026）8号</td></tr><tr><td>名　　称：</td><td>{title}</td></tr></table>
<h1 class="article-title">{title}</h1>
<div class="TRS_Editor" id="zoom">
<p style="text-indent:2em;font-family:仿宋_GB2312;font-size:16pt"><span style="color:#ff0000">各镇人民政府，旗直各有关部门：</span></p>
<p style="text-indent:2em">为做好2026年政府信息公开工作，经旗人民政府同意，现将有关事项通知如下。</p>
<p><strong><font face="黑体" size="4">一、总体要求</font></strong></p>
<p style="text-indent:2em">坚持以公开为常态、不公开为例外，推进“五公开”。<!-- 编辑备注：内部 --></p>
<p onclick="alert(1)">请按时报送，详见<a href="javascript:alert(1)">这里</a>。{extra}</p>
<table border="1" style="border-collapse:collapse"><tr><td><b>序号</b></td><td><b>任务</b></td></tr>
<tr><td>1</td><td>更新公开指南</td></tr></table>
<p><img src="{image}" alt="工作流程图"></p>
<p>附件：<a href="files/renwu.xlsx">2026年政府信息公开工作任务分解表</a></p>
<p style="text-align:right">鄂托克前旗人民政府办公室</p>
<p style="text-align:right">2026年3月5日</p>
</div>
<div class="share">分享到：微信 微博</div>
<div class="print"><a href="javascript:window.print()">【打印本页】</a><a href="javascript:window.close()">【关闭窗口】</a></div>
<div class="footer">主办单位：鄂托克前旗人民政府办公室　网站标识码：1506230001</div>
<script src="/js/tongji.js"></script>
</body></html>
"""


def web_page(folder: Path, title: str = TITLE, extra: str = "") -> Path:
    """A page as 'save as' leaves it: GB2312 text, a files/ folder with the attachment."""
    (folder / "files").mkdir(parents=True, exist_ok=True)
    (folder / "files" / "renwu.xlsx").write_bytes(b"PK\x03\x04 not really a spreadsheet")
    (folder / "files" / "flow.png").write_bytes(png())
    page = folder / "page.html"
    page.write_bytes(
        PAGE.format(title=title, image="files/flow.png", extra=extra).encode("gb18030")
    )
    return page


def simple_docx(path: Path, lines: list[str | tuple[str, str]]) -> Path:
    """A document of plain paragraphs; ``(style, text)`` gives a Word style (Title, Heading 1 …).
    A text with ``\\n`` becomes one paragraph with line breaks (Shift+Enter)."""
    doc = Document()
    for line in lines:
        style, text = line if isinstance(line, tuple) else ("Normal", line)
        p = doc.add_paragraph(style=style)
        for n, part in enumerate(text.split("\n")):
            run = p.add_run(part)
            if n < len(text.split("\n")) - 1:
                run.add_break()
    doc.save(path)
    return path


def _numbering(doc: Document) -> None:
    """Add Word auto-numbering 一、 / （一） (numId 90) and a plain 1. list (numId 91)."""
    from docx.oxml import parse_xml

    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    root = doc.part.numbering_part.element
    chinese = parse_xml(
        f'<w:abstractNum {ns} w:abstractNumId="90"><w:multiLevelType w:val="multilevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        '<w:lvlText w:val="%1、"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/>'
        '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum>'
    )
    plain = parse_xml(
        f'<w:abstractNum {ns} w:abstractNumId="91"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
    )
    first_num = root.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}num")
    for element in (chinese, plain):
        first_num.addprevious(element)
    for num_id in ("90", "91"):
        root.append(
            parse_xml(f'<w:num {ns} w:numId="{num_id}"><w:abstractNumId w:val="{num_id}"/></w:num>')
        )


def numbered_docx(path: Path) -> Path:
    """Headings numbered by Word itself, the way WPS templates often do it."""
    from docx.oxml import parse_xml

    doc = Document()
    _numbering(doc)
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

    def numbered(text: str, num_id: str, level: int) -> None:
        p = doc.add_paragraph(text)
        p._p.get_or_add_pPr().append(
            parse_xml(
                f'<w:numPr {ns}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'
            )
        )

    doc.add_paragraph("关于做好政务公开工作的通知")
    doc.add_paragraph("各单位：")
    numbered("总体要求", "90", 0)
    numbered("明确责任", "90", 1)
    numbered("加强督查", "90", 1)
    numbered("重点任务", "90", 0)
    numbered("更新指南", "91", 0)
    numbered("编制年报", "91", 0)
    doc.add_paragraph("鄂托克前旗人民政府办公室")
    doc.add_paragraph("2026年9月1日")
    doc.save(path)
    return path
