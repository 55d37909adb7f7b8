"""A real git repository for gate tests: real commits, real SSH keys, real signatures."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from xxgk.cli import main
from xxgk.trust.records_sign import sign_record

REPO = Path(__file__).resolve().parents[2]
OFFICE = "鄂托克前旗人民政府办公室"
FINANCE = "鄂托克前旗财政局"

PEOPLE = {  # name: (e-mail = signing identity, on the roster?, unit)
    "王建华": ("wangjh@etkqq.gov.cn", True, OFFICE),
    "李秀英": ("lixy@etkqq.gov.cn", True, OFFICE),
    "高峰": ("gaof@etkqq.gov.cn", True, FINANCE),
    "张丽": ("zhangl@etkqq.gov.cn", False, OFFICE),
    "赵强": ("zhaoq@etkqq.gov.cn", False, OFFICE),
    "张明": ("zhangm@etkqq.gov.cn", False, OFFICE),  # the office's 分管负责同志 in the staff roster
}
LEADERS = {"张明"}  # keys that may sign approvals (xxgk-approval)

ENTRY = """---
索引号: {index}
信息名称: {title}
产生时间: 2026-11-02
分类: 工作信息
发布机构: 鄂托克前旗人民政府办公室
责任部门: 办公室
公开形式: 主动公开
公开时限: 长期公开
审核程序: 单位内审核后公开
关键词: 政务公开 工作要点
内容描述: 全旗本年度政务公开工作要点。
{extra}---

{body}
"""

# A signed leading-group decision to publish (附件6 第七条), by 索引号.
DECISION = """记录类型: 协调决定
索引号: "{index}"
信息名称: 鄂托克前旗2026年政务公开工作要点
主办单位: 鄂托克前旗人民政府办公室
被征求单位: 鄂托克前旗财政局
决定: 同意公开
决定依据: 预决算公开安排已在财政信息栏目公开，不涉及不宜公开的内容（条例第二十条）。
决定机关: 鄂托克前旗政务公开工作领导小组办公室
决定日期: "2026-11-21"
经办人: 王建华
"""

TRAINING = """类型: 集中培训
日期: "2026-03-10"
主题: 《政府信息公开条例》和保密审查制度解读
学时: "{hours}"
组织单位: 鄂托克前旗人民政府办公室政务公开办公室
参加人员:
{people}"""


def roster_yaml() -> str:
    lines = ["审查人员:"]
    for name, (mail, listed, unit) in PEOPLE.items():
        if listed:
            lines += [f"  - 姓名: {name}", f"    单位: {unit}", f"    签名身份: {mail}"]
    return "\n".join(lines) + "\n"


class GitRepo:
    def __init__(self, root: Path, keys: Path) -> None:
        self.root, self.keys, self.tick = root, keys, 0

    def git(self, *args: str, env: dict[str, str] | None = None) -> str:
        done = subprocess.run(
            ["git", *args],
            cwd=self.root,
            capture_output=True,
            text=True,
            env={**os.environ, **(env or {})},
            check=True,
        )
        return done.stdout

    def write(self, rel: str, text: str | bytes) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode() if isinstance(text, str) else text)
        return path

    def commit(
        self,
        who: str,
        message: str,
        paths: list[str],
        key: str | None = None,
        committer: str | None = None,
    ) -> str:
        """A commit by ``who`` (fixed dates), SSH-signed with ``key``'s key when given."""
        self.tick += 1
        when = f"2026-11-{10 + self.tick // 24:02d}T{self.tick % 24:02d}:00:00+08:00"
        by = committer or who
        env = {
            "GIT_AUTHOR_NAME": who,
            "GIT_AUTHOR_EMAIL": PEOPLE[who][0],
            "GIT_AUTHOR_DATE": when,
            "GIT_COMMITTER_NAME": by,
            "GIT_COMMITTER_EMAIL": PEOPLE[by][0],
            "GIT_COMMITTER_DATE": when,
        }
        paths = [*paths, *(p + ".sig" for p in paths if (self.root / (p + ".sig")).exists())]
        self.git("add", "-A", "--", *paths)
        sign = ["-c", "gpg.format=ssh", "-c", f"user.signingkey={self.keys / key}"] if key else []
        self.git(*sign, "commit", "-q", *(["-S"] if key else []), "-m", message, env=env)
        return self.git("rev-parse", "HEAD").strip()

    def xxgk(self, capsys, *args: str) -> tuple[int, str]:  # type: ignore[no-untyped-def]
        capsys.readouterr()
        code = main(["--root", str(self.root), *args])
        out = capsys.readouterr()
        return code, out.out + out.err

    def entry(
        self,
        name: str,
        index: str,
        title: str = "鄂托克前旗2026年政务公开工作要点",
        extra: str = "",
        body: str = "一、加强政策解读。二、做好依申请公开。",
    ) -> str:
        rel = f"content/catalog/2026/{name}.md"
        self.write(rel, ENTRY.format(index=index, title=title, extra=extra, body=body))
        return rel

    def sign(
        self,
        capsys,
        rel: str,
        reviewer: str,
        *more: str,
        key: str | None = None,  # type: ignore[no-untyped-def]
        author: str | None = "张丽",
    ) -> str:
        """``xxgk review sign`` with ``key``'s SSH key (the reviewer's own by default); the
        author is named as 张丽 unless ``author`` is None (then it comes from the commit)."""
        named = ["--author", PEOPLE[author][0]] if author else []
        code, out = self.xxgk(
            capsys,
            "review",
            "sign",
            str(self.root / rel),
            "--reviewer",
            reviewer,
            "--date",
            "2026-11-20",
            "--key",
            str(self.keys / (key or reviewer)),
            *named,
            *more,
        )
        assert code == 0, out
        return re.search(r"已写入并签名 (\S+)", out).group(1)  # type: ignore[union-attr]

    def sign_record(self, rel: str, who: str) -> None:
        sign_record(self.root, rel, str(self.keys / who))


