"""The service's own HTML answers (for a browser without script): receipt, confirm, problem.

Every address in them is relative and one level up (``../``): the service answers at
``api/requests``, ``apply/`` and ``evaluation/`` beside the site, so ``../`` is the site's
root wherever the site is mounted. Templates are in ``templates/`` (Jinja, autoescaped).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2

from xxgk.intake.envelope import REQUEST
from xxgk.intake.fields import FieldError, FormSchema
from xxgk.model.registry import Registry
from xxgk.voice.policy import voice_policy
from xxgk.voice.questionnaire import label

BASE = "../"
ACTION = {REQUEST: "api/requests", "评议": "api/evaluations"}
BACK = {REQUEST: "apply/", "评议": "evaluation/"}
NOUN = {REQUEST: "政府信息公开申请", "评议": "评议"}


class Pages:
    def __init__(self, registry: Registry, schema: FormSchema) -> None:
        self.registry = registry
        self.schema = schema
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
        )

    def _render(self, name: str, **ctx: Any) -> str:
        site = str(self.registry.site.get("名称") or self.registry.name)
        return self.env.get_template(name).render(
            base=BASE, site_name=site, office=self.registry.office, **ctx
        )

    def receipt(self, kind: str, receipt: dict[str, Any]) -> str:
        rows = [(k, v) for k, v in receipt.items() if k not in ("说明", "种类")]
        heading = f"已收到您的{NOUN[kind]}"
        return self._render(
            "receipt.html",
            title=heading,
            heading=heading,
            rows=rows,
            lead="请记下或打印受理编号，凭它查询办理情况。",
            notes=receipt.get("说明", []),
            back=BACK[kind],
        )

    def confirm(
        self, kind: str, data: dict[str, str], hidden: dict[str, str], messages: list[str]
    ) -> str:
        heading = f"请核对您的{NOUN[kind]}"
        pairs = [*data.items(), *hidden.items()]
        return self._render(
            "confirm.html",
            title=heading,
            heading=heading,
            rows=self.rows(kind, data),
            lead="以下是您填写的内容。核对无误后，请点“确认提交”。",
            hidden=pairs,
            messages=messages,
            action=BASE + ACTION[kind],
        )

    def problem(self, kind: str, errors: list[FieldError], advice: str = "") -> str:
        heading = f"{NOUN[kind]}没有提交成功"
        messages = [self.message(kind, e) for e in errors] or ["请稍后再试。"]
        return self._render(
            "problem.html",
            title=heading,
            heading=heading,
            messages=messages,
            advice=advice or "请按提示修改后再提交。",
            back=BACK[kind],
        )

    def message(self, kind: str, error: FieldError) -> str:
        labels = self.labels(kind)
        if not error.field or error.field not in labels or labels[error.field] in error.message:
            return error.message
        return f"{labels[error.field]}：{error.message}"

    def labels(self, kind: str) -> dict[str, str]:
        if kind == REQUEST:
            return {name: self.schema.title(name) for name in self.schema.properties}
        policy = voice_policy(self.registry)
        return {
            "unit": "被评议单位",
            "comments": "意见和建议",
            **{q.code: label(i, q.text) for i, q in enumerate(policy.questions)},
        }

    def rows(self, kind: str, data: dict[str, str]) -> list[tuple[str, str]]:
        labels = self.labels(kind)
        return [(labels[name], data[name]) for name in labels if data.get(name)]
