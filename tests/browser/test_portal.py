"""在线申请 and 在线评议 in Chromium: the built site served by ``xxgk intake serve --site``, a
person filling the forms on a phone-sized screen, the receipt, and the office taking the
submissions in (``xxgk request inbox``) to records that show the receipt's deadline."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "intake"))
from intake_kit import KEY, Server, copy_repository, entries, start, stop, xxgk

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}
WATCH = """window.__csp = [];
document.addEventListener("securitypolicyviolation", e => window.__csp.push(e.effectiveDirective));"""


@pytest.fixture(scope="module")
def portal(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    root = copy_repository(tmp_path_factory.mktemp("portal") / "repo")
    env = {**os.environ, "XXGK_TODAY": "2026-11-27", "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [str(Path(sys.executable).with_name("mkdocs")), "build", "--strict"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    server = start(root, root.parent / "spool", "--site", str(root / "site"), "--min-seconds", "2")
    try:
        yield server
    finally:
        stop(server)


def root_of(server: Server) -> Path:
    return server.spool.parent / "repo"


def open_page(browser: Any, server: Server, path: str, script: bool = True) -> Any:
    context = browser.new_context(viewport=PHONE, java_script_enabled=script, locale="zh-CN")
    page = context.new_page()
    page.add_init_script(WATCH)
    page.goto(server.base + path)
    return page


def fill_application(page: Any, name: str) -> None:
    page.check("input[name=applicant_type][value=自然人]")
    page.fill("#xxgk-apply-name", name)
    page.select_option("#xxgk-apply-id_type", "居民身份证")
    page.fill("#xxgk-apply-id_number", "99999919900101123X")
    page.fill("#xxgk-apply-phone", "13000000000")
    page.fill("#xxgk-apply-email", "portal@example.cn")
    page.select_option("#xxgk-apply-unit", "鄂托克前旗财政局")
    page.fill("#xxgk-apply-info", "2026年旗本级预算调整方案及说明")
    page.check("input[name=carrier][value=电子文档]")
    page.check("input[name=delivery][value=电子邮件]")


def test_an_application_gets_a_receipt_and_becomes_a_record_with_the_same_deadline(
    browser: Any, portal: Server
) -> None:
    page = open_page(browser, portal, "apply/")
    assert page.title().startswith("在线申请政府信息公开")
    fill_application(page, "浏览器申请人（虚构）")
    page.click("button.xxgk-apply-submit")
    page.wait_for_selector("#xxgk-apply-receipt:not([hidden])", timeout=20000)
    receipt = page.inner_text("#xxgk-apply-receipt")
    number = re.search(r"ZXSQ-2026-\d{5}", receipt)
    assert number and "收到日期\n2026-11-27" in receipt and "答复期限\n2026-12-18" in receipt
    assert page.evaluate("document.activeElement.id") == "xxgk-apply-receipt-title"
    assert not page.is_visible("#xxgk-apply") and page.evaluate("window.__csp") == []
    page.emulate_media(media="print")  # the receipt prints; the button and the site's frame do not
    assert page.is_visible("#xxgk-apply-receipt") and not page.is_visible("button.xxgk-print")
    assert not page.is_visible(".md-header")
    root = root_of(portal)
    taken = xxgk(root, "request", "inbox", "--identity", str(KEY), "--spool", str(portal.spool))
    assert taken.returncode == 0 and number[0] in taken.stdout, taken.stderr
    shown = xxgk(root, "request", "show", number[0], "--identity", str(KEY))
    assert "答复期限：2026-12-18" in shown.stdout and "姓名 浏览器申请人（虚构）" in shown.stdout
    assert "渠道：网络" in shown.stdout and f"受理编号：{number[0]}" in shown.stdout


def test_mistakes_are_named_at_their_fields_and_in_a_summary(browser: Any, portal: Server) -> None:
    page = open_page(browser, portal, "apply/")
    page.click("button.xxgk-apply-submit")
    page.wait_for_selector("#xxgk-apply-summary:not([hidden])")
    assert page.evaluate("document.activeElement.id") == "xxgk-apply-summary"
    assert "请填写姓名" in page.inner_text("#xxgk-apply-summary")
    phone = page.locator("#xxgk-apply-phone")
    assert phone.get_attribute("aria-invalid") == "true"
    described = phone.get_attribute("aria-describedby").split()
    assert "xxgk-apply-phone-error" in described
    assert page.inner_text("#xxgk-apply-phone-error").endswith("请填写联系电话")
    page.click("#xxgk-apply-summary a:has-text('请填写联系电话')")
    assert page.evaluate("document.activeElement.id") == "xxgk-apply-phone"
    page.check(
        "input[name=applicant_type][value=法人或者其他组织]"
    )  # the organisation's fields appear
    assert page.is_visible("#xxgk-apply-org") and not page.is_visible("#xxgk-apply-name")
    page.keyboard.press("Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"  # a visible focus
    assert page.evaluate("window.__csp") == []


def test_the_honeypot_is_out_of_sight_and_out_of_the_accessibility_tree(
    browser: Any, portal: Server
) -> None:
    page = open_page(browser, portal, "apply/")
    box = page.locator("#xxgk-apply-website").bounding_box()
    assert box is not None and box["x"] < 0  # off screen for people
    assert page.locator(".xxgk-hp").get_attribute("aria-hidden") == "true"
    assert page.locator("#xxgk-apply-website").get_attribute("tabindex") == "-1"
    tree = page.locator("#xxgk-apply").aria_snapshot()
    assert "网址" not in tree and "联系电话" in tree


def test_without_script_the_form_is_confirmed_and_received(browser: Any, portal: Server) -> None:
    page = open_page(browser, portal, "apply/", script=False)
    fill_application(page, "无脚本申请人（虚构）")
    with page.expect_navigation():
        page.click("button.xxgk-apply-submit")
    assert page.title().startswith("请核对您的政府信息公开申请")
    assert "无脚本申请人（虚构）" in page.inner_text("main")
    page.wait_for_timeout(2100)  # a person reading the confirmation (the minimum fill time)
    with page.expect_navigation():
        page.click("button:has-text('确认提交')")
    assert "已收到您的政府信息公开申请" in page.content(), page.inner_text("main")
    text = page.inner_text("main")
    assert re.search(r"ZXSQ-2026-\d{5}", text) and "2026-12-18" in text


def test_a_questionnaire_gets_a_receipt_and_becomes_an_evaluation_record(
    browser: Any, portal: Server
) -> None:
    page = open_page(browser, portal, "evaluation/")
    assert page.query_selector("#xxgk-eval-issue") is None and page.is_visible("#xxgk-eval-mail")
    page.select_option("#xxgk-eval-unit", "鄂托克前旗民政局")
    page.check('input[name="q1"][value="满意"]')
    page.check('input[name="q2"][value="基本满意"]')
    page.fill("#xxgk-eval-comments", "希望公开救助资金的发放情况。")
    page.click("#xxgk-eval-submit")
    page.wait_for_selector("#xxgk-eval-receipt:not([hidden])", timeout=20000)
    number = re.search(r"ZXPY-2026-\d{5}", page.inner_text("#xxgk-eval-receipt"))
    assert number and page.evaluate("window.__csp") == []
    root = root_of(portal)
    taken = xxgk(root, "request", "inbox", "--identity", str(KEY), "--spool", str(portal.spool))
    assert taken.returncode == 0 and number[0] in taken.stdout, taken.stderr
    records = [
        p
        for p in (root / "evaluations").rglob("*.yml")
        if f"受理编号: {number[0]}" in p.read_text("utf-8")
    ]
    assert len(records) == 1 and "被评议单位: 鄂托克前旗民政局\n" in records[0].read_text("utf-8")
    assert xxgk(root, "evaluation", "check").returncode == 0
    assert entries(portal.spool) == []
