"""The editor's form says what the schema and the registry say (issue 15, 2)."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from xxgk.editor.config import Backend, build_config, dump
from xxgk.editor.drift import disagreements
from xxgk.editor.fields import NOT_TYPED
from xxgk.io.errors import ConfigError
from xxgk.io.registry import load_registry
from xxgk.model.entry import FIELD_ORDER

REPO = Path(__file__).resolve().parents[2]
SCHEMA: dict[str, Any] = json.loads(
    (REPO / "schemas" / "catalog-entry.schema.json").read_text("utf-8")
)
XXGK = [sys.executable, "-m", "xxgk", "--root", str(REPO)]


def _fields(config: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {f["name"]: f for f in config["collections"][0]["fields"]}


@pytest.fixture(scope="module")
def config() -> dict[str, Any]:
    return build_config(SCHEMA, load_registry(REPO), Backend())


def test_every_schema_property_is_a_field_or_not_typed_with_a_reason(
    config: dict[str, Any],
) -> None:
    fields = _fields(config)
    for name in SCHEMA["properties"]:
        assert (name in fields) != (name in NOT_TYPED), name
    assert all(NOT_TYPED.values())
    assert "索引号" in NOT_TYPED and "索引号" not in fields
    assert disagreements(SCHEMA, config, load_registry(REPO)) == []


def test_fields_come_in_the_order_xxgk_new_writes(config: dict[str, Any]) -> None:
    names = [n for n in _fields(config) if n != "body"]
    assert names == [n for n in FIELD_ORDER if n in names]


def test_labels_hints_choices_and_dates_come_from_the_schema(config: dict[str, Any]) -> None:
    fields = _fields(config)
    assert fields["分类"]["options"] == SCHEMA["properties"]["分类"]["enum"]
    assert (
        fields["产生时间"]["label"] == "产生时间" and fields["产生时间"]["format"] == "YYYY-MM-DD"
    )
    assert fields["责任部门"]["hint"] == SCHEMA["properties"]["责任部门"]["description"]
    assert fields["文件编号"]["required"] is False and fields["信息名称"]["required"] is True
    assert fields["公开形式"]["default"] == "主动公开"
    registry = load_registry(REPO)
    assert fields["发布机构"]["options"] == [u.name for u in registry.units]
    unit = registry.units[3]
    assert fields["责任部门"]["units"][unit.name] == list(unit.sections)


def test_a_new_schema_property_without_a_field_is_a_disagreement(config: dict[str, Any]) -> None:
    schema = copy.deepcopy(SCHEMA)
    schema["properties"]["主题词"] = {"type": "string", "title": "主题词"}
    found = disagreements(schema, config, load_registry(REPO))
    assert any("主题词" in line for line in found)


def test_a_changed_choice_title_or_required_is_a_disagreement(config: dict[str, Any]) -> None:
    schema = copy.deepcopy(SCHEMA)
    schema["properties"]["公开形式"]["enum"].append("不予公开")
    schema["properties"]["关键词"]["title"] = "主题词"
    schema["required"].remove("内容描述")
    found = "\n".join(disagreements(schema, config, load_registry(REPO)))
    assert "公开形式" in found and "关键词" in found and "内容描述" in found


def test_a_property_the_generator_cannot_type_is_refused() -> None:
    schema = copy.deepcopy(SCHEMA)
    schema["properties"]["页数"] = {"type": "integer", "title": "页数"}
    with pytest.raises(ConfigError, match="页数"):
        build_config(schema, load_registry(REPO), Backend())


def test_config_check_refuses_a_stale_file(tmp_path: Path, config: dict[str, Any]) -> None:
    fresh = tmp_path / "config.yml"
    fresh.write_text(dump(config), "utf-8")
    ok = subprocess.run(
        [*XXGK, "editor", "config", "--check", str(fresh)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert ok.returncode == 0, ok.stdout + ok.stderr
    stale = copy.deepcopy(config)
    _fields(stale)["发布机构"]["options"].pop()
    old = tmp_path / "old.yml"
    old.write_text(dump(stale), "utf-8")
    bad = subprocess.run(
        [*XXGK, "editor", "config", "--check", str(old)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert bad.returncode == 1 and "发布机构" in bad.stdout


def test_forge_backends_carry_the_repository_and_oauth_settings() -> None:
    forgejo = Backend(
        "forgejo",
        "zwgk/xxgk",
        "main",
        "https://git.example.gov.cn",
        "https://git.example.gov.cn/api/v1",
        "abc",
    ).as_config()
    assert forgejo["name"] == "forgejo" and forgejo["api_root"].endswith("/api/v1")
    assert forgejo["app_id"] == "abc" and forgejo["repo"] == "zwgk/xxgk"
    assert Backend().as_config()["name"] == "proxy"
    assert Backend("gitlab", "a/b").as_config()["auth_type"] == "pkce"
