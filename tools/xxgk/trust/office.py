"""The unit that runs the site and houses the 政务公开领导小组办公室: the registered unit whose
name begins the name of the registry's 公开工作机构 (the longest such, e.g. 鄂托克前旗人民政府
办公室 for its 政务公开办公室). It reviews the site's own pages and makes the 协调决定 of
附件6 第七条. The anchor signs the name and the unit (``trust.protected``); a name that begins
with no registered unit's name gives no unit (""), and the trust is refused (``anchor``)."""

from __future__ import annotations

from xxgk.model.registry import Registry


def office_name(registry: Registry) -> str:
    return str(registry.office.get("名称") or "").strip()


def office_unit(registry: Registry) -> str:
    """The unit, or "" when the 名称 begins with no registered unit's name (never a guess)."""
    office = office_name(registry)
    found = [u.name for u in registry.units if u.name and office.startswith(u.name)]
    return max(found, key=len) if found else ""


def office_problem(registry: Registry) -> str:
    """Why the office's unit cannot be known ("" when it can), in Chinese."""
    if office_unit(registry):
        return ""
    return (
        f"xxgk.yml 公开工作机构.名称“{office_name(registry)}”不以任何登记单位的名称开头，"
        "无法确定政务公开领导小组办公室所在单位（它审查网站页面、作出协调决定）"
    )
