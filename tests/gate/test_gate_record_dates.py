"""GATE-RECORD-DATE reads the date trust checks the key against (a 协调决定's 决定日期, a
reply's 回复日期), the schema refuses the other date in each kind, and a signature added to a
record committed earlier unsigned counts as adding the record."""

from __future__ import annotations

from pathlib import Path

from gatekit import DECISION, GitRepo, keys, repo  # noqa: F401 (fixtures)
from test_gate_release import NEW, NEW_INDEX, REPLY, gate

from xxgk.io.schema import load_schema

DECIDED = "consultations/2026/000014349-2026-00002-决定.yml"
SCHEMA = Path(__file__).resolve().parents[2] / "schemas" / "consultation.schema.json"


def decision(repo: GitRepo, capsys, text: str) -> None:  # type: ignore[no-untyped-def]
    rel = repo.entry(NEW, NEW_INDEX, extra="涉及部门:\n  - 鄂托克前旗财政局\n")
    repo.commit("张丽", "新增条目", [rel], key="张丽")
    repo.commit("王建华", "保密审查", [repo.sign(capsys, rel, "王建华")])
    repo.write(DECIDED, text)
    repo.sign_record(DECIDED, "王建华")
    repo.commit("王建华", "协调决定", [DECIDED])


def test_a_backdated_decision_with_a_recent_reply_date_is_refused(repo: GitRepo, capsys) -> None:  # type: ignore[no-untyped-def]
    """决定日期 is what the key's validity is checked against: a recent 回复日期 beside it
    does not hide it from the gate."""
    decision(
        repo,
        capsys,
        DECISION.format(index=NEW_INDEX).replace('"2026-11-21"', '"2026-11-01"')
        + '回复日期: "2026-11-26"\n',
    )
    code, out = gate(repo, capsys)
    assert code == 1 and "[GATE-RECORD-DATE]" in out and DECIDED in out, out
    assert "2026-11-01" in out
    assert "这类记录不应有“回复日期”" in out, out


def test_the_gate_reads_the_field_trust_reads() -> None:
    from xxgk.review.gate_dates import date_field
    from xxgk.trust.model import consultation_date_field

    for kind in ("协调决定", "征求意见", ""):
        got = date_field("consultations", {"记录类型": kind})
        assert got == consultation_date_field(kind)
    assert date_field("consultations", {"记录类型": "协调决定", "回复日期": "x"}) == "决定日期"
    assert date_field("consultations", {"记录类型": "征求意见", "决定日期": "x"}) == "回复日期"
    assert date_field("consultations", {}) == "决定日期"  # as trust: not a reply
    assert date_field("approvals", {}) == "日期"


def test_the_schema_refuses_the_other_kinds_date() -> None:
    schema = load_schema(str(SCHEMA))
    reply = {
        k: v.strip('"')
        for k, _, v in (
            line.partition(": ")
            for line in REPLY.format(index=NEW_INDEX, reply="同意公开", text="无").splitlines()
        )
    }
    decided = {
        k: v.strip('"')
        for k, _, v in (
            line.partition(": ") for line in DECISION.format(index=NEW_INDEX).splitlines()
        )
    }
    assert schema.errors(reply) == [] and schema.errors(decided) == []
    got = [e.message for e in schema.errors({**reply, "决定日期": "2026-11-21"})]
    assert any("这类记录不应有“决定日期”" in m for m in got), got
    got = [e.message for e in schema.errors({**decided, "回复日期": "2026-11-21"})]
    assert any("这类记录不应有“回复日期”" in m for m in got), got


def test_a_signature_added_to_an_old_unsigned_record_counts_as_adding_it(  # type: ignore[no-untyped-def]
    repo: GitRepo, capsys
) -> None:
    """A review dated long ago, committed unsigned on main; the change adds only its .sig."""
    rel = repo.entry(NEW, NEW_INDEX)
    repo.commit("张丽", "新增条目", [rel], key="张丽")
    review = repo.sign(capsys, rel, "王建华", "--date", "2026-11-02")
    sig = repo.root / (review + ".sig")
    kept = sig.read_bytes()
    sig.unlink()
    repo.commit("王建华", "保密审查（未签名）", [review])
    repo.git("checkout", "-q", "main")
    repo.git("merge", "-q", "--ff-only", "pr")
    repo.git("checkout", "-q", "-b", "late")
    sig.write_bytes(kept)
    repo.commit("王建华", "补签名", [review + ".sig"])
    code, out = gate(repo, capsys)
    assert code == 1 and "[GATE-RECORD-DATE]" in out and review in out, out
    assert "2026-11-02" in out
