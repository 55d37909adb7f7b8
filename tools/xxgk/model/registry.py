"""The organisation registry as plain values (read from xxgk.yml by ``xxgk.io.registry``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from xxgk.model.indexno import IndexFormat
from xxgk.model.policy import Settings, settings_of


@dataclass(frozen=True)
class Unit:
    """A publishing body (发布机构): a town, a department, the government office."""

    name: str
    code: str
    sections: tuple[str, ...]
    org_code: str


@dataclass(frozen=True)
class Category:
    name: str
    code: str
    description: str


@dataclass(frozen=True)
class Registry:
    name: str
    region: str
    region_code: str
    org_code: str
    index_format: IndexFormat
    units: tuple[Unit, ...]
    categories: tuple[Category, ...]
    settings: Settings  # 政策, typed, with the schema's defaults
    abbreviations: dict[str, str] = field(default_factory=dict)
    office: dict[str, Any] = field(default_factory=dict)
    site: dict[str, Any] = field(default_factory=dict)
    reviewers: tuple[dict[str, Any], ...] = ()
    raw: dict[str, Any] = field(default_factory=dict)

    def unit(self, name: str) -> Unit | None:
        return _index(self.units).get(name)

    def category(self, name: str) -> Category | None:
        for cat in self.categories:
            if cat.name == name:
                return cat
        return None

    def all_sections(self) -> set[str]:
        return {s for u in self.units for s in u.sections}


def _index(units: tuple[Unit, ...]) -> dict[str, Unit]:
    return {u.name: u for u in units}


def from_dict(data: dict[str, Any]) -> Registry:
    """Build from a registry that already passed its schema, with the schema's defaults filled in."""
    org = data["机构代码"]
    units = tuple(
        Unit(u["名称"], u["代码"], tuple(u["科室"]), u.get("机构代码") or org) for u in data["单位"]
    )
    cats = tuple(Category(c["名称"], c["代码"], c["说明"]) for c in data["分类"])
    return Registry(
        name=data["名称"],
        region=data["地区"],
        region_code=data["地区编号"],
        org_code=org,
        index_format=IndexFormat(data["索引号"]["格式"]),
        units=units,
        categories=cats,
        settings=settings_of(data["政策"]),
        abbreviations=dict(data.get("简称") or {}),
        office=dict(data.get("公开工作机构") or {}),
        site=dict(data.get("网站") or {}),
        reviewers=tuple(data.get("审查人员") or ()),
        raw=data,
    )
