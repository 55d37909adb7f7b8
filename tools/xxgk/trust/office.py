"""The unit that runs the site and houses the 政务公开领导小组办公室: the registered unit whose
name begins the name of the registry's 公开工作机构 (the longest such, e.g. 鄂托克前旗人民政府
办公室 for its 政务公开办公室). It reviews the site's own pages and makes the 协调决定 of
附件6 第七条."""

from __future__ import annotations

from xxgk.model.registry import Registry


def office_unit(registry: Registry) -> str:
    office = str(registry.office.get("名称") or "")
    found = [u.name for u in registry.units if office.startswith(u.name)]
    if found:
        return max(found, key=len)
    return registry.units[0].name if registry.units else ""
