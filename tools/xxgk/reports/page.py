"""Write a year's report into the site's 政府信息公开年报 sub-column, with its CSV downloads.

The page is generated: ``xxgk report annual --year Y --check`` says whether the page on disk
still equals what the records give, so CI can refuse a report edited by hand or left stale.
"""

from __future__ import annotations

from pathlib import Path

from xxgk.io.atomic import write_atomic
from xxgk.model import layout
from xxgk.reports.annual import AnnualReport
from xxgk.reports.inputs import SECTIONS, Scope
from xxgk.reports.render import (
    CSV_NAMES,
    csv_files,
    table_four_html,
    table_three_html,
    table_two_html,
)

REPORTS_DIR = Path(layout.REPORTS_DIR)
GENERATED_SECTIONS = (
    ("二、主动公开政府信息情况", table_two_html),
    ("三、收到和处理政府信息公开申请情况", table_three_html),
    ("四、政府信息公开行政复议、行政诉讼情况", table_four_html),
)
# The tables' layout on screen and on paper is in the theme's stylesheets (xxgk.css, print.css):
# the Content Security Policy allows no inline <style>.
_CSV_TITLES = (
    "表二 主动公开政府信息情况",
    "表三 收到和处理政府信息公开申请情况",
    "表四 行政复议、行政诉讼情况",
)


def page_path(scope: Scope) -> Path:
    suffix = f"-{scope.code}" if scope.code else ""
    return REPORTS_DIR / f"{scope.year}{suffix}-annual-report.md"


def csv_dir(scope: Scope) -> Path:
    """CSV files sit beside the page in docs_dir so the site serves them as downloads."""
    return REPORTS_DIR / str(scope.year) / (scope.code or "")


def _csv_link(scope: Scope, name: str) -> str:
    return csv_dir(scope).relative_to(REPORTS_DIR).joinpath(name).as_posix()


def _intro(report: AnnualReport) -> str:
    y = report.year
    return (
        f"本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）第五十条和"
        f"《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）编制，"
        f"由{report.publisher}发布。报告所列数据的统计期限自{y}年1月1日起至{y}年12月31日止。"
    )


# The county report covers the government and every department: each record counted once.
SCOPE_NOTE = (
    "本报告是本级人民政府的年度报告，统计范围包括本级人民政府及其所属各部门、各镇（开发区）："
    "第二部分的规章和行政规范性文件按政府信息公开目录中的条目统计，每件只计一次，联合发文"
    "也只计一次，不按联合发文机关分别计算；第三部分的政府信息公开申请按受理单位登记的申请记录"
    "统计，每件申请只计入受理它的一个单位，不因转交、征求意见而在两个单位重复计算。各部门的"
    "年度报告另行公布，其数字已包含在本报告之中，不再与本报告相加，也不把各部门报告的数字"
    "加总代替本报告的统计（各部门报告中的联合发文会在每个联合发文机关各计一次）。"
)


def page_markdown(report: AnnualReport) -> str:
    parts = [
        "---",
        f"title: {report.title}",
        f"发布日期: {report.published}",
        "---",
        "",
        f"# {report.title}",
        "",
        _intro(report),
        "",
    ]
    if report.scope.unit is None:
        parts += [SCOPE_NOTE, ""]
    generated = dict(GENERATED_SECTIONS)
    for heading in (SECTIONS[0], *generated, *SECTIONS[1:]):
        parts += [f"## {heading}", ""]
        if heading in generated:
            parts += [generated[heading](report), ""]
        else:
            parts += [report.sections.get(heading, "").strip() or "无。", ""]
    # the sign-off closes the report; the downloads follow it, outside the six parts
    parts += [
        f'<p class="xxgk-annual-date">{report.publisher}<br>{_chinese_date(report.published)}</p>',
        "",
        "---",
        "",
    ]
    links = [
        f"[{title}]({_csv_link(report.scope, name)})" for title, name in zip(_CSV_TITLES, CSV_NAMES)
    ]
    parts += ["表格数据下载（CSV，可用电子表格软件打开）：" + "；".join(links) + "。", ""]
    return "\n".join(parts)


def _chinese_date(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{y}年{int(m)}月{int(d)}日"


def outputs(report: AnnualReport) -> dict[Path, str]:
    """Every file of the report, relative to the repository root."""
    files = {page_path(report.scope): page_markdown(report)}
    for name, text in csv_files(report).items():
        files[csv_dir(report.scope) / name] = text
    return files


def stale(root: Path, files: dict[Path, str]) -> list[Path]:
    """Files on disk that differ from (or lack) what the records give now."""
    out = []
    for rel, text in files.items():
        path = root / rel
        if not path.is_file() or path.read_bytes() != text.encode("utf-8"):
            out.append(rel)
    return out


def write(root: Path, files: dict[Path, str]) -> list[Path]:
    for rel, text in files.items():
        write_atomic(root / rel, text)
    return list(files)
