"""Validate loaded YAML against a JSON Schema in ``schemas/`` and say what is wrong in Chinese.

Valid documents take the fast path (fastjsonschema, compiled once); only a document that
fails is walked with ``jsonschema`` to list every error, each translated by its keyword
using the schema's own ``title``s. Raw English messages never reach users.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import fastjsonschema
import jsonschema

from xxgk.io.errors import ConfigError

SCHEMA_DIR_NAME = "schemas"


@dataclass(frozen=True)
class SchemaError:
    path: tuple[str | int, ...]  # where in the document (for line lookup)
    field: str  # top-level field concerned ("" for the whole document)
    keyword: str  # required, enum, type, additionalProperties, ...
    message: str


class Schema:
    def __init__(self, schema: dict[str, Any]) -> None:
        self.schema = schema
        self._fast: Callable[[Any], Any] = fastjsonschema.compile(schema, use_formats=False)
        self._slow = jsonschema.Draft202012Validator(schema)

    def errors(self, data: Any) -> list[SchemaError]:
        try:
            self._fast(data)
            return []
        except fastjsonschema.JsonSchemaException:
            pass
        found = sorted(self._slow.iter_errors(data), key=lambda e: list(map(str, e.path)))
        return [_translate(e, self.schema) for e in found]


@cache
def load_schema(path: str) -> Schema:
    try:
        return Schema(json.loads(Path(path).read_text(encoding="utf-8")))
    except OSError as exc:
        raise ConfigError(f"读不到结构定义文件 {path}：{exc.strerror}") from exc
    except json.JSONDecodeError as exc:
        raise ConfigError(
            f"结构定义文件 {path} 第 {exc.lineno} 行第 {exc.colno} 列不是合法的 JSON"
        ) from exc
    except (fastjsonschema.JsonSchemaDefinitionException, jsonschema.SchemaError) as exc:
        raise ConfigError(f"结构定义文件 {path} 不是合法的 JSON Schema：{exc}") from exc


def schema_for(root: Path, name: str) -> Schema:
    return load_schema(str(root / SCHEMA_DIR_NAME / name))


def drop_empty(data: Any) -> Any:
    """Empty values count as missing: ``关键词:`` with nothing is reported as 缺少."""
    if isinstance(data, dict):
        return {k: drop_empty(v) for k, v in data.items() if v is not None}
    if isinstance(data, list):
        return [drop_empty(v) for v in data]
    return data


def with_defaults(data: Any, schema: dict[str, Any]) -> Any:
    """``data`` with every absent property that has a ``default`` in ``schema`` filled in.

    A filled-in object is filled in turn, so ``"default": {}`` on a section lets its own
    properties' defaults apply when the whole section is left out. Only ``properties`` and
    array ``items`` are followed: values of the wrong type are left for validation to report.
    """
    if isinstance(data, dict):
        props: dict[str, Any] = schema.get("properties", {})
        out = dict(data)
        for key, sub in props.items():
            if key not in out and "default" in sub:
                out[key] = copy.deepcopy(sub["default"])
            if key in out:
                out[key] = with_defaults(out[key], sub)
        return out
    if isinstance(data, list) and isinstance(schema.get("items"), dict):
        return [with_defaults(v, schema["items"]) for v in data]
    return data


def _sub_schema(schema: dict[str, Any], path: Iterator[str | int]) -> dict[str, Any]:
    node: Any = schema
    for part in path:
        if isinstance(part, int):
            node = node.get("items", {})
        else:
            props = node.get("properties", {})
            node = props.get(part) or (
                node.get("additionalProperties")
                if isinstance(node.get("additionalProperties"), dict)
                else {}
            )
    return node if isinstance(node, dict) else {}


def _title(schema: dict[str, Any], path: tuple[str | int, ...]) -> str:
    node = _sub_schema(schema, iter(path))
    if node.get("title"):
        return str(node["title"])
    named = [p for p in path if isinstance(p, str)]
    return named[-1] if named else "此项"


_TYPE_NAMES = {
    "string": "文字",
    "integer": "整数",
    "number": "数字",
    "boolean": "是/否（true/false）",
    "array": "列表（每项一行，以“- ”开头）",
    "object": "“字段名: 值”的组合",
}


def _translate(err: jsonschema.ValidationError, schema: dict[str, Any]) -> SchemaError:
    path = tuple(err.absolute_path)
    field = str(path[0]) if path else ""
    title = _title(schema, path)
    kw = str(err.validator)
    if kw == "required":
        missing = str(err.message.split("'")[1]) if "'" in err.message else "?"
        sub = _sub_schema(schema, iter(path + (missing,)))
        name = sub.get("title", missing)
        desc = sub.get("description", "")
        what = f"“{missing}”" if name == missing else f"“{missing}”（{name}）"  # the key to write
        msg = f"缺少{what}（不能为空）。{desc}".rstrip()
        return SchemaError(path, field or missing, kw, msg)
    if kw == "additionalProperties":
        allowed = "、".join(_sub_schema(schema, iter(path)).get("properties", {}))
        instance: Any = err.instance  # jsonschema's stubs type it Any | Unset
        extra = sorted(set(instance) - set(_sub_schema(schema, iter(path)).get("properties", {})))
        msg = f"不认识的字段“{'、'.join(extra)}”。可用的字段：{allowed}"
        return SchemaError(
            path + (extra[0],) if extra else path, field or (extra[0] if extra else ""), kw, msg
        )
    if kw == "enum":
        value: Any = err.validator_value
        options = "、".join(map(str, value))
        msg = f"“{title}”的值“{err.instance}”不在允许范围内，应为以下之一：{options}"
    elif kw == "type":
        value = err.validator_value
        want = value if isinstance(value, str) else value[0]
        msg = f"“{title}”应为{_TYPE_NAMES.get(want, want)}"
    elif kw == "minLength":
        msg = f"“{title}”不能为空"
    elif kw == "maxLength":
        msg = f"“{title}”太长：不超过 {err.validator_value} 个字"
    elif kw == "pattern":
        msg = f"“{title}”的写法不对：“{err.instance}”。{_sub_schema(schema, iter(path)).get('description', '')}"
    elif kw in ("minItems",):
        msg = f"“{title}”至少要有 {err.validator_value} 项"
    elif kw == "uniqueItems":
        msg = f"“{title}”里有重复的项"
    elif kw in ("minimum", "maximum"):
        msg = f"“{title}”的数值超出范围"
    elif (
        kw == "not"
        and isinstance(err.validator_value, dict)
        and err.validator_value.get("required")
    ):
        banned = "、".join(f"“{k}”" for k in err.validator_value["required"])
        msg = f"这类记录不应有{banned}。{err.validator_value.get('description', '')}"
    else:
        msg = f"“{title}”不符合要求（{kw}）"
    return SchemaError(path, field, kw, msg.rstrip("。 ") + "")
