"""The form's fields, one per property of schemas/catalog-entry.schema.json.

Labels are the schema's ``title``, hints its ``description``; required, choices and lengths
come from the schema, the choices of 发布机构 and the units' 科室 from the registry. A property
staff do not type is listed in NOT_TYPED with the reason; any other property this module
cannot turn into a field is a configuration error, so the form cannot drift from the checker.
"""

from __future__ import annotations

from typing import Any

from xxgk.editor import patterns
from xxgk.io.errors import ConfigError
from xxgk.model.registry import Registry

NOT_TYPED = {
    "索引号": "由合并请求上的作业用 xxgk renumber 分配（附件1 二(一)3：唯一、不得改动），工作人员不填",
    "导入来源": "只由 xxgk import 填写（据此跳过已导入的文件），网页编辑器新建的条目没有导入来源",
}
DEPARTMENT_WIDGET = (
    "xxgk_department"  # a select of the chosen 发布机构's 科室 (static/department.js)
)
_UNIT_LISTS = ("涉及部门", "联合发文机关")  # lists of registered units
_DEFAULT_CHOICE = ("公开形式", "公开时限", "审核程序")  # first choice preselected, as xxgk new does
_DATE_WIDGET = {
    "widget": "datetime",
    "format": "YYYY-MM-DD",
    "date_format": "YYYY-MM-DD",
    "time_format": False,
    "picker_utc": True,
}


def fields(schema: dict[str, Any], registry: Registry) -> list[dict[str, Any]]:
    """The CMS fields, in the schema's property order (the order the CMS writes them)."""
    required = set(schema.get("required", []))
    out = []
    for name, prop in schema["properties"].items():
        if name in NOT_TYPED:
            continue
        out.append(field(name, prop, name in required, registry))
    return out


def field(name: str, prop: dict[str, Any], required: bool, registry: Registry) -> dict[str, Any]:
    base: dict[str, Any] = {"name": name, "label": prop.get("title", name), "required": required}
    if prop.get("description"):
        base["hint"] = prop["description"]
    kind = prop.get("type")
    if kind == "string":
        return {**base, **_string(name, prop, registry)}
    if kind == "array" and prop.get("items", {}).get("type") == "string" and name in _UNIT_LISTS:
        return {
            **base,
            "widget": "select",
            "multiple": True,
            "options": [u.name for u in registry.units],
        }
    if kind == "array" and prop.get("items", {}).get("type") == "object":
        items = prop["items"]
        inner = [
            field(k, v, k in set(items.get("required", [])), registry)
            for k, v in items["properties"].items()
        ]
        return {
            **base,
            "widget": "list",
            "fields": inner,
            "collapsed": False,
            "summary": "{{fields." + next(iter(items["properties"])) + "}}",
        }
    raise ConfigError(
        f"网页编辑器：结构定义的字段“{name}”（类型 {kind}）没有对应的表单控件；"
        "请在 tools/xxgk/editor/fields.py 中加上，或在 NOT_TYPED 中写明理由"
    )


def _string(name: str, prop: dict[str, Any], registry: Registry) -> dict[str, Any]:
    if "enum" in prop:
        out: dict[str, Any] = {"widget": "select", "options": list(prop["enum"])}
        if name in _DEFAULT_CHOICE:
            out["default"] = prop["enum"][0]
        return out
    if prop.get("format") == "date":
        return {**_DATE_WIDGET, "pattern": list(patterns.DATE)}
    if name == "发布机构":
        return {"widget": "select", "options": [u.name for u in registry.units]}
    if name == "责任部门":
        return {
            "widget": DEPARTMENT_WIDGET,
            "units": {u.name: list(u.sections) for u in registry.units},
        }
    if name == "关键词":
        return {"widget": "string", "pattern": list(patterns.KEYWORDS)}
    if name == "文件编号":
        return {"widget": "string", "pattern": list(patterns.DOCNO)}
    if name == "内容描述":
        return {"widget": "text"}
    if name == "文件":  # an attachment: uploaded into the entry's folder
        return {"widget": "file", "choose_url": False}
    if "maxLength" in prop:
        return {"widget": "string", "pattern": list(patterns.length(prop["maxLength"]))}
    return {"widget": "string"}
