"""The web edge: CORS allowlist, security headers, JSON errors, health, metrics, OpenAPI, widget assets."""
from __future__ import annotations

import re

import pytest
from flask import Flask
from flask.testing import FlaskClient

from bot import errors
from bot.web.openapi import openapi_document
from web.fakes import FakeBotService
from web.support import Readiness, build_app

ALLOWED = "https://shop.example"


def test_cors_preflight_from_an_allowed_origin(client: FlaskClient, start) -> None:
    cid, _ = start()
    response = client.options(f"/api/conversations/{cid}/messages", headers={
        "Origin": ALLOWED, "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization, content-type"})
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == ALLOWED
    assert "POST" in response.headers["Access-Control-Allow-Methods"]
    assert "Authorization" in response.headers["Access-Control-Allow-Headers"]
    assert "Origin" in response.headers["Vary"]
    assert "Access-Control-Allow-Credentials" not in response.headers  # tokens, never cookies


def test_api_responses_vary_on_origin_keeping_a_view_s_own_vary(client: FlaskClient) -> None:
    app = client.application
    app.add_url_rule("/api/test-vary", "test_vary", lambda: ("{}", 200, {"Vary": "Accept-Language"}))
    assert client.post("/api/conversations").headers["Vary"] == "Origin"
    assert client.get("/api/test-vary").headers["Vary"] == "Accept-Language, Origin"


def test_cors_reflects_allowed_origins_only(client: FlaskClient) -> None:
    allowed = client.post("/api/conversations", headers={"Origin": ALLOWED})
    assert allowed.status_code == 201 and allowed.headers["Access-Control-Allow-Origin"] == ALLOWED


def test_a_foreign_origin_is_refused_and_creates_nothing(client: FlaskClient, bot: FakeBotService) -> None:
    refused = client.post("/api/conversations", headers={"Origin": "https://evil.example"})
    assert refused.status_code == 403 and refused.get_json()["error"] == "origin_not_allowed"
    assert "Access-Control-Allow-Origin" not in refused.headers
    preflight = client.options(
        "/api/conversations", headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"}
    )
    assert "Access-Control-Allow-Origin" not in preflight.headers
    assert bot.store.conversations == {}


def test_same_origin_and_wildcard_are_allowed(bot: FakeBotService) -> None:
    same = build_app(bot).test_client().post("/api/conversations", headers={"Origin": "http://localhost"})
    assert same.status_code == 201
    anyone = (
        build_app(bot, cors_origins=("*",))
        .test_client()
        .post("/api/conversations", headers={"Origin": "https://a.example"})
    )
    assert anyone.headers["Access-Control-Allow-Origin"] == "https://a.example"


def test_security_headers_on_api_pages_and_widget(client: FlaskClient) -> None:
    api = client.get("/healthz")
    page = client.get("/")
    widget = client.get("/widget.js")
    for response in (api, page, widget):
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert page.headers["X-Frame-Options"] == "DENY"
    csp = page.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
    assert widget.mimetype == "text/javascript"
    assert widget.headers["Cross-Origin-Resource-Policy"] == "cross-origin"
    assert "X-Frame-Options" not in widget.headers
    conversations = client.post("/api/conversations")
    assert conversations.headers["Cache-Control"] == "no-store"
    assert conversations.headers["Content-Security-Policy"].startswith("default-src 'none'")


class _Exploding(FakeBotService):
    def start_conversation(self, **kwargs):
        raise RuntimeError("database password is hunter2")


def test_unexpected_errors_are_500_json_without_internals(caplog: pytest.LogCaptureFixture) -> None:
    app = build_app(_Exploding())
    response = app.test_client().post("/api/conversations")
    assert response.status_code == 500
    assert response.get_json() == {
        "error": "internal_error",
        "message": "Something went wrong on our side. Please try again.",
    }
    assert "hunter2" not in response.get_data(as_text=True) and "Traceback" not in response.get_data(as_text=True)
    assert any("unhandled error on POST /api/conversations" in r.getMessage() for r in caplog.records)
    assert 'supportbot_errors_total{kind="internal"} 1.0' in app.test_client().get("/metrics").get_data(as_text=True)


