"""``xxgk review declassify | answer | permit | confirm``: the leader's records are written by
the tool (one YAML writer, schema-checked, atomic, signed) and count in the one decision only
when the unit's 负责同志 signed them. Real files and ssh-keygen signatures (sample keys)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from test_approvals import INDEX, OFFICE, REL, approve, record, sign, verdict, write_entry, xxgk

from trustkit import STAFF, sample_key
from xxgk.io.frontmatter import read
from xxgk.io.records import parse_record
from xxgk.io.registry import load_registry
from xxgk.review.approve import write_signed
from xxgk.review.sign import SignError, SignRequest, build, record_path, write
from xxgk.scan.engine import scan_text
from xxgk.trust.decision import consultation_verdict, load_basis
from xxgk.trust.index import load_index

ZHANG = "zhangm@etkqq.gov.cn"
DECISION = (
    "\n".join(
        [
            "记录类型: 协调决定",
            f"索引号: {INDEX}",
            "信息名称: 通知",
            f"主办单位: {OFFICE}",
            "被征求单位: 鄂托克前旗财政局",
            "决定: 同意公开",
            "决定依据: 条例第五条",
            "决定机关: 鄂托克前旗政务公开工作领导小组办公室",
            "决定日期: 2026-11-20",
            "经办人: 王建华",
        ]
    )
    + "\n"
)


def leader(
    root: Path,
    capsys: pytest.CaptureFixture[str],
    action: str,
    target: str,
    *args: str,
    who: str = "张明",
    key: str = ZHANG,
) -> tuple[int, str]:
    return xxgk(
        root,
        capsys,
        "review",
        action,
        target,
        "--approver",
        who,
        "--date",
        "2026-11-21",
        "--key",
        sample_key(key),
        *args,
    )


def written(root: Path, out: str) -> dict[str, object]:
    rel = re.search(r"已写入并签名 (\S+)", out).group(1)  # type: ignore[union-attr]
    assert (root / (rel + ".sig")).is_file()
    rec = parse_record(
        (root / rel).read_bytes(), rel, root, "approval.schema.json", "APPROVAL-RECORD"
    )
    assert rec.valid, rec.problems
    return {"rel": rel, **rec.data}


def mark_ident(root: Path) -> str:
    return next(f.ident for f in scan_text((root / REL).read_text(encoding="utf-8"), REL))


def test_a_declassification_written_by_the_leader_lets_the_mark_be_acknowledged(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_entry(repo, body="秘密★1年\n\n正文。")
    code, out = leader(
        repo,
        capsys,
        "declassify",
        str(repo / REL),
        "--authority",
        OFFICE,
        "--decider",
        "刘振华",
        "--doc-no",
        "鄂前政办密〔2026〕2号",
        "--note",
        "010",
    )
    assert code == 0, out
    got = written(repo, out)
    assert got["记录类型"] == "解密" and got["索引号"] == INDEX and got["单位"] == OFFICE
    assert got["决定文号"] == "鄂前政办密〔2026〕2号" and got["说明"] == "010"  # text stays text
    sign(repo, capsys, "--ack", f"{mark_ident(repo)}={got['rel']}")
    assert verdict(repo).ok


def test_only_a_leader_of_an_issuing_body_may_declassify(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_entry(repo, body="秘密★1年\n\n正文。")
    args = ("--authority", OFFICE, "--decider", "刘振华", "--doc-no", "鄂前政办密〔2026〕2号")
    code, out = leader(
        repo, capsys, "declassify", str(repo / REL), *args, who="王建华", key="wangjh@etkqq.gov.cn"
    )
    assert code == 1 and "不是“鄂托克前旗人民政府办公室”的分管负责同志" in out
    code, out = leader(
        repo,
        capsys,
        "declassify",
        str(repo / REL),
        *args,
        "--body",
        "鄂托克前旗发展和改革委员会",
        who="赵国栋",
        key="zhaogd@etkqq.gov.cn",
    )
    assert code == 1 and "不是条目的发布机构或联合发文机关" in out
    assert not (repo / "approvals").exists()


def test_a_declassification_signed_for_another_unit_does_not_count(repo: Path) -> None:
    write_entry(repo, body="秘密★1年\n\n正文。")
    other = (
        "\n".join(
            [
                "记录类型: 解密",
                "单位: 鄂托克前旗发展和改革委员会",
                "签署人: 赵国栋",
                "日期: 2026-11-18",
                f"索引号: {INDEX}",
                "决定机关: 鄂托克前旗发展和改革委员会",
                "决定人: 赵国栋",
                "决定文号: 鄂前发改密〔2026〕1号",
            ]
        )
        + "\n"
    )
    record(
        repo, "approvals/2026/other.yml", other, key="zhaogd@etkqq.gov.cn"
    )  # a valid leader's signature
    doc = read(repo / REL, REL)
    ident = mark_ident(repo)
    req = SignRequest(
        reviewer="王建华",
        body=None,
        conclusion="同意公开",
        attribute=None,
        reason="",
        opinion="",
        date=dt.date(2026, 11, 20),
        acks={ident: "approvals/2026/other.yml"},
        author=STAFF,
        ack_kinds={ident: ("密级标志", "approvals/2026/other.yml")},
    )
    people = load_basis(repo, load_registry(repo)).people
    write(
        repo,
        record_path(load_registry(repo), doc, OFFICE, req.date),
        build(repo, doc, req, people),
        sample_key("wangjh@etkqq.gov.cn"),
    )
    v = verdict(repo)
    assert not v.ok and "无效或不属于本条目" in v.reason


def test_the_bureaus_answer_is_recorded_against_the_referred_review(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_entry(repo)
    plain = sign(repo, capsys)
    code, out = leader(repo, capsys, "answer", plain, "--result", "不属于国家秘密")
    assert code == 1 and "无需确定意见" in out
    (repo / plain).unlink()
    (repo / (plain + ".sig")).unlink()
    rel = sign(repo, capsys, "--unclear", "保密工作部门", "--unclear-body", "鄂托克前旗保密局")
    code, out = leader(
        repo, capsys, "answer", rel, "--result", "不属于国家秘密", "--doc-no", "鄂前保字〔2026〕3号"
    )
    assert code == 0, out
    got = written(repo, out)
    assert got["确定机关"] == "鄂托克前旗保密局" and got["审查记录"] == rel
    v = verdict(repo)
    assert not v.ok and "答复记录之前" not in v.reason and "分管负责同志签名审批" in v.reason
    assert approve(repo, capsys, rel)[0] == 0
    assert verdict(repo).ok


def test_a_release_permit_takes_its_authority_from_the_review(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_entry(repo)
    code, out = leader(repo, capsys, "permit", str(repo / REL), "--doc-no", "鄂府办字〔2026〕9号")
    assert code == 1 and "--authority" in out  # nothing to take it from yet
    sign(repo, capsys, "--needs-approval", "鄂尔多斯市人民政府办公室")
    assert not verdict(repo).ok
    code, out = leader(repo, capsys, "permit", str(repo / REL), "--doc-no", "鄂府办字〔2026〕9号")
    assert code == 0, out
    assert written(repo, out)["批准机关"] == "鄂尔多斯市人民政府办公室"
    assert verdict(repo).ok


def test_the_leaders_check_follows_the_leading_group_decision(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_entry(repo, extra="涉及部门: [鄂托克前旗财政局]\n")
    code, out = leader(repo, capsys, "confirm", str(repo / REL))
    assert code == 1 and "没有领导小组办公室的协调决定" in out
    record(repo, "consultations/2026/jd.yml", DECISION, key="wangjh@etkqq.gov.cn")
    code, out = leader(repo, capsys, "confirm", str(repo / REL), "--date", "2026-11-19")
    assert code == 1 and "早于领导小组办公室的决定日期" in out
    code, out = leader(repo, capsys, "confirm", str(repo / REL))
    assert code == 0, out
    assert written(repo, out)["协调决定"] == "consultations/2026/jd.yml"
    basis = load_basis(repo, load_registry(repo))
    assert consultation_verdict(read(repo / REL, REL), load_index(repo, basis.trust)).ok


def test_a_record_that_breaks_its_schema_is_not_written(repo: Path) -> None:
    bad = {
        "记录类型": "解密",
        "单位": OFFICE,
        "签署人": "张明",
        "日期": "2026-11-21",
        "索引号": INDEX,
        "决定机关": OFFICE,
        "决定人": "刘振华",
    }  # no 决定文号
    with pytest.raises(SignError, match="不符合格式要求"):
        write_signed(repo, "approvals/2026/bad.yml", bad, sample_key(ZHANG))
    assert not (repo / "approvals").exists()


def test_a_path_outside_the_repository_is_refused(
    repo: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    outside = tmp_path / "elsewhere.md"
    outside.write_text("---\n索引号: x\n---\n", encoding="utf-8")
    code, out = leader(repo, capsys, "permit", str(outside), "--doc-no", "鄂府办字〔2026〕9号")
    assert code == 1 and "不在仓库" in out
