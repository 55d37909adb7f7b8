"""What the trust anchor signs beyond the signers file and the roster: the registry values
whose change would expose people or weaken the secrecy review.

* 公开工作机构.收件公钥: applicants' personal data are sealed to these age keys; an insider who
  adds their own key reads every future application.
* 政策: 每年培训最少学时 (附件5 第七条, who may review), 保密审查复查周期月数 (附件4 第十五条),
  and the request terms (答复期限 and the others of 附件2): lowering or stretching them
  silently harms reviewers' duty or applicants' rights; every 历史版本 too (a record may name
  one), and the holiday files calendar/*.yml by the SHA-256 of their bytes (declared holidays
  stretch every deadline).
* 公开工作机构.名称 and the unit it names (``trust.office``): that unit's people make the
  协调决定 and review the site's own pages.

Each is taken from the typed ``registry.settings`` (defaults of the schema filled in), so a
value left out of xxgk.yml is signed as the value in force.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from xxgk.io.records import read_raw
from xxgk.io.safefs import list_files
from xxgk.model.policy import RequestTerms
from xxgk.model.registry import Registry
from xxgk.model.workdays import CALENDAR_DIR
from xxgk.trust.office import office_name, office_unit

RECIPIENTS = "收件公钥"


def recipients(registry: Registry) -> list[str]:
    """公开工作机构.收件公钥 as written (one key or a list), stripped."""
    value = registry.office.get(RECIPIENTS) or []
    keys = [value] if isinstance(value, str) else list(value) if isinstance(value, list) else []
    return [str(k).strip() for k in keys]


def policy_values(registry: Registry) -> dict[str, Any]:
    """The protective policy values in force (names as in xxgk.yml)."""
    s = registry.settings
    return {
        "每年培训最少学时": str(s.training_hours),
        "保密审查复查周期月数": s.rereview_months,
        "依申请公开": _terms(s.requests.current),
        "历史版本": [{"版本": old.version, **_terms(old)} for old in s.requests.history],
    }


def _terms(terms: RequestTerms) -> dict[str, Any]:
    return {
        "答复期限": terms.reply_days,
        "延期上限": terms.extension_max,
        "提供期限": terms.provide_days,
        "补正告知期限": terms.amend_notice_days,
        "征求意见期限": terms.consult_days,
        "收取信息处理费": terms.fee_enabled,
    }


def office_identity(registry: Registry) -> dict[str, str]:
    """公开工作机构.名称 and the unit it names ("" when none: the trust is refused anyway)."""
    return {"名称": office_name(registry), "单位": office_unit(registry)}


def calendar_digests(root: Path) -> dict[str, str]:
    """Every file under calendar/ ending .yml by the SHA-256 of its bytes; one that cannot be
    read safely (a symlink, a pipe, too large) is listed as such, so it too breaks the anchor."""
    paths, hazards = list_files(root, CALENDAR_DIR, (".yml",))
    found = {p.path: "不可读" for p in hazards}
    for path in paths:
        raw, _ = read_raw(root, path, "TRUST-ANCHOR")
        rel = path.relative_to(root).as_posix()
        found[rel] = "不可读" if raw is None else hashlib.sha256(raw).hexdigest()
    return found


def canonical(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def protected_bytes(root: Path, registry: Registry) -> dict[str, bytes]:
    """What the anchor signs besides the signers file and roster, by name, canonical bytes."""
    return {
        "recipients": canonical(sorted(recipients(registry))),
        "policy": canonical(policy_values(registry)),
        "office": canonical(office_identity(registry)),
        "calendar": canonical(calendar_digests(root)),
    }
