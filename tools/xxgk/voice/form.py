"""The forge's issue form for 社会评议 (``.github/ISSUE_TEMPLATE/evaluation.yml``), for staff.

The public questionnaire no longer links it (the repository is internal, and the public
submits online through ``xxgk.intake``); staff may still record an answer through it.
Generated from the registry so that its field ids are the questionnaire's form fields
(``unit``, each question code and ``comments``), which a link can prefill.
Answers are text inputs rather than dropdowns because forges document prefilling for
text fields; the description lists the allowed answers. ``xxgk evaluation form --write``
regenerates the file; a test keeps the committed file equal to this output.
"""

from __future__ import annotations

from typing import Any

import yaml

from xxgk.model.registry import Registry
from xxgk.voice.policy import VoicePolicy, unit_names
from xxgk.voice.questionnaire import MAX_COMMENT, SUBJECT, label

PATH = ".github/ISSUE_TEMPLATE/evaluation.yml"
HEADER = (
    "# 由 xxgk evaluation form --write 按 xxgk.yml 生成：请改 xxgk.yml 后重新生成，不要手改。\n"
)


def issue_form(registry: Registry, policy: VoicePolicy) -> str:
    body: list[dict[str, Any]] = [
        {
            "type": "markdown",
            "attributes": {
                "value": (
                    f"欢迎对{registry.name}各镇、各部门的政府信息公开工作进行评议。"
                    "**议题公开可见，请勿填写姓名、电话、身份证号等个人信息。**"
                )
            },
        },
        {
            "type": "input",
            "id": "unit",
            "attributes": {
                "label": "被评议单位",
                "description": "可填：" + "、".join(unit_names(registry)),
            },
            "validations": {"required": True},
        },
    ]
    choices = "可填：" + "、".join(policy.options)
    for i, q in enumerate(policy.questions):
        body.append(
            {
                "type": "input",
                "id": q.code,
                "attributes": {"label": label(i, q.text), "description": choices},
                "validations": {"required": False},
            }
        )
    body.append(
        {
            "type": "textarea",
            "id": "comments",
            "attributes": {
                "label": "意见和建议",
                "description": f"对政府信息公开工作的批评、建议（不超过 {MAX_COMMENT} 字）。",
            },
            "validations": {"required": False},
        }
    )
    form = {
        "name": SUBJECT,
        "description": f"对{registry.name}政府信息公开工作的评议和意见建议",
        "title": f"{SUBJECT}：",
        "labels": ["社会评议"],
        "body": body,
    }
    return HEADER + str(yaml.safe_dump(form, allow_unicode=True, sort_keys=False, width=1000))
