"""The web edge around the customer API: CORS, security headers, JSON errors, health, metrics, widget.

`register_web(app, ...)` adds all of it to an app built by `server.create_app`; it touches no service
except through the callables it is given.
"""
from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from importlib import resources
from typing import TYPE_CHECKING, Any

from flask import Blueprint, Flask, Response, jsonify, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from limits.storage import MemoryStorage
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest
from werkzeug.exceptions import HTTPException

from bot.errors import (
    AnswerFailed,
    BotError,
    ConversationNotFound,
    InvalidInput,
    MessageNotFound,
    PolicyInvalid,
    RetrievalUnavailable,
)
from bot.web.openapi import openapi_document

if TYPE_CHECKING:
    from bot.web.metrics import Metrics

log = logging.getLogger(__name__)

_API_CSP = "default-src 'none'; frame-ancestors 'none'"
# NOTE: the widget styles itself through constructable stylesheets and CSSOM, so even the demo page
# needs no 'unsafe-inline'; a host page with a strict CSP can embed it the same way.
_PAGE_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
_BOT_ERRORS: dict[type[BotError], tuple[int, str]] = {
    ConversationNotFound: (404, "not_found"),
    MessageNotFound: (404, "not_found"),
    InvalidInput: (400, "invalid_input"),
    RetrievalUnavailable: (503, "unavailable"),
    AnswerFailed: (503, "unavailable"),
    PolicyInvalid: (500, "internal_error"),
}
# What a customer reads; only InvalidInput's own text (written for customers) is shown as is.
_PUBLIC_MESSAGES = {
    404: "Not found.",
    500: "Something went wrong on our side. Please try again.",
    503: "The service is temporarily unavailable. Please try again shortly.",
}


class _InlineExpiryMemoryStorage(MemoryStorage):
    """limits' memory storage, minus a new timer thread per counted request: expiry runs inline once a second.

    NOTE: `MemoryStorage` starts a `threading.Timer` whenever the last one finished, i.e. on nearly
    every request under load; starting a thread waits until it is scheduled, which cost milliseconds
    per request on a busy 2-core machine. `get()` already ignores expired counters, so sweeping
    rarely only delays freeing memory. (The subclass registers the scheme below with `limits`.)
    """

    STORAGE_SCHEME = ["supportbot-memory"]

    def __init__(self, uri: str | None = None, wrap_exceptions: bool = False, **options: str) -> None:
        super().__init__(uri, wrap_exceptions=wrap_exceptions, **options)
        self._sweep_lock = threading.Lock()
        self._next_sweep = 0.0

    def _MemoryStorage__schedule_expiry(self) -> None:
        now = time.monotonic()
        if now >= self._next_sweep and self._sweep_lock.acquire(blocking=False):
            try:
                self._next_sweep = now + 1.0
                self._MemoryStorage__expire_events()
            finally:
                self._sweep_lock.release()


def make_limiter(storage_uri: str | None, default_limits: Sequence[str]) -> Limiter:
    """Per-IP limits on `/api/` (Redis storage when `storage_uri` is set, so workers share counts)."""
    limiter = Limiter(
        get_remote_address,
        default_limits=list(default_limits),
        storage_uri=storage_uri or "supportbot-memory://",
        key_prefix="supportbot",
        headers_enabled=True,
        swallow_errors=True,  # NOTE: a Redis outage must not take the chat down; it is logged
    )
    limiter.request_filter(lambda: request.method == "OPTIONS" or not request.path.startswith("/api/"))
    return limiter


def register_web(
    app: Flask,
    *,
    bot: Any,
    metrics: Metrics,
    registry: CollectorRegistry,
    cors_origins: Sequence[str],
    ready_checks: Mapping[str, Callable[[], object]],
) -> None:
    """CORS and headers on every response, JSON errors, `/healthz` `/readyz` `/metrics`, widget, OpenAPI."""
    del bot  # the edge talks to services only through the callables above
    allowed = {o.rstrip("/") for o in cors_origins}
    app.before_request(lambda: _refuse_foreign_origin(allowed))
    app.after_request(lambda response: _add_headers(response, allowed))
    _register_error_handlers(app, metrics)
    app.register_blueprint(_ops_blueprint(registry, ready_checks))
    app.register_blueprint(_widget_blueprint())


# -- CORS and headers ------------------------------------------------------------------------
def _origin_allowed(origin: str, allowed: set[str]) -> bool:
    return "*" in allowed or origin.rstrip("/") in allowed or origin.rstrip("/") == request.host_url.rstrip("/")


def _refuse_foreign_origin(allowed: set[str]) -> Response | None:
    """A browser on a site not in the allowlist may not use the API (CORS alone only hides replies)."""
    origin = request.headers.get("Origin")
    if origin and request.path.startswith("/api/") and not _origin_allowed(origin, allowed):
        log.info("refused %s %s from origin %s: not in SUPPORTBOT_WEB__CORS_ORIGINS",
                 request.method, request.path, origin)
        return _error_response(403, "origin_not_allowed", "This site is not allowed to use the chat API.")
    return None


