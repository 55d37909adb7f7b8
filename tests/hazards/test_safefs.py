"""``xxgk.io.safefs`` and its users: what a user controls is listed without following links and
read only when it is a regular file within its bound, under the very name given."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hazard_kit import CANARY, HOSTILE_ENTRY, YEAR_DIR, entry, good_entries, listing, write

from xxgk.io.catalog import entry_listing, quick_index_numbers
from xxgk.io.frontmatter import read
from xxgk.io.hashing import attachment_hashes, attachment_problem, sha256_bytes
from xxgk.io.records import read_all, record_listing
from xxgk.io.safefs import (
    Folders,
    UnsafeFile,
    list_files,
    name_problem,
    named,
    parts_of,
    read_bytes,
    read_named,
    shown,
)


def test_listing_reports_every_kind_of_hostile_file_and_keeps_the_regular_ones(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "c"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.md").write_text("a", "utf-8")
    (folder / "sub" / "b.md").write_text("b", "utf-8")
    (folder / "notes.txt").write_text("n", "utf-8")
    (folder / ".hidden.md").symlink_to("/etc/passwd")  # hidden: skipped as before
    (folder / "link.md").symlink_to("a.md")  # even to a file beside it
    (folder / "loop").symlink_to("loop")
    os.mkfifo(folder / "pipe.md")
    (folder / "dir.md").mkdir()
    (folder / "dir.md" / "inner.md").write_text("i", "utf-8")
    (folder / "a\\b.md").write_text("x", "utf-8")
    files, problems = list_files(tmp_path, "c", (".md",))
    assert [p.relative_to(tmp_path).as_posix() for p in files] == [
        "c/a.md",
        "c/dir.md/inner.md",
        "c/sub/b.md",
    ]
    assert {(p.path, p.rule) for p in problems} == {
        (f"c/{n}", "FILE-KIND") for n in ("link.md", "loop", "pipe.md", "dir.md", "a\\b.md")
    }
    assert all(p.message.startswith(p.path + " ") for p in problems)


def test_a_symlinked_folder_is_refused_not_listed(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "x.md").write_text("x", "utf-8")
    (tmp_path / "c").symlink_to(tmp_path / "real")
    files, problems = list_files(tmp_path, "c", (".md",))
    assert files == [] and [p.path for p in problems] == ["c"] and "符号链接" in problems[0].message
    assert list_files(tmp_path, "absent", (".md",)) == ([], [])


@pytest.mark.parametrize(
    "name, why",
    [
        ("a\\b.md", "反斜杠"),
        ("a\x00b", "控制字符"),
        ("a\nb", "控制字符"),
        ("a\x7fb", "控制字符"),
        ("长" * 86, "255 字节"),
        ("\udcff.md", "UTF-8"),
        ("普通文件名.md", ""),
    ],
)
def test_odd_names_are_refused(name: str, why: str) -> None:
    assert (why in name_problem(name)) and (bool(name_problem(name)) == bool(why))


@pytest.mark.parametrize("rel", ["/etc/passwd", "a/../../x", "..", "a\\b", "a/\x00", "", "./"])
def test_paths_that_leave_the_root_or_hide_a_name_are_refused(rel: str) -> None:
    with pytest.raises(UnsafeFile):
        parts_of(rel)


def test_reading_refuses_a_symlink_anywhere_below_the_root(tmp_path: Path) -> None:
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "secret.md").write_text("secret", "utf-8")
    root = tmp_path / "repo"
    (root / "content").mkdir(parents=True)
    (root / "content" / "catalog").symlink_to(tmp_path / "outside")  # a folder on the way
    (root / "content" / "file.md").symlink_to(tmp_path / "outside" / "secret.md")
    for rel in ("content/catalog/secret.md", "content/file.md"):
        with pytest.raises(UnsafeFile, match="符号链接"):
            read_bytes(root, rel, 100)
    with pytest.raises(FileNotFoundError):
        read_bytes(root, "content/absent.md", 100)


def test_reading_refuses_fifos_folders_and_files_over_the_bound(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.md")  # opening it for reading without O_NONBLOCK would block
    (tmp_path / "dir.md").mkdir()
    (tmp_path / "big.md").write_bytes(b"x" * 101)
    with pytest.raises(UnsafeFile, match="不是普通文件"):
        read_bytes(tmp_path, "pipe.md", 100)
    with pytest.raises(UnsafeFile, match="是文件夹"):
        read_bytes(tmp_path, "dir.md", 100)
    with pytest.raises(UnsafeFile, match="上限"):
        read_bytes(tmp_path, "big.md", 100)
    assert read_bytes(tmp_path, "big.md", 101) == b"x" * 101


def test_files_read_through_one_open_folder_are_refused_all_the_same(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "one.md").write_text("1", "utf-8")
    (tmp_path / "a" / "b" / "two.md").symlink_to("one.md")
    (tmp_path / "a" / "c").symlink_to(tmp_path / "a" / "b")
    folders = Folders(tmp_path)
    assert read_bytes(tmp_path, "a/b/one.md", 10, folders) == b"1"
    with pytest.raises(UnsafeFile, match="符号链接"):
        read_bytes(tmp_path, "a/b/two.md", 10, folders)
    with pytest.raises(UnsafeFile, match="符号链接"):
        read_bytes(tmp_path, "a/c/one.md", 10, folders)
    assert read_bytes(tmp_path, "a/b/one.md", 10, folders) == b"1"
    folders.close()


def test_a_file_named_on_the_command_line_may_be_a_link_but_only_to_a_regular_file(
    tmp_path: Path,
) -> None:
    (tmp_path / "doc.docx").write_bytes(b"PK")
    (tmp_path / "alias.docx").symlink_to(tmp_path / "doc.docx")
    (tmp_path / "zero.docx").symlink_to("/dev/zero")
    assert read_named(tmp_path / "alias.docx", 10) == b"PK"
    with pytest.raises(UnsafeFile, match="不是普通文件"):
        read_named(tmp_path / "zero.docx", 10)
    assert named(tmp_path / "alias.docx") == ("refused", named(tmp_path / "zero.docx")[1])
    assert named(tmp_path / "doc.docx") == ("file", "") and named(tmp_path)[0] == "dir"
    assert named(tmp_path / ("x" * 300))[0] in ("missing", "refused")


def test_shown_names_fit_on_one_line() -> None:
    assert shown("a\nb\x00") == "a\\x0ab\\x00"
    assert shown("\udcb9\udcab.md") == "\\xb9\\xab.md"
    assert len(shown("长" * 5000)) < 200


def test_the_catalog_listing_leaves_out_what_it_reports(repo: Path) -> None:
    good_entries(repo)
    (repo / YEAR_DIR / "evil.md").symlink_to("/etc/passwd")
    paths, problems = entry_listing(repo)
    assert [p.name for p in paths] == ["000014349-2026-00001.md", "000014349-2026-00002.md"]
    assert [p.path for p in problems] == [f"{YEAR_DIR}/evil.md"]
    assert set(quick_index_numbers(repo, [*paths, repo / YEAR_DIR / "evil.md"])) == {
        "000014349/2026-00001",
        "000014349/2026-00002",
    }


def test_an_entry_read_through_a_symlink_is_only_its_problem(repo: Path) -> None:
    (repo / YEAR_DIR).mkdir(parents=True)
    (repo / YEAR_DIR / "evil.md").symlink_to("/etc/passwd")
    doc = read(repo / YEAR_DIR / "evil.md", f"{YEAR_DIR}/evil.md")
    assert not doc.parsed and doc.raw == b""
    assert [(p.rule, p.line) for p in doc.problems] == [("FILE-KIND", 1)]


def test_an_attachment_the_tools_refuse_is_a_problem_of_its_entry_at_its_line(repo: Path) -> None:
    (repo / YEAR_DIR / "att").mkdir(parents=True)
    os.mkfifo(repo / YEAR_DIR / "att" / "pipe.csv")
    listing(repo, "att/pipe.csv")
    doc = read(repo / HOSTILE_ENTRY, HOSTILE_ENTRY)
    assert [(p.rule, p.line) for p in doc.problems] == [("FILE-KIND", 16)]  # the line of 文件:
    assert "附件“att/pipe.csv”不予读取" in doc.problems[0].message and "附件" in doc.invalid


def test_an_attachment_name_with_a_backslash_is_not_hashed_under_another_name(repo: Path) -> None:
    write(repo, f"{YEAR_DIR}/att/名单.csv", "姓名\n")
    meta = {"附件": [{"文件": "att\\名单.csv"}, {"文件": "att/名单.csv"}]}
    hashes = attachment_hashes(repo, CANARY, meta)
    assert hashes == {"att\\名单.csv": None, "att/名单.csv": sha256_bytes("姓名\n".encode())}
    assert "反斜杠" in attachment_problem(repo, CANARY, "att\\名单.csv")


def test_symlinked_and_special_attachments_are_not_hashed(repo: Path) -> None:
    folder = repo / YEAR_DIR / "att"
    folder.mkdir(parents=True)
    (folder / "real.csv").write_text("x", "utf-8")
    (folder / "alias.csv").symlink_to("real.csv")
    (folder / "zero.csv").symlink_to("/dev/zero")
    os.mkfifo(folder / "pipe.csv")
    names = ["att/alias.csv", "att/zero.csv", "att/pipe.csv", "att/absent.csv", "att/real.csv"]
    hashes = attachment_hashes(repo, CANARY, {"附件": [{"文件": n} for n in names]})
    assert [n for n, h in hashes.items() if h] == ["att/real.csv"]
    assert "符号链接" in attachment_problem(repo, CANARY, "att/alias.csv")
    assert "不是普通文件" in attachment_problem(repo, CANARY, "att/pipe.csv")
    assert "不存在" in attachment_problem(repo, CANARY, "att/absent.csv")
    assert attachment_problem(repo, CANARY, "att/real.csv") == ""


def test_records_that_are_links_or_pipes_are_invalid_records_never_read(repo: Path) -> None:
    folder = repo / "reviews" / "2026"
    folder.mkdir(parents=True)
    (folder / "passwd.yml").symlink_to("/etc/passwd")
    os.mkfifo(folder / "pipe.yml")
    write(repo, "reviews/2026/a.yml", "条目: x\n")
    paths, problems = record_listing(repo, "reviews")
    assert [p.name for p in paths] == ["a.yml"]
    assert sorted(p.path for p in problems) == ["reviews/2026/passwd.yml", "reviews/2026/pipe.yml"]
    records = read_all(repo, "reviews", "review.schema.json", "REVIEW-RECORD")
    refused = [r for r in records if r.problems and r.problems[0].rule == "FILE-KIND"]
    assert sorted(r.rel for r in refused) == ["reviews/2026/passwd.yml", "reviews/2026/pipe.yml"]


def test_a_good_entry_still_reads_as_before(repo: Path) -> None:
    path = write(repo, f"{YEAR_DIR}/000014349-2026-00009.md", entry(9))
    doc = read(path, f"{YEAR_DIR}/000014349-2026-00009.md")
    assert doc.parsed and not doc.problems and doc.raw == path.read_bytes()
