"""CAT-REQUIRED, CAT-UNKNOWN-FIELD, CAT-VALUE — 元数据符合 schemas/catalog-entry.schema.json。

必填项不能缺少或为空；不能有模板以外的字段（多半是错别字）；公开形式、公开时限、
审核程序、分类、文种只能取规定的值；每项的类型（文字、列表）正确。

    公开形式: 主动公开     # 通过
    公开形式: 主动         # 错误 CAT-VALUE：应为 主动公开、依申请公开
    公开型式: 主动公开     # 错误 CAT-UNKNOWN-FIELD
"""

from __future__ import annotations

from pathlib import Path

from xxgk.io.frontmatter import Document
from xxgk.io.schema import Schema, drop_empty, schema_for
from xxgk.model.problem import Problem, Severity
from xxgk.rules.base import Rule

REQUIRED = Rule("CAT-REQUIRED", "附件1 二(二)", "九个数据项及分类、关键词不能缺少或为空")
UNKNOWN = Rule("CAT-UNKNOWN-FIELD", "", "不能有模板以外的字段（多半是字段名写错）")
VALUE = Rule("CAT-VALUE", "附件1 二(二)", "取值在规定范围内、类型正确")
RULES = (REQUIRED, UNKNOWN, VALUE)
SCHEMA_FILE = "catalog-entry.schema.json"


def entry_schema(root: Path) -> Schema:
    return schema_for(root, SCHEMA_FILE)


def check(doc: Document, schema: Schema) -> tuple[list[Problem], frozenset[str]]:
    """Schema problems, and the fields concerned (the rules that follow skip them)."""
    found = []
    invalid: set[str] = set()
    for err in schema.errors(drop_empty(doc.meta)):
        # minLength only guards against "" : an emptied required field, not a wrong value
        rule = {"required": REQUIRED, "minLength": REQUIRED, "additionalProperties": UNKNOWN}.get(
            err.keyword, VALUE
        )
        # a field written but left empty is reported where it is; one left out, at line 1
        where = err.path or ((err.field,) if err.field in doc.meta else ())
        line, col = doc.loaded.pos(*where) if where else (1, 1)
        invalid.add(err.field)
        found.append(Problem(doc.rel, line, col, rule.id, Severity.ERROR, err.message))
    return found, frozenset(invalid)