def _add_headers(response: Response, allowed: set[str]) -> Response:
    origin = request.headers.get("Origin")
    if request.path.startswith("/api/"):
        if origin and _origin_allowed(origin, allowed):
            response.headers["Access-Control-Allow-Origin"] = origin
            response.headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
            response.headers["Access-Control-Allow-Headers"] = "Authorization, Content-Type, Last-Event-ID"
            response.headers["Access-Control-Expose-Headers"] = "Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining"
            response.headers["Access-Control-Max-Age"] = "600"
        response.vary.add("Origin")
        response.headers.setdefault("Content-Security-Policy", _API_CSP)
        response.headers.setdefault("Cache-Control", "no-store")
    elif request.path == "/widget.js":
        response.headers["Cross-Origin-Resource-Policy"] = "cross-origin"
        response.headers["Access-Control-Allow-Origin"] = "*"
    else:
        response.headers.setdefault("Content-Security-Policy", _PAGE_CSP)
        response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "strict-origin-when-cross-origin"
    return response


# -- errors ----------------------------------------------------------------------------------
def _error_response(status: int, code: str, message: str, details: list[Any] | None = None) -> Response:
    body: dict[str, Any] = {"error": code, "message": message}
    if details:
        body["details"] = details
    response = jsonify(body)
    response.status_code = status
    return response


def _register_error_handlers(app: Flask, metrics: Metrics) -> None:
    @app.errorhandler(BotError)
    def bot_error(exc: BotError) -> Response:
        status, code = next(((s, c) for cls, (s, c) in _BOT_ERRORS.items() if isinstance(exc, cls)), (500, "internal_error"))
        log.log(logging.ERROR if status >= 500 else logging.INFO, "%s %s -> %d %s: %s: %s",
                request.method, request.path, status, code, type(exc).__name__, exc)
        metrics.error(code)
        return _error_response(status, code, _PUBLIC_MESSAGES.get(status, str(exc)))

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException) -> Response:
        status = exc.code or 500
        code = getattr(exc, "error_code", None) or (exc.name or "error").lower().replace(" ", "_")
        if status == 429:
            code = "rate_limited"
        log.info("%s %s from %s -> %d %s: %s", request.method, request.path, request.remote_addr, status, code, exc.description)
        metrics.error(code)
        response = _error_response(status, code, exc.description or exc.name, getattr(exc, "details", None))
        if status == 401:
            response.headers["WWW-Authenticate"] = "Bearer"
        allow = dict(exc.get_headers()).get("Allow")
        if allow:
            response.headers["Allow"] = allow
        return response

    @app.errorhandler(Exception)
    def unexpected(exc: Exception) -> Response:
        log.exception("unhandled error on %s %s", request.method, request.path)
        metrics.error("internal")
        return _error_response(500, "internal_error", "Something went wrong on our side. Please try again.")


# -- health, readiness, metrics, OpenAPI ----------------------------------------------------
def _ops_blueprint(registry: CollectorRegistry, ready_checks: Mapping[str, Callable[[], object]]) -> Blueprint:
    bp = Blueprint("ops", __name__)

    @bp.get("/healthz")
    def healthz() -> Response:
        return jsonify({"status": "ok"})

    @bp.get("/readyz")
    def readyz() -> tuple[Response, int]:
        checks: dict[str, str] = {}
        for name, check in ready_checks.items():
            try:
                ok = check() is not False
            except Exception as exc:
                log.warning("readiness check %s failed: %s", name, exc)
                ok = False
            checks[name] = "ok" if ok else "failing"
        ready = all(v == "ok" for v in checks.values())
        return jsonify({"status": "ready" if ready else "not_ready", "checks": checks}), 200 if ready else 503

    @bp.get("/metrics")
    def metrics() -> Response:
        return Response(generate_latest(registry), mimetype=CONTENT_TYPE_LATEST)

    @bp.get("/api/openapi.json")
    def openapi() -> Response:
        return jsonify(openapi_document(server_url=request.host_url.rstrip("/")))

    return bp


# -- the widget and its demo page ------------------------------------------------------------
def _widget_blueprint() -> Blueprint:
    bp = Blueprint("widget", __name__)
    assets = resources.files("bot.web") / "widget"

    def asset(name: str, mimetype: str, max_age: int) -> Response:
        response = Response(assets.joinpath(name).read_bytes(), mimetype=mimetype)
        response.headers["Cache-Control"] = f"public, max-age={max_age}"
        return response

    @bp.get("/widget.js")
    def widget_js() -> Response:
        return asset("widget.js", "text/javascript", 300)

    @bp.get("/")
    def demo() -> Response:
        return asset("demo.html", "text/html", 60)

    @bp.get("/favicon.ico")
    def favicon() -> tuple[str, int]:
        return "", 204

    @bp.get("/demo.css")
    def demo_css() -> Response:
        return asset("demo.css", "text/css", 300)

    return bp