def test_rejections_leave_an_operator_log_line(client: FlaskClient, start, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level("INFO", logger="bot.web.edge")
    cid, auth = start()
    client.post(f"/api/conversations/{cid}/messages", data="{x", content_type="application/json", headers=auth)
    assert any("400 malformed_json" in r.getMessage() for r in caplog.records)


def test_healthz_and_readyz() -> None:
    readiness = Readiness()
    client = build_app(FakeBotService(), readiness=readiness).test_client()
    assert client.get("/healthz").get_json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200 and ready.get_json()["checks"] == {"database": "ok", "index": "ok"}
    readiness.database_ok = False
    not_ready = client.get("/readyz")
    assert not_ready.status_code == 503
    assert not_ready.get_json() == {"status": "not_ready", "checks": {"database": "failing", "index": "ok"}}
    assert client.get("/healthz").status_code == 200  # the process is still up


def test_metrics_exposition_on_the_apps_own_registry(app: Flask, client: FlaskClient, start) -> None:
    metrics = app.extensions["test_metrics"]
    metrics.observe_turn(0.02, "answered")
    metrics.handoff("customer_request")
    cid, auth = start()
    client.post(f"/api/conversations/{cid}/messages", data="{", content_type="application/json", headers=auth)
    response = client.get("/metrics")
    assert response.status_code == 200 and response.mimetype == "text/plain"
    text = response.get_data(as_text=True)
    assert 'supportbot_turns_total{outcome="answered"} 1.0' in text
    assert 'supportbot_handoffs_total{reason="customer_request"} 1.0' in text
    assert 'supportbot_errors_total{kind="malformed_json"} 1.0' in text
    assert re.search(r"supportbot_turn_seconds_bucket\{le=\"0.03\"\} 1.0", text)
    assert "supportbot_sse_streams 0.0" in text
    assert "python_gc_objects_collected_total" not in text  # not the global registry
    other = build_app(FakeBotService()).test_client().get("/metrics").get_data(as_text=True)
    assert 'supportbot_turns_total{outcome="answered"}' not in other  # one registry per app


def test_openapi_is_valid_and_documents_every_api_route(app: Flask, client: FlaskClient) -> None:
    from openapi_spec_validator import validate

    document = client.get("/api/openapi.json").get_json()
    validate(document)
    documented = {(path, method) for path, ops in document["paths"].items() for method in ops}
    served = set()
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/api"):
            continue
        path = re.sub(r"<(?:[^:>]+:)?([^>]+)>", r"{\1}", rule.rule)
        served |= {(path, m.lower()) for m in rule.methods - {"HEAD", "OPTIONS"}}
    assert served == documented
    assert document == openapi_document(server_url="http://localhost")


def test_every_error_code_the_api_sends_is_in_the_openapi_enum() -> None:
    import pathlib

    codes = set(openapi_document()["components"]["schemas"]["Error"]["properties"]["error"]["enum"])
    source = "".join(
        (pathlib.Path(__file__).parents[3] / "bot" / "web" / name).read_text() for name in ("api.py", "edge.py")
    )
    sent = set(re.findall(r'ApiError\(\d+, "([a-z_]+)"', source)) | set(re.findall(r'\(\d+, "([a-z_]+)"\)', source))
    assert sent and sent <= codes


def test_widget_and_demo_page_are_served(client: FlaskClient) -> None:
    assert client.get("/widget.js").status_code == 200
    page = client.get("/")
    assert page.status_code == 200 and page.mimetype == "text/html"
    assert '<script src="/widget.js"' in page.get_data(as_text=True)
    assert client.get("/demo.css").mimetype == "text/css"


class _Failing(FakeBotService):
    def __init__(self, error: Exception) -> None:
        super().__init__()
        self.error = error

    def request_person(self, conversation_id: str, *, reason: str = "customer_request"):
        raise self.error


@pytest.mark.parametrize(
    ("error", "status", "code"),
    [
        (errors.MessageNotFound(7), 404, "not_found"),
        (errors.AnswerFailed("LLM at 10.0.0.3 timed out"), 503, "unavailable"),
        (errors.PolicyInvalid("bad key in /etc/policy.yml"), 500, "internal_error"),
        (errors.InvalidInput("rating must be between 1 and 5"), 400, "invalid_input"),
    ],
)
def test_bot_errors_map_to_clear_statuses_without_internals(error: Exception, status: int, code: str) -> None:
    client = build_app(_Failing(error)).test_client()
    created = client.post("/api/conversations").get_json()
    response = client.post(
        f"/api/conversations/{created['id']}/handoff", headers={"Authorization": f"Bearer {created['token']}"}
    )
    assert response.status_code == status and response.get_json()["error"] == code
    body = response.get_data(as_text=True)
    assert "10.0.0.3" not in body and "/etc/policy.yml" not in body
    if code == "invalid_input":
        assert response.get_json()["message"] == "rating must be between 1 and 5"
