"""The 政策 section of xxgk.yml becomes one typed value, ``Registry.settings``, whose defaults
come from ``schemas/registry.schema.json`` and nowhere else."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import shutil
from collections.abc import Callable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from xxgk.io.registry import check_registry, load_registry
from xxgk.io.yamlsafe import load_yaml
from xxgk.model.policy import Settings
from xxgk.requests.policy import policies

REPO = Path(__file__).resolve().parents[2]
SCHEMA = Path("schemas") / "registry.schema.json"

# Every leaf of Settings and the path of 政策 it is read from.
Getter = Callable[[Settings], Any]
FIELDS: dict[tuple[str, ...], Getter] = {
    ("依申请公开", "版本"): lambda s: s.requests.current.version,
    ("依申请公开", "答复期限"): lambda s: s.requests.current.reply_days,
    ("依申请公开", "延期上限"): lambda s: s.requests.current.extension_max,
    ("依申请公开", "提供期限"): lambda s: s.requests.current.provide_days,
    ("依申请公开", "补正告知期限"): lambda s: s.requests.current.amend_notice_days,
    ("依申请公开", "征求意见期限"): lambda s: s.requests.current.consult_days,
    ("依申请公开", "收取信息处理费"): lambda s: s.requests.current.fee_enabled,
    ("依申请公开", "行政复议机关"): lambda s: s.requests.review_bodies,
    ("依申请公开", "在线申请当日截止"): lambda s: s.requests.online_cutoff,
    ("依申请公开", "在线申请填写用途"): lambda s: s.requests.online_purpose,
    ("依申请公开", "历史版本"): lambda s: s.requests.history,
    ("保密审查复查周期月数",): lambda s: s.rereview_months,
    ("指南更新周期月数",): lambda s: s.guide_months,
    ("单位无更新提示月数",): lambda s: s.silent_unit_months,
    ("举报投诉答复期限",): lambda s: s.complaint_days,
    ("每年培训最少学时",): lambda s: s.training_hours,
    ("社会评议", "评议内容"): lambda s: s.evaluation.questions,
    ("社会评议", "选项"): lambda s: s.evaluation.options,
    ("社会评议", "满意选项"): lambda s: s.evaluation.satisfied,
    ("社会评议", "整改期限天数"): lambda s: s.evaluation.rectify_days,
    ("舆情回应", "依据"): lambda s: s.opinion.basis,
    ("舆情回应", "时限"): lambda s: s.opinion.limits,
}


def as_text(value: Any) -> Any:
    """A typed value, or a schema default, written as xxgk.yml would state it (all text)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | Decimal):
        return str(value)
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = {"code": "代码", "text": "内容"}
        return {
            names.get(f.name, f.name): as_text(getattr(value, f.name))
            for f in dataclasses.fields(value)
        }
    if isinstance(value, Mapping):
        return {str(k): as_text(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [as_text(v) for v in value]
    return value


def policy_schema(root: Path) -> dict[str, Any]:
    schema: dict[str, Any] = json.loads((root / SCHEMA).read_text(encoding="utf-8"))
    return dict(schema["properties"]["政策"])


def leaf_defaults(node: dict[str, Any], path: tuple[str, ...] = ()) -> dict[tuple[str, ...], Any]:
    """Path -> default of every property that is a value, not a section of values."""
    found: dict[tuple[str, ...], Any] = {}
    for key, sub in node.get("properties", {}).items():
        if "properties" in sub and sub.get("type") == "object":
            found |= leaf_defaults(sub, (*path, key))
        elif "default" in sub:
            found[(*path, key)] = sub["default"]
    return found


def shifted(value: Any) -> Any:
    """A different value of the same shape, still valid: a default the code cannot know."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + 3
    if isinstance(value, str):
        return "09:30" if re.fullmatch(r"\d\d:\d\d", value) else value + "x"
    if isinstance(value, dict):
        return {k: shifted(v) for k, v in value.items()}
    if isinstance(value, list):
        return [shifted(v) for v in reversed(value)]
    return value


def without_policy(text: str) -> str:
    """xxgk.yml with its top-level 政策 section (and everything indented under it) removed."""
    out, skipping = [], False
    for line in text.splitlines(keepends=True):
        if line.startswith("政策:"):
            skipping = True
        elif skipping and line.strip() and not line.startswith((" ", "#")):
            skipping = False
        if not skipping:
            out.append(line)
    return "".join(out)


def registry_copy(tmp_path: Path, text: str) -> Path:
    shutil.copytree(REPO / "schemas", tmp_path / "schemas")
    (tmp_path / "xxgk.yml").write_text(text, encoding="utf-8")
    return tmp_path


def test_every_typed_field_has_a_schema_default_and_every_default_a_field() -> None:
    assert set(leaf_defaults(policy_schema(REPO))) == set(FIELDS)


def test_a_registry_without_policy_takes_every_value_from_the_schema(tmp_path: Path) -> None:
    """Each default is changed in the schema copy: a value written in code instead would differ."""
    root = registry_copy(tmp_path, without_policy((REPO / "xxgk.yml").read_text(encoding="utf-8")))
    schema = json.loads((root / SCHEMA).read_text(encoding="utf-8"))
    section = schema["properties"]["政策"]
    expected = {}
    for path, default in leaf_defaults(section).items():
        node = section
        for key in path:
            node = node["properties"][key]
        node["default"] = expected[path] = shifted(default)
    (root / SCHEMA).write_text(json.dumps(schema, ensure_ascii=False), encoding="utf-8")
    registry, problems = check_registry(root)
    assert registry is not None, [p.message for p in problems]
    assert not re.search(r"^政策:", (root / "xxgk.yml").read_text(encoding="utf-8"), re.M)
    got = {path: as_text(read(registry.settings)) for path, read in FIELDS.items()}
    assert got == {path: as_text(value) for path, value in expected.items()}
    assert got[("每年培训最少学时",)] == "5" and got[("依申请公开", "在线申请当日截止")] == "09:30"


def test_the_shipped_registry_gives_the_typed_values_it_states() -> None:
    text = (REPO / "xxgk.yml").read_text(encoding="utf-8")
    stated = load_yaml(text, "xxgk.yml").data["政策"]
    settings = load_registry(REPO).settings
    missing = []
    for path, read in FIELDS.items():
        node = stated
        for key in path:
            node = node.get(key) if isinstance(node, dict) else None
        if node is None:
            missing.append(path)
        else:
            assert as_text(read(settings)) == node, path
    assert missing == [("依申请公开", "历史版本")]
    assert isinstance(settings.training_hours, Decimal) and settings.training_hours == 2
    assert settings.requests.online_cutoff == dt.time(18, 0)


def test_a_history_version_takes_the_terms_it_does_not_state_from_the_current_one(
    tmp_path: Path,
) -> None:
    text = (
        (REPO / "xxgk.yml")
        .read_text(encoding="utf-8")
        .replace(
            "    答复期限: 15      # 工作日，附件2 第二条\n",
            "    答复期限: 20\n    历史版本:\n      - 版本: 旧制度\n        答复期限: 15\n"
            "      - 版本: 鄂前政办发〔2018〕96号\n        答复期限: 9\n",
        )
    )
    registry = load_registry(registry_copy(tmp_path, text))
    found = policies(registry)
    current = found["鄂前政办发〔2018〕96号"]
    assert current.reply_days == 20 and found["旧制度"].reply_days == 15  # the current name wins
    assert found["旧制度"].extension_max == current.extension_max == 15
    assert registry.settings.requests.history[0].version == "旧制度"


@pytest.mark.parametrize(
    ("old", "new", "title"),
    [
        ('在线申请当日截止: "18:00"', '在线申请当日截止: "25:00"', "在线申请当日截止时刻"),
        ("每年培训最少学时: 2", "每年培训最少学时: -1", "每年培训最少学时"),
        ("整改期限天数: 30", "整改期限天数: 0", "默认整改期限"),
    ],
)
def test_a_wrong_policy_value_is_a_registry_error_not_a_default(
    tmp_path: Path, old: str, new: str, title: str
) -> None:
    text = (REPO / "xxgk.yml").read_text(encoding="utf-8")
    assert old in text
    registry, problems = check_registry(registry_copy(tmp_path, text.replace(old, new)))
    line = text[: text.index(old)].count("\n") + 1
    assert registry is None
    assert [(p.path, p.line, p.rule) for p in problems] == [("xxgk.yml", line, "REG-SCHEMA")]
    assert title in problems[0].message


def test_no_module_reads_policy_values_past_the_typed_object() -> None:
    """Values come from ``registry.settings``; the raw 政策 of a Registry is not read (the gate's
    scan of xxgk.yml's written text, with its lines, reads the YAML file itself)."""
    reads = re.compile(r"""registry\.policy\b|\.raw(\.get\(|\[)["']政策["']""")
    found = [
        f"{path.relative_to(REPO)}:{n}"
        for path in sorted((REPO / "tools" / "xxgk").rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if reads.search(line)
        and path.relative_to(REPO).as_posix() != "tools/xxgk/model/registry.py"
    ]
    assert found == []


def test_a_schema_without_a_needed_default_is_a_clear_problem_not_a_crash(repo: Path) -> None:
    """A repository keeping an older schemas/ beside a newer tool: said in Chinese, never a
    traceback and never a default made up in code."""
    path = repo / "schemas" / "registry.schema.json"
    schema = json.loads(path.read_text("utf-8"))
    section = schema["properties"]["政策"]["properties"]["依申请公开"]["properties"]["历史版本"]
    del section["default"]
    path.write_text(json.dumps(schema, ensure_ascii=False), "utf-8")
    (repo / "xxgk.yml").write_text(
        re.sub(r"(?m)^    历史版本:(\n      .*)*\n", "", (repo / "xxgk.yml").read_text("utf-8")),
        "utf-8",
    )
    registry, problems = check_registry(repo)
    assert registry is None
    assert [(p.path, p.rule) for p in problems] == [("schemas/registry.schema.json", "REG-SCHEMA")]
    assert "历史版本" in problems[0].message and "旧版本" in problems[0].message
