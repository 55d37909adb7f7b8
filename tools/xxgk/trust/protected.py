"""What the trust anchor signs beyond the signers file and the roster: the registry values
whose change would expose people or weaken the secrecy review.

* 公开工作机构.收件公钥: applicants' personal data are sealed to these age keys; an insider who
  adds their own key reads every future application.
* 政策: 每年培训最少学时 (附件5 第七条, who may review), 保密审查复查周期月数 (附件4 第十五条),
  and the request terms (答复期限 and the others of 附件2): lowering or stretching them
  silently harms reviewers' duty or applicants' rights.

Each is taken from the typed ``registry.settings`` (defaults of the schema filled in), so a
value left out of xxgk.yml is signed as the value in force.
"""

from __future__ import annotations

import json
from typing import Any

from xxgk.model.registry import Registry

RECIPIENTS = "收件公钥"


def recipients(registry: Registry) -> list[str]:
    """公开工作机构.收件公钥 as written (one key or a list), stripped."""
    value = registry.office.get(RECIPIENTS) or []
    keys = [value] if isinstance(value, str) else list(value) if isinstance(value, list) else []
    return [str(k).strip() for k in keys]


def policy_values(registry: Registry) -> dict[str, Any]:
    """The protective policy values in force (names as in xxgk.yml)."""
    s = registry.settings
    terms = s.requests.current
    return {
        "每年培训最少学时": str(s.training_hours),
        "保密审查复查周期月数": s.rereview_months,
        "依申请公开": {
            "答复期限": terms.reply_days,
            "延期上限": terms.extension_max,
            "提供期限": terms.provide_days,
            "补正告知期限": terms.amend_notice_days,
            "征求意见期限": terms.consult_days,
            "收取信息处理费": terms.fee_enabled,
        },
    }


def canonical(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def protected_bytes(registry: Registry) -> tuple[bytes, bytes]:
    """(recipients, policy) as the anchor signs them."""
    return canonical(sorted(recipients(registry))), canonical(policy_values(registry))
