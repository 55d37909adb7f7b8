"""Checking a submitted form against its JSON Schema, with messages for the public.

The same schema file the page's script checks against in the browser (the form carries it);
the messages follow the same wording as ``apply.js``: 请填写…, …的格式不对：…, and so on.
Only the keywords our submission schemas use are translated; anything else still refuses.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import fastjsonschema
import jsonschema

FORM_FIELDS_MAX = 100  # fields a post may have at all


@dataclass(frozen=True)
class FieldError:
    field: str  # the form field ("" for the form as a whole)
    message: str

    def as_json(self) -> dict[str, str]:
        return {"栏目": self.field, "说明": self.message}


def clean(raw: dict[str, Any]) -> tuple[dict[str, str], list[FieldError]]:
    """Text values trimmed, empty ones dropped; a value that is no text is an error."""
    data: dict[str, str] = {}
    errors: list[FieldError] = []
    for key, value in list(raw.items())[:FORM_FIELDS_MAX]:
        if not isinstance(value, str):
            errors.append(FieldError(str(key), f"栏目“{key}”应填写文字"))
        elif value.strip():
            data[str(key)] = value.strip().replace("\r\n", "\n")
    return data, errors


class FormSchema:
    def __init__(self, schema: dict[str, Any]) -> None:
        self.schema = schema
        self.properties: dict[str, Any] = schema.get("properties", {})
        self._validator = jsonschema.Draft202012Validator(schema)
        self._fast = fastjsonschema.compile(
            schema, use_formats=False
        )  # the valid case, ten times faster

    def title(self, field: str) -> str:
        return str(self.properties.get(field, {}).get("title") or field)

    def errors(self, data: dict[str, str]) -> list[FieldError]:
        try:
            self._fast(data)
            return []
        except fastjsonschema.JsonSchemaException:
            pass
        found: dict[str, FieldError] = {}
        for err in self._validator.iter_errors(data):
            for item in self._translate(err):
                found.setdefault(item.field, item)  # one message a field: the first
        return list(found.values())

    def _translate(self, err: jsonschema.ValidationError) -> list[FieldError]:
        kw = str(err.validator)
        sub: dict[str, Any] = err.schema if isinstance(err.schema, dict) else {}
        present: Any = err.instance  # jsonschema's stubs say Any | Unset
        wanted: Any = err.validator_value
        if kw == "required":
            return [self.missing(name) for name in wanted if name not in present]
        if kw == "additionalProperties":
            extra = sorted(set(present) - set(self.properties))
            return [FieldError("", f"表单中有无法识别的栏目：{'、'.join(extra)}")]
        field = str(err.absolute_path[0]) if err.absolute_path else ""
        title = str(sub.get("title") or self.title(field))
        if kw == "enum":
            return [FieldError(field, f"请从列出的选项中选择{title}")]
        if kw == "pattern":
            return [
                FieldError(field, f"{title}的格式不对：{sub.get('description', '')}".rstrip("："))
            ]
        if kw == "maxLength":
            return [FieldError(field, f"{title}不能超过 {err.validator_value} 个字")]
        if kw == "minLength":
            return [self.missing(field)]
        if kw == "type":
            return [FieldError(field, f"{title}应填写文字")]
        return [FieldError(field, f"{title}不符合要求")]

    def missing(self, field: str) -> FieldError:
        verb = "选择" if "enum" in self.properties.get(field, {}) else "填写"
        return FieldError(field, f"请{verb}{self.title(field)}")
