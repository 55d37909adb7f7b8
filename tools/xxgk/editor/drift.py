"""Does the editor's configuration say what the schema and the registry say?

Run by ``xxgk editor config --check`` and by tests/editor/test_config.py on the configuration
as generated *and* on one read back from a file (a configuration kept in a forge's repository
can go stale). Every schema property is a field or listed in NOT_TYPED; every field is a
property; labels, hints, required, choices and date formats agree; the choices of 发布机构 and
科室 are the registry's.
"""

from __future__ import annotations

from typing import Any

from xxgk.editor.fields import DEPARTMENT_WIDGET, NOT_TYPED
from xxgk.model.registry import Registry


def disagreements(schema: dict[str, Any], config: dict[str, Any], registry: Registry) -> list[str]:
    collection = next(
        (c for c in config.get("collections", []) if c.get("name") == "catalog"), None
    )
    if collection is None:
        return ["配置里没有目录条目（catalog）集合"]
    fields = [f for f in collection.get("fields", []) if f.get("name") != "body"]
    found = _compare(schema, fields, "")
    by_name = {f.get("name"): f for f in fields}
    units = [u.name for u in registry.units]
    if by_name.get("发布机构", {}).get("options") != units:
        found.append("发布机构的选项与 xxgk.yml 登记的单位不一致")
    sections = {u.name: list(u.sections) for u in registry.units}
    dept = by_name.get("责任部门", {})
    if dept.get("widget") != DEPARTMENT_WIDGET or dept.get("units") != sections:
        found.append("责任部门的选项与 xxgk.yml 登记的各单位科室不一致")
    return found


def _compare(schema: dict[str, Any], fields: list[dict[str, Any]], where: str) -> list[str]:
    props: dict[str, Any] = schema.get("properties", {})
    required = set(schema.get("required", []))
    names = [f.get("name") for f in fields]
    found = [
        f"结构定义有字段“{where}{n}”，表单里没有（也没有写明为什么不由工作人员填写）"
        for n in props
        if n not in names and (where or n not in NOT_TYPED)
    ]
    found += [
        f"表单字段“{where}{n}”不在结构定义里（检查会报 CAT-UNKNOWN-FIELD）"
        for n in names
        if n not in props
    ]
    for f in fields:
        prop = props.get(f.get("name", ""))
        if prop is not None:
            found += _field(f, prop, f["name"] in required, where)
    order = [n for n in props if n in names]
    if [n for n in names if n in props] != order:
        found.append(f"{where or '条目'}的表单字段顺序与结构定义（也就是 xxgk new 写出的顺序）不同")
    return found


def _field(f: dict[str, Any], prop: dict[str, Any], required: bool, where: str) -> list[str]:
    name = where + f["name"]
    found = []
    if f.get("label") != prop.get("title", f["name"]):
        found.append(f"“{name}”的标签不是结构定义的 title")
    if f.get("hint", "") != prop.get("description", ""):
        found.append(f"“{name}”的提示不是结构定义的 description")
    if bool(f.get("required", True)) != required:
        found.append(f"“{name}”是否必填与结构定义不一致")
    if "enum" in prop and f.get("options") != prop["enum"]:
        found.append(f"“{name}”的选项与结构定义的 enum 不一致")
    if prop.get("format") == "date" and (
        f.get("widget") != "datetime" or f.get("format") != "YYYY-MM-DD"
    ):
        found.append(f"“{name}”不是写出 yyyy-mm-dd 的日期控件")
    items = prop.get("items", {})
    if items.get("type") == "object":
        found += _compare(items, f.get("fields", []), name + ".")
    return found
