"""The annual report from real record files: every cell of tables 二–四, the balance rule, the page."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from reports_helpers import REPO, copy_inputs, write_entry, write_request, xxgk

from xxgk.io.registry import load_registry
from xxgk.reports import annual, page
from xxgk.reports.inputs import Scope
from xxgk.reports.tables import APPLICANT_TYPES, COLUMNS_3, OUTCOMES, columns_4, rows_3

LEAVES = [(name, reason) for _, name, reasons in OUTCOMES for reason in (reasons or (None,))]


def _cells_three(report: annual.AnnualReport) -> dict[tuple[str, str], int]:
    return {(r.id, c): report.three.get(r.id, c) for r in rows_3() for c in COLUMNS_3}


def _build(root: Path, year: int = 2025) -> annual.AnnualReport:
    report, problems = annual.build(root, load_registry(root), Scope(year))
    assert report is not None, [p.message for p in problems]
    return report


def test_every_outcome_row_and_applicant_column_is_counted(repo: Path) -> None:
    copy_inputs(repo)
    expected: dict[tuple[str, str], int] = {}
    n = 0
    for j, (result, reason) in enumerate(LEAVES):
        for i, applicant in enumerate(APPLICANT_TYPES):
            for _ in range(1 + (i + j) % 2):  # 1 or 2 so that a swapped cell shows
                n += 1
                write_request(
                    repo, f"YSQ-2025-{n:04d}", "2025-03-02", applicant, "2025-03-20", result, reason
                )
            row = [r.id for r in rows_3() if r.counted and r.id.startswith("三")][j]
            expected[(row, applicant)] = 1 + (i + j) % 2
    report = _build(repo)
    for (row, applicant), count in expected.items():
        assert report.three.get(row, applicant) == count, (row, applicant)
    for applicant in APPLICANT_TYPES:
        column = sum(v for (r, a), v in expected.items() if a == applicant)
        assert report.three.get("一", applicant) == column
        assert report.three.get("三（七）", applicant) == column
        assert report.three.get("四", applicant) == 0
    assert report.three.get("一", "总计") == n == report.three.get("三（七）", "总计")


def test_carry_over_from_last_year_and_into_next_year(repo: Path) -> None:
    copy_inputs(repo)
    write_request(repo, "YSQ-2024-0001", "2024-12-20", "自然人", "2025-01-08")  # 二 and 三
    write_request(repo, "YSQ-2024-0002", "2024-12-28", "法律服务机构")  # 二 and 四 (still open)
    write_request(repo, "YSQ-2024-0003", "2024-11-01", "自然人", "2024-11-15")  # not in 2025
    write_request(repo, "YSQ-2025-0001", "2025-12-26", "科研机构", "2026-01-12")  # 一 and 四
    write_request(repo, "YSQ-2025-0002", "2025-06-02", "自然人", "2025-06-10", "部分公开")
    report = _build(repo)
    t = report.three
    assert (t.get("二", "自然人"), t.get("二", "法律服务机构"), t.get("二", "总计")) == (1, 1, 2)
    assert (t.get("一", "自然人"), t.get("一", "科研机构"), t.get("一", "总计")) == (1, 1, 2)
    assert (t.get("四", "法律服务机构"), t.get("四", "科研机构"), t.get("四", "总计")) == (1, 1, 2)
    assert t.get("三（一）", "自然人") == 1 and t.get("三（二）", "自然人") == 1
    assert t.get("三（七）", "总计") == 2
    # next year: what 2025 carried out is what 2026 carries in
    copy_inputs(repo, 2026)
    nxt = _build(repo, 2026).three
    assert {c: nxt.get("二", c) for c in COLUMNS_3} == {c: t.get("四", c) for c in COLUMNS_3}


def test_a_decision_dated_before_its_receipt_across_years_breaks_the_balance(repo: Path) -> None:
    copy_inputs(repo)
    write_request(repo, "YSQ-2025-0001", "2025-04-01", "自然人", "2025-04-10")
    bad = write_request(repo, "YSQ-2026-0001", "2026-01-05", "社会公益组织", "2025-12-30")
    report, problems = annual.build(repo, load_registry(repo), Scope(2025))
    assert report is None
    messages = [p.message for p in problems]
    assert any(
        "表三“社会公益组织”列不平衡" in m and "一（本年新收 0）" in m and "三（七）总计 1" in m
        for m in messages
    ), messages
    assert any("表三“总计”列不平衡" in m for m in messages)
    assert not any("“自然人”列" in m for m in messages)
    assert any(
        p.path == bad.relative_to(repo).as_posix() and "早于收到日期" in p.message for p in problems
    )
    done = xxgk(repo, "report", "annual", "--year", "2025")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "社会公益组织" in done.stderr and not (repo / page.page_path(Scope(2025))).exists()


def test_table_two_counts_regulations_issued_repealed_and_in_force(repo: Path) -> None:
    copy_inputs(repo)
    write_entry(repo, "甲规章", "规章", "2025-02-01")
    write_entry(repo, "乙规章", "规章", "2019-05-01", repealed="2025-07-01")
    write_entry(repo, "丙文件", "行政规范性文件", "2023-01-10")
    write_entry(repo, "丁文件", "行政规范性文件", "2025-03-01", repealed="2026-02-01")
    write_entry(repo, "戊文件", "行政规范性文件", "2026-01-02")  # issued after the year
    write_entry(repo, "己文件", "其他", "2025-05-05")
    docs = _build(repo).two.documents
    assert [docs[("规章", c)] for c in ("本年制发件数", "本年废止件数", "现行有效件数")] == [
        1,
        1,
        1,
    ]
    assert [
        docs[("行政规范性文件", c)] for c in ("本年制发件数", "本年废止件数", "现行有效件数")
    ] == [1, 0, 2]


def test_table_two_figures_and_table_four_come_from_the_input_files(repo: Path) -> None:
    folder = copy_inputs(repo)
    stats = (folder / "统计数据.yml").read_text(encoding="utf-8")
    (folder / "统计数据.yml").write_text(
        stats.replace("行政强制: 9", "行政强制: 4").replace('"86.42"', '"0.0350"'), encoding="utf-8"
    )
    appeals = (folder / "复议诉讼.yml").read_text(encoding="utf-8").split("\n")
    values = iter(range(1, 13))
    appeals = [re.sub(r": 0$|: 1$", lambda _: f": {next(values)}", line) for line in appeals]
    (folder / "复议诉讼.yml").write_text("\n".join(appeals), encoding="utf-8")
    report = _build(repo)
    assert report.two.decisions == {"行政许可": 1862, "行政处罚": 217, "行政强制": 4}
    assert str(report.two.fees) == "0.0350"
    row = [report.four.get(g, c) for g, c in columns_4()]
    assert row == [1, 2, 3, 4, 10, 5, 6, 7, 8, 26, 9, 10, 11, 12, 42]


@pytest.mark.parametrize(
    "name, old, new, words",
    [
        ("统计数据.yml", "行政许可: 1862", "行政许可: 很多", "行政许可"),
        ("统计数据.yml", '"86.42"', '"12,5"', "行政事业性收费"),
        (
            "复议诉讼.yml",
            "  尚未审结: 0",
            "  尚未审结: 0\n  总计: 3",
            "总计写的是 3，但前四项之和是 1",
        ),
        ("复议诉讼.yml", '年度: "2025"', '年度: "2024"', "在 2025 年的文件夹里"),
        ("正文.md", "发布日期: 2026-03-20", "发布日期: 2025-12-20", "不在 2025 年度结束之后"),
    ],
)
def test_bad_input_is_refused_with_file_and_line(
    repo: Path, name: str, old: str, new: str, words: str
) -> None:
    folder = copy_inputs(repo)
    text = (folder / name).read_text(encoding="utf-8")
    before = text.split(old, 1)[0]
    line = before.count("\n") + 1 + new.count("\n")
    (folder / name).write_text(text.replace(old, new, 1), encoding="utf-8")
    report, problems = annual.build(repo, load_registry(repo), Scope(2025))
    assert report is None
    found = [p for p in problems if p.path == f"annual/2025/{name}"]
    assert found and words in found[0].message and found[0].line == line, problems


def test_publishing_after_the_legal_deadline_is_a_warning_not_a_refusal(repo: Path) -> None:
    folder = copy_inputs(repo)
    text = (folder / "正文.md").read_text(encoding="utf-8")
    (folder / "正文.md").write_text(text.replace("2026-03-20", "2026-04-02"), encoding="utf-8")
    report, problems = annual.build(repo, load_registry(repo), Scope(2025))
    assert report is not None and report.published == "2026-04-02"
    assert [p.severity.value for p in problems] == ["warning"] and "2026-03-31" in problems[
        0
    ].message
    done = xxgk(repo, "report", "annual", "--year", "2025")
    assert done.returncode == 0 and "警告" in done.stderr and "2026-03-31" in done.stderr


def test_staff_text_must_have_exactly_the_three_sections(repo: Path) -> None:
    folder = copy_inputs(repo)
    text = (folder / "正文.md").read_text(encoding="utf-8")
    (folder / "正文.md").write_text(
        text.replace("## 六、其他需要报告的事项", "## 三、申请情况"), encoding="utf-8"
    )
    report, problems = annual.build(repo, load_registry(repo), Scope(2025))
    assert report is None
    messages = " ".join(p.message for p in problems)
    assert (
        "“三、申请情况”不是可写的一节" in messages
        and "缺少一节“## 六、其他需要报告的事项”" in messages
    )


def test_page_tables_have_the_template_shape_and_csv_agrees(repo: Path) -> None:
    copy_inputs(repo)
    write_request(
        repo, "YSQ-2025-0001", "2025-03-02", "商业企业", "2025-03-09", "不予公开", "属于国家秘密"
    )
    report = _build(repo)
    files = page.outputs(report)
    text = files[page.page_path(Scope(2025))]
    three = text.split("## 三、")[1].split("## 四、")[0]
    rows = re.findall(r"<tr>(.*?)</tr>", three)
    data = [r for r in rows if "<td" in r]
    assert len(data) == 25  # 一, 二, 22 rows of 三 (with （七）), 四
    assert all(len(re.findall(r'<td class="n">\d+</td>', r)) == 7 for r in data)
    table = list(
        csv.reader(io.StringIO(files[page.csv_dir(Scope(2025)) / "table-3.csv"].lstrip("\ufeff")))
    )
    assert table[0] == ["行次", "项目", *COLUMNS_3] and len(table) == 26
    secret = next(r for r in table if r[0] == "三（三）1")
    assert secret[2:] == ["0", "1", "0", "0", "0", "0", "1"]
    four = text.split("## 四、")[1].split("## 五、")[0]
    assert len(re.findall(r'<td class="n">\d+</td>', four)) == 15
    assert "## 一、总体情况" in text and text.index("## 一、") < text.index("## 二、") < text.index(
        "## 五、"
    )


def test_cli_writes_page_and_csv_then_check_detects_hand_edits(repo: Path) -> None:
    copy_inputs(repo)
    done = xxgk(repo, "report", "annual", "--year", "2025")
    assert done.returncode == 0, done.stderr
    assert (repo / "content/reports/2025-annual-report.md").is_file()
    assert (repo / "content/reports/2025/table-3.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert xxgk(repo, "report", "annual", "--year", "2025", "--check").returncode == 0
    target = repo / "content/reports/2025-annual-report.md"
    target.write_text(
        target.read_text(encoding="utf-8").replace(">1862<", ">1863<"), encoding="utf-8"
    )
    stale = xxgk(repo, "report", "annual", "--year", "2025", "--check")
    assert stale.returncode == 1 and "2025-annual-report.md" in stale.stderr


def test_missing_inputs_are_named_not_a_traceback(repo: Path) -> None:
    done = xxgk(repo, "report", "annual", "--year", "2024")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "annual/2024/统计数据.yml" in done.stderr and "annual/2024/正文.md" in done.stderr


def test_shipped_2025_report_equals_a_fresh_generation() -> None:
    done = xxgk(REPO, "report", "annual", "--year", "2025", "--check")
    assert done.returncode == 0, done.stdout + done.stderr


def test_figures_quoted_in_the_text_come_from_the_tables(repo: Path) -> None:
    folder = copy_inputs(repo)
    write_request(repo, "YSQ-2025-0001", "2025-03-02", "自然人", "2025-03-09")
    write_request(repo, "YSQ-2025-0002", "2025-12-29", "其他")
    report = _build(repo)
    text = report.sections["一、总体情况"]
    assert "全年新收政府信息公开申请2件" in text and "结转下年度继续办理1件" in text
    assert "公开行政许可处理决定1862件" in text and "{{" not in text
    body = (folder / "正文.md").read_text(encoding="utf-8")
    (folder / "正文.md").write_text(
        body.replace("{{表三:二:总计}}", "{{表三:五:总计}}"), encoding="utf-8"
    )
    report, problems = annual.build(repo, load_registry(repo), Scope(2025))
    assert report is None
    line = next(i for i, t in enumerate(body.split("\n"), 1) if "{{表三:二:总计}}" in t)
    assert [(p.path, p.line) for p in problems] == [("annual/2025/正文.md", line)]
    assert "表三没有“五:总计”" in problems[0].message


def test_a_department_report_counts_only_its_own_entries_and_requests(repo: Path) -> None:
    education = "鄂托克前旗教育体育局"
    code = load_registry(repo).unit(education).code  # type: ignore[union-attr]
    copy_inputs(repo)
    target = repo / "annual" / "2025" / code
    target.mkdir()
    for f in (repo / "annual" / "2025").glob("*.*"):
        (target / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    write_request(repo, "YSQ-2025-0001", "2025-03-02", "自然人", "2025-03-09", unit=education)
    write_request(repo, "YSQ-2025-0002", "2025-03-02", "科研机构", "2025-03-09")
    write_entry(
        repo,
        "招生办法",
        "行政规范性文件",
        "2025-04-01",
        publisher=education,
        department="招生考试中心",
    )
    write_entry(repo, "办公室文件", "行政规范性文件", "2025-04-01")
    done = xxgk(repo, "report", "annual", "--year", "2025", "--unit", education)
    assert done.returncode == 0, done.stderr
    page_text = (repo / f"content/reports/2025-{code}-annual-report.md").read_text(encoding="utf-8")
    assert f"title: {education}2025年政府信息公开工作年度报告" in page_text
    assert f"(2025/{code}/table-3.csv)" in page_text
    rows = list(
        csv.reader(
            io.StringIO(
                (repo / f"content/reports/2025/{code}/table-3.csv")
                .read_text(encoding="utf-8")
                .lstrip("\ufeff")
            )
        )
    )
    assert rows[1][2:] == ["1", "0", "0", "0", "0", "0", "1"]
    county = _build(repo)
    assert (
        county.three.get("一", "总计") == 2
        and county.two.documents[("行政规范性文件", "本年制发件数")] == 2
    )
    unknown = xxgk(repo, "report", "annual", "--year", "2025", "--unit", "不存在局")
    assert unknown.returncode == 2 and "不存在局" in unknown.stderr
    # CI's view: every report with inputs under annual/ must equal its fresh generation
    assert xxgk(repo, "report", "annual", "--all", "--check").returncode == 1  # county page missing
    assert xxgk(repo, "report", "annual", "--year", "2025").returncode == 0
    done = xxgk(repo, "report", "annual", "--all", "--check", "--format", "json")
    assert done.returncode == 0 and [(r["年度"], r["单位"]) for r in json.loads(done.stdout)] == [
        (2025, None),
        (2025, education),
    ]


def test_input_problems_lists_every_shipped_years_input_errors(repo: Path) -> None:
    folder = copy_inputs(repo)
    assert annual.input_problems(repo, load_registry(repo)) == []
    stats = (folder / "统计数据.yml").read_text(encoding="utf-8")
    (folder / "统计数据.yml").write_text(
        stats.replace("行政处罚: 217", "行政处罚: -1"), encoding="utf-8"
    )
    found = annual.input_problems(repo, load_registry(repo))
    assert [(p.path, p.line) for p in found] == [("annual/2025/统计数据.yml", 6)]
