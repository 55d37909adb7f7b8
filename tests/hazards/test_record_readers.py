"""Every record reader lists and reads through the safe reader: a record file that is a
symlink (to a file outside the repository) or a FIFO is never followed or opened."""

from __future__ import annotations

import os
from pathlib import Path

from xxgk.io.safefs import RULE
from xxgk.requests import store
from xxgk.voice.records import read_folder, read_record, record_paths

SECRET = "申请人身份证号 150623198001011235"


def _plant(root: Path, folder: str, tmp: Path) -> tuple[Path, Path]:
    outside = tmp / "outside.yml"
    outside.write_text(f"编号: YSQ-2026-0099\n申请人: {SECRET}\n", "utf-8")
    (root / folder / "2026").mkdir(parents=True, exist_ok=True)
    link = root / folder / "2026" / "YSQ-2026-0099.yml"
    link.symlink_to(outside)
    pipe = root / folder / "2026" / "YSQ-2026-0098.yml"
    os.mkfifo(pipe)
    return link, pipe


def test_request_records_skip_and_refuse_links_and_pipes(repo: Path, tmp_path: Path) -> None:
    link, pipe = _plant(repo, store.REQUESTS_DIR, tmp_path)
    assert store.record_paths(repo) == []
    for path in (link, pipe):  # given by name (xxgk request show): refused, never opened
        record = store.read_record(repo, path)
        assert [p.rule for p in record.problems] == [RULE] and record.data == {}
        assert SECRET not in repr(record)


def test_voice_records_skip_and_refuse_links_and_pipes(repo: Path, tmp_path: Path) -> None:
    link, pipe = _plant(repo, "opinions", tmp_path)
    assert record_paths(repo, "opinions") == []
    assert read_folder(repo, "opinions", "opinion.schema.json", "OPI-SCHEMA") == ([], [])
    for path in (link, pipe):
        record, problems = read_record(repo, path, "opinion.schema.json", "OPI-SCHEMA")
        assert record is None and [p.rule for p in problems] == [RULE]
        assert SECRET not in repr(problems)
