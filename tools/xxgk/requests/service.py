"""The repository seen by the request commands: registry, calendar, policies and records."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

from pyrage import x25519

from xxgk.io.registry import ConfigError, load_registry
from xxgk.model.dates import today
from xxgk.model.problem import Problem, Severity
from xxgk.model.registry import Registry
from xxgk.model.workdays import WorkCalendar
from xxgk.requests.calendar_files import load_calendar
from xxgk.requests.check import record_problems
from xxgk.requests.policy import Policy, policies
from xxgk.requests.sealed import SealError, has_sealed, recipients_of, registry_keys, unseal_person
from xxgk.requests.store import Record, RecordError, find_record, read_record, record_paths
from xxgk.requests.views import Item, build
from xxgk.trust.anchor import load_trust


@dataclass
class Workspace:
    root: Path
    registry: Registry
    calendar: WorkCalendar
    policies: dict[str, Policy]
    today: dt.date

    @classmethod
    def open(cls, root: Path) -> Workspace:
        registry = load_registry(root)
        calendar, problems = load_calendar(root)
        if problems:
            raise ConfigError("节假日数据文件有错误，请先改正", problems)
        return cls(root, registry, calendar, policies(registry), today())

    def recipients(self) -> list[x25519.Recipient]:
        """The office's public keys (公开工作机构.收件公钥): personal fields are sealed to them.

        With a trust anchor they count only while the leading group's signature over them
        verifies (else an insider's own key added to xxgk.yml would read every new applicant's
        personal data); in a preview (no anchor) the repository's keys are used."""
        trust = load_trust(self.root, self.registry)
        if not trust.usable:
            raise RecordError(f"不加密、不写入申请人的个人信息：{trust.message}")
        try:
            return recipients_of(registry_keys(self.registry.office))
        except SealError as exc:
            raise RecordError(str(exc)) from exc

    def policy(self, version: str) -> Policy:
        found = self.policies.get(version)
        if found is None:
            raise RecordError(f"政策版本“{version}”不在机构登记中")
        return found

    def record(self, number: str) -> Record:
        return read_record(self.root, find_record(self.root, number))

    def problems(self, record: Record) -> list[Problem]:
        return record_problems(record, self.registry, self.calendar, self.today)

    def item(self, record: Record, identities: list[x25519.Identity] | None = None) -> Item:
        """The request and its state; with ``identities`` its personal fields in plain text."""
        if record.request is None:
            raise RecordError(f"{record.rel} 无法读取，请先运行 xxgk check {record.rel}")
        req = record.request
        if identities is not None and has_sealed(req.data.get("申请人") or {}):
            try:
                person = unseal_person(req.data["申请人"], identities)
            except SealError as exc:
                raise RecordError(f"{record.rel}：{exc}") from exc
            req = replace(req, data={**req.data, "申请人": person})
        return build(record.rel, req, self.calendar, self.policy(req.policy_version), self.today)

    def items(self) -> tuple[list[Item], list[Problem]]:
        """Every readable record; the others come back as their problems."""
        found: list[Item] = []
        broken: list[Problem] = []
        for path in record_paths(self.root):
            record = read_record(self.root, path)
            errors = [p for p in self.problems(record) if p.severity is Severity.ERROR]
            if errors or record.request is None:
                broken.extend(errors)
                continue
            found.append(self.item(record))
        return found, broken
