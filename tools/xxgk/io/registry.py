"""Find the repository root and read the organisation registry (xxgk.yml)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from xxgk.io.errors import ConfigError as ConfigError
from xxgk.io.frontmatter import decode
from xxgk.io.safefs import RECORD_LIMIT, UnsafeFile, read_bytes
from xxgk.io.schema import drop_empty, schema_for, with_defaults
from xxgk.io.yamlsafe import load_yaml
from xxgk.model.indexno import IndexFormatError
from xxgk.model.policy import policy_problems
from xxgk.model.problem import Problem, Severity
from xxgk.model.registry import Registry, from_dict

REGISTRY_FILE = "xxgk.yml"


def find_root(start: Path | None = None) -> Path:
    """The nearest folder upwards holding xxgk.yml (or $XXGK_ROOT)."""
    env = os.environ.get("XXGK_ROOT")
    here = Path(env) if env else (start or Path.cwd())
    here = here.resolve()
    for folder in (here, *here.parents):
        if (folder / REGISTRY_FILE).is_file():
            return folder
    raise ConfigError(
        f"在 {here} 及其上级目录中找不到 {REGISTRY_FILE}：请在信息公开仓库里运行，或用 --root 指定"
    )


def _coerce(data: Any, schema: dict[str, Any]) -> Any:
    """Numbers and yes/no in the registry are read as text; turn them into what the schema wants."""
    kind = schema.get("type")
    if isinstance(data, dict):
        props = schema.get("properties", {})
        extra = schema.get("additionalProperties")
        return {
            k: _coerce(v, props.get(k, extra if isinstance(extra, dict) else {}))
            for k, v in data.items()
        }
    if isinstance(data, list):
        return [_coerce(v, schema.get("items", {})) for v in data]
    if isinstance(data, str):
        if kind == "integer" and data.strip().isdigit():
            return int(data)
        if kind == "boolean" and data in ("true", "false", "True", "False", "是", "否"):
            return data in ("true", "True", "是")
    return data


def check_registry(root: Path) -> tuple[Registry | None, list[Problem]]:
    try:  # never through a symlink, never a FIFO, never more than a record's size
        raw = read_bytes(root, REGISTRY_FILE, RECORD_LIMIT)
    except UnsafeFile as exc:
        return None, [Problem(REGISTRY_FILE, 1, 1, "REG-SCHEMA", Severity.ERROR, str(exc))]
    except OSError as exc:
        return None, [
            Problem(REGISTRY_FILE, 1, 1, "REG-SCHEMA", Severity.ERROR, f"无法读取：{exc.strerror}")
        ]

    text, bad = decode(raw, REGISTRY_FILE)
    if text is None:
        return None, [bad] if bad else []
    loaded = load_yaml(text, REGISTRY_FILE)
    problems = list(loaded.problems)
    if not loaded.ok:
        return None, problems
    schema = schema_for(root, "registry.schema.json")
    # The schema's defaults are the only ones (政策 above all): filled in once, here, and
    # validated with the rest, so a wrong default is reported like a wrong value.
    data = with_defaults(_coerce(drop_empty(loaded.data or {}), schema.schema), schema.schema)
    for err in schema.errors(data):
        line, col = loaded.pos(*err.path)
        problems.append(
            Problem(REGISTRY_FILE, line, col, "REG-SCHEMA", Severity.ERROR, err.message)
        )
    for places, message in policy_problems(data.get("政策") or {}):
        written = [w for w in places if w in loaded.value_pos or w in loaded.key_pos]
        line, col = loaded.pos(*written[0]) if written else (1, 1)
        problems.append(Problem(REGISTRY_FILE, line, col, "REG-SCHEMA", Severity.ERROR, message))
    if any(p.severity is Severity.ERROR for p in problems):
        return None, problems
    try:
        return from_dict(data), problems
    except IndexFormatError as exc:
        line, col = loaded.pos("索引号", "格式")
        problems.append(Problem(REGISTRY_FILE, line, col, "REG-SCHEMA", Severity.ERROR, str(exc)))
        return None, problems
    except KeyError as exc:  # a value neither written nor given a default by the schema
        where = "schemas/registry.schema.json"
        problems.append(
            Problem(
                where,
                1,
                1,
                "REG-SCHEMA",
                Severity.ERROR,
                f"{REGISTRY_FILE} 没有写“{exc.args[0]}”，{where} 也没有给它默认值："
                "结构文件可能是旧版本，请换成与本工具同一版本的 schemas/",
            )
        )
        return None, problems


def load_registry(root: Path) -> Registry:
    registry, problems = check_registry(root)
    if registry is None:
        raise ConfigError(f"{REGISTRY_FILE} 有错误，请先改正", problems)
    return registry
