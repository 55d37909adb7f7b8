"""The scanner reads every part of a Word attachment a reader can see — headers, footers,
footnotes, text boxes, tracked deletions — not only the body; and hostile Word files are
refused by name without being unpacked."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import docx
import pytest
from test_review_state import REL, write_entry

from xxgk.cli import main
from xxgk.scan.docx import DamagedDocx, docx_text

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
FOOTNOTES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes {W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:id="1"><w:p><w:r><w:t>联系人手机13912345678</w:t></w:r></w:p></w:footnote></w:footnotes>"""
# A text box as Word 2010+ writes it: the drawing, and the same text again for old Word.
TEXT_BOX = """<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">
<mc:Choice Requires="wps"><w:drawing><wp:anchor xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">
<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="wps">
<wps:wsp xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:txbx><w:txbxContent>
<w:p><w:r><w:t>秘密★1年</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic>
</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml">
<v:textbox><w:txbxContent><w:p><w:r><w:t>秘密★1年</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape>
</w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"""
DELETED = '<w:p><w:del w:id="9" w:author="a"><w:r><w:delText>身份证号150623198001011235</w:delText></w:r></w:del></w:p>'


def word_file(
    body: str = "报名登记表",
    header: str = "",
    footer: str = "",
    footnote: bool = False,
    extra_xml: str = "",
) -> bytes:
    document = docx.Document()
    document.add_paragraph(body)
    section = document.sections[0]
    if header:
        section.header.paragraphs[0].text = header
    if footer:
        section.footer.paragraphs[0].text = footer
    out = io.BytesIO()
    document.save(out)
    data = out.getvalue()
    return _edit(data, footnote, extra_xml) if footnote or extra_xml else data


def _edit(data: bytes, footnote: bool, extra_xml: str) -> bytes:
    """Add a footnotes part (with its relationship and content type) and body XML."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for name in src.namelist():
            if not name.endswith((".xml", ".rels")):
                dst.writestr(name, src.read(name))
                continue
            text = src.read(name).decode("utf-8")
            if name == "word/document.xml" and extra_xml:
                text = text.replace("<w:sectPr", extra_xml + "<w:sectPr", 1)
            if name == "word/_rels/document.xml.rels" and footnote:
                text = text.replace(
                    "</Relationships>",
                    '<Relationship Id="rIdFn" Type="http://schemas.'
                    'openxmlformats.org/officeDocument/2006/relationships/footnotes" '
                    'Target="footnotes.xml"/></Relationships>',
                )
            if name == "[Content_Types].xml" and footnote:
                text = text.replace(
                    "</Types>",
                    '<Override PartName="/word/footnotes.xml" ContentType="'
                    "application/vnd.openxmlformats-officedocument.wordprocessingml."
                    'footnotes+xml"/></Types>',
                )
            dst.writestr(name, text.encode("utf-8"))
        if footnote:
            dst.writestr("word/footnotes.xml", FOOTNOTES.encode("utf-8"))
    return out.getvalue()


def scan_attachment(
    root: Path, data: bytes, capsys: pytest.CaptureFixture[str]
) -> tuple[int, list[dict[str, object]]]:
    folder = (root / REL).parent / "att"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "登记表.docx").write_bytes(data)
    write_entry(root, extra="附件:\n  - 名称: 附件1 登记表\n    文件: att/登记表.docx\n")
    code = main(["--root", str(root), "scan", "--format", "json", str(root / REL)])
    return code, json.loads(capsys.readouterr().out)


def test_headers_and_footers_are_scanned(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = word_file(header="内部资料 注意保存", footer="经办人电话13812345678")
    code, rows = scan_attachment(repo, data, capsys)
    assert code == 1
    assert {r["rule"] for r in rows} == {"SCAN-SECRET-MARK", "SCAN-MOBILE"}
    assert {r["path"] for r in rows} == {"content/catalog/2026/att/登记表.docx"}


def test_footnotes_are_scanned(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, rows = scan_attachment(repo, word_file(footnote=True), capsys)
    assert code == 1 and [r["rule"] for r in rows] == ["SCAN-MOBILE"]
    assert "139****5678" in str(rows[0]["message"])


def test_a_text_box_is_scanned_once(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, rows = scan_attachment(repo, word_file(extra_xml=TEXT_BOX), capsys)
    assert code == 1 and [r["rule"] for r in rows] == ["SCAN-SECRET-MARK"]


def test_text_deleted_with_track_changes_is_still_in_the_file_and_scanned(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, rows = scan_attachment(repo, word_file(extra_xml=DELETED), capsys)
    assert code == 1 and [r["rule"] for r in rows] == ["SCAN-ID-CARD"]


def test_a_clean_document_with_header_and_footer_passes(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = word_file(header="鄂托克前旗人民政府办公室", footer="第 1 页", footnote=False)
    assert scan_attachment(repo, data, capsys) == (0, [])


def test_lines_are_paragraphs_body_first() -> None:
    text = docx_text(
        word_file(body="正文一段", header="页眉文字", footer="页脚文字", extra_xml=TEXT_BOX),
        "a.docx",
    )
    lines = text.split("\n")
    assert (
        lines.index("正文一段")
        < lines.index("秘密★1年")
        < lines.index("页眉文字")
        < lines.index("页脚文字")
    )
    assert lines.count("秘密★1年") == 1


def test_an_entity_bomb_is_refused_by_name_without_expanding_it(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bomb = word_file(extra_xml="")
    with zipfile.ZipFile(io.BytesIO(bomb)) as zf:
        xml = zf.read("word/document.xml").decode("utf-8")
    xml = re.sub(r"^<\?xml[^>]*\?>", '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]>', xml)
    code, rows = scan_attachment(repo, _replace(bomb, "word/document.xml", xml.encode()), capsys)
    assert code == 1 and [r["rule"] for r in rows] == ["FILE-KIND"]
    assert "实体" in str(rows[0]["message"]) and "登记表.docx" in str(rows[0]["message"])


def test_a_damaged_document_is_a_warning_to_check_by_eye() -> None:
    with pytest.raises(DamagedDocx):
        docx_text(word_file()[:500], "a.docx")


def _replace(data: bytes, name: str, content: bytes) -> bytes:
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for item in src.namelist():
            dst.writestr(item, content if item == name else src.read(item))
    return out.getvalue()
