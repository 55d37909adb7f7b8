"""The whole CMS configuration: backend, editorial workflow, the catalog collection.

One collection: catalog entries under content/catalog/<年>/, one branch and one pull request
per entry (``publish_mode: editorial_workflow``). Staff never delete entries here: 撤回 goes
through ``xxgk review withdraw`` (附件1 二(三)).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from xxgk.editor.fields import fields
from xxgk.io.catalog import CATALOG_DIR
from xxgk.model.registry import Registry

COLLECTION = "catalog"
BACKENDS = ("local", "forgejo", "github", "gitlab")
# A file name of ASCII only, unique to the second; the PR job gives the 索引号 inside.
SLUG = "new-{{year}}{{month}}{{day}}-{{hour}}{{minute}}{{second}}"


@dataclass(frozen=True)
class Backend:
    """Where the CMS reads and writes (docs/editor.md explains each)."""

    name: str = "local"  # local | forgejo | github | gitlab
    repo: str = ""  # owner/name on the forge
    branch: str = "main"
    base_url: str = ""  # the OAuth endpoint's host (Forgejo/Gitea, GitLab self-hosted)
    api_root: str = ""  # the forge's API, e.g. https://git.example.gov.cn/api/v1
    app_id: str = ""  # the OAuth application's client id (Forgejo/Gitea, GitLab PKCE)
    proxy_url: str = "http://127.0.0.1:8081/api/v1"  # local: decap-server

    def as_config(self) -> dict[str, Any]:
        if self.name == "local":
            return {"name": "proxy", "proxy_url": self.proxy_url, "branch": self.branch}
        out: dict[str, Any] = {
            "name": self.name,
            "repo": self.repo,
            "branch": self.branch,
            "squash_merges": True,
            "cms_label_prefix": "xxgk/",
        }
        if self.name == "gitlab":
            out["auth_type"] = "pkce"
        for key in ("base_url", "api_root", "app_id"):
            if getattr(self, key):
                out[key] = getattr(self, key)
        return out


def build_config(schema: dict[str, Any], registry: Registry, backend: Backend) -> dict[str, Any]:
    folder = CATALOG_DIR.as_posix()
    body = {
        "name": "body",
        "label": "正文",
        "widget": "markdown",
        "required": False,
        "hint": "不要在正文开头重复信息名称（附件1 二(一)6）；附件在上面“附件”中上传。",
    }
    return {
        "backend": backend.as_config(),
        "locale": "zh_Hans",
        "publish_mode": "editorial_workflow",
        "site_url": "",
        "show_preview_links": False,
        "media_folder": f"{folder}/attachments",
        "public_folder": "attachments",
        "slug": {"encoding": "unicode", "clean_accents": False, "sanitize_replacement": "-"},
        "collections": [
            {
                "name": COLLECTION,
                "label": "政府信息公开目录",
                "label_singular": "目录条目",
                "description": (
                    f"{registry.name}的政府信息公开目录。保存后由合并请求上的作业规范元数据、"
                    "分配索引号；保密审查签署后才会公开。"
                ),
                "folder": folder,
                "path": "{{year}}/{{slug}}",
                "slug": SLUG,
                "extension": "md",
                "format": "frontmatter",
                "create": True,
                "delete": False,
                "identifier_field": "信息名称",
                "summary": "{{信息名称}}（{{产生时间}}）",
                "sortable_fields": ["产生时间", "信息名称"],
                # uploads land in the year's attachments/ beside the entry; the PR job moves them
                # into the entry's own folder (xxgk.editor.own_folder)
                "media_folder": "attachments",
                "public_folder": "attachments",
                "editor": {"preview": False},
                "fields": [*fields(schema, registry), body],
            }
        ],
    }


def dump(config: dict[str, Any]) -> str:
    """``config.yml``: JSON is YAML, and needs no second YAML writer in the project."""
    head = "# 由 xxgk editor config 从 schemas/catalog-entry.schema.json 和 xxgk.yml 生成，不要手工修改。\n"
    return head + json.dumps(config, ensure_ascii=False, indent=2) + "\n"
