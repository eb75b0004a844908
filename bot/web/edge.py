"""The web edge every request passes: CORS allowlist, security headers, JSON errors, rate limits.

Customers never see a stack trace or an internal message: our errors map to a status and a stable
code (`_BOT_ERRORS`), HTTP errors keep their own, anything else is a logged 500.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from flask import Flask, Response, current_app, jsonify, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from werkzeug.exceptions import HTTPException
from werkzeug.middleware.proxy_fix import ProxyFix

from bot.errors import AnswerFailed, BotError, ConversationNotFound, InvalidInput, MessageNotFound, PolicyInvalid
from bot.web.limiter_storage import MEMORY_URI
from bot.web.metrics import Metrics

log = logging.getLogger(__name__)
View = TypeVar("View", bound=Callable[..., Any])
_LIMITS_IN_VIEW = "supportbot_limits_in_view"  # on a view function that counts its own limits
LIMITER_KEY_PREFIX = "supportbot"  # the limiter's storage keys start with it (shared with other users of a Redis)

_API_CSP = "default-src 'none'; frame-ancestors 'none'"
# NOTE: the widget styles itself through constructable stylesheets and CSSOM, so even the demo page
# needs no 'unsafe-inline'; a host page with a strict CSP can embed it the same way.
_PAGE_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; "
    "font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
_BOT_ERRORS: dict[type[BotError], tuple[int, str]] = {
    ConversationNotFound: (404, "not_found"),
    MessageNotFound: (404, "not_found"),
    InvalidInput: (400, "invalid_input"),
    AnswerFailed: (503, "unavailable"),
    PolicyInvalid: (500, "internal_error"),
}
# What a customer reads; only InvalidInput's own text (written for customers) is shown as is.
_PUBLIC_MESSAGES = {
    404: "Not found.",
    500: "Something went wrong on our side. Please try again.",
    503: "The service is temporarily unavailable. Please try again shortly.",
}


def make_limiter(storage_uri: str | None, default_limits: Sequence[str]) -> Limiter:
    """Per-IP limits on `/api/` (Redis storage when `storage_uri` is set, so workers share counts)."""
    limiter = Limiter(
        get_remote_address,
        default_limits=list(default_limits),
        storage_uri=storage_uri or MEMORY_URI,
        key_prefix=LIMITER_KEY_PREFIX,
        headers_enabled=True,
        swallow_errors=True,  # NOTE: a Redis outage must not take the chat down; it is logged
    )
    limiter.request_filter(lambda: request.method == "OPTIONS" or not request.path.startswith("/api/"))
    limiter.request_filter(_before_a_view_that_limits_itself)
    return limiter


def limits_in_view(view: View) -> View:
    """Mark a view that counts its own rate limits (`bot.web.conversation_limits`, after its token check):
    flask-limiter's own pass skips it."""
    setattr(view, _LIMITS_IN_VIEW, True)
    return view


def _before_a_view_that_limits_itself() -> bool:
    """flask-limiter's before_request pass would resolve the per-IP default limits of a view that counts
    them itself, before its token is checked; it is skipped for marked views."""
    view = current_app.view_functions.get(request.endpoint or "")
    return getattr(view, _LIMITS_IN_VIEW, False)


def trust_proxies(app: Flask, hops: int) -> None:
    """Take the client's address (and scheme and host) from the `hops` proxies in front of us.

    Each trusted proxy appends to `X-Forwarded-For`; only the last `hops` entries are believed, so a
    client cannot pick its own address (and with it its rate-limit bucket). 0: the socket's address.
    """
    if hops > 0:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)  # type: ignore[method-assign]


def register_edge(app: Flask, *, metrics: Metrics, cors_origins: Sequence[str]) -> None:
    """CORS and security headers on every response, and JSON for every error."""
    allowed = {o.rstrip("/") for o in cors_origins}
    app.before_request(_refuse_nul)
    app.before_request(lambda: _refuse_foreign_origin(allowed))
    app.after_request(lambda response: _add_headers(response, allowed))
    _register_error_handlers(app, metrics)


# -- CORS and headers ------------------------------------------------------------------------
def _origin_allowed(origin: str, allowed: set[str]) -> bool:
    return "*" in allowed or origin.rstrip("/") in allowed or origin.rstrip("/") == request.host_url.rstrip("/")


def _refuse_nul() -> Response | None:
    """A NUL in the path, the query or a header is never ours (and Postgres cannot hold one).

    NOTE: the headers are read from the WSGI environ, where `request.headers` finds them, without
    building its title-cased names (~25 us a request); the query is parsed only when there is one.
    """
    environ = request.environ
    parts = [request.path, *(v for k, v in environ.items() if _is_header(k) and isinstance(v, str))]
    if environ.get("QUERY_STRING"):
        parts += [*request.args.keys(), *request.args.values()]
    if any("\x00" in part for part in parts):
        return error_response(400, "invalid_request", "The request contains a NUL character.")
    return None


def _is_header(key: str) -> bool:
    """Whether a WSGI environ key holds a request header (werkzeug's `EnvironHeaders` rule)."""
    if key.startswith("HTTP_"):
        return key not in ("HTTP_CONTENT_TYPE", "HTTP_CONTENT_LENGTH")
    return key in ("CONTENT_TYPE", "CONTENT_LENGTH")


def _refuse_foreign_origin(allowed: set[str]) -> Response | None:
    """A browser on a site not in the allowlist may not use the API (CORS alone only hides replies)."""
    origin = request.headers.get("Origin")
    if origin and request.path.startswith("/api/") and not _origin_allowed(origin, allowed):
        log.info("refused %s %s from origin %s: not in SUPPORTBOT_WEB__CORS_ORIGINS",
                 request.method, request.path, origin)
        return error_response(403, "origin_not_allowed", "This site is not allowed to use the chat API.")
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
        if "Vary" in response.headers:
            response.vary.add("Origin")
        else:  # NOTE: what `vary.add` writes here, without parsing and re-serialising the header (~9 us)
            response.headers["Vary"] = "Origin"
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
def error_response(status: int, code: str, message: str, details: list[Any] | None = None) -> Response:
    """The JSON error body every error of the API has: `{error, message, details?}`."""
    body: dict[str, Any] = {"error": code, "message": message}
    if details:
        body["details"] = details
    response = jsonify(body)
    response.status_code = status
    return response


def _register_error_handlers(app: Flask, metrics: Metrics) -> None:
    @app.errorhandler(BotError)
    def bot_error(exc: BotError) -> Response:
        status, code = next(((s, c) for cls, (s, c) in _BOT_ERRORS.items() if isinstance(exc, cls)),
                            (500, "internal_error"))
        log.log(logging.ERROR if status >= 500 else logging.INFO, "%s %s -> %d %s: %s: %s",
                request.method, request.path, status, code, type(exc).__name__, exc)
        metrics.error(code)
        return error_response(status, code, _PUBLIC_MESSAGES.get(status, str(exc)))

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException) -> Response:
        status = exc.code or 500
        code = getattr(exc, "error_code", None) or (exc.name or "error").lower().replace(" ", "_")
        if status == 429:
            code = "rate_limited"
        log.info("%s %s from %s -> %d %s: %s", request.method, request.path, request.remote_addr, status, code,
                 exc.description)
        metrics.error(code)
        response = error_response(status, code, exc.description or exc.name, getattr(exc, "details", None))
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
        return error_response(500, "internal_error", "Something went wrong on our side. Please try again.")
