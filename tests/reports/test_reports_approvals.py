"""Audit findings of the approval chain, each under the unit that must act (AUD-APPROVAL,
AUD-COORDINATION, AUD-RELEASE, AUD-ROSTER), the report's 类别与依据 table, and 全员培训
measured against the staff roster. Real records, real ssh-keygen signatures (sample keys)."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

from reports_helpers import OFFICE, copy_calendar, write_request, xxgk

from trustkit import sample_key
from xxgk.cli import main
from xxgk.io.registry import load_registry
from xxgk.reports.audit import CLAUSES, run_audit, to_listing
from xxgk.reports.audit_approvals import APPROVAL_SOURCES
from xxgk.reports.training_source import training_report
from xxgk.trust.roster import staff

TODAY = dt.date(2026, 11, 27)
NDRC = "鄂托克前旗发展和改革委员会"
LAND = "鄂托克前旗自然资源局"
ENTRY = """---
索引号: {index}
信息名称: 关于做好2026年政务公开工作的通知
文件编号: 鄂前政办发〔2026〕{n}号
产生时间: 2026-03-02
分类: 政策文件
发布机构: {unit}
责任部门: {dept}
公开形式: 主动公开
公开时限: 长期公开
审核程序: 单位内审核后公开
关键词: 政务公开
内容描述: 部署2026年政务公开工作。
{extra}---

