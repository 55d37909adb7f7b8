"""What only history can show, checked by the gate on a real git repository: every record
kind is append-only, and the publish workflow compares with what was last deployed, so a
forgery cannot ride in on the next, harmless push."""

from __future__ import annotations

import os
import shutil

import pytest
from gatekit import REPO, GitRepo, keys, repo  # noqa: F401 (fixtures)

RECORDS = {  # a shipped record of each kind that only grows by appending (or never changes)
    "requests": "requests/2025/YSQ-2025-0001.yml",
    "opinions": "opinions/2026/YQ-2026-001.yml",
    "evaluations": "evaluations/2026/PY-2026-001.yml",
    "consultations": "consultations/2025/000014349-2025-00006-交通运输局.yml",
    "training": "training/2026/2026-03-10-条例解读.yml",
}


def on_main(repo: GitRepo, rel: str) -> None:
    repo.git("checkout", "-q", "main")
    if not (repo.root / rel).exists():  # the base already holds its training records
        (repo.root / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(REPO / rel, repo.root / rel)
        repo.commit("赵强", "记录", [rel])
    repo.git("checkout", "-q", "-B", "pr")


def gate(repo: GitRepo, capsys, base: str = "main") -> tuple[int, str]:  # type: ignore[no-untyped-def]
    return repo.xxgk(capsys, "gate", "--base", base)


@pytest.mark.parametrize("kind", sorted(RECORDS))
def test_deleting_a_committed_record_is_refused(repo: GitRepo, capsys, kind: str) -> None:  # type: ignore[no-untyped-def]
    rel = RECORDS[kind]
    on_main(repo, rel)
    (repo.root / rel).unlink()
    repo.commit("赵强", "删除记录", [rel])
    code, out = gate(repo, capsys)
    assert code == 1, out
    assert f"{rel}:1:1: 错误 [GATE-RECORD-CHANGED]" in out and "删除或改名" in out


@pytest.mark.parametrize("kind", sorted(RECORDS))
def test_replacing_a_record_by_a_symlink_is_refused(repo: GitRepo, capsys, kind: str) -> None:  # type: ignore[no-untyped-def]
    rel = RECORDS[kind]
    on_main(repo, rel)
    (repo.root / rel).unlink()
    os.symlink("/etc/hostname", repo.root / rel)
    repo.commit("赵强", "换成链接", [rel])
    code, out = gate(repo, capsys)
    assert code == 1, out
    assert f"{rel}:1:1: 错误 [GATE-RECORD-CHANGED]" in out


def test_adding_a_name_to_a_training_record_is_refused(repo: GitRepo, capsys) -> None:  # type: ignore[no-untyped-def]
    rel = RECORDS["training"]
    text = (repo.root / rel).read_text()
    (repo.root / rel).write_text(text + "  - 姓名: 李秀英\n    单位: 鄂托克前旗人民政府办公室\n")
    repo.commit("李秀英", "补上自己的名字", [rel])
    code, out = gate(repo, capsys)
    assert code == 1, out
    assert f"{rel}:1:1: 错误 [GATE-RECORD-CHANGED]" in out


@pytest.mark.parametrize("kind", ["requests", "opinions", "evaluations"])
def test_records_with_events_may_only_grow_at_their_end(repo: GitRepo, capsys, kind: str) -> None:  # type: ignore[no-untyped-def]
    rel = RECORDS[kind]
    on_main(repo, rel)
    text = (repo.root / rel).read_text()
    lines = text.splitlines()
    first = next(
        i for i, line in enumerate(lines) if ": " in line and not line.startswith(("#", " ", "-"))
    )
    key, _, value = lines[first].partition(": ")
    lines[first] = f"{key}: 改过的{value}"
    (repo.root / rel).write_text("\n".join(lines) + "\n")
    repo.commit("赵强", "改写记录", [rel])
    code, out = gate(repo, capsys)
    assert code == 1, out
    assert f"{rel}:1:1: 错误 [GATE-RECORD-CHANGED]" in out and f"“{key}”与已提交的版本不同" in out


def test_a_request_event_appended_at_the_end_passes(repo: GitRepo, capsys) -> None:  # type: ignore[no-untyped-def]
    rel = RECORDS["requests"]
    on_main(repo, rel)
    with (repo.root / rel).open("a") as fh:
        fh.write("  - 类型: 查阅证明\n    日期: 2025-01-07\n")
    repo.commit("赵强", "追加事件", [rel])
    code, out = gate(repo, capsys)
    assert "[GATE-RECORD-CHANGED]" not in out, out


def test_a_forgery_cannot_ride_in_on_the_next_push(repo: GitRepo, capsys) -> None:  # type: ignore[no-untyped-def]
    """The publish workflow gates against the last deployed commit, not the push's parent."""
    repo.git("checkout", "-q", "main")
    repo.git("tag", "xxgk-published")  # what the publish workflow recorded at its last deployment
    rel = repo.entry("000014349-2026-00002", "000014349/2026-00002")
    repo.commit("张丽", "新增条目", [rel], key="张丽")
    record = repo.sign(capsys, rel, "王建华")
    (repo.root / (record + ".sig")).unlink()  # an unsigned review: its publish run fails
    repo.commit("张丽", "审查记录（伪造）", [record])
    repo.write("docs-note.txt", "无关的改动\n")
    repo.commit("张丽", "下一次推送：无关的改动", ["docs-note.txt"])
    assert gate(repo, capsys, base="HEAD~1")[0] == 0  # the push's own range looks harmless
    code, out = gate(repo, capsys, base="xxgk-published")
    assert code == 1 and "[GATE-REVIEW]" in out and "没有签名文件" in out


def test_a_missing_base_is_an_environment_error_not_no_problems(
    repo: GitRepo,
    capsys,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    on_main(repo, RECORDS["requests"])
    monkeypatch.setenv("XXGK_BASE_REF", "origin/no-such-branch")
    code, out = repo.xxgk(capsys, "check")
    assert code == 2 and "XXGK_BASE_REF" in out
    code, out = repo.xxgk(capsys, "gate", "--base", "origin/no-such-branch")
    assert code == 2 and "无法确定比较基线" in out