def make_keys(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in (*PEOPLE, "陌生人"):
        subprocess.run(
            ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", str(folder / name)],
            check=True,
        )
    return folder


REVIEWER_NAMESPACES = "git,xxgk-review,xxgk-consult,xxgk-training"


def signers_text(keys: Path, names: list[str]) -> str:
    """Reviewers (on the roster) may sign reviews, opinions and training; leaders approvals;
    staff only commits."""
    lines = ["# 允许签名人文件：只有领导小组可以修改。"]
    for name in names:
        spaces = "git,xxgk-approval" if name in LEADERS else "git"
        spaces = REVIEWER_NAMESPACES if PEOPLE[name][1] else spaces
        lines.append(
            f'{PEOPLE[name][0]} namespaces="{spaces}" {(keys / (name + ".pub")).read_text().strip()}'
        )
    return "\n".join(lines) + "\n"


def base_repo(tmp: Path, keys: Path) -> GitRepo:
    """main: registry with a roster, schemas, training, signers and one published, reviewed entry."""
    root = tmp / "repo"
    root.mkdir()
    repo = GitRepo(root, keys)
    repo.git("init", "-q", "-b", "main")
    registry = (REPO / "xxgk.yml").read_text(encoding="utf-8")
    registry = re.sub(
        r"^审查人员:\n(?:(?:[ #-].*)?\n)*", roster_yaml(), registry, flags=re.MULTILINE
    )
    repo.write("xxgk.yml", registry)
    shutil.copytree(REPO / "schemas", root / "schemas")
    people = "".join(
        f"  - 姓名: {n}\n    单位: {PEOPLE[n][2]}\n" for n in ("王建华", "高峰", "张丽")
    )
    repo.write("training/2026/2026-03-10-条例解读.yml", TRAINING.format(hours="2", people=people))
    repo.write(
        "training/2026/2026-04-02-保密法.yml",
        TRAINING.format(hours="1", people=f"  - 姓名: 李秀英\n    单位: {OFFICE}\n"),
    )
    repo.write(
        ".xxgk/allowed_signers",
        signers_text(keys, ["王建华", "李秀英", "高峰", "张丽", "赵强", "张明"]),
    )
    for rel in ("training/2026/2026-03-10-条例解读.yml", "training/2026/2026-04-02-保密法.yml"):
        repo.sign_record(rel, "王建华")
    repo.entry(
        "000014349-2026-00001", "000014349/2026-00001", title="鄂托克前旗2026年第一季度政务公开情况"
    )
    repo.commit("赵强", "基线：登记、培训、签名人文件和已发布条目", ["."])
    return repo


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """SSH keys of everyone in ``PEOPLE`` and of a stranger, made once per test module."""
    return make_keys(tmp_path_factory.mktemp("keys"))


@pytest.fixture
def repo(tmp_path: Path, keys: Path, monkeypatch: pytest.MonkeyPatch) -> GitRepo:
    """The base repository, checked out on a new branch ``pr``."""
    monkeypatch.setenv("XXGK_TODAY", "2026-11-27")
    monkeypatch.delenv("XXGK_ROOT", raising=False)
    repo = base_repo(tmp_path, keys)
    repo.git("checkout", "-q", "-b", "pr")
    return repo
