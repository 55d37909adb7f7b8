"""The 在线申请 page written from the registry and application.schema.json."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

from intake_kit import small_repo

from xxgk.intake.form import form_html, page_markdown
from xxgk.io.registry import load_registry
from xxgk.model import sanitize
from xxgk.site.guide import guide_markdown


def test_every_field_has_a_label_a_message_slot_and_the_schema_rides_along(tmp_path: Path) -> None:
    root = small_repo(tmp_path / "repo")
    html = form_html(root, load_registry(root))
    schema = json.loads(unescape(re.search(r'data-schema="([^"]*)"', html)[1]))  # type: ignore[index]
    assert schema == json.loads((root / "schemas/application.schema.json").read_text("utf-8"))
    for name in (
        "name",
        "id_number",
        "phone",
        "email",
        "address",
        "org",
        "credit_code",
        "contact",
        "info",
    ):
        assert f'<label for="xxgk-apply-{name}">' in html, name
        assert re.search(
            rf'id="xxgk-apply-{name}"[^>]*aria-describedby="[^"]*xxgk-apply-{name}-error"', html
        ), name
        assert f'id="xxgk-apply-{name}-error" hidden' in html
    assert 'type="tel" id="xxgk-apply-phone"' in html and 'autocomplete="tel"' in html
    assert '<option value="鄂托克前旗人民政府" selected>' in html  # the government by default
    assert 'name="purpose"' not in html  # the registry does not ask for 用途
    assert "action=" not in html and "\n\n" not in html  # posts to its own address; one raw block
    assert 'class="xxgk-hp" aria-hidden="true"' in html and 'tabindex="-1"' in html
    assert "xxgk.yml" not in html  # nothing meant for staff


def test_the_purpose_field_appears_where_the_registry_asks_for_it(tmp_path: Path) -> None:
    root = small_repo(tmp_path / "repo")
    text = (
        (root / "xxgk.yml")
        .read_text("utf-8")
        .replace("在线申请填写用途: false", "在线申请填写用途: true")
    )
    (root / "xxgk.yml").write_text(text, "utf-8")
    html = form_html(root, load_registry(root))
    assert '<label for="xxgk-apply-purpose">用途</label>' in html


def test_the_page_is_safe_for_a_generated_page_and_the_guide_links_it(tmp_path: Path) -> None:
    root = small_repo(tmp_path / "repo")
    registry = load_registry(root)
    page = page_markdown(root, registry)
    assert (
        page.startswith("---\ntitle: 在线申请政府信息公开")
        and "18:00" in page
        and "15 个工作日" in page
    )
    found = sanitize.review(form_html(root, registry))
    assert [u.message for u in found if u.severe] == []
    assert "[在线申请](../apply/index.md)" in guide_markdown(registry)
