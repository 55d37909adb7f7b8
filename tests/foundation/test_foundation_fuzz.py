"""Whatever shape staff give the fields, every rule answers with problems, never an exception."""

from __future__ import annotations

import json
from pathlib import Path

from foundation_helpers import REPO
from hypothesis import given, settings
from hypothesis import strategies as st

from xxgk.io.frontmatter import parse
from xxgk.io.registry import load_registry
from xxgk.model.dates import parse_date
from xxgk.model.entry import FIELD_ORDER
from xxgk.rules import check_entry
from xxgk.rules.base import Context

REGISTRY = load_registry(REPO)
TODAY = parse_date("2026-11-27")
_TEXT = st.sampled_from(
    [
        "",
        "2025-03-18",
        "2025-02-30",
        "鄂前交发〔2025〕18号",
        "鄂前交发[25]018号",
        "000014349/2025-00031",
        "000014349-2025",
        "道路运输，安全管理",
        "限时公开",
        "鄂托克前旗交通运输局",
        "旗政府",
        "attachments/x.csv",
        "../../xxgk.yml",
        "/etc/passwd",
        "010",
        "NO",
        "~",
        "政府信息公开工作制度汇编",
    ]
)
_VALUE = st.recursive(
    _TEXT,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(["名称", "文件", "x"]), inner, max_size=2)
    ),
    max_leaves=6,
)


@settings(max_examples=400, deadline=None)
@given(
    st.dictionaries(st.sampled_from([*FIELD_ORDER, "公开型式"]), _VALUE, max_size=14),
    st.sampled_from(["", "# 标题\n", "\n\n正文\n"]),
)
def test_rules_never_raise_on_any_field_shape(meta: dict[str, object], body: str) -> None:
    lines = (
        ["---"]
        + [f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in meta.items()]
        + ["---", body]
    )
    doc = parse("\n".join(lines).encode("utf-8"), "content/catalog/2025/fuzz.md")
    ctx = Context(
        REGISTRY, TODAY, {"000014349/2025-00031": ["content/catalog/2025/other.md"]}, Path(REPO)
    )
    for problem in check_entry(doc, ctx, REPO):
        assert problem.line >= 1 and problem.message and problem.rule
