"""Going live: ``xxgk check --production`` refuses the sample values and keys the repository
ships with, naming the field and its line; real values pass; without --production the
shipped repository passes as before."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from xxgk.io.production import (
    RULE_MISSING,
    RULE_PLACEHOLDER,
    RULE_SAMPLE_KEY,
    SAMPLE_AGE_KEYS,
    SAMPLES,
    placeholder_reason,
    production_problems,
    registry_problems,
    signer_problems,
)

REPO = Path(__file__).resolve().parents[2]
XXGK = str(Path(sys.executable).parent / "xxgk")
# Values of the kind a county's site really has: they must pass.
REAL = {
    "网站标识码": "1506230017",
    "ICP备案号": "蒙ICP备2024001234号-1",
    "公安机关备案号": "蒙公网安备 15062302000123号",
    "电话": "0477-7611111",
    "传真": "0477-7620000",
    "电子邮箱": "zwgkb@etkqq.gov.cn",
}


def line_of(text: str, key: str) -> int:
    return next(
        n for n, line in enumerate(text.splitlines(), 1) if line.strip().startswith(key + ":")
    )


# The office's own age key in place of the shipped sample one.
REAL_AGE_KEY = "age1njfx9653ant6kke5ru2dzfqup0f3kw7l4ku7434delt5wr079uzq5zp4xh"


def with_values(text: str, values: dict[str, str]) -> str:
    for key, value in values.items():
        text = re.sub(
            rf"^(\s+{key}: ).*$",
            lambda m, v=value: m.group(1) + f'"{v}"',
            text,
            count=1,
            flags=re.MULTILINE,
        )
    for sample in SAMPLE_AGE_KEYS:
        text = text.replace(sample, REAL_AGE_KEY)
    return text


def real_repo(tmp_path: Path) -> Path:
    """A copy of the registry and signers file with real-looking values and no sample key."""
    root = tmp_path / "repo"
    (root / ".xxgk").mkdir(parents=True)
    (root / "xxgk.yml").write_text(
        with_values((REPO / "xxgk.yml").read_text("utf-8"), REAL), "utf-8"
    )
    signers = (REPO / ".xxgk" / "allowed_signers").read_text("utf-8")
    kept = [line.replace("样例密钥：", "") for line in signers.splitlines()]
    (root / ".xxgk" / "allowed_signers").write_text("\n".join(kept) + "\n", "utf-8")
    return root


def test_the_shipped_registry_is_refused_field_by_field_with_its_line() -> None:
    text = (REPO / "xxgk.yml").read_text("utf-8")
    found = {(p.line, p.rule) for p in registry_problems(text)}
    for key in ("网站标识码", "ICP备案号", "公安机关备案号", "电话", "传真", "电子邮箱"):
        assert (line_of(text, key), RULE_PLACEHOLDER) in found, key
    messages = " ".join(p.message for p in registry_problems(text))
    assert "网站.ICP备案号“蒙ICP备00000000号”" in messages and "公开工作机构.电话" in messages


def test_real_values_pass() -> None:
    text = with_values((REPO / "xxgk.yml").read_text("utf-8"), REAL)
    assert registry_problems(text) == []


@pytest.mark.parametrize(
    ("field", "value"),
    [
        (("网站", "ICP备案号"), "蒙ICP备00000000号"),
        (("网站", "ICP备案号"), "京ICP备11111111号"),
        (("网站", "公安机关备案号"), "蒙公网安备 15062399000000号"),
        (("网站", "网站标识码"), "0000000000"),
        (("公开工作机构", "电话"), "0477-0000000"),
        (("公开工作机构", "电话"), "0477-76XXXXX"),
        (("公开工作机构", "传真"), "待填"),
        (("公开工作机构", "电子邮箱"), "zwgk@example.com"),
        (("公开工作机构", "电子邮箱"), "样例@etkqq.gov.cn"),
    ],
)
def test_placeholders_are_recognised_by_rule(field: tuple[str, str], value: str) -> None:
    assert placeholder_reason(field, value) is not None


@pytest.mark.parametrize(
    ("field", "value"),
    [
        (("网站", "ICP备案号"), "蒙ICP备2018000001号-2"),  # a run of zeros inside a real number
        (("网站", "公安机关备案号"), "蒙公网安备 15062302000001号"),
        (("公开工作机构", "电话"), "0477-7611111"),
        (("公开工作机构", "传真"), "0477-7620000"),
        (("公开工作机构", "电子邮箱"), "xxgk@etkqq.gov.cn"),
    ],
)
def test_real_numbers_that_look_alike_pass(field: tuple[str, str], value: str) -> None:
    assert placeholder_reason(field, value) is None


def test_every_shipped_sample_is_listed_in_one_place() -> None:
    text = (REPO / "xxgk.yml").read_text("utf-8")
    for (_, key), values in SAMPLES.items():
        assert any(v in text for v in values), f"SAMPLES[{key}] is no longer in xxgk.yml"


def test_a_missing_field_is_refused_at_its_section() -> None:
    text = (REPO / "xxgk.yml").read_text("utf-8")
    text = with_values(text, REAL)
    text = re.sub(r"^\s+ICP备案号: .*\n", "", text, count=1, flags=re.MULTILINE)
    problems = registry_problems(text)
    assert [(p.rule, p.line) for p in problems] == [(RULE_MISSING, line_of(text, "网站"))]
    assert "网站.ICP备案号 没有填写" in problems[0].message


def test_a_registry_that_does_not_parse_gives_nothing_here() -> None:
    assert registry_problems("网站: [\n") == []


def test_sample_keys_are_refused_by_line_and_real_keys_pass() -> None:
    key = "AAAAC3NzaC1lZDI1NTE5AAAAIBJ3fyuIobACUtSPD17iSeivA3u2PScbnD3/RJ+DGKxJ"
    text = (
        "# 样例密钥：注释行不算\n"
        f'wangjh@etkqq.gov.cn namespaces="xxgk-review,git" ssh-ed25519 {key} 样例密钥：王建华\n'
        f'lixy@etkqq.gov.cn namespaces="xxgk-review,git" ssh-ed25519 {key} 李秀英（非样例密钥）\n'
        f"mawb@etkqq.gov.cn ssh-ed25519 {key}\n"
    )
    problems = signer_problems(text)
    assert [(p.line, p.rule) for p in problems] == [(2, RULE_SAMPLE_KEY)]
    assert problems[0].message.startswith("wangjh@etkqq.gov.cn 的公钥是随附的样例密钥")


def test_the_shipped_repository_is_refused_and_a_real_one_passes(tmp_path: Path) -> None:
    shipped = production_problems(REPO)
    signers = [p for p in shipped if p.path == ".xxgk/allowed_signers"]
    assert len(signers) >= 20 and all(p.rule == RULE_SAMPLE_KEY for p in signers)
    assert any(p.path == ".xxgk/sample-keys" for p in shipped)
    assert production_problems(real_repo(tmp_path)) == []


def test_the_sample_private_keys_folder_is_refused(tmp_path: Path) -> None:
    root = real_repo(tmp_path)
    (root / ".xxgk" / "sample-keys").mkdir()
    assert [p.path for p in production_problems(root)] == [".xxgk/sample-keys"]


def run_check(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XXGK_TODAY": "2026-11-27"}
    env.pop("XXGK_ROOT", None)
    return subprocess.run(
        [XXGK, "check", *args],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.mark.slow
def test_check_production_refuses_the_shipped_repository_and_plain_check_passes() -> None:
    plain = run_check(REPO)
    assert plain.returncode == 0, plain.stdout + plain.stderr
    live = run_check(REPO, "--production")
    assert live.returncode == 1
    line = line_of((REPO / "xxgk.yml").read_text("utf-8"), "ICP备案号")
    assert re.search(
        rf"^xxgk\.yml:{line}:\d+: 错误 \[{RULE_PLACEHOLDER}\] 网站\.ICP备案号",
        live.stdout,
        re.MULTILINE,
    )
    assert re.search(
        rf"^\.xxgk/allowed_signers:\d+:1: 错误 \[{RULE_SAMPLE_KEY}\]", live.stdout, re.MULTILINE
    )
