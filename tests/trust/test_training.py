"""Who is trained to review on a given day: signed class hours of the 12 months before it, so
January is no deadlock; a failed assessment earns nothing and shows in the training report."""

from __future__ import annotations

import datetime as dt
import shutil
from decimal import Decimal
from pathlib import Path

from trustkit import sample_key
from xxgk.io.registry import load_registry
from xxgk.reports.training_report import to_json
from xxgk.reports.training_source import training_report
from xxgk.trust.anchor import load_trust
from xxgk.trust.records_sign import sign_record
from xxgk.trust.training import hours_before, read_ledger

SESSION = """类型: 集中培训
日期: "{date}"
主题: 保密审查专题培训
学时: "{hours}"
组织单位: 鄂托克前旗人民政府办公室政务公开办公室
参加人员:
  - 姓名: 王建华
    单位: 鄂托克前旗人民政府办公室
    考核: {result}
"""


def ledger(repo: Path, sessions: list[tuple[str, str, str]], signed: bool = True):  # type: ignore[no-untyped-def]
    shutil.rmtree(repo / "training")
    for n, (date, hours, result) in enumerate(sessions):
        rel = f"training/{date[:4]}/{date}-{n}.yml"
        (repo / rel).parent.mkdir(parents=True, exist_ok=True)
        (repo / rel).write_text(SESSION.format(date=date, hours=hours, result=result), "utf-8")
        if signed:
            sign_record(repo, rel, sample_key("wangjh@etkqq.gov.cn"))
    items, problems = read_ledger(repo, load_trust(repo, load_registry(repo)))
    assert problems == []
    return items


def test_a_january_review_counts_last_years_training(repo: Path) -> None:
    items = ledger(repo, [("2026-05-12", "2", "合格")])
    assert hours_before(items, "王建华", dt.date(2027, 1, 5)) == Decimal(2)
    assert hours_before(items, "王建华", dt.date(2027, 5, 12)) == Decimal(0)  # exactly a year later
    assert hours_before(items, "王建华", dt.date(2026, 5, 11)) == Decimal(0)  # 先培训后上岗


def test_a_leap_day_review_looks_back_to_the_28th(repo: Path) -> None:
    items = ledger(repo, [("2027-02-28", "1", "合格"), ("2027-03-01", "1", "合格")])
    assert hours_before(items, "王建华", dt.date(2028, 2, 29)) == Decimal(1)


def test_unsigned_training_does_not_qualify_a_reviewer(repo: Path) -> None:
    items = ledger(repo, [("2026-05-12", "2", "合格")], signed=False)
    assert hours_before(items, "王建华", dt.date(2026, 11, 20)) == Decimal(0)


def test_a_failed_assessment_earns_no_hours_and_is_reported(repo: Path) -> None:
    items = ledger(repo, [("2026-05-12", "2", "不合格"), ("2026-06-01", "1", "合格")])
    assert hours_before(items, "王建华", dt.date(2026, 11, 20)) == Decimal(1)
    report, _ = training_report(repo, load_registry(repo), 2026)
    data = to_json(report)
    assert [f["日期"] for f in data["考核不合格"]] == ["2026-05-12"]
    assert next(p for p in data["名册"] if p["姓名"] == "王建华")["学时"] == "1"