正文。
"""


def entry(root: Path, n: int, unit: str, dept: str, extra: str = "") -> str:
    rel = f"content/catalog/2026/000014349-2026-{n:05d}.md"
    (root / rel).parent.mkdir(parents=True, exist_ok=True)
    (root / rel).write_text(
        ENTRY.format(index=f"000014349/2026-{n:05d}", n=n, unit=unit, dept=dept, extra=extra),
        encoding="utf-8",
    )
    return rel


def cli(root: Path, *args: str) -> tuple[int, str]:
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = main(["--root", str(root), *args])
    return code, out.getvalue()


def audit(root: Path) -> list:  # type: ignore[type-arg]
    done = run_audit(root, load_registry(root), 2026, TODAY, APPROVAL_SOURCES)
    assert done.not_checked == []
    assert {f.rule for f in done.findings} <= set(CLAUSES)  # every code has its row in the legend
    return done.findings


def test_reviews_waiting_for_approvals_are_findings_of_the_reviewing_unit(repo: Path) -> None:
    office = entry(repo, 7, OFFICE, "办公室")
    ndrc = entry(repo, 8, NDRC, "办公室")
    code, out = cli(
        repo,
        "review",
        "sign",
        str(repo / office),
        "--reviewer",
        "王建华",
        "--date",
        "2026-11-20",
        "--key",
        sample_key("wangjh@etkqq.gov.cn"),
        "--author",
        "zhangl@etkqq.gov.cn",
        "--conclusion",
        "脱密处理后部分公开",
        "--reason",
        "删去附表中的个人信息",
    )
    assert code == 0, out
    review = re.search(r"已写入并签名 (\S+)", out).group(1)  # type: ignore[union-attr]
    code, out = cli(
        repo,
        "review",
        "sign",
        str(repo / ndrc),
        "--reviewer",
        "马文博",
        "--date",
        "2026-11-20",
        "--key",
        sample_key("mawb@etkqq.gov.cn"),
        "--author",
        "zhangl@etkqq.gov.cn",
        "--needs-approval",
        "鄂尔多斯市发展和改革委员会",
    )
    assert code == 0, out
    found = {(f.department, f.rule) for f in audit(repo)}
    assert found == {(OFFICE, "AUD-APPROVAL"), (NDRC, "AUD-APPROVAL")}
    code, out = cli(
        repo,
        "review",
        "approve",
        review,
        "--approver",
        "张明",
        "--date",
        "2026-11-21",
        "--key",
        sample_key("zhangm@etkqq.gov.cn"),
    )
    assert code == 0, out
    code, out = cli(
        repo,
        "review",
        "permit",
        str(repo / ndrc),
        "--doc-no",
        "鄂发改字〔2026〕5号",
        "--approver",
        "赵国栋",
        "--date",
        "2026-11-21",
        "--key",
        sample_key("zhaogd@etkqq.gov.cn"),
    )
    assert code == 0, out
    assert audit(repo) == []


def test_unfinished_coordination_is_a_finding_of_the_publisher(repo: Path) -> None:
    entry(repo, 9, NDRC, "办公室", extra=f"涉及部门: [{OFFICE}]\n")
    (finding,) = audit(repo)
    assert finding.department == NDRC and finding.rule == "AUD-COORDINATION"
    assert f"缺少涉及部门“{OFFICE}”的书面意见" in finding.message


def leader_key(root: Path, principal: str) -> str:
    """A fresh key for a roster leader without a sample key, added to the signers file."""
    key = root.parent / principal
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(key)], check=True)
    with (root / ".xxgk" / "allowed_signers").open("a", encoding="utf-8") as f:
        f.write(
            f'{principal} namespaces="xxgk-approval,git" {Path(f"{key}.pub").read_text().strip()}\n'
        )
    return str(key)


def test_a_reply_released_without_review_and_sign_off_is_a_finding_of_the_receiving_unit(
    repo: Path,
) -> None:
    copy_calendar(repo)
    write_request(repo, "YSQ-2026-0001", "2026-11-02", reply="2026-11-20", unit=LAND)
    (finding,) = audit(repo)
    assert (
        finding.department == LAND
        and finding.rule == "AUD-RELEASE"
        and "缺少提供信息的保密审查" in finding.message
    )
    given = repo / "requests" / "2026" / "YSQ-2026-0001" / "提供-规划.txt"
    given.parent.mkdir(parents=True)
    given.write_text("土地利用总体规划（公开部分）。\n", encoding="utf-8")
    code, out = cli(
        repo,
        "review",
        "release",
        "YSQ-2026-0001",
        str(given),
        "--reviewer",
        "乔国庆",
        "--author",
        "孙海涛",
        "--date",
        "2026-11-19",
        "--key",
        sample_key("qiaogq@etkqq.gov.cn"),
    )
    assert code == 0, out
    record = re.search(r"已写入并签名 (\S+)", out).group(1)  # type: ignore[union-attr]
    (finding,) = audit(repo)
    assert finding.department == LAND and "缺少信息公开工作负责人签发答复" in finding.message
    code, out = cli(
        repo,
        "review",
        "approve",
        record,
        "--approver",
        "周建国",
        "--date",
        "2026-11-20",
        "--key",
        leader_key(repo, "zhoujg@etkqq.gov.cn"),
    )
    assert code == 0, out
    assert audit(repo) == []


def test_units_the_staff_roster_leaves_out_are_findings_of_that_unit(repo: Path) -> None:
    path = repo / "xxgk.yml"
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        "  - 单位: 鄂托克前旗民政局\n", "  - 单位: 鄂托克前旗民政局办公室\n"
    )  # a misspelt unit
    path.write_text(text, encoding="utf-8")
    found = {(f.department, f.message) for f in audit(repo)}
    assert {d for d, _ in found} == {"鄂托克前旗民政局"} and len(found) == 2
    assert any("分管负责同志" in m for _, m in found) and any("舆情联系人" in m for _, m in found)
    path.write_text(
        re.sub(r"^工作人员名册:\n(?:(?:[ #].*)?\n)*", "", text, flags=re.MULTILINE),
        encoding="utf-8",
    )
    (finding,) = audit(repo)
    assert (
        finding.rule == "AUD-ROSTER"
        and finding.path == "xxgk.yml"
        and "全员培训无从衡量" in finding.message
    )


def test_the_legend_explains_every_approval_code(repo: Path) -> None:
    listing = to_listing(run_audit(repo, load_registry(repo), 2026, TODAY, []), load_registry(repo))
    legend = next(t for t in listing.tables if t.title == "类别与依据")
    codes = {row[0]: row[1] for row in legend.rows}
    for code in ("AUD-APPROVAL", "AUD-COORDINATION", "AUD-RELEASE", "AUD-ROSTER"):
        assert "附件" in codes[code]
    entry(repo, 9, NDRC, "办公室", extra=f"涉及部门: [{OFFICE}]\n")
    done = xxgk(repo, "audit", "--year", "2026", "--format", "json")
    data = json.loads(done.stdout)
    assert "AUD-COORDINATION" in [f["rule"] for f in data["单位"][NDRC]]
    md = xxgk(repo, "audit", "--year", "2026", "--format", "markdown").stdout
    assert "| AUD-ROSTER |" in md and "| AUD-RELEASE |" in md


def _commit(root: Path, name: str, mail: str, when: str) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": name,
        "GIT_AUTHOR_EMAIL": mail,
        "GIT_COMMITTER_NAME": name,
        "GIT_COMMITTER_EMAIL": mail,
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
    }
    for args in (["add", "-A"], ["commit", "-q", "-m", "entry"]):
        subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def test_training_is_measured_against_the_staff_roster_not_commit_identities(repo: Path) -> None:
    shutil.rmtree(repo / "training")  # only the record this test writes
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=repo, check=True)
    _commit(repo, "Project maintainers", "maintainers@example.org", "2026-01-05T09:00:00")
    entry(repo, 10, NDRC, "办公室")
    _commit(repo, "刘志刚", "liuzg@example.org", "2026-02-01T09:00:00")
    report, _ = training_report(repo, load_registry(repo), 2026)
    names = {p.name for p in report.people}
    assert (
        set(staff(load_registry(repo))) <= names and {"刘志刚", "钱丽萍"} <= names
    )  # staff and leaders
    assert "Project maintainers" not in names and "maintainers@example.org" not in names
    assert [(e.activity.person, e.activity.kind) for e in report.early] == [("刘志刚", "发布")]
    assert not any(
        p.eligible for p in report.people
    )  # nobody trained yet: the whole roster is short
    ledger = repo / "training" / "2026" / "入职培训.yml"
    ledger.parent.mkdir(parents=True)
    ledger.write_text(
        '类型: 集中培训\n日期: 2026-01-20\n主题: 条例解读\n学时: "2"\n'
        f"组织单位: {OFFICE}\n参加人员:\n  - 姓名: 刘志刚\n    单位: {NDRC}\n",
        encoding="utf-8",
    )
    report, _ = training_report(repo, load_registry(repo), 2026)
    assert report.early == [] and {p.name for p in report.people if p.eligible} == {"刘志刚"}
