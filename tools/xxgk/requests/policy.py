"""The deadlines a request is handled under: 政策.依申请公开 of the registry, typed once.

Each record names the 政策版本 that applied when it arrived; an older version stays
available under 历史版本 so that old requests keep their own deadlines after a policy change.
The values and their defaults come from ``Registry.settings`` (``xxgk.model.policy``);
nothing here knows a default.
"""

from __future__ import annotations

from xxgk.model.policy import RequestTerms as Policy
from xxgk.model.registry import Registry

__all__ = ["Policy", "current_version", "policies"]


def policies(registry: Registry) -> dict[str, Policy]:
    """Every known version: the current one and those kept under 历史版本."""
    return registry.settings.requests.versions()


def current_version(registry: Registry) -> str:
    return registry.settings.requests.current.version
