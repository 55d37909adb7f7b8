"""The intake service as the public and bots meet it: a real ``xxgk intake serve`` process."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from html import unescape
from pathlib import Path

import httpx
import pytest
from intake_kit import Server, entries, opened, person, serving, small_repo

JSON = {"Accept": "application/json"}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    base = tmp_path_factory.mktemp("intake")
    root = small_repo(base / "repo")
    with serving(
        root, base / "spool", "--min-seconds", "3", "--max-body", "8192", "--rate", "1000"
    ) as running:
        yield running


def post(
    server: Server, path: str, data: dict[str, str], client: str = "203.0.113.1", **kw: object
) -> httpx.Response:
    headers = {**JSON, "X-Forwarded-For": client}
    return httpx.post(server.base + path, json=data, headers=headers, timeout=30, **kw)  # type: ignore[arg-type]


def test_an_application_is_stored_sealed_and_answered_with_number_received_day_and_deadline(
    server: Server,
) -> None:
    before = len(entries(server.spool))
    r = post(
        server, "api/requests", {**person(), "token": server.token(age=10), "nonce": "n-first"}
    )
    assert r.status_code == 201, r.text
    receipt = r.json()
    assert re.fullmatch(r"ZXSQ-2026-\d{5}", receipt["受理编号"])
    assert (
        receipt["收到日期"] == "2026-11-27" and receipt["答复期限"] == "2026-12-18"
    )  # 15 working days
    assert receipt["受理机关"] == "鄂托克前旗财政局" and "暂定" not in receipt
    assert any("第三十一条" in line for line in receipt["说明"])
    assert "测试申请人" not in r.text  # the receipt repeats nothing personal
    stored = entries(server.spool)
    assert (
        len(stored) == before + 1
        and (server.spool / "inbox" / f"{receipt['受理编号']}.age") in stored
    )
    raw = (server.spool / "inbox" / f"{receipt['受理编号']}.age").read_bytes()
    assert "测试申请人".encode() not in raw and b"99999919900101123X" not in raw
    envelope = opened(server.spool / "inbox" / f"{receipt['受理编号']}.age")
    assert envelope.data["name"] == "测试申请人（虚构）" and envelope.deadline == "2026-12-18"


def test_problems_come_back_per_field_in_plain_chinese(server: Server) -> None:
    r = post(
        server,
        "api/requests",
        {
            "applicant_type": "自然人",
            "id_type": "居民身份证",
            "id_number": "12345",
            "delivery": "邮寄",
            "token": server.token(age=10),
        },
    )
    assert r.status_code == 422
    problems = {p["栏目"]: p["说明"] for p in r.json()["问题"]}
    assert problems["name"] == "请填写姓名" and problems["phone"] == "请填写联系电话"
    assert problems["carrier"] == "请选择载体形式" and problems["address"] == "请填写通信地址"
    assert problems["id_number"].startswith("证件号码的格式不对：居民身份证号码为 18 位")


def test_a_unit_outside_the_registry_is_refused_at_its_field(server: Server) -> None:
    r = post(server, "api/requests", {**person(unit="某某局"), "token": server.token(age=10)})
    assert r.status_code == 422 and r.json()["问题"] == [
        {"栏目": "unit", "说明": "请从列表中选择受理机关"}
    ]


def test_a_filled_honeypot_is_refused_kindly_and_nothing_is_stored(server: Server) -> None:
    before = len(entries(server.spool))
    r = post(
        server,
        "api/requests",
        {**person(), "website": "http://spam.example", "token": server.token(age=10)},
    )
    assert (
        r.status_code == 400
        and "自动填表工具" in r.json()["说明"]
        and "0477-7621234" in r.json()["说明"]
    )
    assert len(entries(server.spool)) == before


def test_a_post_quicker_than_the_minimum_fill_time_is_told_how_long_to_wait(server: Server) -> None:
    r = post(server, "api/requests", {**person(), "token": server.token(age=0)})
    assert (
        r.status_code == 422
        and "提交得太快了" in r.json()["说明"]
        and 0 < r.json()["等待秒数"] <= 3
    )
    stale = post(server, "api/requests", {**person(), "token": server.token(age=13 * 3600)})
    assert stale.status_code == 422 and "表单已过期" in stale.json()["说明"]
    forged = post(
        server, "api/requests", {**person(), "token": "1.0.00000000000000000000000000000000"}
    )
    assert forged.status_code == 422 and "表单已过期" in forged.json()["说明"]


def test_json_without_a_token_is_told_where_to_get_one(server: Server) -> None:
    r = post(server, "api/requests", person())
    assert r.status_code == 428 and "api/token" in r.json()["说明"]
    token = httpx.get(server.base + "api/token", timeout=10).json()
    assert token["最短秒数"] == 3 and server.token() != token["令牌"]


def test_a_retried_post_with_the_same_nonce_gets_the_same_receipt(server: Server) -> None:
    data = {**person(), "token": server.token(age=10), "nonce": "retry-me"}
    first, again = post(server, "api/requests", data), post(server, "api/requests", data)
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json() == again.json()
    assert sum(opened(e).nonce == "retry-me" for e in entries(server.spool)) == 1


def test_a_body_over_the_limit_gets_413_in_chinese(server: Server) -> None:
    r = post(server, "api/requests", {**person(info="很长" * 3000), "token": server.token(age=10)})
    assert r.status_code == 413 and "太大" in r.json()["说明"]

    def chunks() -> Iterator[bytes]:  # no Content-Length: the service stops reading at the limit
        yield b'{"info": "'
        for _ in range(100):
            yield b"x" * 1024

    streamed = httpx.post(
        server.base + "api/requests",
        content=chunks(),
        headers={"Content-Type": "application/json"},
        timeout=30,
    )
    assert streamed.status_code == 413


def test_other_content_and_broken_json_are_refused_with_a_reason(server: Server) -> None:
    r = httpx.post(
        server.base + "api/requests",
        content=b"x",
        headers={"Content-Type": "text/plain"},
        timeout=10,
    )
    assert r.status_code == 415 and "JSON" in r.json()["说明"]
    r = httpx.post(
        server.base + "api/requests",
        content=b"{",
        headers={"Content-Type": "application/json"},
        timeout=10,
    )
    assert r.status_code == 400 and "JSON" in r.json()["说明"]


def test_a_questionnaire_is_stored_and_answered(server: Server) -> None:
    r = post(
        server,
        "api/evaluations",
        {
            "unit": "鄂托克前旗民政局",
            "q1": "满意",
            "q2": "不了解",
            "comments": "希望多公开救助标准。",
            "token": server.token(age=10),
        },
    )
    assert r.status_code == 201, r.text
    assert (
        re.fullmatch(r"ZXPY-2026-\d{5}", r.json()["受理编号"])
        and r.json()["被评议单位"] == "鄂托克前旗民政局"
    )
    bad = post(
        server,
        "api/evaluations",
        {"unit": "鄂托克前旗民政局", "q1": "还行", "token": server.token(age=10)},
    )
    assert bad.status_code == 422 and bad.json()["问题"][0]["栏目"] == "q1"
    none = post(
        server, "api/evaluations", {"unit": "鄂托克前旗民政局", "token": server.token(age=10)}
    )
    assert none.status_code == 422 and "请至少回答一道评议题目" in none.text


def hidden_fields(page: str) -> dict[str, str]:
    return {
        unescape(m[1]): unescape(m[2])
        for m in re.finditer(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', page)
    }


def test_a_form_without_script_posts_to_its_page_is_confirmed_and_then_received(
    server: Server,
) -> None:
    form = {**person(), "website": ""}
    first = httpx.post(server.base + "apply/", data=form, timeout=30)
    assert first.status_code == 200 and "请核对您的政府信息公开申请" in first.text
    assert 'action="../api/requests"' in first.text and "测试申请人（虚构）" in first.text
    hidden = hidden_fields(first.text)
    assert hidden["name"] == "测试申请人（虚构）" and hidden["token"] and hidden["nonce"]
    early = httpx.post(server.base + "api/requests", data=hidden, timeout=30)
    assert early.status_code == 200 and "提交得太快了" in early.text  # the confirmation again
    time.sleep(3.1)  # the minimum fill time is what is tested here
    done = httpx.post(server.base + "api/requests", data=hidden_fields(early.text), timeout=30)
    assert done.status_code == 201 and "已收到您的政府信息公开申请" in done.text
    assert re.search(r"ZXSQ-2026-\d{5}", done.text) and "2026-12-18" in done.text
    assert 'href="../assets/xxgk/apply.css"' in done.text


def test_pages_and_answers_carry_a_strict_policy_and_are_not_cached(server: Server) -> None:
    r = httpx.post(server.base + "evaluation/", data={"unit": "鄂托克前旗民政局"}, timeout=30)
    assert r.status_code == 422 and "请至少回答一道评议题目" in r.text
    policy = r.headers["content-security-policy"]
    assert (
        "script-src 'self'" in policy
        and "form-action 'self'" in policy
        and "default-src 'none'" in policy
    )
    assert (
        r.headers["cache-control"] == "no-store"
        and "<script>" not in r.text
        and " style=" not in r.text
    )


def test_too_many_posts_from_one_address_get_429_with_a_kind_message(tmp_path: Path) -> None:
    root = small_repo(tmp_path / "repo")
    with serving(root, tmp_path / "spool", "--rate", "2") as server:
        codes = [
            post(
                server,
                "api/requests",
                {**person(), "token": server.token(age=10)},
                client="198.51.100.7",
            )
            for _ in range(3)
        ]
        assert [c.status_code for c in codes] == [201, 201, 429]
        assert "一小时内提交的次数已经达到上限（2 次）" in codes[2].json()["说明"]
        assert int(codes[2].headers["retry-after"]) > 3000
        other = post(
            server,
            "api/requests",
            {**person(), "token": server.token(age=10)},
            client="198.51.100.8",
        )
        assert other.status_code == 201
