"""The request commands on the shipped samples and on hand-edited records."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from rq_support import REPO, add, log, record, rq, xxgk  # noqa: F401  (rq is a fixture)

from xxgk.requests import check_requests


def shipped(rq: Path) -> Path:
    shutil.rmtree(rq / "requests")
    shutil.copytree(REPO / "requests", rq / "requests")
    return rq


def test_shipped_samples_pass_the_checker() -> None:
    assert check_requests(REPO) == []


def test_due_on_the_shipped_samples_lists_overdue_and_soon_due_per_unit(rq: Path) -> None:
    done = xxgk(shipped(rq), "request", "due")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert (
        "鄂托克前旗教育体育局：\n  YSQ-2026-0007  已答复待提供  期限 2026-11-13  已逾期 10 个工作日"
        in out
    )
    assert "鄂托克前旗财政局：\n  YSQ-2026-0004  办理中  期限 2026-11-30  还剩 1 个工作日" in out
    assert "逾期 1 件，3 个工作日内到期 1 件；等待申请人补正或缴费（暂停计时）1 件" in out
    assert "YSQ-2025" not in out and "YSQ-2026-0003" not in out  # closed, or not due yet
    assert "样例" not in out and "1300000" not in out  # no personal data in a CI log
    assert xxgk(rq, "request", "due", "--strict").returncode == 1


def test_due_json_and_a_wider_window(rq: Path) -> None:
    done = xxgk(
        shipped(rq), "request", "due", "--within", "10", "--format", "json", today="2026-12-01"
    )
    data = json.loads(done.stdout)
    numbers = {r["编号"]: r for rows in data["单位"].values() for r in rows}
    assert set(numbers) == {"YSQ-2026-0003", "YSQ-2026-0004", "YSQ-2026-0006", "YSQ-2026-0007"}
    assert numbers["YSQ-2026-0004"]["逾期"] and numbers["YSQ-2026-0004"]["剩余工作日"] == -1
    assert (
        numbers["YSQ-2026-0003"]["当前期限"] == "2026-12-07"
        and numbers["YSQ-2026-0003"]["剩余工作日"] == 4
    )


def test_list_filters_and_carries_no_personal_data(rq: Path) -> None:
    done = xxgk(shipped(rq), "request", "list", "--year", "2025", "--format", "json")
    rows = json.loads(done.stdout)
    assert len(rows) == 11 and {r["申请人类型"] for r in rows} == {
        "自然人",
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
    }
    assert "样例" not in done.stdout
    carried = [r for r in rows if r["答复日期"] and r["答复日期"] >= "2026"]
    assert [r["编号"] for r in carried] == ["YSQ-2025-0011"]
    text = xxgk(rq, "request", "list", "--status", "待补正").stdout
    assert text.startswith("YSQ-2026-0005") and "共 1 件。" in text


def test_show_gives_deadlines_and_events(rq: Path) -> None:
    done = xxgk(shipped(rq), "request", "show", "YSQ-2025-0007", "--format", "json")
    data = json.loads(done.stdout)
    assert data["状态"] == "已办结" and data["答复期限"] == "2025-08-04"  # restarted from 07-14
    assert [e["类型"] for e in data["事件"]] == ["登记", "补正告知", "补正收到", "答复", "提供"]
    missing = xxgk(rq, "request", "show", "YSQ-2026-0999")
    assert missing.returncode == 1 and "找不到编号" in missing.stderr


def test_log_only_appends_bytes_to_the_record(rq: Path) -> None:
    number = add(rq, "2026-11-02")
    path = record(rq, number)
    before = path.read_bytes()
    assert (
        log(
            rq, number, "延期", "2026-11-20", "批准人=王建华", "理由=需调取档案", "天数=5"
        ).returncode
        == 0
    )
    after = path.read_bytes()
    assert after.startswith(before) and after[len(before) :].decode().startswith("  - 类型: 延期\n")
    assert (
        log(
            rq, number, "延期", "2026-11-24", "批准人=王建华", "理由=仍需调取", "天数=11"
        ).returncode
        == 1
    )
    assert path.read_bytes() == after


def test_add_numbers_requests_per_year_and_records_the_policy_version(rq: Path) -> None:
    first, second = add(rq, "2026-11-02"), add(rq, "2026-11-03")
    assert (first, second) == ("YSQ-2026-0001", "YSQ-2026-0002")
    assert "政策版本: 鄂前政办发〔2018〕96号" in record(rq, first).read_text(encoding="utf-8")


def test_add_refuses_an_unknown_unit_and_an_unrecorded_oral_request(rq: Path) -> None:
    base = [
        "request",
        "add",
        "--type",
        "自然人",
        "--name",
        "测试人",
        "--info",
        "某文件",
        "--received",
        "2026-11-02",
    ]
    unit = xxgk(rq, *base, "--channel", "网络", "--unit", "某某局")
    assert unit.returncode == 1 and "[REQ-UNIT]" in unit.stderr
    oral = xxgk(rq, *base, "--channel", "口头", "--unit", "鄂托克前旗财政局")
    assert oral.returncode == 1 and "[REQ-ORAL]" in oral.stderr
    assert not list((rq / "requests").rglob("*.yml"))
    ok = xxgk(rq, *base, "--channel", "口头", "--unit", "鄂托克前旗财政局", "--staff", "工作人员甲")
    assert ok.returncode == 0


def test_hand_edited_records_are_reported_with_file_and_line(rq: Path) -> None:
    number = add(rq, "2026-11-02")
    path = record(rq, number)
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("政策版本: 鄂前政办发〔2018〕96号", "政策版本: 不存在的版本").replace(
            "渠道: 网络", "渠道: 微信"
        ),
        encoding="utf-8",
    )
    (path.parent / "YSQ-2026-0009.yml").write_text(text, encoding="utf-8")
    found = {(p.path, p.line, p.rule) for p in check_requests(rq)}
    assert (f"requests/2026/{number}.yml", 6, "REQ-SCHEMA") in found
    assert ("requests/2026/YSQ-2026-0009.yml", 3, "REQ-NUMBER") in found
    refused = log(rq, number, "答复", "2026-11-20", "结果=予以公开")
    assert refused.returncode == 1 and "已有错误" in refused.stderr


def test_a_record_that_is_not_utf8_or_not_yaml_gives_a_chinese_message(rq: Path) -> None:
    folder = rq / "requests" / "2026"
    folder.mkdir()
    (folder / "YSQ-2026-0001.yml").write_bytes("编号: YSQ-2026-0001\n".encode("gbk"))
    (folder / "YSQ-2026-0002.yml").write_text("编号: [\n", encoding="utf-8")
    rules = sorted(p.rule for p in check_requests(rq))
    assert rules == ["FM-ENCODING", "FM-SYNTAX"]
    done = xxgk(rq, "request", "list")
    assert done.returncode == 1 and "Traceback" not in done.stderr and "FM-ENCODING" in done.stderr


def test_add_and_log_speak_json_too(rq: Path) -> None:
    done = xxgk(
        rq,
        "request",
        "add",
        "--received",
        "2026-11-02",
        "--channel",
        "网络",
        "--unit",
        "鄂托克前旗财政局",
        "--type",
        "商业企业",
        "--org",
        "测试公司（虚构）",
        "--info",
        "某合同",
        "--format",
        "json",
    )
    data = json.loads(done.stdout)
    assert (data["编号"], data["状态"], data["答复期限"]) == (
        "YSQ-2026-0001",
        "办理中",
        "2026-11-23",
    )
    refused = xxgk(
        rq,
        "request",
        "log",
        "YSQ-2026-0001",
        "答复",
        "结果=不予公开",
        "情形=属于国家秘密",
        "--date",
        "2026-11-20",
        "--format",
        "json",
    )
    problems = json.loads(refused.stdout)
    assert refused.returncode == 1 and [p["rule"] for p in problems] == ["REQ-REASONS"]
    assert problems[0]["path"] == "requests/2026/YSQ-2026-0001.yml" and problems[0]["line"] > 1


def test_due_marks_a_deadline_in_a_year_without_data_as_provisional(rq: Path) -> None:
    number = add(rq, "2026-12-21", today="2026-12-31")
    done = xxgk(rq, "request", "due", "--within", "15", today="2026-12-31")
    assert done.returncode == 0 and number in done.stdout
    assert (
        "2027-01-12（暂定：缺少 calendar/2027.yml，已除去法定节假日，调休尚未公布）" in done.stdout
    )
    shown = xxgk(rq, "request", "show", number, "--format", "json", today="2026-12-31")
    assert json.loads(shown.stdout)["答复期限"] == "2027-01-12"  # 元旦 known, 调休 not: flagged


def test_dates_that_do_not_exist_are_reported(rq: Path) -> None:
    number = add(rq, "2026-11-02")
    path = record(rq, number)
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("收到日期: 2026-11-02", "收到日期: 2026-02-30").replace(
            "日期: 2026-11-02\n", "日期: 2026-11-31\n"
        ),
        encoding="utf-8",
    )
    lines = path.read_text(encoding="utf-8").split("\n")
    expected = [
        (lines.index(t) + 1, "REQ-ORDER") for t in ("收到日期: 2026-02-30", "    日期: 2026-11-31")
    ]
    assert sorted((p.line, p.rule) for p in check_requests(rq)) == expected


def test_due_reminds_when_the_applicants_correction_period_has_run_out(rq: Path) -> None:
    shipped(rq)  # YSQ-2026-0005: correction notice 2026-11-20 giving 15 working days (to 12-11)
    before = xxgk(rq, "request", "due", today="2026-12-11").stdout
    assert "YSQ-2026-0005" not in before
    after = xxgk(rq, "request", "due", today="2026-12-14").stdout
    assert (
        "YSQ-2026-0005  待补正  补正期限 2026-12-11 已过" in after
        and "其中补正期限已过 1 件" in after
    )
