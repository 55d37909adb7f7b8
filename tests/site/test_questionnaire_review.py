"""The 社会评议 questionnaire shows registry text (the office's name and address, the questions
and options): like the guide it is published only with a signed review of its exact generated
text, else the "暂不公开" notice; the audit lists every generated page the build withholds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_guide_review import review
from xxgk_site_kit import mkdocs_build, page

from xxgk.cli import main

NOTICE = "本页尚未经保密审查，暂不公开"
FORM = "content/evaluation/index.md"
ADDRESS = "地址: 内蒙古自治区鄂尔多斯市鄂托克前旗敖勒召其镇政府大楼"
MOVED = "鄂托克前旗敖勒召其镇新址（内部搬迁方案待定）"


def move_office(root: Path) -> None:
    reg = root / "xxgk.yml"
    text = reg.read_text("utf-8")
    assert ADDRESS in text
    reg.write_text(text.replace(ADDRESS, f"地址: {MOVED}", 1), "utf-8")


def audit_rows(root: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    capsys.readouterr()
    main(["--root", str(root), "audit", "--year", "2026", "--format", "json"])
    units = json.loads(capsys.readouterr().out)["单位"]
    return [f for items in units.values() for f in items if f["rule"] == "AUD-PAGE-WITHHELD"]


def test_the_shipped_questionnaire_is_published_with_its_review(site_repo: Path) -> None:
    done = mkdocs_build(site_repo)
    assert done.returncode == 0, done.stderr[-2000:]
    html = page(site_repo, "evaluation")
    assert NOTICE not in html and 'name="q1"' in html and "政务公开办公室" in html


def test_a_changed_address_withholds_the_questionnaire_until_reviewed(
    site_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    move_office(site_repo)
    done = mkdocs_build(site_repo)
    assert done.returncode == 0, done.stderr[-2000:]
    assert MOVED not in page(site_repo, "evaluation") and NOTICE in page(site_repo, "evaluation")
    assert f"未发布 {FORM}" in done.stderr
    capsys.readouterr()
    assert main(["--root", str(site_repo), "review", "due"]) == 1
    assert f"{FORM}:1:1:" in capsys.readouterr().out
    review(site_repo, capsys, FORM)  # the guide test's signing helper, same key and date
    done = mkdocs_build(site_repo)
    assert done.returncode == 0, done.stderr[-2000:]
    assert MOVED in page(site_repo, "evaluation") and NOTICE not in page(site_repo, "evaluation")


def test_the_audit_lists_each_page_the_build_withholds(
    site_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The guide, the 在线申请 page and the questionnaire show the address; the 2025 results
    page loses its review when a record under it changes. Each is found, for the office."""
    assert audit_rows(site_repo, capsys) == []
    move_office(site_repo)
    record = site_repo / "evaluations/2025/PY-2025-001.yml"
    record.write_text(
        record.read_text("utf-8").replace("q4: {满意: 1}", "q4: {不满意: 1}", 1), "utf-8"
    )
    done = mkdocs_build(site_repo)
    assert done.returncode == 0, done.stderr[-2000:]
    withheld = {
        line.split("未发布 ", 1)[1].split("：")[0]
        for line in done.stderr.splitlines()
        if "未发布 content/" in line
    }
    rows = audit_rows(site_repo, capsys)
    assert {r["path"] for r in rows} == withheld
    assert {"content/guide/index.md", "content/apply/index.md", FORM} <= withheld
    assert "content/evaluation/2025/index.md" in withheld
    assert {r["department"] for r in rows} == {"鄂托克前旗人民政府办公室"}
