"""The Starlette application: routes, body and rate limits, JSON or HTML answers.

Routes (beside the static site, same origin; ``xxgk intake serve --site`` also serves it):

* ``GET  /api/token`` — a form token (the page's script asks for one when the form opens);
* ``POST /api/requests`` — an application; ``POST /api/evaluations`` — a questionnaire;
  each as JSON (answer JSON) or as a form post (answer a page);
* ``POST /apply/`` and ``POST /evaluation/`` — the same, for the forms on the site: the site's
  safety check refuses an ``action`` attribute on generated pages, so a form without script
  posts to its own address and the web server hands that post to this service;
* ``GET  /api/health``.

A post gets 201 and a receipt only once its submission is on disk (``spool.Spool.store``).
"""

from __future__ import annotations

import json
import secrets
from typing import Any
from urllib.parse import parse_qsl

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from xxgk.intake.envelope import EVALUATION, REQUEST
from xxgk.intake.fields import FieldError
from xxgk.intake.limits import TOO_LARGE
from xxgk.intake.pages import Pages
from xxgk.intake.service import NONCE, TOKEN, Intake, Outcome, Settings

HEADERS = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
FORM = "application/x-www-form-urlencoded"


class BadBody(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def parse_body(body: bytes, content_type: str) -> dict[str, Any]:
    kind = content_type.split(";")[0].strip().lower()
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadBody(400, "提交的内容不是 UTF-8 编码的文字") from exc
    if kind == "application/json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise BadBody(400, "提交的内容不是合法的 JSON") from exc
        if not isinstance(data, dict):
            raise BadBody(400, 'JSON 应是一个对象：{"栏目": "内容", …}')
        return data
    if kind == FORM:
        return dict(parse_qsl(text, keep_blank_values=True, max_num_fields=200))
    raise BadBody(415, "请用网页表单（application/x-www-form-urlencoded）或 JSON 提交")


async def read_limited(request: Request, limit: int) -> bytes | None:
    """The body, or None when it is larger than ``limit`` bytes (stops reading there)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        return None
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def create_app(settings: Settings) -> Starlette:
    intake = Intake(settings)
    pages = Pages(intake.ws.registry, intake.schema)

    async def token(request: Request) -> Response:
        body = {"令牌": intake.tokens.issue(), "最短秒数": settings.min_seconds}
        return JSONResponse(body, headers=HEADERS)

    async def health(request: Request) -> Response:
        return JSONResponse({"状态": "正常"}, headers=HEADERS)

    def poster(kind: str) -> Any:
        async def post(request: Request) -> Response:
            return await submit(request, kind, intake, pages)

        return post

    routes: list[BaseRoute] = [
        Route("/api/token", token, methods=["GET"]),
        Route("/api/health", health, methods=["GET"]),
    ]
    for kind, paths in (
        (REQUEST, ("/api/requests", "/apply/", "/apply/index.html")),
        (EVALUATION, ("/api/evaluations", "/evaluation/", "/evaluation/index.html")),
    ):
        routes += [Route(path, poster(kind), methods=["POST"]) for path in paths]
    if settings.site is not None:
        routes.append(Mount("/", app=StaticFiles(directory=settings.site, html=True)))
    return Starlette(routes=routes)


async def submit(request: Request, kind: str, intake: Intake, pages: Pages) -> Response:
    html = request.headers.get("content-type", "").split(";")[0].strip().lower() == FORM
    client = request.client.host if request.client else "?"
    wait = intake.limit.check(client)
    if wait is not None:
        headers = {**HEADERS, "Retry-After": str(int(wait) + 1)}
        return refuse(kind, 429, intake.limit.message(wait), html, pages, headers)
    body = await read_limited(request, intake.settings.max_body)
    if body is None:
        return refuse(kind, 413, TOO_LARGE.format(kb=intake.settings.max_body // 1024), html, pages)
    try:
        raw = parse_body(body, request.headers.get("content-type", ""))
    except BadBody as exc:
        return refuse(kind, exc.status, str(exc), html, pages)
    outcome = await run_in_threadpool(intake.accept, kind, raw)
    return answer(kind, outcome, html, intake, pages)


def refuse(
    kind: str,
    status: int,
    message: str,
    html: bool,
    pages: Pages,
    headers: dict[str, str] = HEADERS,
) -> Response:
    if html:
        return HTMLResponse(pages.problem(kind, [FieldError("", message)]), status, headers=headers)
    return JSONResponse({"说明": message, "问题": []}, status, headers=headers)


def answer(kind: str, outcome: Outcome, html: bool, intake: Intake, pages: Pages) -> Response:
    if not html:
        return JSONResponse(outcome.as_json(), outcome.status, headers=HEADERS)
    if outcome.receipt:
        return HTMLResponse(pages.receipt(kind, outcome.receipt), outcome.status, headers=HEADERS)
    if outcome.token:  # a confirmation page: first time (428), or again when too early or stale
        hidden = {TOKEN: outcome.token, NONCE: outcome.nonce or secrets.token_urlsafe(16)}
        messages = [] if outcome.status == 428 else [e.message for e in outcome.errors]
        return HTMLResponse(
            pages.confirm(kind, outcome.data, hidden, messages), 200, headers=HEADERS
        )
    return HTMLResponse(pages.problem(kind, outcome.errors), outcome.status, headers=HEADERS)
