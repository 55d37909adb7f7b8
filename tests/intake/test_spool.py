"""受理编号 are unique under concurrency (threads and processes) and an entry is never replaced."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from xxgk.intake.spool import INBOX, ISSUED, Spool, entries, write_new

WORKER = """
import sys
from pathlib import Path
from xxgk.intake.spool import Spool
spool = Spool(Path(sys.argv[1]))
for _ in range(int(sys.argv[2])):
    print(spool.store("ZXSQ", "2026", lambda r: (r.encode(), "")))
"""


def test_threads_and_processes_never_get_the_same_number(tmp_path: Path) -> None:
    numbers: list[str] = []
    lock = threading.Lock()

    def work() -> None:
        spool = Spool(tmp_path)  # each thread its own counter: only O_EXCL keeps them apart
        for _ in range(20):
            got = spool.store("ZXSQ", "2026", lambda r: (r.encode(), ""))
            with lock:
                numbers.append(got)

    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, str(tmp_path), "20"], stdout=subprocess.PIPE, text=True
        )
        for _ in range(3)
    ]
    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for p in procs:
        out, _ = p.communicate(timeout=120)
        numbers += out.split()
    assert len(numbers) == 140 and len(set(numbers)) == 140
    stored = entries(tmp_path)
    assert len(stored) == 140 and all(
        p.read_text() == p.stem for p in stored
    )  # each holds its own number


def test_a_stored_entry_whose_marker_was_lost_is_never_given_out_again(tmp_path: Path) -> None:
    spool = Spool(tmp_path)
    first = spool.store("ZXPY", "2026", lambda r: (b"first", ""))
    (tmp_path / ISSUED / first).unlink()  # a crash before the marker reached the disk
    again = Spool(tmp_path).store("ZXPY", "2026", lambda r: (b"second", ""))
    assert again != first and (tmp_path / INBOX / f"{first}.age").read_bytes() == b"first"
    assert first == "ZXPY-2026-00001" and again == "ZXPY-2026-00002"


def test_numbers_go_on_after_entries_are_taken_in(tmp_path: Path) -> None:
    spool = Spool(tmp_path)
    taken = spool.store("ZXSQ", "2026", lambda r: (b"x", ""))
    (tmp_path / INBOX / f"{taken}.age").unlink()  # xxgk request inbox removed it
    assert Spool(tmp_path).store("ZXSQ", "2026", lambda r: (b"y", "")) == "ZXSQ-2026-00002"


def test_write_new_refuses_to_replace_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "a.age"
    write_new(target, b"one")
    with pytest.raises(FileExistsError):
        write_new(target, b"two")
    assert target.read_bytes() == b"one" and os.listdir(tmp_path) == ["a.age"]
    assert (target.stat().st_mode & 0o777) == 0o600


def test_a_nonce_is_recalled_only_while_its_entry_waits_in_the_spool(tmp_path: Path) -> None:
    spool = Spool(tmp_path)
    number = spool.store("ZXSQ", "2026", lambda r: (b"x", f'{{"受理编号": "{r}"}}'), nonce="n1")
    assert spool.recall("n1") == f'{{"受理编号": "{number}"}}' and spool.recall("n2") is None
    (tmp_path / INBOX / f"{number}.age").unlink()  # taken in by the office
    assert spool.recall("n1") is None
